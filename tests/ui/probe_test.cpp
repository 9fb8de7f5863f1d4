// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cors/cors_engine.h"
#include "tests/ui/test_samples.h"
#include "ui/dialogs/probe_dialog.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/session_store.h"
#include "ui/presenters/exchange_presenter.h"
#include "ui/presenters/probe_presenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

namespace {

constexpr int kWaitMs = 15000;

/// Answers every request on 127.0.0.1 with one fixed HTTP/1.1 response, then closes.
class FixedHttpServer : public QObject
{
public:
    explicit FixedHttpServer(QByteArray response)
        : m_response(std::move(response))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_pending[socket] += socket->readAll();
                    if (m_pending[socket].contains("\r\n\r\n")) {
                        ++requests;
                        socket->write(m_response);
                        socket->disconnectFromHost();
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int requests = 0;

private:
    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket*, QByteArray> m_pending;
};

const QByteArray kAllowAny = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: text/plain\r\n"
                             "Content-Length: 2\r\nConnection: close\r\n\r\nok";

ProbeInput localInput(quint16 port)
{
    ProbeInput input;
    input.url = QStringLiteral("http://127.0.0.1:%1/api/items").arg(port);
    input.pageOrigin = QStringLiteral("http://localhost:5173");
    input.timeoutSeconds = 5;
    return input;
}

quint16 refusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

TEST(ProbeDialog, ProducesInputFromFields)
{
    ProbeDialog dialog;
    dialog.findChild<QLineEdit*>(QStringLiteral("url"))->setText(QStringLiteral(" http://127.0.0.1:8000/x "));
    dialog.findChild<QLineEdit*>(QStringLiteral("origin"))->setText(QStringLiteral("http://localhost:5173"));
    dialog.findChild<QComboBox*>(QStringLiteral("method"))->setCurrentText(QStringLiteral("PUT"));
    dialog.findChild<QPlainTextEdit*>(QStringLiteral("headers"))
        ->setPlainText(QStringLiteral("X-Token: abc\nContent-Type: application/json"));
    dialog.findChild<QPlainTextEdit*>(QStringLiteral("body"))->setPlainText(QStringLiteral("{}"));
    auto* credentials = dialog.findChild<QComboBox*>(QStringLiteral("credentials"));
    credentials->setCurrentIndex(credentials->findText(QStringLiteral("include")));
    dialog.findChild<QSpinBox*>(QStringLiteral("timeout"))->setValue(7);
    dialog.findChild<QCheckBox*>(QStringLiteral("insecure"))->setChecked(true);
    dialog.findChild<QCheckBox*>(QStringLiteral("sendAnyway"))->setChecked(true);

    ProbeInput expected;
    expected.url = QStringLiteral("http://127.0.0.1:8000/x");
    expected.pageOrigin = QStringLiteral("http://localhost:5173");
    expected.method = QStringLiteral("PUT");
    expected.headers = QStringLiteral("X-Token: abc\nContent-Type: application/json");
    expected.body = QStringLiteral("{}");
    expected.credentials = http::CredentialsMode::Include;
    expected.timeoutSeconds = 7;
    expected.insecure = true;
    expected.sendAnyway = true;
    EXPECT_EQ(dialog.input(), expected);

    ProbeDialog again;
    again.setInput(expected);
    EXPECT_EQ(again.input(), expected);
}

TEST(ProbeInput, BuildsIntentAndOptions)
{
    ProbeInput input = localInput(8000);
    input.method = QStringLiteral("PUT");
    input.headers = QStringLiteral("X-Token: abc\n\n  Accept :  */*  \n");
    input.body = QStringLiteral("hi");
    input.insecure = true;
    const Result<http::RequestIntent> intent = probeIntent(input);
    ASSERT_TRUE(intent);
    EXPECT_EQ(intent->method, QByteArray("PUT"));
    ASSERT_EQ(intent->headers.size(), 2);
    EXPECT_EQ(intent->body, QByteArray("hi"));
    EXPECT_EQ(intent->bodyKind, http::BodyKind::Text);
    const Result<net::ProbeOptions> options = probeOptions(input);
    ASSERT_TRUE(options);
    EXPECT_EQ(options->transport.totalTimeoutMs, 5000);
    EXPECT_TRUE(options->transport.insecure);

    input.headers = QStringLiteral("no colon here");
    EXPECT_FALSE(probeIntent(input));
    input = localInput(8000);
    input.url = QStringLiteral("ftp://example.com/");
    EXPECT_FALSE(probeIntent(input));
}

TEST(ProbeInput, AsksOnlyForNonLoopbackTargets)
{
    ProbeInput input = localInput(8000);
    EXPECT_FALSE(probeNeedsConfirmation(input));
    input.url = QStringLiteral("https://api.example.com/items");
    EXPECT_TRUE(probeNeedsConfirmation(input));
}

TEST(ProbePresenter, AllowedExchangeFromLocalServer)
{
    FixedHttpServer server(kAllowAny);
    ASSERT_TRUE(server.listen());
    ProbePresenter probe;
    QSignalSpy finished(&probe, &ProbePresenter::finished);
    QSignalSpy failed(&probe, &ProbePresenter::failed);
    probe.start(localInput(server.port()));
    EXPECT_TRUE(probe.isRunning());
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(failed.count(), 0);
    EXPECT_FALSE(probe.isRunning());
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_EQ(server.requests, 1);
    EXPECT_TRUE(probe.transport().contains(QStringLiteral("HTTP/1.1")));
    EXPECT_FALSE(probe.timings().isEmpty());
    EXPECT_GE(probe.totalMs(), 0);

    ExchangePresenter judge;
    judge.setSourceText(finished.at(0).at(0).toString());
    ASSERT_TRUE(judge.hasResult());
    EXPECT_TRUE(judge.verdict().allowed);
}

TEST(ProbePresenter, RefusedPortIsNetworkError)
{
    const quint16 port = refusedPort();
    ASSERT_NE(port, 0);
    ProbePresenter probe;
    QSignalSpy finished(&probe, &ProbePresenter::finished);
    probe.start(localInput(port));
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(probe.networkFailure());
    EXPECT_FALSE(probe.networkError().isEmpty());
    EXPECT_TRUE(probe.summary().contains(QStringLiteral("network error")));

    ExchangePresenter judge;
    judge.setSourceText(finished.at(0).at(0).toString());
    ASSERT_TRUE(judge.hasResult());
    EXPECT_FALSE(judge.verdict().allowed);
}

TEST(ProbePresenter, BadInputFailsWithoutSending)
{
    ProbePresenter probe;
    QSignalSpy failed(&probe, &ProbePresenter::failed);
    ProbeInput input = localInput(8000);
    input.url = QStringLiteral("not a url");
    probe.start(input);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_FALSE(probe.isRunning());
}

TEST(ProbePresenter, CancelDropsResult)
{
    FixedHttpServer server(kAllowAny);
    ASSERT_TRUE(server.listen());
    ProbePresenter probe;
    QSignalSpy finished(&probe, &ProbePresenter::finished);
    QSignalSpy cancelled(&probe, &ProbePresenter::cancelled);
    probe.start(localInput(server.port()));
    probe.cancel();
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(probe.isRunning());
    EXPECT_FALSE(finished.wait(1500));
}

TEST(MainWindowProbe, LoadsProbedExchangeAndShowsTransport)
{
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(SessionStore::defaultPath());
    FixedHttpServer server(kAllowAny);
    ASSERT_TRUE(server.listen());
    MainWindow window;
    QSignalSpy finished(window.probePresenter(), &ProbePresenter::finished);
    window.startProbe(localInput(server.port()));
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_TRUE(window.isDocumentModified());
    EXPECT_TRUE(window.documentText().contains(QStringLiteral("Access-Control-Allow-Origin")));
    EXPECT_TRUE(window.probeStatusText().contains(QStringLiteral("HTTP/1.1")));
    ASSERT_FALSE(window.steps().isEmpty());
    EXPECT_GE(window.steps().first().durationMs, 0); // the measured request
    EXPECT_TRUE(window.steps().first().result.contains(QStringLiteral(" ms")));
    QFile::remove(SessionStore::defaultPath());
}

TEST(ProbeInput, FromCommandLineArguments)
{
    const auto none = probeInputFromArguments({}, {});
    ASSERT_TRUE(none);
    EXPECT_FALSE(none.value().has_value());
    EXPECT_FALSE(probeInputFromArguments(QStringLiteral("http://127.0.0.1:1/"), {}));
    EXPECT_FALSE(probeInputFromArguments({}, QStringLiteral("http://localhost:5173")));
    EXPECT_FALSE(probeInputFromArguments(QStringLiteral("nonsense"), QStringLiteral("http://localhost:5173")));
    const auto input =
        probeInputFromArguments(QStringLiteral("http://127.0.0.1:8765/"), QStringLiteral("http://a.test"));
    ASSERT_TRUE(input);
    ASSERT_TRUE(input.value().has_value());
    EXPECT_EQ(input.value()->url, QStringLiteral("http://127.0.0.1:8765/"));
    EXPECT_EQ(input.value()->pageOrigin, QStringLiteral("http://a.test"));
}

TEST(TimelineStepsTimings, MeasuredDurationsGoOnTheirCards)
{
    const http::Exchange exchange = test::sampleExchange(QStringLiteral("fa-put-default-methods.json"));
    ASSERT_TRUE(exchange.preflight.has_value());
    const cors::Verdict verdict = cors::CorsEngine().evaluate(exchange);
    const QList<TimelineStep> plain = buildTimelineSteps(exchange, verdict);
    StepTimings timings;
    timings.preflightMs = 12.4;
    const QList<TimelineStep> timed = buildTimelineSteps(exchange, verdict, timings);
    ASSERT_EQ(plain.size(), timed.size());
    EXPECT_EQ(plain.first().durationMs, -1);
    EXPECT_DOUBLE_EQ(timed.first().durationMs, 12.4);
    EXPECT_EQ(timed.first().result, plain.first().result + QStringLiteral(" · 12 ms"));
    for (qsizetype i = 1; i < timed.size(); ++i)
        EXPECT_EQ(timed.at(i).result, plain.at(i).result);
}
