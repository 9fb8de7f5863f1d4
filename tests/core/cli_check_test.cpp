// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// `corsbench-cli check FILE|-` as users and CI run it: the real binary (CORSBENCH_CLI_PATH)
// in a QProcess. Issue 3: exit 0 allowed, 1 blocked, 2 bad input or usage; bad input gets a
// message naming the position or member, never a crash or a hang; --json is the documented
// object. A few in-process runs of runCheck() cover what a pipe cannot cheaply feed.
#include "core/cli/commands.h"

#include "test_support.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <gtest/gtest.h>

#include <algorithm>

namespace corsbench {
namespace {

struct CliRun {
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

CliRun runCli(const QStringList& args, const QByteArray& stdinData = {}, int timeoutMs = 30000)
{
    CliRun r;
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(CORSBENCH_CLI_PATH), args);
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    r.elapsedMs = timer.elapsed();
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitStatus = p.exitStatus();
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::string show(const CliRun& r)
{
    return "exit " + std::to_string(r.exitCode) + (r.finished ? "" : " (timed out)") + "\nstdout:\n" + r.out.toStdString() + "\nstderr:\n"
        + r.err.toStdString();
}

QString corpusFile(const char* id)
{
    return QDir(test::testDataDir()).filePath(QStringLiteral("corpus/%1.json").arg(QLatin1String(id)));
}

class CliCheckTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }

    // A clean run: finished, not crashed.
    static void expectExit(const CliRun& r, int code)
    {
        ASSERT_TRUE(r.finished) << show(r);
        EXPECT_EQ(r.exitStatus, QProcess::NormalExit) << show(r);
        EXPECT_EQ(r.exitCode, code) << show(r);
    }

    QTemporaryDir m_dir;
};

const QByteArray kValidHead = R"({"format":"corsbench.exchange/1","page_origin":"http://127.0.0.1:5173",)";

TEST_F(CliCheckTest, AllowedCaseExitsZero)
{
    const CliRun r = runCli({ QStringLiteral("check"), corpusFile("ah-get-allowed") });
    expectExit(r, 0);
    EXPECT_TRUE(r.err.isEmpty()) << show(r);
}

TEST_F(CliCheckTest, BlockedCaseExitsOneAndShowsTheEvidence)
{
    const CliRun r = runCli({ QStringLiteral("check"), QStringLiteral("--no-color"), corpusFile("raw-acao-localhost-for-127-page") });
    expectExit(r, 1);
    // The human report carries the failed check's evidence and Chromium's exact console line.
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.contains(QStringLiteral("AllowOriginMismatch"))) << show(r);
    EXPECT_TRUE(out.contains(QStringLiteral("http://localhost:40645"))) << show(r);
    QFile f(corpusFile("raw-acao-localhost-for-127-page"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString console =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("expect")).toObject().value(QStringLiteral("console")).toString();
    ASSERT_FALSE(console.isEmpty());
    EXPECT_TRUE(out.contains(console)) << show(r);
    EXPECT_FALSE(out.contains(QStringLiteral("\x1b["))) << "--no-color output has escape codes";
}

TEST_F(CliCheckTest, InvalidJsonNamesLineAndColumn)
{
    const QString path = writeFile(QStringLiteral("broken.json"), "{\n  \"page_origin\": \"http://a.test\",\n  \"request\": {\"url\": }\n}\n");
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("line 3")) << show(r);
    EXPECT_TRUE(r.err.contains("column")) << show(r);
    EXPECT_TRUE(r.out.isEmpty()) << show(r);
}

TEST_F(CliCheckTest, MissingMemberIsNamed)
{
    const QString path = writeFile(QStringLiteral("missing.json"), kValidHead + R"("request":{"method":"GET"}})");
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("request.url")) << show(r);
}

TEST_F(CliCheckTest, WrongTypeIsNamed)
{
    const QString path = writeFile(QStringLiteral("type.json"),
        kValidHead + R"("request":{"url":"http://127.0.0.1:8000/"},"actual":[{"response":{"status":"200"}}]})");
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("actual[0].response.status")) << show(r);
}

TEST_F(CliCheckTest, UnknownEnumValueIsNamed)
{
    const QString path = writeFile(QStringLiteral("enum.json"), kValidHead + R"("request":{"url":"http://127.0.0.1:8000/","credentials":"sometimes"}})");
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("request.credentials")) << show(r);
    EXPECT_TRUE(r.err.contains("sometimes")) << show(r);
}

TEST_F(CliCheckTest, HeaderValueWithControlCharacterIsRefused)
{
    const QString path = writeFile(QStringLiteral("crlf.json"),
        kValidHead
            + R"("request":{"url":"http://127.0.0.1:8000/"},"actual":[{"response":{"status":200,"headers":[["Access-Control-Allow-Origin","http://127.0.0.1:5173\r\nX-Injected: 1"]]}}]})");
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("actual[0].response.headers[0][1]")) << show(r);
}

TEST_F(CliCheckTest, BinaryFileIsRefused)
{
    QByteArray bytes;
    for (int i = 0; i < 4096; ++i)
        bytes.append(static_cast<char>((i * 7919) & 0xFF));
    const QString path = writeFile(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n", 8) + bytes);
    const CliRun r = runCli({ QStringLiteral("check"), path });
    expectExit(r, 2);
    EXPECT_FALSE(r.err.isEmpty()) << show(r);
    EXPECT_TRUE(r.err.contains("binary") || r.err.contains("UTF-8")) << show(r);
}

TEST_F(CliCheckTest, HugeFileFailsFastWithASizeMessage)
{
    // 200 MB (sparse: no disk used). Must be refused by size, quickly, without reading it all.
    const QString path = m_dir.filePath(QStringLiteral("huge.json"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("{");
        ASSERT_TRUE(f.resize(200LL * 1024 * 1024));
    }
    const CliRun r = runCli({ QStringLiteral("check"), path }, {}, 20000);
    expectExit(r, 2);
    EXPECT_LT(r.elapsedMs, 5000) << "took " << r.elapsedMs << " ms";
    EXPECT_TRUE(r.err.contains("MB")) << show(r);
    EXPECT_TRUE(r.err.contains("200")) << show(r);
}

TEST_F(CliCheckTest, EmptyAndMissingFilesAreBadInput)
{
    expectExit(runCli({ QStringLiteral("check"), writeFile(QStringLiteral("empty.json"), {}) }), 2);
    const CliRun r = runCli({ QStringLiteral("check"), m_dir.filePath(QStringLiteral("does-not-exist.json")) });
    expectExit(r, 2);
    EXPECT_TRUE(r.err.contains("does-not-exist.json")) << show(r);
}

TEST_F(CliCheckTest, UsageErrorsExitTwo)
{
    const CliRun none = runCli({});
    expectExit(none, 2);

    const CliRun noFile = runCli({ QStringLiteral("check") });
    expectExit(noFile, 2);
    EXPECT_FALSE(noFile.err.isEmpty()) << show(noFile);

    const CliRun unknown = runCli({ QStringLiteral("check"), QStringLiteral("--frobnicate"), corpusFile("ah-get-allowed") });
    expectExit(unknown, 2);
    EXPECT_TRUE(unknown.err.contains("--frobnicate")) << show(unknown);

    const CliRun two = runCli({ QStringLiteral("check"), corpusFile("ah-get-allowed"), corpusFile("raw-acao-missing-get") });
    expectExit(two, 2);

    const CliRun badCommand = runCli({ QStringLiteral("chekc"), corpusFile("ah-get-allowed") });
    expectExit(badCommand, 2);
}

TEST_F(CliCheckTest, HelpDocumentsExitStatuses)
{
    const CliRun r = runCli({ QStringLiteral("check"), QStringLiteral("--help") });
    expectExit(r, 0);
    const QString help = QString::fromUtf8(r.out);
    EXPECT_TRUE(help.contains(QStringLiteral("--json"))) << show(r);
    EXPECT_TRUE(help.contains(QStringLiteral("Exit status"), Qt::CaseInsensitive)) << show(r);
    for (const char* line : { "0 ", "1 ", "2 " }) {
        EXPECT_TRUE(help.contains(QLatin1String(line))) << line << "\n" << show(r);
    }
    EXPECT_TRUE(help.contains(QStringLiteral("allow"))) << show(r);
    EXPECT_TRUE(help.contains(QStringLiteral("block"))) << show(r);
    EXPECT_TRUE(help.contains(QStringLiteral("-"))) << show(r);

    const CliRun general = runCli({ QStringLiteral("--help") });
    expectExit(general, 0);
    EXPECT_TRUE(general.out.contains("check")) << show(general);
}

TEST_F(CliCheckTest, StdinDash)
{
    QFile f(corpusFile("raw-acao-missing-get"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray blocked = f.readAll();
    expectExit(runCli({ QStringLiteral("check"), QStringLiteral("-") }, blocked), 1);

    QFile g(corpusFile("ah-get-allowed"));
    ASSERT_TRUE(g.open(QIODevice::ReadOnly));
    expectExit(runCli({ QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("-") }, g.readAll()), 0);

    const CliRun bad = runCli({ QStringLiteral("check"), QStringLiteral("-") }, "{\"page_origin\": ");
    expectExit(bad, 2);
    EXPECT_TRUE(bad.err.contains("line 1")) << show(bad);

    const CliRun empty = runCli({ QStringLiteral("check"), QStringLiteral("-") });
    expectExit(empty, 2);
}

QJsonObject parseJsonOut(const CliRun& r)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << e.errorString().toStdString() << "\n" << show(r);
    EXPECT_TRUE(doc.isObject());
    return doc.object();
}

TEST_F(CliCheckTest, JsonOutputForABlockedPreflight)
{
    // corpus raw-preflight-no-acam-put: MethodDisallowedByPreflightResponse, "PUT".
    const CliRun r = runCli({ QStringLiteral("check"), QStringLiteral("--json"), corpusFile("raw-preflight-no-acam-put") });
    expectExit(r, 1);
    const QJsonObject o = parseJsonOut(r);
    ASSERT_TRUE(o.value(QStringLiteral("allowed")).isBool());
    EXPECT_FALSE(o.value(QStringLiteral("allowed")).toBool());

    const QJsonObject pf = o.value(QStringLiteral("preflight")).toObject();
    ASSERT_TRUE(pf.value(QStringLiteral("required")).isBool());
    EXPECT_TRUE(pf.value(QStringLiteral("required")).toBool());
    const QJsonObject req = pf.value(QStringLiteral("request")).toObject();
    EXPECT_EQ(req.value(QStringLiteral("method")).toString(), QStringLiteral("OPTIONS"));
    bool acrm = false;
    for (const QJsonValue& h : req.value(QStringLiteral("headers")).toArray()) {
        const QJsonArray pair = h.toArray();
        ASSERT_EQ(pair.size(), 2);
        if (pair.at(0).toString().compare(QStringLiteral("Access-Control-Request-Method"), Qt::CaseInsensitive) == 0) {
            acrm = true;
            EXPECT_EQ(pair.at(1).toString(), QStringLiteral("PUT"));
        }
    }
    EXPECT_TRUE(acrm) << show(r);

    const QJsonArray checks = o.value(QStringLiteral("checks")).toArray();
    ASSERT_FALSE(checks.isEmpty());
    int reported = 0;
    for (const QJsonValue& c : checks) {
        const QJsonObject co = c.toObject();
        EXPECT_TRUE(co.value(QStringLiteral("id")).isString());
        EXPECT_TRUE(co.value(QStringLiteral("status")).isString());
        EXPECT_TRUE(co.value(QStringLiteral("explanation")).isString());
        EXPECT_TRUE(co.value(QStringLiteral("reported")).isBool());
        if (co.value(QStringLiteral("reported")).toBool()) {
            ++reported;
            EXPECT_EQ(co.value(QStringLiteral("id")).toString(), QStringLiteral("preflight-method-allowed"));
        }
    }
    EXPECT_EQ(reported, 1);

    const QJsonObject err = o.value(QStringLiteral("error")).toObject();
    EXPECT_EQ(err.value(QStringLiteral("kind")).toString(), QStringLiteral("MethodDisallowedByPreflightResponse"));
    EXPECT_EQ(err.value(QStringLiteral("failed_parameter")).toString(), QStringLiteral("PUT"));
    QFile f(corpusFile("raw-preflight-no-acam-put"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString expectedConsole =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("expect")).toObject().value(QStringLiteral("console")).toString();
    ASSERT_TRUE(expectedConsole.endsWith(QStringLiteral("Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.")));
    EXPECT_EQ(err.value(QStringLiteral("chrome_message")).toString(), expectedConsole) << show(r);
    EXPECT_TRUE(err.value(QStringLiteral("firefox_message")).toString().startsWith(QStringLiteral("Cross-Origin Request Blocked:")));
    EXPECT_TRUE(err.value(QStringLiteral("firefox_message")).toString().contains(QStringLiteral("Did not find method")));
    const QJsonArray safari = err.value(QStringLiteral("safari_message")).toArray();
    ASSERT_EQ(safari.size(), 2) << show(r);
    EXPECT_EQ(safari.at(0).toString(), QStringLiteral("Method PUT is not allowed by Access-Control-Allow-Methods."));
    EXPECT_TRUE(o.value(QStringLiteral("exposed_headers")).isArray());
}

TEST_F(CliCheckTest, JsonChromeMessageMatchesTheCorpus)
{
    for (const char* id : { "raw-acao-comma-list", "fa-put-default-methods", "raw-preflight-json-no-acah" }) {
        QFile f(corpusFile(id));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QJsonObject expect = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("expect")).toObject();
        const CliRun r = runCli({ QStringLiteral("check"), QStringLiteral("--json"), corpusFile(id) });
        expectExit(r, 1);
        const QJsonObject err = parseJsonOut(r).value(QStringLiteral("error")).toObject();
        EXPECT_EQ(err.value(QStringLiteral("kind")).toString(), expect.value(QStringLiteral("cors_error")).toString()) << id;
        EXPECT_EQ(err.value(QStringLiteral("failed_parameter")).toString(), expect.value(QStringLiteral("failed_parameter")).toString()) << id;
        EXPECT_EQ(err.value(QStringLiteral("chrome_message")).toString(), expect.value(QStringLiteral("console")).toString()) << id;
    }
}

TEST_F(CliCheckTest, JsonOutputForAnAllowedRequest)
{
    // corpus raw-expose-star-read-header: ACEH `*` without credentials exposes X-Custom.
    const CliRun r = runCli({ QStringLiteral("check"), QStringLiteral("--json"), corpusFile("raw-expose-star-read-header") });
    expectExit(r, 0);
    const QJsonObject o = parseJsonOut(r);
    EXPECT_TRUE(o.value(QStringLiteral("allowed")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("error")).isNull());
    EXPECT_FALSE(o.value(QStringLiteral("preflight")).toObject().value(QStringLiteral("required")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("preflight")).toObject().contains(QStringLiteral("request")));
    QStringList exposed;
    for (const QJsonValue& v : o.value(QStringLiteral("exposed_headers")).toArray())
        exposed.append(v.toString().toLower());
    EXPECT_TRUE(exposed.contains(QStringLiteral("x-custom"))) << show(r);
    EXPECT_FALSE(o.value(QStringLiteral("checks")).toArray().isEmpty());
}

// --- in process ---------------------------------------------------------------------------------

QByteArray hugeStdin(qint64 maxBytes)
{
    return QByteArray(static_cast<qsizetype>(std::min<qint64>(maxBytes, 40LL * 1024 * 1024)), ' ');
}

TEST(CliCheckInProcessTest, OversizedStdinIsRefused)
{
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    cli::CommandIo io { o, e, &hugeStdin };
    EXPECT_EQ(cli::runCheck({ QStringLiteral("-") }, io), cli::ExitUsage);
    e.flush();
    EXPECT_TRUE(err.contains(QStringLiteral("MB"))) << err.toStdString();
}

QByteArray allowedStdin(qint64)
{
    return test::readTestFile(QStringLiteral("corpus/ah-get-allowed.json"));
}

TEST(CliCheckInProcessTest, ReadsStdinThroughTheHook)
{
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    cli::CommandIo io { o, e, &allowedStdin };
    EXPECT_EQ(cli::runCheck({ QStringLiteral("--json"), QStringLiteral("-") }, io), cli::ExitAllowed) << err.toStdString();
    o.flush();
    const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
    EXPECT_TRUE(json.value(QStringLiteral("allowed")).toBool()) << out.toStdString();
}

} // namespace
} // namespace corsbench
