// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/ingest.h"
#include "core/ingest/server_log_parser.h"

#include "diagnosis_test_support.h"

using namespace corsbench::ingest;
using corsbench::testing::readIngestData;

TEST(PythonException, MadeUpStarletteCorsError)
{
    const auto e = parsePythonExceptionLine(u"starlette.middleware.cors.CORSError: Origin 'http://localhost:3000' is not allowed");
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->nonexistentName);
    EXPECT_TRUE(e->nonexistentNote.contains(u"does not exist"));
    EXPECT_TRUE(e->corsFailures.contains(QStringLiteral("origin")));
    EXPECT_EQ(e->origin, u"http://localhost:3000");
    const auto i = parsePythonExceptionLine(u"ImportError: cannot import name 'CORSError' from 'starlette.middleware.cors' "
                                            u"(/usr/lib/python3/dist-packages/starlette/middleware/cors.py)");
    ASSERT_TRUE(i);
    EXPECT_TRUE(i->nonexistentName);
}

TEST(PythonException, AiohttpHttpForbidden)
{
    const auto e = parsePythonExceptionLine(
        u"aiohttp.web_exceptions.HTTPForbidden: CORS policy error: Origin 'http://localhost:5173' is not allowed for this API");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->framework, u"aiohttp");
    EXPECT_EQ(e->status, 403);
    EXPECT_EQ(e->origin, u"http://localhost:5173");
    EXPECT_TRUE(e->corsFailures.contains(QStringLiteral("origin")));
}

TEST(PythonException, NotExceptions)
{
    EXPECT_FALSE(parsePythonExceptionLine(u"INFO:     Started server process [1]"));
    EXPECT_FALSE(parsePythonExceptionLine(u"  File \"x.py\", line 1"));
    EXPECT_FALSE(parsePythonExceptionLine(u"Note: something"));
}

TEST(FrameworkMessages, AiohttpCorsPreflightFailures)
{
    auto e = parseFrameworkMessageLine(u"CORS preflight request failed: request method 'PUT' is not allowed for 'http://127.0.0.1:5173' origin");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->corsFailures, QStringList { QStringLiteral("method") });
    EXPECT_EQ(e->method, u"PUT");
    EXPECT_EQ(e->origin, u"http://127.0.0.1:5173");
    e = parseFrameworkMessageLine(u"CORS preflight request failed: headers are not allowed: CONTENT-TYPE, X-TOKEN");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->headers, (QStringList { QStringLiteral("content-type"), QStringLiteral("x-token") }));
    e = parseFrameworkMessageLine(u"CORS preflight request failed: no origins are allowed");
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->corsFailures.contains(QStringLiteral("no-origins")));
    e = parseFrameworkMessageLine(u"Disallowed CORS origin, method, headers");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->corsFailures.size(), 3);
    EXPECT_EQ(e->framework, u"starlette");
}

TEST(AccessLog, EveryFlavour)
{
    struct Row {
        const char16_t* line;
        const char* framework;
        const char* method;
        const char* path;
        int status;
    } rows[] = {
        { u"INFO:     127.0.0.1:51234 - \"OPTIONS /api/items HTTP/1.1\" 400 Bad Request", "uvicorn", "OPTIONS", "/api/items", 400 },
        { u"127.0.0.1 - - [24/Nov/2026:10:00:00 +0000] \"OPTIONS /api HTTP/1.1\" 401 21 \"-\" \"Mozilla/5.0\"", "nginx-or-gunicorn", "OPTIONS", "/api", 401 },
        { u"INFO:aiohttp.access:127.0.0.1 [24/Nov/2026:10:15:02 +0000] \"OPTIONS /api/data HTTP/1.1\" 403 236 \"-\" \"Mozilla/5.0\"", "aiohttp", "OPTIONS", "/api/data", 403 },
        { u"127.0.0.1 - - [24/Nov/2026 10:20:11] \"OPTIONS /api/items/ HTTP/1.1\" 308 -", "werkzeug", "OPTIONS", "/api/items/", 308 },
        { u"10.0.0.7 - - [24/Nov/2026:10:00:01 +0000] \"GET /api/items?x=1 HTTP/2.0\" 200 512 \"https://app/\" \"UA\"", "nginx-or-gunicorn", "GET", "/api/items?x=1", 200 },
    };
    for (const Row& r : rows) {
        const auto e = parseAccessLogLine(QStringView(r.line));
        ASSERT_TRUE(e) << QString::fromUtf16(r.line).toStdString();
        EXPECT_EQ(e->framework, QLatin1String(r.framework)) << QString::fromUtf16(r.line).toStdString();
        EXPECT_EQ(e->method, QLatin1String(r.method));
        EXPECT_EQ(e->path, QLatin1String(r.path));
        EXPECT_EQ(e->status, r.status);
    }
    EXPECT_FALSE(parseAccessLogLine(u"\"not a request\" 200"));
}

TEST(Tracebacks, StarletteTracebackWithConsoleAndLogs)
{
    auto r = ingestText(readIngestData("starlette_500_traceback.txt"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 4);
    EXPECT_EQ(r->evidence.at(0).kind, EvidenceKind::ChromeConsole);
    EXPECT_EQ(r->evidence.at(0).firstLine, 1);
    EXPECT_EQ(r->evidence.at(0).lastLine, 2); // the net::ERR_FAILED line joins it
    EXPECT_EQ(r->evidence.at(0).console->status.value_or(0), 500);
    EXPECT_EQ(r->evidence.at(1).kind, EvidenceKind::AccessLog);
    const Evidence& tb = r->evidence.at(3);
    EXPECT_EQ(tb.kind, EvidenceKind::PythonTraceback);
    EXPECT_EQ(tb.firstLine, 6);
    EXPECT_EQ(tb.lastLine, 19);
    ASSERT_TRUE(tb.server);
    EXPECT_EQ(tb.server->exceptionType, u"KeyError");
    EXPECT_EQ(tb.server->status, 500);
    EXPECT_EQ(tb.server->frames, u"/home/dev/api/db.py:12");
    EXPECT_EQ(tb.server->framework, u"starlette");
}

TEST(Tracebacks, FlaskAndChained)
{
    auto r = ingestText(readIngestData("flask_logs.txt"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 4);
    EXPECT_EQ(r->evidence.at(0).server->status, 308);
    EXPECT_EQ(r->evidence.at(2).server->framework, u"flask");
    EXPECT_EQ(r->evidence.at(3).kind, EvidenceKind::PythonTraceback);
    EXPECT_EQ(r->evidence.at(3).server->framework, u"flask");
    auto chained = ingestText("Traceback (most recent call last):\n  File \"/a.py\", line 1, in f\nKeyError: 'x'\n\n"
                              "During handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n"
                              "  File \"/b.py\", line 2, in g\nRuntimeError: boom\nafter\n");
    ASSERT_TRUE(chained);
    ASSERT_GE(chained->evidence.size(), 1);
    EXPECT_EQ(chained->evidence.at(0).server->exceptionType, u"RuntimeError");
    EXPECT_EQ(chained->evidence.at(0).lastLine, 9);
}

TEST(Tracebacks, TruncatedTracebackIsAProblemNotACrash)
{
    auto r = ingestText("Traceback (most recent call last):\n  File \"/a.py\", line 1, in f\n    x()\n");
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->problems.isEmpty());
}

TEST(ServerLogs, AiohttpAndNginx)
{
    auto r = ingestText(readIngestData("aiohttp_logs.txt"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 5);
    EXPECT_EQ(r->evidence.at(0).kind, EvidenceKind::PythonTraceback);
    EXPECT_EQ(r->evidence.at(0).server->exceptionType, u"aiohttp.web_exceptions.HTTPForbidden");
    auto a = ingestText(readIngestData("access_logs.txt"));
    ASSERT_TRUE(a);
    ASSERT_EQ(a->evidence.size(), 6);
    EXPECT_EQ(a->evidence.at(4).server->status, 307);
    EXPECT_EQ(a->evidence.at(5).server->framework, u"nginx");
    EXPECT_EQ(a->evidence.at(5).server->status, 502);
}
