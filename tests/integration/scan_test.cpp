// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// `scan`: crafted-origin audit against a reflect-any-origin server (findings) and a correct one
// (none), plus a real Flask server configured the way the corpus shows it reflecting origins.
#include "broken_server.h"
#include "python_server.h"

#include "core/cli/commands.h"
#include "core/net/scanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace corsbench;
using corsbench::itest::BrokenServer;

namespace {

QByteArray requestHeader(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Echoes any Origin with credentials — the classic vulnerable policy.
void reflectAny(QTcpSocket* s, const QByteArray& head)
{
    const QByteArray origin = requestHeader(head, "origin");
    QByteArray h = "Access-Control-Allow-Origin: " + origin + "\r\nAccess-Control-Allow-Credentials: true\r\n";
    if (head.startsWith("OPTIONS")) {
        h += "Access-Control-Allow-Methods: " + requestHeader(head, "access-control-request-method") + "\r\n";
        h += "Access-Control-Allow-Headers: " + requestHeader(head, "access-control-request-headers") + "\r\n";
        BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\n" + h + "\r\n");
    } else {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\n" + h + "Content-Length: 2\r\n\r\n{}");
    }
}

// Exact allow-list, Vary: Origin, fixed methods and headers — nothing to find.
void exactPolicy(QTcpSocket* s, const QByteArray& head)
{
    const QByteArray origin = requestHeader(head, "origin");
    QByteArray h = "Vary: Origin\r\n";
    if (origin == "https://app.example.com")
        h += "Access-Control-Allow-Origin: https://app.example.com\r\nAccess-Control-Allow-Credentials: true\r\n";
    if (head.startsWith("OPTIONS")) {
        h += "Access-Control-Allow-Methods: GET, POST\r\nAccess-Control-Allow-Headers: Content-Type\r\n";
        BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\n" + h + "\r\n");
    } else {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\n" + h + "Content-Length: 2\r\n\r\n{}");
    }
}

bool hasFinding(const net::ScanReport& r, const char* id, net::Severity severity)
{
    for (const net::ScanFinding& f : r.findings) {
        if (f.id == QLatin1String(id) && f.severity == severity)
            return true;
    }
    return false;
}

} // namespace

TEST(Scan, LoopbackTargets)
{
    EXPECT_TRUE(net::isLoopbackTarget(QUrl(QStringLiteral("http://127.0.0.1:8000/x"))));
    EXPECT_TRUE(net::isLoopbackTarget(QUrl(QStringLiteral("http://[::1]/"))));
    EXPECT_TRUE(net::isLoopbackTarget(QUrl(QStringLiteral("http://api.localhost/"))));
    EXPECT_FALSE(net::isLoopbackTarget(QUrl(QStringLiteral("https://api.example.com/"))));
    EXPECT_FALSE(net::isLoopbackTarget(QUrl(QStringLiteral("http://10.0.0.1/"))));
}

TEST(Scan, CraftedOriginsCoverTheIssueList)
{
    QStringList origins;
    for (const auto& p : net::Scanner::craftedOrigins(QStringLiteral("https://app.example.com")))
        origins << p.second;
    for (const char* o : { "null", "https://evil-example.com", "https://app.example.com.evil.net", "https://appxexample.com",
                           "http://app.example.com", "https://corsbench-evil.example.com" })
        EXPECT_TRUE(origins.contains(QLatin1String(o))) << o;
    EXPECT_LE(origins.size(), 39);
}

TEST(Scan, ReflectAnyOriginServerHasCriticalFindings)
{
    BrokenServer server(reflectAny);
    net::ScanOptions o;
    o.intent.credentials = http::CredentialsMode::Include;
    o.allowOrigins = { QStringLiteral("https://app.example.com") };
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->pass());
    EXPECT_LE(report->requestsSent, 40);
    EXPECT_EQ(report->requestsSent, server.requests().size());
    EXPECT_TRUE(hasFinding(report.value(), "origin-reflected", net::Severity::Critical));
    EXPECT_TRUE(hasFinding(report.value(), "null-origin-trusted", net::Severity::Critical));
    // The tricks are folded into the reflection finding: one root cause, one fix.
    EXPECT_FALSE(hasFinding(report.value(), "post-domain-bypass", net::Severity::High));
    EXPECT_TRUE(hasFinding(report.value(), "vary-origin-missing", net::Severity::Low));
    EXPECT_TRUE(hasFinding(report.value(), "preflight-any-method", net::Severity::Low));
    for (const net::ScanFinding& f : report->findings) {
        EXPECT_FALSE(f.why.isEmpty()) << f.id.toStdString();
        EXPECT_FALSE(f.fix.isEmpty()) << f.id.toStdString();
        EXPECT_FALSE(f.evidence.isEmpty()) << f.id.toStdString();
    }
    // The evidence exchange is real: the crafted Origin went out and came back.
    const auto it = std::find_if(report->findings.begin(), report->findings.end(),
                                 [](const net::ScanFinding& f) { return f.id == QLatin1String("origin-reflected"); });
    ASSERT_NE(it, report->findings.end());
    EXPECT_TRUE(it->evidence.contains(QLatin1String("also allowed: ")));
    EXPECT_TRUE(it->evidence.contains(QLatin1String("https://app.example.com.evil.net")));
    EXPECT_TRUE(it->evidence.contains(QLatin1String("http://app.example.com")));
    ASSERT_FALSE(it->exchange.actual.isEmpty());
    EXPECT_EQ(it->exchange.actual.first().response.headers.value("access-control-allow-origin").value_or(""),
              it->origin.toUtf8());
}

TEST(Scan, CorrectPolicyHasNoFindings)
{
    BrokenServer server(exactPolicy);
    net::ScanOptions o;
    o.intent.credentials = http::CredentialsMode::Include;
    o.allowOrigins = { QStringLiteral("https://app.example.com") };
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    QStringList ids;
    for (const auto& f : report->findings)
        ids << f.id;
    EXPECT_TRUE(report->findings.isEmpty()) << ids.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(report->pass());
    ASSERT_FALSE(report->probes.isEmpty());
    EXPECT_TRUE(report->probes.first().mustPass);
    EXPECT_TRUE(report->probes.first().allowed);
}

TEST(Scan, AllowedOriginThatFailsIsAFinding)
{
    BrokenServer server(exactPolicy);
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("https://admin.example.com") };
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->pass());
    EXPECT_TRUE(hasFinding(report.value(), "allowed-origin-blocked", net::Severity::High));
}

TEST(Scan, DelayAndBudgetAreHonoured)
{
    BrokenServer server(exactPolicy);
    net::ScanOptions o;
    o.maxRequests = 3;
    o.delayMs = 50;
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    EXPECT_LE(report->requestsSent, 3);
    EXPECT_TRUE(report->budgetExhausted);
    EXPECT_EQ(server.requests().size(), report->requestsSent);
}

TEST(Scan, ProgressIsReportedBeforeAndAfterEveryProbe)
{
    BrokenServer server(exactPolicy);
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("https://app.example.com") };
    QList<net::ScanProgress> events;
    o.progress = [&events](const net::ScanProgress& p) { events.append(p); };
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->cancelled);
    // Origins plus the preflight wildcard probe, each announced then finished.
    ASSERT_EQ(events.size(), 2 * (report->probes.size() + 1));
    int lastSent = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const net::ScanProgress& p = events.at(i);
        EXPECT_EQ(p.probeFinished, i % 2 == 1) << i;
        EXPECT_EQ(p.budget, 40);
        EXPECT_EQ(p.probesPlanned, report->probes.size() + 1);
        EXPECT_EQ(p.probesDone, (i + 1) / 2);
        EXPECT_GE(p.requestsSent, lastSent);
        lastSent = p.requestsSent;
        if (i / 2 < report->probes.size()) {
            EXPECT_EQ(p.origin, report->probes.at(i / 2).origin);
        }
    }
    EXPECT_EQ(events.first().origin, QStringLiteral("https://app.example.com"));
    EXPECT_EQ(events.first().requestsSent, 0);
    EXPECT_EQ(events.last().requestsSent, report->requestsSent);
}

TEST(Scan, CancelMidScanReturnsPartialReport)
{
    BrokenServer server(reflectAny);
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("https://app.example.com") };
    o.delayMs = 30;
    int finishedProbes = 0;
    o.progress = [&finishedProbes](const net::ScanProgress& p) { finishedProbes += p.probeFinished ? 1 : 0; };
    o.cancelRequested = [&finishedProbes] { return finishedProbes >= 3; };
    auto report = net::Scanner(o).scan(QUrl(server.url()));
    ASSERT_TRUE(report.has_value());
    EXPECT_TRUE(report->cancelled);
    EXPECT_EQ(report->probes.size(), 3);
    EXPECT_EQ(report->requestsSent, 3);
    EXPECT_EQ(server.requests().size(), 3);
    EXPECT_FALSE(report->pass());
    // What was seen before the cancel is kept: the arbitrary origin was the second probe.
    EXPECT_TRUE(hasFinding(report.value(), "origin-reflected", net::Severity::Critical));
}

TEST(Scan, RealFlaskWithSupportsCredentialsReflectsEveryOrigin)
{
    // flask-cors CORS(app, supports_credentials=True): default origins '*' are echoed with
    // credentials (servers.md §3, corpus fl-supports-credentials-wildcard-include).
    itest::PythonServer flask;
    const QString err = flask.start(R"({"framework": "flask", "cors": {"supports_credentials": true}})");
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    net::ScanOptions o;
    o.intent.credentials = http::CredentialsMode::Include;
    o.baseOrigin = QStringLiteral("http://127.0.0.1:40645");
    auto report = net::Scanner(o).scan(QUrl(flask.baseUrl() + QStringLiteral("/api/data")));
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->pass());
    EXPECT_TRUE(hasFinding(report.value(), "origin-reflected", net::Severity::Critical));
}

TEST(Scan, RealFlaskPrefixRegexIsAPostDomainBypass)
{
    // corpus fl-regex-prefix-bypass: flask-cors matches regex origins with re.match (prefix only).
    itest::PythonServer flask;
    const QString err = flask.start(
        R"({"framework": "flask", "cors": {"origins": ["http://app\\.example\\.test"], "supports_credentials": true}})");
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("http://app.example.test") };
    auto report = net::Scanner(o).scan(QUrl(flask.baseUrl() + QStringLiteral("/api/data")));
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->pass());
    EXPECT_TRUE(hasFinding(report.value(), "post-domain-bypass", net::Severity::High));
    EXPECT_FALSE(hasFinding(report.value(), "origin-reflected", net::Severity::Critical));
    EXPECT_FALSE(hasFinding(report.value(), "allowed-origin-blocked", net::Severity::High));
}

TEST(Scan, RealFastApiUnescapedDotRegex)
{
    // corpus fa-regex-unescaped-dot-bypass: allow_origin_regex with unescaped dots (fullmatch).
    itest::PythonServer fastapi;
    const QString err = fastapi.start(R"({"framework": "fastapi", "cors": {"allow_origin_regex":
        "http://app.example.test:\\d+", "allow_credentials": true}})");
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("http://app.example.test:40645") };
    auto report = net::Scanner(o).scan(QUrl(fastapi.baseUrl() + QStringLiteral("/api/data")));
    ASSERT_TRUE(report.has_value());
    EXPECT_TRUE(hasFinding(report.value(), "unescaped-dot-regex", net::Severity::High));
    EXPECT_TRUE(hasFinding(report.value(), "other-port-trusted", net::Severity::Medium)); // \d+ accepts any port
    EXPECT_FALSE(hasFinding(report.value(), "post-domain-bypass", net::Severity::High)); // fullmatch anchors the end
    EXPECT_FALSE(report->pass());
}

TEST(Scan, CliExitStatusesAndJson)
{
    auto run = [](const QStringList& args, QString* out) {
        QString err;
        QTextStream o(out);
        QTextStream e(&err);
        cli::CommandIo io { o, e, nullptr };
        const int code = cli::runScan(args, io);
        o.flush();
        return code;
    };
    QString out;
    EXPECT_EQ(run({}, &out), cli::ExitUsage); // the URL must be explicit
    BrokenServer bad(reflectAny);
    out.clear();
    EXPECT_EQ(run({ bad.url(), QStringLiteral("--allow"), QStringLiteral("https://app.example.com"), QStringLiteral("--json") },
                  &out),
              cli::ExitBlocked);
    const QJsonObject j = QJsonDocument::fromJson(out.toUtf8()).object();
    EXPECT_FALSE(j.value(QStringLiteral("pass")).toBool());
    EXPECT_FALSE(j.value(QStringLiteral("findings")).toArray().isEmpty());
    BrokenServer good(exactPolicy);
    out.clear();
    EXPECT_EQ(run({ good.url(), QStringLiteral("--allow"), QStringLiteral("https://app.example.com") }, &out),
              cli::ExitAllowed)
        << out.toStdString();
    EXPECT_TRUE(out.contains(QLatin1String("PASS")));
    out.clear();
    EXPECT_EQ(run({ QStringLiteral("http://127.0.0.1:%1/").arg(itest::unusedPort()) }, &out), cli::ExitNetwork);
}
