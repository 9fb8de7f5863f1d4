// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Framing rules of the raw HTTP/1.1 reader, byte by byte (no sockets).
#include "core/net/browser_profile.h"
#include "core/net/http_wire.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

using corsbench::net::NetErrorKind;
using corsbench::net::ResponseParser;
using State = ResponseParser::State;

namespace {

State feedAll(ResponseParser& p, const QByteArray& bytes, int step = 0)
{
    if (step <= 0)
        return p.feed(bytes);
    State s = p.state();
    for (qsizetype i = 0; i < bytes.size(); i += step)
        s = p.feed(QByteArrayView(bytes).sliced(i, qMin<qsizetype>(step, bytes.size() - i)));
    return s;
}

} // namespace

TEST(HttpWire, ContentLengthBodyAcrossTinyReads)
{
    ResponseParser p("GET");
    const QByteArray msg = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello";
    EXPECT_EQ(feedAll(p, msg, 1), State::Done);
    EXPECT_EQ(p.head().status, 200);
    EXPECT_EQ(p.head().reason, QByteArray("OK"));
    EXPECT_EQ(p.body(), QByteArray("hello"));
    EXPECT_EQ(p.rawHead(), QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\n"));
}

TEST(HttpWire, DuplicateHeadersKeptInOrderWithCase)
{
    ResponseParser p("GET");
    feedAll(p, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: http://a.test\r\naccess-control-allow-origin: "
               "*\r\nContent-Length: 0\r\n\r\n");
    ASSERT_EQ(p.state(), State::Done);
    ASSERT_EQ(p.head().headers.size(), 3);
    EXPECT_EQ(p.head().headers.at(0).name, QByteArray("Access-Control-Allow-Origin"));
    EXPECT_EQ(p.head().headers.at(1).name, QByteArray("access-control-allow-origin"));
    EXPECT_EQ(p.head().headers.at(1).value, QByteArray("*"));
}

TEST(HttpWire, ValueWhitespaceBeyondOneSpaceIsKept)
{
    ResponseParser p("GET");
    feedAll(p, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin:   http://a.test  \r\nContent-Length: 0\r\n\r\n");
    ASSERT_EQ(p.state(), State::Done);
    EXPECT_EQ(p.head().headers.at(0).value, QByteArray("  http://a.test  "));
}

TEST(HttpWire, ChunkedWithExtensionsAndTrailers)
{
    ResponseParser p("GET");
    const QByteArray msg = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n";
    EXPECT_EQ(feedAll(p, msg, 3), State::Done);
    EXPECT_EQ(p.body(), QByteArray("Wikipedia"));
}

TEST(HttpWire, InterimContinueIsSkipped)
{
    ResponseParser p("POST");
    EXPECT_EQ(feedAll(p, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n"), State::Done);
    EXPECT_EQ(p.head().status, 204);
    EXPECT_EQ(p.interimHeads().size(), 1);
}

TEST(HttpWire, CloseDelimitedBody)
{
    ResponseParser p("GET");
    EXPECT_EQ(feedAll(p, "HTTP/1.0 200 OK\r\n\r\nabc"), State::Body);
    EXPECT_EQ(p.finish(), State::Done);
    EXPECT_EQ(p.body(), QByteArray("abc"));
}

TEST(HttpWire, HeadResponseHasNoBody)
{
    ResponseParser p("HEAD");
    EXPECT_EQ(feedAll(p, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"), State::Done);
}

TEST(HttpWire, BareLineFeedsAccepted)
{
    ResponseParser p("GET");
    EXPECT_EQ(feedAll(p, "HTTP/1.1 200 OK\nContent-Length: 2\nX-A: 1\n\nok"), State::Done);
    EXPECT_EQ(p.head().headers.value("x-a").value_or(""), QByteArray("1"));
}

TEST(HttpWire, ObsFoldJoinsValue)
{
    ResponseParser p("GET");
    EXPECT_EQ(feedAll(p, "HTTP/1.1 200 OK\r\nX-A: one\r\n  two\r\nContent-Length: 0\r\n\r\n"), State::Done);
    EXPECT_EQ(p.head().headers.value("x-a").value_or(""), QByteArray("one two"));
    EXPECT_FALSE(p.warnings().isEmpty());
}

TEST(HttpWire, ConflictingContentLengthIsMalformed)
{
    ResponseParser p("GET");
    EXPECT_EQ(feedAll(p, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"), State::Error);
    EXPECT_EQ(p.errorKind(), NetErrorKind::Malformed);
}

TEST(HttpWire, GarbageStatusLineIsMalformed)
{
    ResponseParser p("GET");
    EXPECT_EQ(feedAll(p, "SSH-2.0-OpenSSH_9.2\r\n"), State::Error);
    EXPECT_EQ(p.errorKind(), NetErrorKind::Malformed);
    ResponseParser q("GET");
    EXPECT_EQ(feedAll(q, "HTTP/1.1 2OO OK\r\n\r\n"), State::Error);
    EXPECT_EQ(q.errorKind(), NetErrorKind::Malformed);
}

TEST(HttpWire, OversizedHeadIsAnError)
{
    ResponseParser p("GET", 1024);
    QByteArray msg = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 100; ++i)
        msg += "X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    EXPECT_EQ(feedAll(p, msg), State::Error);
    EXPECT_EQ(p.errorKind(), NetErrorKind::TooLarge);
}

TEST(HttpWire, BodyBeyondCapIsTruncatedNotAnError)
{
    ResponseParser p("GET", 256 * 1024, 4);
    EXPECT_EQ(feedAll(p, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"), State::Done);
    EXPECT_EQ(p.body(), QByteArray("0123"));
    EXPECT_TRUE(p.bodyTruncated());
}

TEST(HttpWire, CloseBeforeHeadIsEmptyReply)
{
    ResponseParser p("GET");
    EXPECT_EQ(p.finish(), State::Error);
    EXPECT_EQ(p.errorKind(), NetErrorKind::Closed);
    EXPECT_TRUE(p.errorMessage().contains(QLatin1String("empty reply")));
}

TEST(HttpWire, RequestSerialisationIsExact)
{
    corsbench::http::HeaderList h { { "Host", "a.test" }, { "x-lower", "1" }, { "X-Dup", "a" }, { "X-Dup", "b" } };
    EXPECT_EQ(corsbench::net::serializeRequest("PUT", "/p?q=1", h, "xy"),
              QByteArray("PUT /p?q=1 HTTP/1.1\r\nHost: a.test\r\nx-lower: 1\r\nX-Dup: a\r\nX-Dup: b\r\n\r\nxy"));
    EXPECT_EQ(corsbench::net::originFormTarget(QUrl(QStringLiteral("http://a.test"))), QByteArray("/"));
    EXPECT_EQ(corsbench::net::originFormTarget(QUrl(QStringLiteral("http://a.test/x%20y?a=b#frag"))),
              QByteArray("/x%20y?a=b"));
}

TEST(BrowserProfile, PreflightHeadMatchesChromiumOrder)
{
    corsbench::net::RequestContext ctx { QStringLiteral("http://127.0.0.1:40645"), {}, false };
    const auto head = corsbench::net::buildPreflightHead(ctx, QUrl(QStringLiteral("http://127.0.0.1:33549/api/data")),
                                                         "PUT", "content-type,x-token");
    QList<QByteArray> names;
    for (const auto& h : head.headers)
        names << h.name;
    const QList<QByteArray> chromium { "Host", "Connection", "Accept", "Access-Control-Request-Method",
                                       "Access-Control-Request-Headers", "Origin", "User-Agent", "Sec-Fetch-Mode",
                                       "Sec-Fetch-Site", "Sec-Fetch-Dest", "Referer", "Accept-Encoding",
                                       "Accept-Language" };
    EXPECT_EQ(names, chromium);
    EXPECT_EQ(head.headers.value("host").value_or(""), QByteArray("127.0.0.1:33549"));
    EXPECT_EQ(head.headers.value("sec-fetch-site").value_or(""), QByteArray("same-site"));
    EXPECT_EQ(head.headers.value("referer").value_or(""), QByteArray("http://127.0.0.1:40645/"));
}

TEST(BrowserProfile, SecFetchSiteAndReferer)
{
    using corsbench::net::secFetchSite;
    EXPECT_EQ(secFetchSite(QStringLiteral("https://app.example.com"), QUrl(QStringLiteral("https://api.example.com/x"))),
              QByteArray("same-site"));
    EXPECT_EQ(secFetchSite(QStringLiteral("https://app.example.com"), QUrl(QStringLiteral("https://evil.test/x"))),
              QByteArray("cross-site"));
    EXPECT_EQ(secFetchSite(QStringLiteral("null"), QUrl(QStringLiteral("http://127.0.0.1/x"))), QByteArray("cross-site"));
    corsbench::net::RequestContext https { QStringLiteral("https://app.example.com"), {}, false };
    EXPECT_TRUE(corsbench::net::refererFor(https, QUrl(QStringLiteral("http://api.example.com/"))).isEmpty());
}

TEST(HttpWire, ByteByByteLargeHeadIsLinear)
{
    // A hostile server dripping a 200 KB head one byte at a time must not cost O(n^2).
    QByteArray msg = "HTTP/1.1 200 OK\r\n";
    while (msg.size() < 200 * 1024)
        msg += "X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    msg += "Content-Length: 0\r\n\r\n";
    ResponseParser p("GET");
    QElapsedTimer clock;
    clock.start();
    EXPECT_EQ(feedAll(p, msg, 1), State::Done);
    EXPECT_LT(clock.elapsed(), 3000);
}

TEST(HttpWire, InterimFloodIsMalformed)
{
    ResponseParser p("GET");
    QByteArray msg;
    for (int i = 0; i < 40; ++i)
        msg += "HTTP/1.1 100 Continue\r\n\r\n";
    EXPECT_EQ(feedAll(p, msg), State::Error);
    EXPECT_EQ(p.errorKind(), NetErrorKind::Malformed);
}
