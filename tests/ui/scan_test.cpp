// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Request ▸ Scan Endpoint: input → ScanOptions, the loopback confirmation, real scans against
// in-process servers on 127.0.0.1 (reflect-any-origin → FAIL, exact policy → PASS), cancel,
// the models under QAbstractItemModelTester, the dialog and the evidence hand-off to the editor.
#include "core/io/exchange_json.h"
#include "tests/ui/scan_test_server.h"
#include "ui/dialogs/scan_dialog.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/session_store.h"
#include "ui/models/scan_findings_model.h"
#include "ui/models/scan_probes_model.h"
#include "ui/presenters/scan_presenter.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <utility>

using namespace corsbench;
using namespace corsbench::ui;
using test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 30000;
const QString kApp = QStringLiteral("https://app.example.com");

/// Echoes any Origin with credentials: the classic vulnerable policy.
QByteArray reflectAny(const QByteArray& head)
{
    const QByteArray origin = ScriptedHttpServer::header(head, "origin");
    QByteArray h = "Access-Control-Allow-Origin: " + origin + "\r\nAccess-Control-Allow-Credentials: true\r\n";
    if (head.startsWith("OPTIONS")) {
        h += "Access-Control-Allow-Methods: " + ScriptedHttpServer::header(head, "access-control-request-method")
            + "\r\nAccess-Control-Allow-Headers: " + ScriptedHttpServer::header(head, "access-control-request-headers")
            + "\r\n";
        return "HTTP/1.1 204 No Content\r\n" + h + "Connection: close\r\n\r\n";
    }
    return "HTTP/1.1 200 OK\r\n" + h + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
}

/// Echoes only https://app.example.com, with Vary: Origin and fixed methods: nothing to find.
QByteArray exactPolicy(const QByteArray& head)
{
    QByteArray h = "Vary: Origin\r\n";
    if (ScriptedHttpServer::header(head, "origin") == kApp.toUtf8())
        h += "Access-Control-Allow-Origin: https://app.example.com\r\nAccess-Control-Allow-Credentials: true\r\n";
    if (head.startsWith("OPTIONS"))
        return "HTTP/1.1 204 No Content\r\n" + h
            + "Access-Control-Allow-Methods: GET, POST\r\nAccess-Control-Allow-Headers: Content-Type\r\n"
              "Connection: close\r\n\r\n";
    return "HTTP/1.1 200 OK\r\n" + h + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
}

ScanInput inputFor(const QString& url, const QString& allow = {})
{
    ScanInput input;
    input.url = url;
    input.allowOrigins = allow;
    return input;
}

ScanInput localInput(const ScriptedHttpServer& server)
{
    ScanInput input;
    input.url = server.url();
    input.allowOrigins = kApp;
    input.timeoutSeconds = 5;
    return input;
}

net::ScanFinding finding(const char* id, net::Severity severity, const QString& origin)
{
    net::ScanFinding f;
    f.id = QString::fromLatin1(id);
    f.severity = severity;
    f.title = QStringLiteral("title of %1").arg(f.id);
    f.origin = origin;
    f.evidence = QStringLiteral("HTTP 200 | Access-Control-Allow-Origin: %1").arg(origin);
    f.why = QStringLiteral("why");
    f.fix = QStringLiteral("fix");
    return f;
}

bool hasFinding(const net::ScanReport& report, const char* id, net::Severity severity)
{
    return std::any_of(report.findings.begin(), report.findings.end(),
        [&](const net::ScanFinding& f) { return f.id == QLatin1String(id) && f.severity == severity; });
}

} // namespace

TEST(ScanInputToOptions, ValidInputBecomesScanOptions)
{
    ScanInput input;
    input.url = QStringLiteral(" http://127.0.0.1:8000/api ");
    input.baseOrigin = QStringLiteral("HTTPS://App.Example.com/");
    input.allowOrigins =
        QStringLiteral("https://app.example.com\n\n  https://admin.example.com:8443  \nhttps://app.example.com/");
    input.credentials = http::CredentialsMode::Omit;
    input.delayMs = 250;
    input.maxRequests = 12;
    input.timeoutSeconds = 7;
    input.cookie = QStringLiteral("sid=1");
    input.proxy = QStringLiteral("none");
    const Result<ScanPlan> plan = scanPlan(input);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_EQ(plan->url, QUrl(QStringLiteral("http://127.0.0.1:8000/api")));
    const net::ScanOptions& o = plan->options;
    EXPECT_EQ(o.allowOrigins, QStringList({ kApp, QStringLiteral("https://admin.example.com:8443") })); // deduplicated
    EXPECT_EQ(o.baseOrigin, kApp); // serialized
    EXPECT_EQ(o.intent.credentials, http::CredentialsMode::Omit);
    EXPECT_EQ(o.delayMs, 250);
    EXPECT_EQ(o.maxRequests, 12);
    EXPECT_EQ(o.probe.transport.totalTimeoutMs, 7000);
    EXPECT_EQ(o.probe.cookie, QByteArray("sid=1"));
    EXPECT_EQ(o.probe.transport.proxy.mode, net::ProxySettings::Mode::None);

    // Defaults: credentials include (the attack case), the full budget, no base origin.
    const Result<ScanPlan> defaults = scanPlan(inputFor(QStringLiteral("https://api.example.com/")));
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->options.intent.credentials, http::CredentialsMode::Include);
    EXPECT_EQ(defaults->options.maxRequests, 40);
    EXPECT_TRUE(defaults->options.baseOrigin.isEmpty());
    EXPECT_TRUE(defaults->options.allowOrigins.isEmpty());
}

TEST(ScanInputToOptions, BadInputIsRejectedWithAMessage)
{
    const ScanInput good = inputFor(QStringLiteral("http://127.0.0.1:8000/"), kApp);
    ASSERT_TRUE(scanPlan(good));
    auto rejected = [](ScanInput input, const QString& expected) {
        const Result<ScanPlan> plan = scanPlan(input);
        if (plan)
            return ::testing::AssertionFailure() << "accepted";
        if (!plan.error().message.contains(expected))
            return ::testing::AssertionFailure() << plan.error().message.toStdString();
        return ::testing::AssertionSuccess();
    };
    ScanInput in = good;
    in.url = QStringLiteral("ftp://example.com/");
    EXPECT_TRUE(rejected(in, QStringLiteral("http://")));
    in.url.clear();
    EXPECT_TRUE(rejected(in, QStringLiteral("URL")));
    in = good;
    in.allowOrigins = kApp + QStringLiteral("\nnot an origin");
    EXPECT_TRUE(rejected(in, QStringLiteral("line 2")));
    in.allowOrigins = QStringLiteral("https://app.example.com/path");
    EXPECT_TRUE(rejected(in, QStringLiteral("line 1")));
    in = good;
    in.baseOrigin = QStringLiteral("example.com");
    EXPECT_TRUE(rejected(in, QStringLiteral("base origin")));
    in = good;
    in.delayMs = -1;
    EXPECT_TRUE(rejected(in, QStringLiteral("delay")));
    in = good;
    in.maxRequests = 41;
    EXPECT_TRUE(rejected(in, QStringLiteral("budget")));
    in.maxRequests = 0;
    EXPECT_TRUE(rejected(in, QStringLiteral("budget")));
    in = good;
    in.proxy = QStringLiteral("socks5://127.0.0.1:1080");
    EXPECT_TRUE(rejected(in, QStringLiteral("http://")));
    in = good;
    in.cookie = QStringLiteral("a=1\nb=2");
    EXPECT_TRUE(rejected(in, QStringLiteral("one line")));

    ScanPresenter presenter;
    QSignalSpy failed(&presenter, &ScanPresenter::failed);
    QSignalSpy started(&presenter, &ScanPresenter::started);
    in = good;
    in.url = QStringLiteral("not a url");
    presenter.start(in);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_EQ(started.count(), 0);
    EXPECT_FALSE(presenter.isRunning());
}

TEST(ScanConfirmation, OnlyNonLoopbackTargetsAsk)
{
    for (const char* url :
        { "http://127.0.0.1:8000/x", "http://localhost:5000/", "http://[::1]:8080/", "http://api.localhost/" })
        EXPECT_FALSE(scanNeedsConfirmation(inputFor(QString::fromLatin1(url)))) << url;
    for (const char* url : { "https://api.example.com/items", "http://10.0.0.5/", "http://192.168.1.2:8000/" })
        EXPECT_TRUE(scanNeedsConfirmation(inputFor(QString::fromLatin1(url)))) << url;

    // The presenter asks (naming the host) instead of sending; confirming is the caller's move.
    ScanPresenter presenter;
    QSignalSpy asked(&presenter, &ScanPresenter::confirmationNeeded);
    QSignalSpy started(&presenter, &ScanPresenter::started);
    const ScanInput remote = inputFor(QStringLiteral("https://api.example.com/items"), kApp);
    presenter.start(remote);
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(started.count(), 0);
    EXPECT_FALSE(presenter.isRunning());
    EXPECT_EQ(asked.at(0).at(0).value<ScanInput>(), remote);
    const QString question = asked.at(0).at(1).toString();
    EXPECT_TRUE(question.contains(QStringLiteral("api.example.com")));
    EXPECT_TRUE(question.contains(QStringLiteral("40 requests")));
}

TEST(ScanPresenter, ReflectingServerFailsWithACriticalFinding)
{
    ScriptedHttpServer server(reflectAny);
    ASSERT_TRUE(server.listen());
    ScanPresenter presenter;
    QSignalSpy finished(&presenter, &ScanPresenter::finished);
    QSignalSpy progressed(&presenter, &ScanPresenter::progressed);
    QSignalSpy states(&presenter, &ScanPresenter::stateChanged);
    presenter.start(localInput(server));
    EXPECT_EQ(presenter.state(), ScanPresenter::State::Running);
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(presenter.state(), ScanPresenter::State::Idle);
    EXPECT_EQ(states.count(), 2); // Running, Idle

    const auto report = presenter.report();
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->cancelled);
    EXPECT_FALSE(report->pass());
    EXPECT_EQ(report->requestsSent, server.requests().size());
    EXPECT_LE(report->requestsSent, 40);
    EXPECT_TRUE(hasFinding(*report, "origin-reflected", net::Severity::Critical));

    const ScanVerdict& verdict = presenter.verdict();
    EXPECT_EQ(verdict.outcome, ScanVerdict::Outcome::Fail);
    EXPECT_EQ(verdict.label, QStringLiteral("FAIL"));
    EXPECT_EQ(verdict.allowedSide, QStringLiteral("Allowed origins: all 1 work."));
    EXPECT_TRUE(verdict.craftedSide.contains(QStringLiteral("critical"))) << verdict.craftedSide.toStdString();

    // Progress: the plan size is known after the first report; the last one is complete.
    ASSERT_GE(progressed.count(), 3);
    bool sawTrying = false;
    for (const QList<QVariant>& args : std::as_const(progressed))
        sawTrying = sawTrying || args.at(0).toString().contains(QStringLiteral("trying https://"));
    EXPECT_TRUE(sawTrying);
    const QList<QVariant> last = progressed.last();
    EXPECT_EQ(last.at(1).toInt(), last.at(2).toInt());
    EXPECT_TRUE(last.at(0).toString().startsWith(QStringLiteral("%1 / 40 requests").arg(report->requestsSent)));

    // Models: findings most severe first, one probe row per origin tried.
    const ScanFindingsModel* findings = presenter.findingsModel();
    ASSERT_EQ(findings->rowCount(), report->findings.size());
    EXPECT_EQ(findings->index(0, ScanFindingsModel::SeverityColumn).data().toString(), QStringLiteral("CRITICAL"));
    EXPECT_EQ(presenter.probesModel()->rowCount(), report->probes.size());

    // The evidence exchange is the recorded one: it parses and carries the crafted origin.
    const QString json = presenter.evidenceJson(0);
    const Result<http::Exchange> exchange = io::parseExchange(json.toUtf8());
    ASSERT_TRUE(exchange) << exchange.error().message.toStdString();
    EXPECT_EQ(exchange->pageOrigin, findings->finding(0).origin);
    EXPECT_TRUE(presenter.evidenceJson(-1).isEmpty());
    EXPECT_TRUE(presenter.evidenceJson(findings->rowCount()).isEmpty());
}

TEST(ScanPresenter, CorrectPolicyPasses)
{
    ScriptedHttpServer server(exactPolicy);
    ASSERT_TRUE(server.listen());
    ScanPresenter presenter;
    QSignalSpy finished(&presenter, &ScanPresenter::finished);
    presenter.start(localInput(server));
    ASSERT_TRUE(finished.wait(kWaitMs));
    const auto report = presenter.report();
    ASSERT_TRUE(report);
    QStringList ids;
    for (const net::ScanFinding& f : report->findings)
        ids << f.id;
    EXPECT_TRUE(report->findings.isEmpty()) << ids.join(u',').toStdString();
    EXPECT_TRUE(report->pass());
    EXPECT_EQ(presenter.verdict().outcome, ScanVerdict::Outcome::Pass);
    EXPECT_EQ(presenter.verdict().label, QStringLiteral("PASS"));
    EXPECT_TRUE(presenter.verdict().craftedSide.startsWith(QStringLiteral("Crafted origins: all")));
    EXPECT_EQ(presenter.findingsModel()->rowCount(), 0);
    ASSERT_GT(presenter.probesModel()->rowCount(), 5);
    const QModelIndex first = presenter.probesModel()->index(0, ScanProbesModel::OutcomeColumn);
    EXPECT_TRUE(first.data(ScanProbesModel::MustPassRole).toBool());
    EXPECT_EQ(first.data().toString(), QStringLiteral("allowed"));
    for (int row = 0; row < presenter.probesModel()->rowCount(); ++row)
        EXPECT_TRUE(presenter.probesModel()->index(row, 0).data(ScanProbesModel::GoodRole).toBool()) << row;
}

TEST(ScanDialogFlow, CancelMidScanKeepsPartialReportAndGoesIdle)
{
    ScriptedHttpServer server(reflectAny);
    ASSERT_TRUE(server.listen());
    ScanPresenter presenter;
    ScanDialog dialog(&presenter);
    ScanInput input = localInput(server);
    input.delayMs = 300; // time to cancel between probes
    dialog.setInput(input);
    auto* scan = dialog.findChild<QPushButton*>(QStringLiteral("scanButton"));
    auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    ASSERT_TRUE(scan && cancel);
    EXPECT_TRUE(scan->isEnabled());
    EXPECT_FALSE(cancel->isEnabled());

    QSignalSpy finished(&presenter, &ScanPresenter::finished);
    QSignalSpy progressed(&presenter, &ScanPresenter::progressed);
    scan->click();
    EXPECT_TRUE(presenter.isRunning());
    EXPECT_FALSE(scan->isEnabled());
    EXPECT_TRUE(cancel->isEnabled());
    EXPECT_FALSE(dialog.findChild<QLineEdit*>(QStringLiteral("url"))->isEnabled());
    // Wait until the first origin has been answered, then cancel during the delay.
    for (int i = 0; i < 100
         && !std::any_of(
             progressed.begin(), progressed.end(), [](const QList<QVariant>& a) { return a.at(1).toInt() >= 1; });
         ++i)
        ASSERT_TRUE(progressed.wait(kWaitMs));
    cancel->click();
    EXPECT_EQ(presenter.state(), ScanPresenter::State::Cancelling);
    EXPECT_FALSE(cancel->isEnabled());
    ASSERT_TRUE(finished.wait(kWaitMs));

    const auto report = presenter.report();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->cancelled);
    EXPECT_GE(report->probes.size(), 1);
    EXPECT_LT(report->probes.size(), 8); // far from the dozen-plus origins planned
    EXPECT_EQ(server.requests().size(), report->requestsSent);
    EXPECT_FALSE(report->pass());
    // Back to idle: inputs and Scan enabled again, Cancel disabled, the partial report shown.
    EXPECT_EQ(presenter.state(), ScanPresenter::State::Idle);
    EXPECT_TRUE(scan->isEnabled());
    EXPECT_FALSE(cancel->isEnabled());
    EXPECT_TRUE(dialog.findChild<QLineEdit*>(QStringLiteral("url"))->isEnabled());
    EXPECT_TRUE(
        dialog.findChild<QLabel*>(QStringLiteral("progressText"))->text().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(dialog.findChild<QTableView*>(QStringLiteral("probes"))->model()->rowCount(), report->probes.size());
    const QString label = dialog.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
    EXPECT_TRUE(label == QStringLiteral("INCOMPLETE") || label == QStringLiteral("FAIL")) << label.toStdString();
    EXPECT_EQ(label, presenter.verdict().label);

    // A second scan after the cancel runs normally.
    input.delayMs = 0;
    dialog.setInput(input);
    scan->click();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_FALSE(presenter.report()->cancelled);
}

TEST(ScanDialogFlow, ShowsVerdictFindingDetailsAndRoundTripsInput)
{
    ScriptedHttpServer server(reflectAny);
    ASSERT_TRUE(server.listen());
    ScanPresenter presenter;
    ScanDialog dialog(&presenter);
    ScanInput input = localInput(server);
    input.baseOrigin = kApp;
    input.credentials = http::CredentialsMode::SameOrigin;
    input.delayMs = 100;
    input.maxRequests = 30;
    input.cookie = QStringLiteral("sid=2");
    input.proxy = QStringLiteral("none");
    dialog.setInput(input);
    EXPECT_EQ(dialog.input(), input);
    input.delayMs = 0;
    input.credentials = http::CredentialsMode::Include;
    dialog.setInput(input);

    QSignalSpy finished(&presenter, &ScanPresenter::finished);
    QSignalSpy opened(&presenter, &ScanPresenter::evidenceOpened);
    dialog.requestScan();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text(), QStringLiteral("FAIL"));
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("findings"));
    ASSERT_EQ(table->currentIndex().row(), 0); // the most severe finding is selected
    const net::ScanFinding& top = presenter.findingsModel()->finding(0);
    EXPECT_EQ(
        dialog.findChild<QPlainTextEdit*>(QStringLiteral("evidence"))->toPlainText(), evidenceAsLines(top.evidence));
    EXPECT_TRUE(dialog.findChild<QPlainTextEdit*>(QStringLiteral("evidence"))
                    ->toPlainText()
                    .contains(QStringLiteral("\nAccess-Control-Allow-Origin: ")));
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("why"))->text(), top.why);
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("fix"))->text(), top.fix);
    auto* open = dialog.findChild<QPushButton*>(QStringLiteral("openEvidence"));
    ASSERT_TRUE(open->isEnabled());
    open->click();
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).toString(), presenter.evidenceJson(0));
}

TEST(ScanFindingsModel, PassesModelTesterAndSortsBySeverity)
{
    ScanFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFindings({ finding("vary-origin-missing", net::Severity::Low, QStringLiteral("https://a.test")),
        finding("origin-reflected", net::Severity::Critical, QStringLiteral("https://b.test")),
        finding("preflight-any-header", net::Severity::Info, QStringLiteral("https://c.test")),
        finding("pre-domain-bypass", net::Severity::High, QStringLiteral("https://d.test")),
        finding("other-port-trusted", net::Severity::Medium, QStringLiteral("https://e.test")),
        finding("post-domain-bypass", net::Severity::High, QStringLiteral("https://f.test")) });
    ASSERT_EQ(model.rowCount(), 6);
    EXPECT_EQ(model.columnCount(), ScanFindingsModel::ColumnCount);
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order << model.index(row, ScanFindingsModel::OriginColumn).data().toString();
    // Stable: the two "high" keep their order.
    EXPECT_EQ(order,
        QStringList({ QStringLiteral("https://b.test"), QStringLiteral("https://d.test"),
            QStringLiteral("https://f.test"), QStringLiteral("https://e.test"), QStringLiteral("https://a.test"),
            QStringLiteral("https://c.test") }));
    const QModelIndex top = model.index(0, ScanFindingsModel::SeverityColumn);
    EXPECT_EQ(top.data().toString(), QStringLiteral("CRITICAL"));
    EXPECT_EQ(top.data(ScanFindingsModel::SeverityRole).toInt(), static_cast<int>(net::Severity::Critical));
    EXPECT_EQ(top.data(ScanFindingsModel::IdRole).toString(), QStringLiteral("origin-reflected"));
    EXPECT_EQ(top.data(ScanFindingsModel::EvidenceRole).toString(),
        QStringLiteral("HTTP 200\nAccess-Control-Allow-Origin: https://b.test"));
    EXPECT_TRUE(top.data(Qt::ForegroundRole).canConvert<QColor>());
    EXPECT_NE(top.data(Qt::ForegroundRole).value<QColor>(),
        model.index(5, ScanFindingsModel::SeverityColumn).data(Qt::ForegroundRole).value<QColor>());
    EXPECT_EQ(
        model.index(1, ScanFindingsModel::TitleColumn).data().toString(), QStringLiteral("title of pre-domain-bypass"));
    EXPECT_FALSE(model.headerData(ScanFindingsModel::TitleColumn, Qt::Horizontal).toString().isEmpty());
    EXPECT_EQ(evidenceAsLines(QStringLiteral("HTTP 200 | Vary: Origin | also allowed: null, https://x.test")),
        QStringLiteral("HTTP 200\nVary: Origin\nalso allowed:\n  null\n  https://x.test"));
    model.setFindings({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ScanProbesModel, PassesModelTesterAndMarksOutcomes)
{
    ScanProbesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    net::ScanProbe mustPass;
    mustPass.origin = kApp;
    mustPass.purpose = QStringLiteral("must pass (--allow)");
    mustPass.mustPass = true;
    mustPass.allowed = true;
    mustPass.acao = QByteArray("https://app.example.com");
    net::ScanProbe crafted;
    crafted.origin = QStringLiteral("https://evil-example.com");
    crafted.purpose = QStringLiteral("pre-domain trick (evil-DOMAIN)");
    crafted.allowed = true;
    crafted.acao = QByteArray("https://evil-example.com");
    crafted.acac = QByteArray("true");
    net::ScanProbe refused;
    refused.origin = QStringLiteral("null");
    refused.purpose = QStringLiteral("null origin");
    refused.errorKind = QStringLiteral("AllowOriginMismatch");
    net::ScanProbe down;
    down.origin = QStringLiteral("https://x.test");
    down.networkFailure = true;
    down.networkError = QStringLiteral("connection refused");
    model.setProbes({ mustPass, crafted, refused, down });
    ASSERT_EQ(model.rowCount(), 4);
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    EXPECT_EQ(cell(0, ScanProbesModel::OutcomeColumn).toString(), QStringLiteral("allowed"));
    EXPECT_TRUE(cell(0, 0, ScanProbesModel::GoodRole).toBool());
    EXPECT_FALSE(cell(1, 0, ScanProbesModel::GoodRole).toBool()); // a crafted origin allowed
    EXPECT_EQ(cell(1, ScanProbesModel::AcacColumn).toString(), QStringLiteral("true"));
    EXPECT_EQ(cell(2, ScanProbesModel::OutcomeColumn).toString(), QStringLiteral("blocked (AllowOriginMismatch)"));
    EXPECT_TRUE(cell(2, 0, ScanProbesModel::GoodRole).toBool());
    EXPECT_EQ(cell(2, ScanProbesModel::AcaoColumn).toString(), QStringLiteral("(absent)"));
    EXPECT_TRUE(cell(3, ScanProbesModel::OutcomeColumn).toString().contains(QStringLiteral("connection refused")));
    EXPECT_FALSE(cell(3, 0, ScanProbesModel::GoodRole).toBool());
    EXPECT_NE(cell(0, ScanProbesModel::OutcomeColumn, Qt::ForegroundRole).value<QColor>(),
        cell(1, ScanProbesModel::OutcomeColumn, Qt::ForegroundRole).value<QColor>());
}

TEST(ScanVerdictText, NamesBothSides)
{
    net::ScanReport report;
    net::ScanProbe ok;
    ok.origin = kApp;
    ok.mustPass = true;
    ok.allowed = true;
    net::ScanProbe blocked = ok;
    blocked.origin = QStringLiteral("https://admin.example.com");
    blocked.allowed = false;
    net::ScanProbe crafted;
    crafted.origin = QStringLiteral("null");
    report.probes = { ok, blocked, crafted };
    report.findings = { finding("allowed-origin-blocked", net::Severity::High, blocked.origin) };
    const ScanVerdict v = scanVerdict(report);
    EXPECT_EQ(v.outcome, ScanVerdict::Outcome::Fail);
    EXPECT_EQ(v.headline, QStringLiteral("FAIL — an origin that must work is blocked"));
    EXPECT_EQ(v.allowedSide, QStringLiteral("Allowed origins: 1 of 2 work — blocked: https://admin.example.com."));
    EXPECT_EQ(v.craftedSide, QStringLiteral("Crafted origins: all 1 refused."));

    net::ScanReport cancelled;
    cancelled.cancelled = true;
    cancelled.probes = { ok };
    cancelled.requestsSent = 1;
    EXPECT_EQ(scanVerdict(cancelled).outcome, ScanVerdict::Outcome::Incomplete);
    EXPECT_EQ(scanVerdict(cancelled).label, QStringLiteral("INCOMPLETE"));
    cancelled.findings = { finding("origin-reflected", net::Severity::Critical, QStringLiteral("https://x.test")) };
    EXPECT_EQ(scanVerdict(cancelled).outcome, ScanVerdict::Outcome::Fail); // already decided
    EXPECT_TRUE(scanVerdict(cancelled).headline.contains(QStringLiteral("cancelled")));

    net::ScanReport down;
    down.unreachable = true;
    EXPECT_EQ(scanVerdict(down).outcome, ScanVerdict::Outcome::Unreachable);
}

TEST(ScanInputArguments, FromCommandLine)
{
    const auto none = scanInputFromArguments({}, {});
    ASSERT_TRUE(none);
    EXPECT_FALSE(none.value().has_value());
    EXPECT_FALSE(scanInputFromArguments({}, { kApp }));
    EXPECT_FALSE(scanInputFromArguments(QStringLiteral("nonsense"), {}));
    EXPECT_FALSE(scanInputFromArguments(QStringLiteral("http://127.0.0.1:1/"), { QStringLiteral("bad origin") }));
    const auto input = scanInputFromArguments(
        QStringLiteral("http://127.0.0.1:8765/api"), { kApp, QStringLiteral("http://localhost:5173") });
    ASSERT_TRUE(input);
    ASSERT_TRUE(input.value().has_value());
    EXPECT_EQ(input.value()->url, QStringLiteral("http://127.0.0.1:8765/api"));
    EXPECT_EQ(input.value()->allowOrigins, kApp + QStringLiteral("\nhttp://localhost:5173"));
}

TEST(MainWindowScan, OpenEvidenceLoadsTheExchangeIntoTheEditor)
{
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(SessionStore::defaultPath());
    ScriptedHttpServer server(reflectAny);
    ASSERT_TRUE(server.listen());
    MainWindow window;
    EXPECT_EQ(window.scanPresenter(), nullptr); // created on first use
    window.openScan(localInput(server), true);
    ScanPresenter* presenter = window.scanPresenter();
    ASSERT_NE(presenter, nullptr);
    QSignalSpy finished(presenter, &ScanPresenter::finished);
    ASSERT_TRUE(finished.wait(kWaitMs));
    ASSERT_GT(presenter->findingsModel()->rowCount(), 0);
    const net::ScanFinding& top = presenter->findingsModel()->finding(0);
    presenter->openEvidence(0);
    EXPECT_TRUE(window.isDocumentModified());
    EXPECT_EQ(window.documentText(), presenter->evidenceJson(0));
    EXPECT_TRUE(window.documentText().contains(top.origin));
    window.flushPendingWork();
    ASSERT_FALSE(window.steps().isEmpty()); // the engine judged the loaded exchange
    QFile::remove(SessionStore::defaultPath());
}

TEST(ScanPresenter, DestroyedMidScanStopsTheWorker)
{
    ScriptedHttpServer server(reflectAny);
    ASSERT_TRUE(server.listen());
    auto presenter = std::make_unique<ScanPresenter>();
    QSignalSpy progressed(presenter.get(), &ScanPresenter::progressed);
    ScanInput input = localInput(server);
    input.delayMs = 2000; // the worker sits in the delay when the presenter goes away
    presenter->start(input);
    for (int i = 0; i < 100
         && !std::any_of(
             progressed.begin(), progressed.end(), [](const QList<QVariant>& a) { return a.at(1).toInt() >= 1; });
         ++i)
        ASSERT_TRUE(progressed.wait(kWaitMs));
    QElapsedTimer clock;
    clock.start();
    presenter.reset(); // cancels and joins; queued progress/result events are dropped with it
    EXPECT_LT(clock.elapsed(), 1500);
    QCoreApplication::processEvents();
    EXPECT_EQ(server.requests().size(), 1);
}
