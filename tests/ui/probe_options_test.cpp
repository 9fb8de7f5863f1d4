// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The probe dialog's Cookie and Proxy fields: dialog round trip, mapping into ProbeOptions
// (and rejection of bad values), and a real probe through an in-process HTTP proxy on 127.0.0.1.
#include "tests/ui/scan_test_server.h"
#include "ui/dialogs/probe_dialog.h"
#include "ui/presenters/probe_presenter.h"

#include <QLineEdit>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

namespace {

constexpr int kWaitMs = 15000;

const QByteArray kAllowAnyWithCredentials = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: http://localhost:5173\r\n"
                                            "Access-Control-Allow-Credentials: true\r\nContent-Length: 2\r\n"
                                            "Connection: close\r\n\r\nok";

} // namespace

TEST(ProbeDialogFields, CookieAndProxyRoundTrip)
{
    ProbeDialog dialog;
    auto* cookie = dialog.findChild<QLineEdit*>(QStringLiteral("cookie"));
    auto* proxy = dialog.findChild<QLineEdit*>(QStringLiteral("proxy"));
    ASSERT_NE(cookie, nullptr);
    ASSERT_NE(proxy, nullptr);
    cookie->setText(QStringLiteral(" session=abc; theme=dark "));
    proxy->setText(QStringLiteral("http://127.0.0.1:3128"));
    const ProbeInput input = dialog.input();
    EXPECT_EQ(input.cookie, QStringLiteral("session=abc; theme=dark"));
    EXPECT_EQ(input.proxy, QStringLiteral("http://127.0.0.1:3128"));

    ProbeDialog again;
    again.setInput(input);
    EXPECT_EQ(again.input(), input);
}

TEST(ProbeOptionsMapping, CookieAndProxyReachProbeOptions)
{
    ProbeInput input;
    input.url = QStringLiteral("http://127.0.0.1:8000/");
    input.cookie = QStringLiteral("session=abc");
    input.proxy = QStringLiteral("http://user:pw@127.0.0.1:3128");
    Result<net::ProbeOptions> options = probeOptions(input);
    ASSERT_TRUE(options) << options.error().message.toStdString();
    EXPECT_EQ(options->cookie, QByteArray("session=abc"));
    EXPECT_EQ(options->transport.proxy.mode, net::ProxySettings::Mode::Explicit);
    EXPECT_EQ(options->transport.proxy.url.host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(options->transport.proxy.url.port(), 3128);
    EXPECT_EQ(options->transport.proxy.url.userName(), QStringLiteral("user"));

    input.proxy = QStringLiteral("proxy.corp:8080"); // scheme optional, as curl allows
    options = probeOptions(input);
    ASSERT_TRUE(options);
    EXPECT_EQ(options->transport.proxy.mode, net::ProxySettings::Mode::Explicit);
    EXPECT_EQ(options->transport.proxy.url.scheme(), QStringLiteral("http"));
    EXPECT_EQ(options->transport.proxy.url.port(), 8080);

    for (const char* text : { "", "system", " SYSTEM " }) {
        input.proxy = QString::fromLatin1(text);
        options = probeOptions(input);
        ASSERT_TRUE(options) << text;
        EXPECT_EQ(options->transport.proxy.mode, net::ProxySettings::Mode::Environment) << text;
    }
    for (const char* text : { "none", "direct", "None" }) {
        input.proxy = QString::fromLatin1(text);
        options = probeOptions(input);
        ASSERT_TRUE(options) << text;
        EXPECT_EQ(options->transport.proxy.mode, net::ProxySettings::Mode::None) << text;
    }
}

TEST(ProbeOptionsMapping, RejectsBadProxyAndCookie)
{
    ProbeInput input;
    input.url = QStringLiteral("http://127.0.0.1:8000/");
    for (const char* text : { "socks5://127.0.0.1:1080", "https://proxy:443", "http://", "http://proxy:3128/path",
             "two words", "http://proxy:99999" }) {
        input.proxy = QString::fromLatin1(text);
        const Result<net::ProbeOptions> options = probeOptions(input);
        ASSERT_FALSE(options) << text;
        EXPECT_FALSE(options.error().message.isEmpty()) << text;
    }
    input.proxy.clear();
    input.cookie = QStringLiteral("a=b\r\nX-Injected: 1");
    const Result<net::ProbeOptions> options = probeOptions(input);
    ASSERT_FALSE(options);
    EXPECT_TRUE(options.error().message.contains(QStringLiteral("one line")));

    // The presenter refuses to send with a bad proxy.
    ProbePresenter probe;
    QSignalSpy failed(&probe, &ProbePresenter::failed);
    input.cookie.clear();
    input.pageOrigin = QStringLiteral("http://localhost:5173");
    input.proxy = QStringLiteral("socks5://127.0.0.1:1080");
    probe.start(input);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_FALSE(probe.isRunning());
}

TEST(ProbePresenterProxy, ProbesThroughTheGivenProxyWithTheCookie)
{
    // The "proxy" answers for the remote target itself; the target name is never resolved.
    test::ScriptedHttpServer proxy([](const QByteArray&) { return kAllowAnyWithCredentials; });
    ASSERT_TRUE(proxy.listen());
    ProbeInput input;
    input.url = QStringLiteral("http://api.corsbench.invalid/items");
    input.pageOrigin = QStringLiteral("http://localhost:5173");
    input.credentials = http::CredentialsMode::Include;
    input.cookie = QStringLiteral("session=abc");
    input.proxy = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
    input.timeoutSeconds = 5;
    ProbePresenter probe;
    QSignalSpy finished(&probe, &ProbePresenter::finished);
    probe.start(input);
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_FALSE(finished.at(0).at(1).toBool()) << probe.networkError().toStdString();
    ASSERT_EQ(proxy.requests().size(), 1);
    const QByteArray head = proxy.requests().first();
    EXPECT_TRUE(head.startsWith("GET http://api.corsbench.invalid/items HTTP/1.1")) << head.toStdString();
    EXPECT_EQ(test::ScriptedHttpServer::header(head, "cookie"), QByteArray("session=abc"));
    EXPECT_TRUE(probe.proxy().contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port())))
        << probe.proxy().toStdString();
    EXPECT_TRUE(probe.summary().contains(probe.proxy()));
}

TEST(ProbePresenterProxy, LoopbackTargetBypassesTheProxyAndSaysSo)
{
    test::ScriptedHttpServer server([](const QByteArray&) { return kAllowAnyWithCredentials; });
    ASSERT_TRUE(server.listen());
    ProbeInput input;
    input.url = server.url();
    input.pageOrigin = QStringLiteral("http://localhost:5173");
    input.proxy = QStringLiteral("http://127.0.0.1:9"); // would refuse: must not be used
    input.timeoutSeconds = 5;
    ProbePresenter probe;
    QSignalSpy finished(&probe, &ProbePresenter::finished);
    probe.start(input);
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_TRUE(probe.proxy().startsWith(QStringLiteral("direct"))) << probe.proxy().toStdString();
    EXPECT_TRUE(probe.summary().contains(QStringLiteral("loopback"))) << probe.summary().toStdString();
}
