// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// TLS (certificate problems reported, --insecure), HTTP proxies (explicit, environment,
// loopback bypass) and the asynchronous probe used by the GUI.
#include "broken_server.h"
#include "python_server.h"

#include "core/net/prober.h"

#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

using namespace corsbench;
using corsbench::itest::BrokenServer;

namespace {

const QString kOrigin = QStringLiteral("http://localhost:5173");

// A raw HTTPS server with a fresh self-signed certificate for "localhost".
QString startTlsServer(itest::PythonServer& server, QTemporaryDir& dir)
{
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                    QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost") });
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        return QStringLiteral("openssl failed (install the Debian package openssl): %1")
            .arg(QString::fromUtf8(openssl.readAllStandardError()));
    const QString config = QStringLiteral(R"({"framework": "raw", "tls": {"cert": "%1", "key": "%2"},
        "rules": [{"path": "*", "status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}]})")
                               .arg(cert, key);
    return server.start(config.toUtf8());
}

} // namespace

TEST(Tls, SelfSignedCertificateIsReportedAndBlocks)
{
    QTemporaryDir dir;
    itest::PythonServer server;
    const QString err = startTlsServer(server, dir);
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    http::RequestIntent intent;
    intent.url = QUrl(QStringLiteral("https://localhost:%1/api/data").arg(server.port()));
    net::ProbeOptions o;
    o.transport.totalTimeoutMs = 10000;
    auto r = net::Prober(o).probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->networkFailure);
    ASSERT_FALSE(r->steps.isEmpty());
    const net::Transfer& t = r->steps.first().transfer;
    EXPECT_EQ(t.errorKind, net::NetErrorKind::Tls) << r->networkError.toStdString();
    EXPECT_TRUE(r->networkError.contains(QLatin1String("certificate"))) << r->networkError.toStdString();
    EXPECT_TRUE(r->networkError.contains(QLatin1String("--insecure")));
    EXPECT_FALSE(t.certificateProblems.isEmpty());
    EXPECT_FALSE(r->verdict.allowed);
}

TEST(Tls, InsecureProceedsButStillReportsTheCertificate)
{
    QTemporaryDir dir;
    itest::PythonServer server;
    const QString err = startTlsServer(server, dir);
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    http::RequestIntent intent;
    intent.url = QUrl(QStringLiteral("https://localhost:%1/api/data").arg(server.port()));
    net::ProbeOptions o;
    o.transport.insecure = true;
    o.transport.totalTimeoutMs = 10000;
    auto r = net::Prober(o).probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->networkFailure) << r->networkError.toStdString();
    EXPECT_TRUE(r->verdict.allowed);
    const net::Transfer& t = r->steps.first().transfer;
    EXPECT_FALSE(t.certificateProblems.isEmpty());
    EXPECT_TRUE(t.transport.startsWith(QLatin1String("raw HTTP/1.1 over TLS"))) << t.transport.toStdString();
    EXPECT_GE(t.timings.tlsDoneMs, t.timings.connectedMs);
    EXPECT_GE(t.timings.connectedMs, 0);
}

TEST(Proxy, ExplicitHttpProxyGetsAbsoluteFormAndIsShown)
{
    BrokenServer proxy([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    net::ProbeOptions o;
    o.transport.proxy.mode = net::ProxySettings::Mode::Explicit;
    o.transport.proxy.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
    http::RequestIntent intent;
    intent.url = QUrl(QStringLiteral("http://api.example.test/data?x=1"));
    auto r = net::Prober(o).probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(proxy.requests().size(), 1);
    EXPECT_TRUE(proxy.requests().first().startsWith("GET http://api.example.test/data?x=1 HTTP/1.1\r\nHost: api.example.test\r\n"))
        << proxy.requests().first().toStdString();
    EXPECT_TRUE(r->proxy().contains(QStringLiteral("HTTP proxy 127.0.0.1:%1").arg(proxy.port()))) << r->proxy().toStdString();
    EXPECT_TRUE(r->verdict.allowed);
}

TEST(Proxy, EnvironmentProxyIsHonouredAndLoopbackBypassesIt)
{
    BrokenServer proxy([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    BrokenServer direct([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    const QByteArray saved = qgetenv("http_proxy");
    const QByteArray savedNo = qgetenv("no_proxy");
    qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
    qunsetenv("no_proxy");
    http::RequestIntent viaProxy;
    viaProxy.url = QUrl(QStringLiteral("http://api.example.test/x"));
    auto a = net::Prober().probe(kOrigin, viaProxy);
    http::RequestIntent loopback;
    loopback.url = QUrl(direct.url());
    auto b = net::Prober().probe(kOrigin, loopback);
    qputenv("no_proxy", "example.test");
    auto c = net::Prober().probe(kOrigin, viaProxy);
    saved.isNull() ? qunsetenv("http_proxy") : qputenv("http_proxy", saved);
    savedNo.isNull() ? qunsetenv("no_proxy") : qputenv("no_proxy", savedNo);

    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(proxy.requests().size(), 1);
    EXPECT_TRUE(a->proxy().contains(QLatin1String("from http_proxy"))) << a->proxy().toStdString();
    EXPECT_EQ(direct.requests().size(), 1);
    EXPECT_TRUE(b->proxy().contains(QLatin1String("loopback bypasses"))) << b->proxy().toStdString();
    EXPECT_TRUE(c->proxy().contains(QLatin1String("no_proxy"))) << c->proxy().toStdString();
    EXPECT_TRUE(c->networkFailure); // api.example.test does not resolve; it was not sent to the proxy
}

TEST(Proxy, HttpsGoesThroughConnectAndProxyRefusalIsReported)
{
    BrokenServer proxy([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
    });
    net::ProbeOptions o;
    o.transport.proxy.mode = net::ProxySettings::Mode::Explicit;
    o.transport.proxy.url = QUrl(QStringLiteral("http://user:pw@127.0.0.1:%1").arg(proxy.port()));
    http::RequestIntent intent;
    intent.url = QUrl(QStringLiteral("https://api.example.test/data"));
    auto r = net::Prober(o).probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(proxy.requests().size(), 1);
    EXPECT_TRUE(proxy.requests().first().startsWith("CONNECT api.example.test:443 HTTP/1.1\r\nHost: api.example.test:443\r\n"))
        << proxy.requests().first().toStdString();
    EXPECT_TRUE(proxy.requests().first().contains("Proxy-Authorization: Basic dXNlcjpwdw=="));
    EXPECT_TRUE(r->networkFailure);
    EXPECT_EQ(r->steps.first().transfer.errorKind, net::NetErrorKind::Proxy);
    EXPECT_TRUE(r->networkError.contains(QLatin1String("407"))) << r->networkError.toStdString();
    EXPECT_TRUE(r->proxy().contains(QLatin1String("CONNECT tunnel"))) << r->proxy().toStdString();
}

TEST(Async, ProbeAsyncDeliversOnTheCallersThread)
{
    // The server must run on a thread with its own event loop, since the probe runs on a worker.
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    http::RequestIntent intent;
    intent.url = QUrl(server.url());
    QObject context;
    QEventLoop loop;
    std::optional<bool> allowed;
    Qt::HANDLE thread = nullptr;
    net::probeAsync({}, kOrigin, intent, &context, [&](Result<net::ProbeResult> r) {
        allowed = r && r->verdict.allowed;
        thread = QThread::currentThreadId();
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(allowed.has_value());
    EXPECT_TRUE(*allowed);
    EXPECT_EQ(thread, QThread::currentThreadId());
}

TEST(KeepAlive, ActualRequestReusesThePreflightConnection)
{
    // Python's HTTP/1.1 server keeps connections open: the actual request goes out on the
    // preflight's connection, as in Chromium (both uncredentialed).
    itest::PythonServer server;
    const QString err = server.start(R"({"framework": "raw", "rules": [
        {"method": "OPTIONS", "path": "*", "status": 204, "headers": [["Access-Control-Allow-Origin", "{origin}"],
         ["Access-Control-Allow-Methods", "PUT"], ["Access-Control-Allow-Credentials", "true"]]},
        {"path": "*", "status": 200, "headers": [["Access-Control-Allow-Origin", "{origin}"],
         ["Access-Control-Allow-Credentials", "true"]]}]})");
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    http::RequestIntent intent;
    intent.url = QUrl(server.baseUrl() + QStringLiteral("/api/data"));
    intent.method = "PUT";
    auto r = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->steps.size(), 2);
    EXPECT_TRUE(r->verdict.allowed);
    EXPECT_FALSE(r->steps.at(0).transfer.reusedConnection);
    EXPECT_GE(r->steps.at(0).transfer.timings.connectedMs, 0);
    EXPECT_TRUE(r->steps.at(1).transfer.reusedConnection);
    EXPECT_LT(r->steps.at(1).transfer.timings.connectedMs, 0);
    EXPECT_EQ(r->steps.at(0).transfer.peer, r->steps.at(1).transfer.peer);

    // With credentials: include the actual request uses a separate (credentialed) connection.
    intent.credentials = http::CredentialsMode::Include;
    auto c = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(c.has_value());
    ASSERT_EQ(c->steps.size(), 2);
    EXPECT_FALSE(c->steps.at(1).transfer.reusedConnection);
}

TEST(KeepAlive, ServerThatClosedTheIdleConnectionIsRetriedOnANewOne)
{
    // Answers with keep-alive semantics but closes right after: the second request must not fail.
    BrokenServer server([](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("OPTIONS"))
            BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n"
                                     "Access-Control-Allow-Methods: DELETE\r\n\r\n");
        else
            BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    http::RequestIntent intent;
    intent.url = QUrl(server.url());
    intent.method = "DELETE";
    auto r = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->networkFailure) << r->networkError.toStdString();
    EXPECT_TRUE(r->verdict.allowed);
    EXPECT_EQ(server.requests().size(), 2);
}
