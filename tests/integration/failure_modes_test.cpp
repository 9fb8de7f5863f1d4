// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The prober against deliberately broken loopback servers: every transport failure becomes a
// network_error with a clear message, never a hang; odd but valid heads are kept verbatim.
#include "broken_server.h"

#include "core/net/prober.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace corsbench;
using corsbench::itest::BrokenServer;

namespace {

const QString kOrigin = QStringLiteral("http://127.0.0.1:40645");

net::ProbeResult probeGet(const QString& url, net::ProbeOptions options = {})
{
    if (options.transport.totalTimeoutMs == 30000)
        options.transport.totalTimeoutMs = 5000;
    http::RequestIntent intent;
    intent.url = QUrl(url);
    auto r = net::Prober(options).probe(kOrigin, intent);
    EXPECT_TRUE(r.has_value());
    return r ? r.value() : net::ProbeResult {};
}

QByteArray ok(const QByteArray& extraHeaders, const QByteArray& body = "{}")
{
    return "HTTP/1.1 200 OK\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
        + body;
}

void expectNetworkFailure(const net::ProbeResult& r, net::NetErrorKind kind, const char* messagePart)
{
    ASSERT_FALSE(r.steps.isEmpty());
    EXPECT_TRUE(r.networkFailure);
    EXPECT_FALSE(r.verdict.allowed);
    EXPECT_EQ(r.steps.last().transfer.errorKind, kind) << r.networkError.toStdString();
    EXPECT_TRUE(r.networkError.contains(QLatin1String(messagePart), Qt::CaseInsensitive)) << r.networkError.toStdString();
    ASSERT_FALSE(r.exchange.actual.isEmpty());
    EXPECT_TRUE(r.exchange.actual.last().response.isNetworkError());
}

} // namespace

TEST(FailureModes, ConnectionRefused)
{
    const quint16 port = corsbench::itest::unusedPort();
    const auto r = probeGet(QStringLiteral("http://127.0.0.1:%1/api/data").arg(port));
    expectNetworkFailure(r, net::NetErrorKind::Refused, "connection refused");
}

TEST(FailureModes, ResetBeforeAnyResponse)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { BrokenServer::reset(s); });
    const auto r = probeGet(server.url());
    expectNetworkFailure(r, net::NetErrorKind::Reset, "reset");
}

TEST(FailureModes, EmptyReply)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { BrokenServer::closeSilently(s); });
    const auto r = probeGet(server.url());
    expectNetworkFailure(r, net::NetErrorKind::Closed, "empty reply");
}

TEST(FailureModes, ClosedMidHead)
{
    BrokenServer server(
        [](QTcpSocket* s, const QByteArray&) { BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Al"); });
    const auto r = probeGet(server.url());
    expectNetworkFailure(r, net::NetErrorKind::Closed, "before the response head was complete");
}

TEST(FailureModes, TimeoutNeverHangs)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { BrokenServer::hang(s); });
    net::ProbeOptions o;
    o.transport.totalTimeoutMs = 600;
    QElapsedTimer clock;
    clock.start();
    const auto r = probeGet(server.url(), o);
    EXPECT_LT(clock.elapsed(), 5000);
    expectNetworkFailure(r, net::NetErrorKind::Timeout, "timeout");
    EXPECT_GE(r.steps.last().transfer.timings.totalMs(), 550);
}

TEST(FailureModes, SlowDripHeadTimesOut)
{
    // A server that sends a valid start and then stalls forever mid-head.
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { s->write("HTTP/1.1 200 OK\r\nX-Slow: "); });
    net::ProbeOptions o;
    o.transport.totalTimeoutMs = 500;
    const auto r = probeGet(server.url(), o);
    expectNetworkFailure(r, net::NetErrorKind::Timeout, "no complete response head");
}

TEST(FailureModes, MalformedStatusLine)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { BrokenServer::respond(s, "HELLO THERE\r\n\r\n"); });
    const auto r = probeGet(server.url());
    expectNetworkFailure(r, net::NetErrorKind::Malformed, "malformed HTTP");
}

TEST(FailureModes, NonHttpBannerWithoutBlankLine)
{
    // Not HTTP and no blank line ever: must fail at once, not wait for the timeout.
    BrokenServer server([](QTcpSocket* s, const QByteArray&) { s->write("SSH-2.0-OpenSSH_9.2p1\r\n"); });
    QElapsedTimer clock;
    clock.start();
    const auto r = probeGet(server.url());
    EXPECT_LT(clock.elapsed(), 3000);
    expectNetworkFailure(r, net::NetErrorKind::Malformed, "malformed HTTP");
}

TEST(FailureModes, OversizedHeaders)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        QByteArray head = "HTTP/1.1 200 OK\r\n";
        const QByteArray pad(1000, 'a');
        for (int i = 0; i < 300; ++i)
            head += "X-Pad-" + QByteArray::number(i) + ": " + pad + "\r\n";
        head += "Content-Length: 0\r\n\r\n";
        BrokenServer::respond(s, head);
    });
    const auto r = probeGet(server.url());
    expectNetworkFailure(r, net::NetErrorKind::TooLarge, "oversized");
}

TEST(FailureModes, DnsFailure)
{
    net::ProbeOptions o;
    o.transport.connectTimeoutMs = 4000;
    const auto r = probeGet(QStringLiteral("http://corsbench-no-such-host.invalid/api"), o);
    ASSERT_FALSE(r.steps.isEmpty());
    EXPECT_TRUE(r.networkFailure);
    const auto kind = r.steps.last().transfer.errorKind;
    EXPECT_TRUE(kind == net::NetErrorKind::Dns || kind == net::NetErrorKind::ConnectTimeout) << r.networkError.toStdString();
    EXPECT_TRUE(r.networkError.contains(QLatin1String("DNS"))) << r.networkError.toStdString();
}

TEST(FailureModes, DuplicateAcaoLinesKeptVerbatim)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, ok("Access-Control-Allow-Origin: http://127.0.0.1:40645\r\n"
                                    "access-control-allow-origin: *\r\n"));
    });
    const auto r = probeGet(server.url());
    ASSERT_FALSE(r.networkFailure) << r.networkError.toStdString();
    ASSERT_EQ(r.exchange.actual.size(), 1);
    const http::HeaderList& h = r.exchange.actual.first().response.headers;
    ASSERT_EQ(h.count("access-control-allow-origin"), 2);
    EXPECT_EQ(h.at(0).name, QByteArray("Access-Control-Allow-Origin"));
    EXPECT_EQ(h.at(0).value, QByteArray("http://127.0.0.1:40645"));
    EXPECT_EQ(h.at(1).name, QByteArray("access-control-allow-origin"));
    EXPECT_EQ(h.at(1).value, QByteArray("*"));
    EXPECT_TRUE(r.steps.first().transfer.rawResponseHead.contains("access-control-allow-origin: *\r\n"));
    EXPECT_FALSE(r.verdict.allowed);
    ASSERT_TRUE(r.verdict.error.has_value());
    EXPECT_EQ(r.verdict.error->kind, QStringLiteral("MultipleAllowOriginValues"));
}

TEST(FailureModes, ChunkedResponseIsRead)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "2\r\n{}\r\n0\r\n\r\n");
    });
    const auto r = probeGet(server.url());
    ASSERT_FALSE(r.networkFailure) << r.networkError.toStdString();
    EXPECT_TRUE(r.verdict.allowed);
    EXPECT_EQ(r.steps.first().transfer.responseBody, QByteArray("{}"));
}

TEST(FailureModes, ActualRequestHeadIsChromiumExact)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, ok("Access-Control-Allow-Origin: http://127.0.0.1:40645\r\n"));
    });
    const auto r = probeGet(server.url());
    ASSERT_EQ(server.requests().size(), 1);
    const QByteArray host = "127.0.0.1:" + QByteArray::number(server.port());
    const QByteArray expected = "GET /api/data HTTP/1.1\r\n"
                                "Host: "
        + host
        + "\r\n"
          "Connection: keep-alive\r\n"
          "sec-ch-ua-platform: \"Linux\"\r\n"
          "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 "
          "Safari/537.36\r\n"
          "sec-ch-ua: \"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\"\r\n"
          "sec-ch-ua-mobile: ?0\r\n"
          "Accept: */*\r\n"
          "Origin: http://127.0.0.1:40645\r\n"
          "Sec-Fetch-Site: same-site\r\n"
          "Sec-Fetch-Mode: cors\r\n"
          "Sec-Fetch-Dest: empty\r\n"
          "Referer: http://127.0.0.1:40645/\r\n"
          "Accept-Encoding: gzip, deflate, br, zstd\r\n"
          "Accept-Language: en-US,en;q=0.9\r\n\r\n";
    EXPECT_EQ(server.requests().first(), expected);
    EXPECT_TRUE(r.verdict.allowed);
}

TEST(FailureModes, PreflightFailureStopsTheActualRequest)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\n\r\n");
    });
    http::RequestIntent intent;
    intent.url = QUrl(server.url());
    intent.method = "PUT";
    auto r = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_TRUE(server.requests().first().startsWith("OPTIONS /api/data HTTP/1.1\r\n"));
    EXPECT_TRUE(server.requests().first().contains("\r\nAccess-Control-Request-Method: PUT\r\n"));
    EXPECT_TRUE(r->exchange.actual.isEmpty());
    EXPECT_FALSE(r->verdict.allowed);
    ASSERT_TRUE(r->verdict.error.has_value());
    EXPECT_EQ(r->verdict.error->kind, QStringLiteral("PreflightMissingAllowOriginHeader"));
    EXPECT_FALSE(r->networkFailure);
}

TEST(FailureModes, SendAnywayShowsTheServerAnswerWithoutChangingTheVerdict)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("OPTIONS"))
            BrokenServer::respond(s, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        else
            BrokenServer::respond(s, ok("X-Reached: yes\r\n"));
    });
    http::RequestIntent intent;
    intent.url = QUrl(server.url());
    intent.method = "DELETE";
    net::ProbeOptions o;
    o.sendAnyway = true;
    auto r = net::Prober(o).probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->steps.size(), 2);
    EXPECT_EQ(r->steps.at(1).kind, net::StepKind::SentAnyway);
    EXPECT_EQ(r->steps.at(1).transfer.response.headers.value("x-reached").value_or(""), QByteArray("yes"));
    EXPECT_TRUE(r->exchange.actual.isEmpty());
    EXPECT_FALSE(r->verdict.allowed);
}

TEST(FailureModes, CrossOriginRedirectTaintsOriginAndRepeatsPreflight)
{
    // B: accepts anything from a null origin.
    BrokenServer b([](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("OPTIONS"))
            BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: null\r\n"
                                     "Access-Control-Allow-Methods: PUT\r\n\r\n");
        else
            BrokenServer::respond(s, ok("Access-Control-Allow-Origin: null\r\n"));
    });
    // A: allows the page, then redirects the actual request to B (a different origin).
    const QByteArray location = b.url(QStringLiteral("/final")).toUtf8();
    BrokenServer a([location](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("OPTIONS"))
            BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: http://127.0.0.1:40645\r\n"
                                     "Access-Control-Allow-Methods: PUT\r\n\r\n");
        else
            BrokenServer::respond(s, "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location
                                         + "\r\nAccess-Control-Allow-Origin: http://127.0.0.1:40645\r\n"
                                           "Content-Length: 0\r\n\r\n");
    });
    http::RequestIntent intent;
    intent.url = QUrl(a.url());
    intent.method = "PUT";
    auto r = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(b.requests().size(), 2);
    EXPECT_TRUE(b.requests().at(0).startsWith("OPTIONS /final"));
    EXPECT_TRUE(b.requests().at(0).contains("\r\nOrigin: null\r\n"));
    EXPECT_TRUE(b.requests().at(1).startsWith("PUT /final"));
    EXPECT_TRUE(b.requests().at(1).contains("\r\nOrigin: null\r\n"));
    ASSERT_EQ(r->exchange.actual.size(), 2);
    EXPECT_EQ(r->steps.at(2).kind, net::StepKind::RedirectPreflight);
    EXPECT_TRUE(r->verdict.allowed) << (r->verdict.error ? r->verdict.error->kind.toStdString() : std::string());
}

TEST(FailureModes, SeeOtherTurnsPostIntoGetWithoutBody)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("POST"))
            BrokenServer::respond(s, "HTTP/1.1 303 See Other\r\nLocation: /done\r\n"
                                     "Access-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
        else
            BrokenServer::respond(s, ok("Access-Control-Allow-Origin: *\r\n"));
    });
    http::RequestIntent intent;
    intent.url = QUrl(server.url());
    intent.method = "POST";
    intent.body = "a=1";
    intent.bodyKind = http::BodyKind::Text;
    auto r = net::Prober().probe(kOrigin, intent);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(server.requests().size(), 2);
    EXPECT_TRUE(server.requests().at(1).startsWith("GET /done HTTP/1.1"));
    EXPECT_FALSE(server.requests().at(1).contains("Content-Length"));
    EXPECT_FALSE(server.requests().at(1).contains("Content-Type"));
    EXPECT_TRUE(r->verdict.allowed);
}

TEST(FailureModes, RedirectLoopStopsAtTheLimit)
{
    BrokenServer server([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 302 Found\r\nLocation: /api/data\r\nAccess-Control-Allow-Origin: *\r\n"
                                 "Content-Length: 0\r\n\r\n");
    });
    const auto r = probeGet(server.url());
    EXPECT_EQ(server.requests().size(), 21);
    EXPECT_FALSE(r.verdict.allowed);
}

TEST(FailureModes, ReplayDiffShowsTheServerFix)
{
    bool fixed = false;
    BrokenServer server([&fixed](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, ok(fixed ? "Access-Control-Allow-Origin: http://127.0.0.1:40645\r\n" : ""));
    });
    const auto before = probeGet(server.url());
    EXPECT_FALSE(before.verdict.allowed);
    fixed = true;
    auto replayed = net::Prober().replay(before.exchange);
    ASSERT_TRUE(replayed.has_value());
    EXPECT_TRUE(replayed->probe.verdict.allowed);
    const QString diff = replayed->diff.join(QLatin1Char('\n'));
    EXPECT_TRUE(diff.contains(QStringLiteral("verdict: blocked (MissingAllowOriginHeader) → allowed"))) << diff.toStdString();
    EXPECT_TRUE(diff.contains(QLatin1String("actual response header: + Access-Control-Allow-Origin: http://127.0.0.1:40645")))
        << diff.toStdString();
    EXPECT_TRUE(net::diffExchanges(before.exchange, before.exchange).isEmpty());
}
