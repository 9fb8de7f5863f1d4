// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/ingest.h"

#include "diagnosis_test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

using namespace corsbench;
using namespace corsbench::ingest;
using corsbench::testing::readIngestData;

TEST(Ingest, MixedPasteDetectsEachKindWithLineRanges)
{
    const QByteArray paste =
        "here is what I get:\n"
        "Access to fetch at 'http://127.0.0.1:8000/api/items' from origin 'http://localhost:5173' has been blocked by CORS policy: "
        "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.\n"
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:8000/api/items. "
        "(Reason: CORS preflight response did not succeed). Status code: 400.\n"
        "Preflight response is not successful. Status code: 400\n"
        "Fetch API cannot load http://127.0.0.1:8000/api/items due to access control checks.\n"
        "INFO:     127.0.0.1:51234 - \"OPTIONS /api/items HTTP/1.1\" 400 Bad Request\n"
        "\n"
        "app.add_middleware(CORSMiddleware, allow_origins=[\"http://localhost:5173\"])\n";
    auto r = ingestText(paste);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 4);
    EXPECT_EQ(r->evidence.at(0).kind, EvidenceKind::ChromeConsole);
    EXPECT_EQ(r->evidence.at(0).firstLine, 2);
    EXPECT_EQ(r->evidence.at(1).kind, EvidenceKind::FirefoxConsole);
    EXPECT_EQ(r->evidence.at(1).firstLine, 3);
    EXPECT_EQ(r->evidence.at(2).kind, EvidenceKind::SafariConsole);
    EXPECT_EQ(r->evidence.at(2).firstLine, 4);
    EXPECT_EQ(r->evidence.at(2).lastLine, 5);
    EXPECT_EQ(r->evidence.at(3).kind, EvidenceKind::AccessLog);
    EXPECT_EQ(r->evidence.at(3).firstLine, 6);
    EXPECT_EQ(r->unrecognisedLines, 2);
    EXPECT_EQ(toString(r->evidence.at(0).kind), u"chrome-console");
    EXPECT_EQ(r->evidence.at(0).summary.value(QStringLiteral("cors_error")).toString(), u"PreflightInvalidStatus");
}

TEST(Ingest, RawHttpRequestAndResponseBecomeAnExchange)
{
    auto r = ingestText(readIngestData("raw_http.txt"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 2);
    EXPECT_EQ(r->evidence.at(0).kind, EvidenceKind::HttpRequest);
    const Evidence& resp = r->evidence.at(1);
    EXPECT_EQ(resp.kind, EvidenceKind::HttpResponse);
    EXPECT_EQ(resp.responseBody, u"Disallowed CORS method");
    ASSERT_TRUE(resp.server);
    EXPECT_TRUE(resp.server->corsFailures.contains(QStringLiteral("method")));
    ASSERT_EQ(resp.exchanges.size(), 1);
    const http::Exchange& ex = resp.exchanges.first();
    EXPECT_EQ(ex.pageOrigin, u"http://localhost:5173");
    EXPECT_EQ(ex.request.method, "PUT");
    EXPECT_EQ(ex.request.url, QUrl(QStringLiteral("http://127.0.0.1:8000/api/items")));
    ASSERT_TRUE(ex.preflight);
    EXPECT_EQ(ex.preflight->response.status, 400);
}

TEST(Ingest, CurlFollowedByItsResponse)
{
    const QByteArray paste = "curl -i -X OPTIONS 'http://127.0.0.1:8000/api' -H 'Origin: http://localhost:3000' -H 'Access-Control-Request-Method: DELETE'\n"
                             "HTTP/1.1 400 Bad Request\n"
                             "access-control-allow-methods: GET\n"
                             "content-type: text/plain; charset=utf-8\n"
                             "\n"
                             "Disallowed CORS origin, method\n";
    auto r = ingestText(paste);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 2);
    ASSERT_EQ(r->evidence.at(1).exchanges.size(), 1);
    EXPECT_EQ(r->evidence.at(1).exchanges.first().request.method, "DELETE");
    EXPECT_EQ(r->evidence.at(1).lastLine, 6);
}

TEST(Ingest, ExchangeAndCaseJson)
{
    QFile f(QStringLiteral(CORSBENCH_TEST_DATA_DIR "/../../../shared/corpus/fa-put-default-methods.json"));
    QByteArray json;
    if (f.open(QIODevice::ReadOnly))
        json = f.readAll();
    else
        json = R"({"format":"corsbench.exchange/1","page_origin":"http://a.example","request":{"method":"PUT","url":"http://b.example/x"},
                  "preflight":{"response":{"status":200,"headers":[["access-control-allow-origin","http://a.example"],["access-control-allow-methods","GET"]]}}})";
    auto r = ingestText(json);
    ASSERT_TRUE(r) << r.error().message.toStdString();
    ASSERT_EQ(r->evidence.size(), 1);
    EXPECT_EQ(r->evidence.first().kind, EvidenceKind::ExchangeJson);
    ASSERT_EQ(r->evidence.first().exchanges.size(), 1);
}

TEST(IngestHostile, BinaryInputIsAnError)
{
    QByteArray bin("\x7f" "ELF\x02\x01\x01\0\0\0", 10);
    auto r = ingestText(bin);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::BinaryInput);
}

TEST(IngestHostile, MalformedJsonIsAClearError)
{
    auto r = ingestText("{\"format\": \"corsbench.exchange/1\", \"request\": ");
    ASSERT_FALSE(r);
    EXPECT_FALSE(r.error().message.isEmpty());
    auto har = ingestText("{\"log\": {\"entries\": [ {\"request\": ");
    ASSERT_FALSE(har);
    EXPECT_TRUE(har.error().message.contains(u"HAR")) << har.error().message.toStdString();
}

TEST(IngestHostile, HugeLinesAndManyLinesStayFast)
{
    QElapsedTimer t;
    t.start();
    // One 4 MB line full of quotes and anchors (no catastrophic matching).
    QByteArray line = "Access to fetch at '" + QByteArray(4 * 1024 * 1024, '\'') + "' from origin 'x' has been blocked by CORS policy: x\n";
    auto r = ingestText(line);
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->problems.isEmpty()); // truncated analysis is reported
    // 50k short lines of near-misses for every detector.
    QByteArray many;
    for (int i = 0; i < 25000; ++i)
        many += "\"OPTIONS \" curl ' HTTP/1.1 999 Access to x at ' has been blocked by CORS policy\nOrigin is not allowed by\n";
    auto m = ingestText(many);
    ASSERT_TRUE(m);
    EXPECT_LT(t.elapsed(), 20000);
}

TEST(IngestHostile, EvidenceCountIsBounded)
{
    QByteArray many;
    for (int i = 0; i < 6000; ++i)
        many += "INFO:     127.0.0.1:1 - \"OPTIONS /a HTTP/1.1\" 400 Bad Request\n";
    auto r = ingestText(many);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->evidence.size(), 5000);
    ASSERT_FALSE(r->problems.isEmpty());
    EXPECT_TRUE(r->problems.last().message.contains(u"not analysed"));
}

TEST(IngestHostile, RandomBytesNeverCrash)
{
    QRandomGenerator gen(42);
    const char* seeds[] = { "Access to fetch at '", "Cross-Origin Request Blocked: (Reason: ", "curl '", "Traceback (most recent call last):\n",
        "HTTP/1.1 200 OK\n", "OPTIONS / HTTP/1.1\n", "{\"log\":{\"entries\":[", "Origin ", "CORS preflight request failed: ", "\"GET " };
    for (int round = 0; round < 400; ++round) {
        QByteArray data = seeds[round % 10];
        const int n = int(gen.bounded(2000));
        for (int i = 0; i < n; ++i) {
            char c = char(gen.bounded(1, 128));
            data += c;
            if (gen.bounded(20) == 0)
                data += seeds[gen.bounded(10)];
        }
        auto r = ingestText(data);
        (void)r;
    }
    SUCCEED();
}
