// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

#include "diagnosis_test_support.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryFile>

using namespace corsbench;
using corsbench::testing::ingestDataPath;

namespace {

struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

QByteArray g_stdin;

CliRun diagnose(const QStringList& args, const QByteArray& stdinData = {})
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    g_stdin = stdinData;
    cli::CommandIo io { out, err, [](qint64 max) { return g_stdin.left(max); } };
    r.code = cli::runDiagnose(args, io);
    out.flush();
    err.flush();
    return r;
}

} // namespace

TEST(CliDiagnose, HelpDocumentsExitCodes)
{
    const CliRun r = diagnose({ QStringLiteral("--help") });
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains(u"Exit status"));
    EXPECT_TRUE(r.out.contains(u"--framework"));
}

TEST(CliDiagnose, DiagnosedFileExitsZero)
{
    const CliRun r = diagnose({ ingestDataPath("starlette_500_traceback.txt") });
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"error-response-without-cors"));
    EXPECT_TRUE(r.out.contains(u"Detected"));
}

TEST(CliDiagnose, JsonFromStdin)
{
    const CliRun r = diagnose({ QStringLiteral("--json"), QStringLiteral("-") },
        "Access to fetch at 'http://127.0.0.1:8000/a' from origin 'http://localhost:5173' has been blocked by CORS policy: "
        "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.\n");
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    ASSERT_FALSE(o.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(o.value(QStringLiteral("causes")).toArray().first().toObject().value(QStringLiteral("id")).toString(), u"methods-default");
}

TEST(CliDiagnose, InconclusiveExitsOne)
{
    const CliRun r = diagnose({ QStringLiteral("-") }, "hello, my app does not work\n");
    EXPECT_EQ(r.code, 1);
}

TEST(CliDiagnose, BadInputAndUsageExitTwo)
{
    EXPECT_EQ(diagnose({}).code, 2);
    EXPECT_EQ(diagnose({ QStringLiteral("--framework"), QStringLiteral("django"), QStringLiteral("-") }).code, 2);
    EXPECT_EQ(diagnose({ QStringLiteral("--bogus"), QStringLiteral("-") }).code, 2);
    EXPECT_EQ(diagnose({ QStringLiteral("/nonexistent/file") }).code, 2);
    const CliRun bin = diagnose({ QStringLiteral("-") }, QByteArray("\0\1\2binary", 9));
    EXPECT_EQ(bin.code, 2);
    EXPECT_FALSE(bin.err.isEmpty());
    const CliRun har = diagnose({ QStringLiteral("-") }, "{\"log\": {\"entries\": [ {");
    EXPECT_EQ(har.code, 2);
    EXPECT_TRUE(har.err.contains(u"HAR")) << har.err.toStdString();
}

TEST(CliDiagnose, FrameworkOptionAndConfigSnippet)
{
    QTemporaryFile cfg;
    ASSERT_TRUE(cfg.open());
    cfg.write("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n"
              "app.add_middleware(CORSMiddleware, allow_origins=[\"http://localhost:3000\"])\n");
    cfg.flush();
    const CliRun r = diagnose({ QStringLiteral("--json"), QStringLiteral("--config"), cfg.fileName(), QStringLiteral("-") },
        "Access to fetch at 'http://127.0.0.1:8000/a' from origin 'http://localhost:5173' has been blocked by CORS policy: "
        "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
        "INFO:     127.0.0.1:1 - \"OPTIONS /a HTTP/1.1\" 400 Bad Request\n");
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("framework")).toString(), u"fastapi");
    const QJsonObject top = o.value(QStringLiteral("causes")).toArray().first().toObject();
    EXPECT_EQ(top.value(QStringLiteral("id")).toString(), u"origin-not-allowed");
    const QJsonArray fixes = top.value(QStringLiteral("fixes")).toArray();
    ASSERT_FALSE(fixes.isEmpty());
    EXPECT_FALSE(fixes.first().toObject().value(QStringLiteral("diff")).toString().isEmpty()) << r.out.toStdString();
}
