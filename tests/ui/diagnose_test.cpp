// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/diagnosis/diagnosis.h"
#include "ui/diagnose/diagnose_pane.h"
#include "ui/diagnose/diff_highlighter.h"
#include "ui/diagnose/paste_edit.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/session_store.h"
#include "ui/models/causes_model.h"
#include "ui/models/detected_model.h"
#include "ui/presenters/diagnose_presenter.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

namespace {

const QString kChromeLine = QStringLiteral(
    "Access to fetch at 'http://127.0.0.1:8000/api' from origin 'http://localhost:3000' has been blocked by CORS "
    "policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header "
    "is present on the requested resource.");

const QString kFastApiApp = QStringLiteral("from fastapi import FastAPI\n"
                                           "from fastapi.middleware.cors import CORSMiddleware\n"
                                           "\n"
                                           "app = FastAPI()\n"
                                           "app.add_middleware(\n"
                                           "    CORSMiddleware,\n"
                                           "    allow_origins=[\"http://localhost:5173\"],\n"
                                           "    allow_methods=[\"*\"],\n"
                                           "    allow_headers=[\"*\"],\n"
                                           ")\n"
                                           "\n"
                                           "@app.get(\"/api\")\n"
                                           "def api():\n"
                                           "    return {\"ok\": True}\n");

/// What core says for the same input: the expected values are computed, never hard-coded.
diagnosis::Diagnosis coreDiagnosis(const DiagnoseRequest& request)
{
    diagnosis::DiagnoseOptions options;
    options.framework = request.framework;
    if (!request.serverCode.trimmed().isEmpty())
        options.userSnippet = request.serverCode;
    Result<diagnosis::Diagnosis> d = diagnosis::diagnoseText(request.text.toUtf8(), options);
    EXPECT_TRUE(d.has_value());
    return d ? d.value() : diagnosis::Diagnosis {};
}

QStringList causeIds(const QList<diagnosis::Cause>& causes)
{
    QStringList ids;
    for (const auto& c : causes)
        ids << c.id;
    return ids;
}

/// Waits (bounded) until the presenter is idle and has published at least `count` outcomes.
bool waitForOutcomes(DiagnosePresenter& presenter, QSignalSpy& spy, int count = 1)
{
    for (int i = 0; i < 200 && (spy.count() < count || presenter.isBusy()); ++i)
        spy.wait(50);
    return spy.count() >= count && !presenter.isBusy();
}

class DiagnoseWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(SessionStore::defaultPath());
    }
    void TearDown() override { QFile::remove(SessionStore::defaultPath()); }
};

} // namespace

TEST(DiagnosePresenter, ChromeLineWithFastApiAppRanksLikeCore)
{
    DiagnosePresenter presenter;
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
    const DiagnoseRequest request { kChromeLine + u'\n' + kFastApiApp, {}, QStringLiteral("auto"), {} };
    presenter.diagnose(request);
    EXPECT_TRUE(presenter.isBusy()); // off the GUI thread
    ASSERT_TRUE(waitForOutcomes(presenter, finished));
    const DiagnoseSnapshot outcome = presenter.latest();
    ASSERT_TRUE(outcome && outcome->diagnosis);
    EXPECT_EQ(outcome->request, request);

    const diagnosis::Diagnosis expected = coreDiagnosis(request);
    ASSERT_FALSE(expected.causes.isEmpty());
    EXPECT_EQ(causeIds(outcome->diagnosis->causes), causeIds(expected.causes));
    // Stable fact: a preflight without ACAO against an app that lists another origin.
    EXPECT_EQ(outcome->diagnosis->causes.first().id, QStringLiteral("origin-not-allowed"));
    EXPECT_EQ(outcome->diagnosis->framework, QStringLiteral("fastapi"));
    EXPECT_TRUE(outcome->message.contains(outcome->diagnosis->causes.first().title)) << outcome->message.toStdString();
}

TEST(DiagnosePresenter, ServerCodeGivenSeparatelyProducesFixesAgainstIt)
{
    DiagnosePresenter presenter;
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
    const DiagnoseRequest request { kChromeLine, kFastApiApp, QStringLiteral("auto"), {} };
    presenter.diagnose(request);
    ASSERT_TRUE(waitForOutcomes(presenter, finished));
    const DiagnoseSnapshot outcome = presenter.latest();
    ASSERT_TRUE(outcome && outcome->diagnosis);
    const diagnosis::Diagnosis expected = coreDiagnosis(request);
    ASSERT_FALSE(outcome->diagnosis->causes.isEmpty());
    EXPECT_EQ(causeIds(outcome->diagnosis->causes), causeIds(expected.causes));
    const diagnosis::Cause& top = outcome->diagnosis->causes.first();
    EXPECT_EQ(top.fixes.size(), expected.causes.first().fixes.size());
    if (!top.fixes.isEmpty()) {
        EXPECT_EQ(top.fixes.first().diff, expected.causes.first().fixes.first().diff);
    }
}

TEST(DiagnosePresenter, NewerRequestsReplaceQueuedOnes)
{
    DiagnosePresenter presenter;
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
    QSignalSpy busy(&presenter, &DiagnosePresenter::busyChanged);
    DiagnoseRequest last;
    for (int i = 0; i < 5; ++i) {
        last = DiagnoseRequest { kChromeLine + QStringLiteral("\n# edit %1\n").arg(i) + kFastApiApp, {},
            QStringLiteral("auto"), {} };
        presenter.diagnose(last);
    }
    ASSERT_TRUE(waitForOutcomes(presenter, finished));
    QTest::qWait(50); // nothing stale arrives later
    ASSERT_EQ(finished.count(), 1); // only the newest request is published
    EXPECT_EQ(presenter.latest()->request, last);
    ASSERT_GE(busy.count(), 2);
    EXPECT_TRUE(busy.first().at(0).toBool());
    EXPECT_FALSE(busy.last().at(0).toBool());
}

TEST(DiagnosePresenter, EmptyPasteGivesAClearMessageAtOnce)
{
    DiagnosePresenter presenter;
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
    presenter.diagnose(DiagnoseRequest { QStringLiteral("  \n\t\n"), {}, QStringLiteral("auto"), {} });
    ASSERT_EQ(finished.count(), 1); // no worker needed
    EXPECT_FALSE(presenter.latest()->diagnosis);
    EXPECT_TRUE(presenter.latest()->message.contains(QStringLiteral("Paste")))
        << presenter.latest()->message.toStdString();
}

TEST(DiagnosePresenter, BinaryPasteGivesAClearMessage)
{
    QString nul = kChromeLine;
    nul.insert(10, QChar(u'\0'));
    QString garbage;
    for (int i = 0; i < 400; ++i)
        garbage += QChar(char16_t(i % 7 == 0 ? 0xFFFD : (i % 5) + 1));
    for (const QString& text : { nul, garbage }) {
        DiagnosePresenter presenter;
        QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
        presenter.diagnose(DiagnoseRequest { text, {}, QStringLiteral("auto"), {} });
        ASSERT_TRUE(waitForOutcomes(presenter, finished));
        EXPECT_FALSE(presenter.latest()->diagnosis);
        EXPECT_TRUE(presenter.latest()->message.contains(QStringLiteral("binary")))
            << presenter.latest()->message.toStdString();
    }
}

TEST(DiagnosePresenter, UnrecognisedTextSaysWhatToPaste)
{
    const DiagnoseOutcome outcome =
        runDiagnosis({ QStringLiteral("hello world\nnothing to see"), {}, QStringLiteral("auto"), {} });
    ASSERT_TRUE(outcome.diagnosis);
    EXPECT_TRUE(outcome.diagnosis->input.evidence.isEmpty());
    EXPECT_TRUE(outcome.message.contains(QStringLiteral("console"))) << outcome.message.toStdString();
}

TEST(DiagnosePresenter, HarFileIsReadFromDisk)
{
    const QString har = QStringLiteral(CORSBENCH_TEST_DATA_DIR "/ingest/chrome_export.har");
    const DiagnoseOutcome outcome = runDiagnosis({ {}, {}, QStringLiteral("auto"), har });
    ASSERT_TRUE(outcome.diagnosis) << outcome.message.toStdString();
    ASSERT_FALSE(outcome.diagnosis->input.evidence.isEmpty());
    EXPECT_EQ(outcome.diagnosis->input.evidence.first().kind, ingest::EvidenceKind::Har);

    const DiagnoseOutcome missing = runDiagnosis({ {}, {}, QStringLiteral("auto"), har + QStringLiteral(".missing") });
    EXPECT_FALSE(missing.diagnosis);
    EXPECT_FALSE(missing.message.isEmpty());
}

TEST(DiagnosePresenter, DroppedFilesAreCappedAndChecked)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile file(dir.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return file.fileName();
    };
    const Result<DroppedInput> text = readDroppedFile(write(QStringLiteral("app.py"), kFastApiApp.toUtf8()));
    ASSERT_TRUE(text.has_value());
    EXPECT_EQ(text->text, kFastApiApp);
    EXPECT_TRUE(text->harPath.isEmpty());

    const Result<DroppedInput> binary =
        readDroppedFile(write(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11)));
    ASSERT_FALSE(binary.has_value());
    EXPECT_EQ(binary.error().code, ErrorCode::BinaryInput);

    const QByteArray big(int(kMaxPasteBytes) + 10, 'x');
    const Result<DroppedInput> log = readDroppedFile(write(QStringLiteral("huge.log"), big));
    ASSERT_FALSE(log.has_value());
    EXPECT_EQ(log.error().code, ErrorCode::TooLarge);
    EXPECT_TRUE(log.error().message.contains(QStringLiteral("huge.log")));

    QByteArray bigHar = R"({"log": {"version": "1.2", "creator": {"name": "test"}, "entries": []}, "pad": ")";
    bigHar += QByteArray(int(kMaxPasteBytes), ' ') + "\"}";
    const Result<DroppedInput> har = readDroppedFile(write(QStringLiteral("big.har"), bigHar));
    ASSERT_TRUE(har.has_value());
    EXPECT_TRUE(har->text.isEmpty());
    EXPECT_EQ(har->harPath, QFileInfo(dir.filePath(QStringLiteral("big.har"))).absoluteFilePath());

    EXPECT_FALSE(readDroppedFile(dir.filePath(QStringLiteral("absent.txt"))).has_value());
}

TEST(DiagnosePresenter, ProbeInputFromCommandAndFromCause)
{
    diagnosis::Cause cause;
    cause.probeCommand =
        QStringLiteral("corsbench-cli probe 'http://127.0.0.1:8000/api?q=a b' --origin 'http://localhost:3000' -X PUT "
                       "-H 'X-Token: a b' -H \"Content-Type: application/json\" --credentials include");
    const auto fromCommand = probeInputForCause(cause);
    ASSERT_TRUE(fromCommand.has_value());
    EXPECT_EQ(fromCommand->url, QStringLiteral("http://127.0.0.1:8000/api?q=a b"));
    EXPECT_EQ(fromCommand->pageOrigin, QStringLiteral("http://localhost:3000"));
    EXPECT_EQ(fromCommand->method, QStringLiteral("PUT"));
    EXPECT_EQ(fromCommand->headers, QStringLiteral("X-Token: a b\nContent-Type: application/json"));
    EXPECT_EQ(fromCommand->credentials, http::CredentialsMode::Include);

    cause.probeCommand = QStringLiteral("echo nothing");
    EXPECT_FALSE(probeInputForCause(cause).has_value());
    EXPECT_EQ(splitCommandLine(QStringLiteral(R"(a 'b c' "d \"e\"" f\ g)")),
        (QStringList { QStringLiteral("a"), QStringLiteral("b c"), QStringLiteral("d \"e\""), QStringLiteral("f g") }));

    // A real cause: the probe targets the URL and origin of the console line.
    const DiagnoseOutcome outcome = runDiagnosis({ kChromeLine + u'\n' + kFastApiApp, {}, QStringLiteral("auto"), {} });
    ASSERT_TRUE(outcome.diagnosis && !outcome.diagnosis->causes.isEmpty());
    const diagnosis::Cause& top = outcome.diagnosis->causes.first();
    if (top.probeCommand.isEmpty())
        GTEST_SKIP() << "core gives no probe command for " << top.id.toStdString();
    const auto fromCause = probeInputForCause(top);
    ASSERT_TRUE(fromCause.has_value());
    EXPECT_EQ(fromCause->url, QStringLiteral("http://127.0.0.1:8000/api"));
    EXPECT_EQ(fromCause->pageOrigin, QStringLiteral("http://localhost:3000"));
    EXPECT_TRUE(probeIntent(*fromCause).has_value());
}

TEST(DiagnosePresenter, ReportsRedactSecretsUnlessAskedNotTo)
{
    const QString secretLines =
        QStringLiteral("curl 'http://user:hunter2@127.0.0.1:8000/api?access_token=tok123&page=2' -H 'Authorization: "
                       "Bearer abc.def.ghi' "
                       "-H 'Cookie: sid=s3cr3t' -H 'Accept: application/json' -b 'sid=s3cr3t'\n"
                       "[\"X-Api-Key\", \"k-9f8e7d\"]\n"
                       "{\"name\": \"Set-Cookie\", \"value\": \"sid=s3cr3t; HttpOnly\"}\n"
                       "headers = {'Authorization': 'Basic dXNlcjpwYXNz'}\n"
                       "Why: the browser sends Origin: http://localhost:3000\n");
    const QString redacted = redactSecrets(secretLines);
    for (const char* secret : { "hunter2", "tok123", "abc.def.ghi", "s3cr3t", "k-9f8e7d", "dXNlcjpwYXNz" })
        EXPECT_FALSE(redacted.contains(QLatin1String(secret))) << secret << " in " << redacted.toStdString();
    // What is not a secret stays.
    for (const char* kept :
        { "page=2", "Accept: application/json", "Origin: http://localhost:3000", "127.0.0.1:8000/api" })
        EXPECT_TRUE(redacted.contains(QLatin1String(kept))) << kept << " missing from " << redacted.toStdString();
    EXPECT_EQ(redactSecrets(QStringLiteral("no secrets here: http://a.test/x")),
        QStringLiteral("no secrets here: http://a.test/x"));

    // A real report of a paste with a token: redacted by default, kept on request.
    const QString paste = kChromeLine
        + QStringLiteral("\ncurl 'http://127.0.0.1:8000/api' -X PUT -H 'Origin: http://localhost:3000' "
                         "-H 'Authorization: Bearer sk-live-123456'\n");
    const DiagnoseOutcome outcome = runDiagnosis({ paste, {}, QStringLiteral("auto"), {} });
    ASSERT_TRUE(outcome.diagnosis);
    const QString full = reportText(outcome, true);
    EXPECT_EQ(full, diagnosis::toText(*outcome.diagnosis));
    ASSERT_TRUE(full.contains(QStringLiteral("sk-live-123456"))); // the report quotes the curl line
    EXPECT_FALSE(reportText(outcome).contains(QStringLiteral("sk-live-123456")));
    EXPECT_TRUE(reportText(outcome).contains(
        outcome.diagnosis->causes.isEmpty() ? QStringLiteral("Detected") : outcome.diagnosis->causes.first().id));
}

TEST(DiagnoseModels, PassTheModelTesterThroughResets)
{
    CausesModel causes;
    DetectedModel detected;
    QAbstractItemModelTester causesTester(&causes, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester detectedTester(&detected, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const QString paste = kChromeLine
        + QStringLiteral("\nINFO:     127.0.0.1:51234 - \"OPTIONS /api HTTP/1.1\" 400 Bad Request\n")
        + QStringLiteral("{\"log\": {broken\n") + kFastApiApp;
    const DiagnoseOutcome outcome = runDiagnosis({ paste, {}, QStringLiteral("auto"), {} });
    ASSERT_TRUE(outcome.diagnosis);
    const diagnosis::Diagnosis& d = *outcome.diagnosis;
    causes.setCauses(d.causes);
    detected.setInput(d.input);
    ASSERT_EQ(causes.rowCount(), d.causes.size());
    ASSERT_EQ(detected.rowCount(), d.input.evidence.size() + d.input.problems.size());
    ASSERT_GT(causes.rowCount(), 0);
    ASSERT_GT(detected.rowCount(), 0);

    const QModelIndex top = causes.index(0, CausesModel::TitleColumn);
    EXPECT_EQ(top.data(CausesModel::CauseIdRole).toString(), d.causes.first().id);
    EXPECT_EQ(top.data().toString(), d.causes.first().title);
    EXPECT_DOUBLE_EQ(top.data(CausesModel::ConfidenceRole).toDouble(), d.causes.first().confidence);
    EXPECT_EQ(causes.index(0, CausesModel::ConfidenceColumn).data().toString(),
        CausesModel::confidenceText(d.causes.first().confidence));
    for (int row = 0; row < causes.rowCount(); ++row) {
        EXPECT_EQ(causes.index(row, CausesModel::KindColumn).data().toString(),
            d.causes.at(row).notCors ? QStringLiteral("Not CORS") : QStringLiteral("CORS"));
        EXPECT_EQ(causes.index(row, 0).data(CausesModel::NotCorsRole).toBool(), d.causes.at(row).notCors);
    }
    EXPECT_EQ(causes.causeAt(causes.rowCount()), nullptr);

    const ingest::Evidence& first = d.input.evidence.first();
    const QModelIndex row0 = detected.index(0, DetectedModel::KindColumn);
    EXPECT_EQ(row0.data(DetectedModel::FirstLineRole).toInt(), first.firstLine);
    EXPECT_EQ(row0.data(DetectedModel::KindIdRole).toString(), ingest::toString(first.kind));
    EXPECT_EQ(row0.data().toString(), DetectedModel::kindLabel(first.kind));
    EXPECT_FALSE(detected.index(0, DetectedModel::SummaryColumn).data().toString().isEmpty());
    EXPECT_EQ(detected.index(0, DetectedModel::LinesColumn).data().toString(),
        DetectedModel::linesText(first.firstLine, first.lastLine));
    for (int row = 0; row < detected.rowCount(); ++row) {
        const bool problem = row >= d.input.evidence.size();
        EXPECT_EQ(detected.index(row, 0).data(DetectedModel::ProblemRole).toBool(), problem);
    }

    causes.setCauses({});
    detected.clear();
    EXPECT_EQ(causes.rowCount(), 0);
    EXPECT_EQ(detected.rowCount(), 0);
}

TEST(DiagnoseModels, ChromeSummaryNamesErrorUrlAndOrigin)
{
    const DiagnoseOutcome outcome = runDiagnosis({ kChromeLine, {}, QStringLiteral("auto"), {} });
    ASSERT_TRUE(outcome.diagnosis && !outcome.diagnosis->input.evidence.isEmpty());
    const ingest::Evidence& e = outcome.diagnosis->input.evidence.first();
    EXPECT_EQ(e.kind, ingest::EvidenceKind::ChromeConsole);
    const QString summary = DetectedModel::summaryText(e);
    EXPECT_TRUE(summary.contains(QStringLiteral("http://127.0.0.1:8000/api"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("http://localhost:3000"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(e.console->corsError)) << summary.toStdString();
    EXPECT_EQ(DetectedModel::linesText(3, 3), QStringLiteral("line 3"));
    EXPECT_EQ(DetectedModel::linesText(0, 0), QString());
}

TEST(DiagnoseView, DiffLinesAreClassified)
{
    using Kind = DiffHighlighter::LineKind;
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral("--- a/app.py")), Kind::FileHeader);
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral("+++ b/app.py")), Kind::FileHeader);
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral("@@ -1,3 +1,3 @@")), Kind::Hunk);
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral("+    allow_origins=[\"x\"],")), Kind::Added);
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral("-    allow_origins=[]")), Kind::Removed);
    EXPECT_EQ(DiffHighlighter::classify(QStringLiteral(" app = FastAPI()")), Kind::Context);
}

TEST(DiagnoseView, ClickingEvidenceSelectsItsLineInThePasteBox)
{
    DiagnosePane pane;
    DiagnosePresenter presenter;
    QObject::connect(&pane, &DiagnosePane::diagnoseRequested, &presenter, &DiagnosePresenter::diagnose);
    QObject::connect(&presenter, &DiagnosePresenter::finished, &pane, &DiagnosePane::showOutcome);
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);
    pane.resize(1400, 900);
    pane.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pane));

    const QString paste = QStringLiteral("# what the browser said\n\n") + kChromeLine + u'\n' + kFastApiApp;
    pane.setInputs(paste, {}, QStringLiteral("auto"));
    ASSERT_TRUE(waitForOutcomes(presenter, finished));
    ASSERT_EQ(pane.outcome(), presenter.latest());
    ASSERT_GT(pane.causesModel()->rowCount(), 0);
    EXPECT_EQ(pane.currentCause(), 0); // the top cause is shown without hunting

    auto* evidence = pane.findChild<QListWidget*>(QStringLiteral("evidence"));
    auto* box = pane.findChild<PasteEdit*>(QStringLiteral("paste"));
    ASSERT_TRUE(evidence && box);
    const diagnosis::Cause* top = pane.causesModel()->causeAt(0);
    int row = -1;
    for (int i = 0; i < top->evidence.size() && row < 0; ++i) {
        if (top->evidence.at(i).line > 0)
            row = i;
    }
    ASSERT_GE(row, 0) << "the top cause quotes no line of the paste";
    ASSERT_EQ(evidence->count(), top->evidence.size());
    const int line = top->evidence.at(row).line;
    QListWidgetItem* item = evidence->item(row);
    evidence->scrollToItem(item);
    QTest::mouseClick(evidence->viewport(), Qt::LeftButton, {}, evidence->visualItemRect(item).center());
    EXPECT_EQ(box->selectedLines(), std::make_pair(line, line));
    const QString selected = box->textCursor().selectedText();
    EXPECT_EQ(selected, paste.split(u'\n').at(line - 1));
    EXPECT_FALSE(box->extraSelections().isEmpty());

    // The Detected table selects the lines of its row.
    auto* detectedView = pane.findChild<QTableView*>(QStringLiteral("detected"));
    ASSERT_TRUE(detectedView);
    const QModelIndex first = pane.detectedModel()->index(0, DetectedModel::KindColumn);
    QTest::mouseClick(detectedView->viewport(), Qt::LeftButton, {}, detectedView->visualRect(first).center());
    EXPECT_EQ(box->selectedLines(),
        std::make_pair(
            first.data(DetectedModel::FirstLineRole).toInt(), first.data(DetectedModel::LastLineRole).toInt()));
    EXPECT_FALSE(pane.selectPasteLines(0, 0));
    EXPECT_FALSE(pane.selectPasteLines(10000, 10000));
}

TEST(DiagnoseView, FixesShowBadgesDiffAndSnippet)
{
    DiagnosePane pane;
    const DiagnoseRequest request { kChromeLine, kFastApiApp, QStringLiteral("fastapi"), {} };
    auto outcome = std::make_shared<DiagnoseOutcome>(runDiagnosis(request));
    ASSERT_TRUE(outcome->diagnosis);
    pane.showOutcome(outcome);
    auto* tabs = pane.findChild<QTabWidget*>(QStringLiteral("fixes"));
    ASSERT_TRUE(tabs);
    const diagnosis::Cause* top = pane.causesModel()->causeAt(0);
    ASSERT_TRUE(top);
    ASSERT_EQ(tabs->count(), top->fixes.size());
    for (int i = 0; i < tabs->count(); ++i) {
        const diagnosis::FixProposal& fix = top->fixes.at(i);
        const QString title = tabs->tabText(i);
        EXPECT_EQ(title.contains(QStringLiteral("unverified")), !fix.verified) << title.toStdString();
        EXPECT_EQ(title.contains(QStringLiteral("dev only")), fix.developmentOnly) << title.toStdString();
        QWidget* page = tabs->widget(i);
        auto* badges = page->findChild<QLabel*>(QStringLiteral("fixBadges"));
        ASSERT_TRUE(badges);
        EXPECT_EQ(badges->text().contains(QStringLiteral("UNVERIFIED")), !fix.verified);
        if (!fix.diff.isEmpty()) {
            auto* diff = page->findChild<QPlainTextEdit*>(QStringLiteral("fixDiff"));
            ASSERT_TRUE(diff);
            EXPECT_EQ(diff->toPlainText(), fix.diff);
        }
        if (!fix.snippet.isEmpty()) {
            auto* snippet = page->findChild<QPlainTextEdit*>(QStringLiteral("fixSnippet"));
            ASSERT_TRUE(snippet);
            EXPECT_EQ(snippet->toPlainText(), fix.snippet);
        }
    }
}

TEST(DiagnoseView, ProbeButtonAsksForTheCausesProbe)
{
    DiagnosePane pane;
    auto outcome =
        std::make_shared<DiagnoseOutcome>(runDiagnosis({ kChromeLine, kFastApiApp, QStringLiteral("auto"), {} }));
    ASSERT_TRUE(outcome->diagnosis && !outcome->diagnosis->causes.isEmpty());
    pane.showOutcome(outcome);
    const diagnosis::Cause* top = pane.causesModel()->causeAt(0);
    const auto expected = probeInputForCause(*top);
    auto* button = pane.findChild<QPushButton*>(QStringLiteral("probeButton"));
    ASSERT_TRUE(button);
    EXPECT_EQ(button->isEnabled(), expected.has_value());
    if (!expected)
        GTEST_SKIP() << "core gives no probe for " << top->id.toStdString();
    QSignalSpy probes(&pane, &DiagnosePane::probeRequested);
    button->click();
    ASSERT_EQ(probes.count(), 1);
    const auto input = probes.first().at(0).value<ProbeInput>();
    EXPECT_EQ(input, *expected);
    EXPECT_EQ(input.pageOrigin, QStringLiteral("http://localhost:3000"));
}

TEST(DiagnoseView, SurvivesTinyAndHugeSizes)
{
    DiagnosePane pane;
    auto outcome = std::make_shared<DiagnoseOutcome>(
        runDiagnosis({ kChromeLine + u'\n' + kFastApiApp, {}, QStringLiteral("auto"), {} }));
    pane.show();
    for (const QSize size : { QSize(200, 120), QSize(1, 1), QSize(2400, 1600), QSize(640, 300) }) {
        pane.resize(size);
        pane.showOutcome(outcome);
        QTest::qWait(1);
        pane.showOutcome(nullptr);
    }
    pane.showOutcome(outcome);
    EXPECT_EQ(pane.currentCause(), 0);
}

TEST(DiagnoseView, EmptyAndBinaryPastesShowAMessage)
{
    DiagnosePane pane;
    DiagnosePresenter presenter;
    QObject::connect(&pane, &DiagnosePane::diagnoseRequested, &presenter, &DiagnosePresenter::diagnose);
    QObject::connect(&presenter, &DiagnosePresenter::finished, &pane, &DiagnosePane::showOutcome);
    QSignalSpy finished(&presenter, &DiagnosePresenter::finished);

    pane.setInputs({}, {}, QStringLiteral("auto"));
    ASSERT_TRUE(waitForOutcomes(presenter, finished));
    EXPECT_FALSE(pane.statusText().isEmpty());
    EXPECT_EQ(pane.causesModel()->rowCount(), 0);

    QString binary;
    for (int i = 0; i < 300; ++i)
        binary += QChar(char16_t(i % 3 == 0 ? 0xFFFD : 0x01 + (i % 7)));
    pane.setInputs(binary, {}, QStringLiteral("auto"));
    ASSERT_TRUE(waitForOutcomes(presenter, finished, 2));
    EXPECT_TRUE(pane.statusText().contains(QStringLiteral("binary"))) << pane.statusText().toStdString();
    EXPECT_EQ(pane.causesModel()->rowCount(), 0);
    EXPECT_EQ(pane.detectedModel()->rowCount(), 0);
}

TEST(DiagnoseView, TypingDiagnosesAfterTheDebounce)
{
    DiagnosePane pane;
    QSignalSpy requested(&pane, &DiagnosePane::diagnoseRequested);
    QSignalSpy changed(&pane, &DiagnosePane::inputChanged);
    auto* box = pane.findChild<PasteEdit*>(QStringLiteral("paste"));
    ASSERT_TRUE(box);
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("curl"));
    EXPECT_GE(changed.count(), 1);
    EXPECT_EQ(requested.count(), 0); // debounced
    ASSERT_TRUE(requested.wait(3000));
    EXPECT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().at(0).value<DiagnoseRequest>().text, QStringLiteral("curl"));
}

TEST(DiagnoseView, PastedOrDroppedFilesAreLoaded)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("console.txt"));
    {
        QFile file(log);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(kChromeLine.toUtf8());
    }
    const QString binary = dir.filePath(QStringLiteral("blob.bin"));
    {
        QFile file(binary);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\0\1\2\3", 4));
    }
    DiagnosePane pane;
    QSignalSpy requested(&pane, &DiagnosePane::diagnoseRequested);
    auto* box = pane.findChild<PasteEdit*>(QStringLiteral("paste"));
    ASSERT_TRUE(box);
    auto* mime = new QMimeData;
    mime->setUrls({ QUrl::fromLocalFile(log) });
    QGuiApplication::clipboard()->setMimeData(mime); // takes ownership
    box->paste(); // as a file manager's "copy" then Ctrl+V
    EXPECT_EQ(pane.pasteText(), kChromeLine); // the file's text, not its URL
    ASSERT_GE(requested.count(), 1);
    EXPECT_EQ(requested.last().at(0).value<DiagnoseRequest>().text, kChromeLine);

    // A binary file is refused with a message; the paste stays.
    EXPECT_FALSE(pane.loadFile(binary).has_value());
    EXPECT_EQ(pane.pasteText(), kChromeLine);
    EXPECT_TRUE(pane.statusText().contains(QStringLiteral("blob.bin"))) << pane.statusText().toStdString();
}

TEST_F(DiagnoseWindowTest, PasteIsPartOfTheSession)
{
    const QString paste = kChromeLine + QStringLiteral("\n");
    {
        MainWindow window;
        window.openInitial();
        DiagnosePane* pane = window.diagnosePane();
        ASSERT_TRUE(pane);
        window.showDiagnose();
        EXPECT_TRUE(window.isDiagnoseShown());
        auto* box = pane->findChild<PasteEdit*>(QStringLiteral("paste"));
        auto* server = pane->findChild<QPlainTextEdit*>(QStringLiteral("serverCode"));
        ASSERT_TRUE(box && server);
        box->setPlainText(paste); // as a paste does: emits textChanged
        server->setPlainText(kFastApiApp);
        window.flushPendingWork();
        ASSERT_TRUE(QFile::exists(SessionStore::defaultPath()));
    }
    const std::optional<SessionState> stored = SessionStore().load();
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->diagnosePaste, paste);
    EXPECT_EQ(stored->diagnoseServerCode, kFastApiApp);
    EXPECT_EQ(stored->currentView, QStringLiteral("diagnose"));

    MainWindow restored;
    QSignalSpy finished(restored.diagnosePresenter(), &DiagnosePresenter::finished);
    restored.openInitial();
    EXPECT_EQ(restored.diagnosePane()->pasteText(), paste);
    EXPECT_EQ(restored.diagnosePane()->serverCode(), kFastApiApp);
    EXPECT_TRUE(restored.isDiagnoseShown());
    // The restored paste is diagnosed again.
    ASSERT_TRUE(waitForOutcomes(*restored.diagnosePresenter(), finished));
    ASSERT_TRUE(restored.diagnosePane()->outcome() && restored.diagnosePane()->outcome()->diagnosis);
    EXPECT_EQ(restored.diagnosePane()->outcome()->request.text, paste);
}

TEST_F(DiagnoseWindowTest, OpeningAnExchangeShowsTheExchangeTab)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile sample(QStringLiteral(":/samples/fa-put-default-methods.json"));
    ASSERT_TRUE(sample.open(QIODevice::ReadOnly));
    const QString path = dir.filePath(QStringLiteral("case.json"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(sample.readAll());
    out.close();

    MainWindow window;
    window.openInitial(path);
    EXPECT_FALSE(window.isDiagnoseShown());
    ASSERT_TRUE(window.openDiagnoseFile(path).has_value());
    EXPECT_TRUE(window.isDiagnoseShown());
    EXPECT_FALSE(window.diagnosePane()->pasteText().isEmpty());
    EXPECT_FALSE(window.openDiagnoseFile(dir.filePath(QStringLiteral("absent.txt"))).has_value());
}
