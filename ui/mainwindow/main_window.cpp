// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/mainwindow/main_window.h"

#include "core/io/exchange_json.h"
#include "core/io/input_file.h"
#include "ui/diagnose/diagnose_pane.h"
#include "ui/dialogs/probe_dialog.h"
#include "ui/dialogs/scan_dialog.h"
#include "ui/editor/request_editor.h"
#include "ui/inspectors/headers_inspector.h"
#include "ui/inspectors/verdict_panel.h"
#include "ui/models/checks_model.h"
#include "ui/presenters/diagnose_presenter.h"
#include "ui/presenters/exchange_presenter.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace corsbench::ui {

namespace {

constexpr int kDebounceMs = 300;
constexpr int kMaxRecentFiles = 8;
const QString kDefaultSample = QStringLiteral("fa-put-default-methods.json");
const QString kSamplesDir = QStringLiteral(":/samples");

QSettings appSettings()
{
    return QSettings(QStringLiteral("corsbench"), QStringLiteral("corsbench"));
}

/// A pane with a small caption above the content.
QWidget* captioned(const QString& caption, QWidget* content, QWidget* parent, int margin = 8)
{
    auto* pane = new QWidget(parent);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(margin, margin, margin, 4);
    layout->setSpacing(4);
    layout->addWidget(sectionCaption(caption, pane));
    layout->addWidget(content, 1);
    return pane;
}

/// The title a case file gives itself, or empty.
QString caseTitle(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object().value(QStringLiteral("title")).toString();
}

/// Default step to show: the first blocked one, else the last request.
int defaultStep(const QList<TimelineStep>& steps)
{
    for (int i = 0; i < steps.size(); ++i) {
        const StepState state = steps.at(i).state;
        if ((state == StepState::Blocked || state == StepState::Refused) && steps.at(i).kind != StepKind::Outcome)
            return i;
    }
    for (int i = static_cast<int>(steps.size()) - 1; i >= 0; --i) {
        if (steps.at(i).kind != StepKind::Outcome)
            return i;
    }
    return steps.isEmpty() ? -1 : 0;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_presenter(new ExchangePresenter(this))
    , m_debounce(new QTimer(this))
    , m_probePresenter(new ProbePresenter(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &MainWindow::onDebounceTimeout);
    connect(m_presenter, &ExchangePresenter::verdictChanged, this, &MainWindow::onVerdictChanged);
    connect(m_presenter, &ExchangePresenter::parseFailed, this, &MainWindow::onParseFailed);
    connect(m_probePresenter, &ProbePresenter::started, this, &MainWindow::onProbeStarted);
    connect(m_probePresenter, &ProbePresenter::finished, this, &MainWindow::onProbeFinished);
    connect(m_probePresenter, &ProbePresenter::failed, this, &MainWindow::onProbeFailed);
    connect(m_probePresenter, &ProbePresenter::cancelled, this, [this] {
        closeProbeProgress();
        statusBar()->showMessage(tr("Probe cancelled"), 5000);
    });

    buildUi();
    buildMenus();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);

    // Left: the document.
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 4);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(sectionCaption(tr("EXCHANGE JSON"), left));
    m_editor = new RequestEditor(left);
    m_editor->setMinimumWidth(320);
    leftLayout->addWidget(m_editor, 1);
    m_parseStatus = new QLabel(left);
    m_parseStatus->setWordWrap(true);
    m_parseStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_parseStatus->setContentsMargins(4, 2, 4, 2);
    m_parseStatus->setAccessibleName(tr("Parse status"));
    leftLayout->addWidget(m_parseStatus);
    connect(m_editor, &RequestEditor::textEdited, this, &MainWindow::onTextEdited);

    // Right: verdict + timeline, checks, raw heads.
    auto* right = new QSplitter(Qt::Vertical, split);
    right->setChildrenCollapsible(false);

    auto* top = new QWidget(right);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(8, 8, 8, 0);
    topLayout->setSpacing(6);
    m_verdictPanel = new VerdictPanel(top);
    topLayout->addWidget(m_verdictPanel, 1);
    topLayout->addWidget(sectionCaption(tr("TIMELINE"), top));
    m_timeline = new TimelineView(top);
    topLayout->addWidget(m_timeline);
    connect(m_timeline, &TimelineView::stepSelected, this, &MainWindow::showStep);

    m_checksModel = new ChecksModel(this);
    m_checksView = new QTableView(right);
    m_checksView->setModel(m_checksModel);
    m_checksView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checksView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checksView->setAlternatingRowColors(true);
    m_checksView->setShowGrid(false);
    m_checksView->setWordWrap(false);
    m_checksView->setTextElideMode(Qt::ElideRight);
    m_checksView->verticalHeader()->hide();
    m_checksView->verticalHeader()->setDefaultSectionSize(m_checksView->fontMetrics().height() + 8);
    QHeaderView* header = m_checksView->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(ChecksModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChecksModel::StageColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChecksModel::CheckColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ChecksModel::HeaderColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ChecksModel::ValueColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ChecksModel::ExplanationColumn, QHeaderView::Stretch);
    header->resizeSection(ChecksModel::CheckColumn, 240);
    header->resizeSection(ChecksModel::HeaderColumn, 210);
    header->resizeSection(ChecksModel::ValueColumn, 170);
    connect(m_checksView, &QTableView::clicked, this, &MainWindow::onCheckActivated);
    connect(m_checksView, &QTableView::activated, this, &MainWindow::onCheckActivated);

    m_headersInspector = new HeadersInspector(right);

    right->addWidget(top);
    right->addWidget(captioned(tr("CHECKS"), m_checksView, right));
    right->addWidget(captioned(tr("RAW HEADS"), m_headersInspector, right));
    right->setStretchFactor(0, 0);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 1);
    right->setSizes({ 450, 260, 290 });

    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({ 540, 1060 });
    setCentralWidget(buildDiagnoseTabs(split));
    statusBar()->setSizeGripEnabled(true);
    m_probeStatus = new QLabel(this);
    m_probeStatus->setAccessibleName(tr("Probe transport and time"));
    m_probeStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_probeStatus);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::openRequested);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* save = file->addAction(tr("&Save"), this, &MainWindow::saveRequested);
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save &As…"), this, &MainWindow::saveAsRequested);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("&Export Redacted…"), this, &MainWindow::exportRequested);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    buildViewMenu();

    QMenu* samples = menuBar()->addMenu(tr("Sa&mples"));
    for (const QString& name : sampleNames()) {
        QFile sample(kSamplesDir + u'/' + name);
        QString title = name;
        if (sample.open(QIODevice::ReadOnly)) {
            if (const QString caseName = caseTitle(sample.readAll()); !caseName.isEmpty())
                title = caseName;
        }
        samples->addAction(title, this, [this, name] { (void)loadSample(name); });
    }

    QMenu* request = menuBar()->addMenu(tr("&Request"));
    QAction* probe = request->addAction(tr("&Probe Server…"), this, &MainWindow::probeRequested);
    probe->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* scan = request->addAction(tr("&Scan Endpoint…"), this, [this] { openScan(ScanInput {}); });
    scan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About corsbench"), this, &MainWindow::aboutRequested);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QStringList MainWindow::sampleNames()
{
    return QDir(kSamplesDir).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
}

QString MainWindow::documentText() const
{
    return m_editor->text();
}

void MainWindow::openInitial(const QString& path)
{
    if (const std::optional<SessionState> state = m_session.load())
        restoreDiagnose(*state);
    if (!path.isEmpty()) {
        const Result<bool> loaded = loadFile(path);
        if (loaded) {
            m_tabs->setCurrentWidget(m_exchangeTab); // the user asked for this exchange
            return;
        }
        qWarning().noquote() << loaded.error().message;
        statusBar()->showMessage(loaded.error().message, 10000);
    }
    if (restoreSession())
        return;
    (void)loadSample(kDefaultSample);
}

void MainWindow::setDocument(const QString& text, const QString& filePath, const QString& displayName, bool modified)
{
    m_filePath = filePath;
    m_displayName = displayName;
    m_modified = modified;
    m_probeStatus->clear(); // set again by onProbeFinished for a probed exchange
    m_probeStatus->setToolTip({});
    m_stepTimings = std::exchange(m_nextStepTimings, StepTimings {});
    m_resetSelection = true;
    m_revealError = true;
    m_editor->setText(text);
    updateTitle();
    m_evaluationPending = true;
    m_sessionDirty = true;
    // A new document is shown at once; only typing is debounced.
    onDebounceTimeout();
}

Result<bool> MainWindow::loadFile(const QString& path)
{
    Result<QByteArray> input = io::readInput(path);
    if (!input)
        return input.error();
    if (const Result<bool> text = io::checkText(input.value()); !text)
        return makeError(text.error().code,
            tr("%1 is not a text file: %2").arg(QDir::toNativeSeparators(path), text.error().message));
    const QFileInfo info(path);
    setDocument(QString::fromUtf8(input.value()), info.absoluteFilePath(), info.fileName(), false);
    addRecentFile(info.absoluteFilePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(info.absoluteFilePath())), 5000);
    return true;
}

bool MainWindow::loadSample(const QString& name)
{
    QFile file(kSamplesDir + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    setDocument(QString::fromUtf8(file.readAll()), {}, tr("sample %1").arg(name), false);
    return true;
}

Result<bool> MainWindow::saveTo(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::IoError, tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(m_editor->text().toUtf8());
    if (!file.commit())
        return makeError(
            ErrorCode::IoError, tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QFileInfo info(path);
    m_filePath = info.absoluteFilePath();
    m_displayName = info.fileName();
    m_modified = false;
    m_sessionDirty = true;
    updateTitle();
    addRecentFile(m_filePath);
    (void)saveSession();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 5000);
    return true;
}

Result<bool> MainWindow::exportRedacted(const QString& path)
{
    Result<http::Exchange> exchange = io::parseExchange(m_editor->text().toUtf8());
    if (!exchange)
        return makeError(exchange.error().code, tr("Cannot export: %1").arg(exchange.error().message));
    io::WriteOptions options;
    options.redactSecrets = true;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::IoError, tr("Cannot export %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(io::writeExchange(exchange.value(), options));
    if (!file.commit())
        return makeError(
            ErrorCode::IoError, tr("Cannot export %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    statusBar()->showMessage(tr("Exported redacted exchange to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::restoreSession()
{
    const std::optional<SessionState> state = m_session.load();
    if (!state || state->text.isEmpty())
        return false;
    setDocument(state->text, state->filePath, state->displayName, state->modified);
    return true;
}

Result<bool> MainWindow::saveSession()
{
    m_sessionDirty = false;
    SessionState state;
    state.text = m_editor->text();
    state.filePath = m_filePath;
    state.displayName = m_displayName;
    state.modified = m_modified;
    state.diagnosePaste = m_diagnosePane->pasteText();
    state.diagnoseServerCode = m_diagnosePane->serverCode();
    state.diagnoseFramework = m_diagnosePane->framework();
    state.currentView = isDiagnoseShown() ? QStringLiteral("diagnose") : QStringLiteral("exchange");
    return m_session.save(state);
}

void MainWindow::flushPendingWork()
{
    if (m_debounce->isActive()) {
        m_debounce->stop();
        onDebounceTimeout();
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Unsaved text survives in the session, so closing never asks.
    flushPendingWork();
    if (m_sessionDirty)
        (void)saveSession();
    event->accept();
}

void MainWindow::updateTitle()
{
    QString name = m_displayName.isEmpty() ? tr("untitled") : m_displayName;
    setWindowTitle(QStringLiteral("%1[*] — corsbench").arg(name));
    setWindowModified(m_modified);
}

void MainWindow::onTextEdited()
{
    if (!m_modified) {
        m_modified = true;
        updateTitle();
    }
    m_stepTimings = {}; // an edited exchange no longer matches what was measured
    m_evaluationPending = true;
    m_sessionDirty = true;
    m_debounce->start();
}

void MainWindow::onDebounceTimeout()
{
    if (m_evaluationPending) {
        m_evaluationPending = false;
        m_presenter->setSourceText(m_editor->text());
    }
    if (m_sessionDirty) {
        if (const Result<bool> saved = saveSession(); !saved)
            statusBar()->showMessage(saved.error().message, 5000);
    }
}

void MainWindow::onVerdictChanged(const http::Exchange& exchange, const cors::Verdict& verdict)
{
    const Theme& style = theme();
    m_editor->setMarkers({});
    m_parseStatus->setText(
        QStringLiteral("<span style='color:%1'>✓</span> %2")
            .arg(style.pass.name(),
                tr("Valid exchange: %n check(s), %1", nullptr, static_cast<int>(verdict.checks.size()))
                    .arg(verdict.allowed ? tr("allowed") : tr("blocked"))));
    m_verdictPanel->setVerdict(verdict, exchange);
    m_verdictPanel->setStale(false);

    const int previous = m_timeline->selectedStep();
    m_steps = buildTimelineSteps(exchange, verdict, m_stepTimings);
    m_timeline->setSteps(m_steps);
    m_checksModel->setChecks(verdict.checks, exchange.preflight.has_value());
    const int step = (m_resetSelection || previous < 0 || previous >= m_steps.size()) ? defaultStep(m_steps) : previous;
    m_resetSelection = false;
    m_revealError = false;
    showStep(step);
}

void MainWindow::onParseFailed(const QString& message, int line, int column)
{
    const Theme& style = theme();
    QString where;
    if (line >= 0) {
        where = tr("Line %1, column %2: ").arg(line + 1).arg(column + 1);
        m_editor->setMarkers({ EditorMarker { line, column, EditorMarker::Kind::Error, message } });
    } else {
        m_editor->setMarkers({});
    }
    m_parseStatus->setText(QStringLiteral("<span style='color:%1'>✕ <b>%2</b>%3</span>")
                               .arg(style.fail.name(), where.toHtmlEscaped(), message.toHtmlEscaped()));
    if (line >= 0 && m_revealError)
        m_editor->goTo(line, column); // a freshly opened document: show where it is broken
    m_revealError = false;
    m_verdictPanel->setStale(m_presenter->hasResult());
    if (!m_presenter->hasResult()) {
        m_verdictPanel->clear(where + message);
        m_steps.clear();
        m_timeline->setSteps({});
        m_checksModel->setChecks({});
        m_headersInspector->clear();
    }
}

void MainWindow::showStep(int index)
{
    m_timeline->setSelectedStep(index);
    if (index < 0 || index >= m_steps.size()) {
        m_headersInspector->clear();
        return;
    }
    m_headersInspector->setStep(m_steps.at(index));
    // Keep the table in step with the timeline unless the user picked a row of this step.
    const QModelIndex current = m_checksView->currentIndex();
    if (current.isValid() && current.data(ChecksModel::StepRole).toInt() == index)
        return;
    const int row = m_checksModel->keyRowOfStep(index);
    if (row >= 0) {
        m_checksView->setCurrentIndex(m_checksModel->index(row, 0));
        m_checksView->scrollTo(m_checksModel->index(row, 0));
    } else {
        m_checksView->clearSelection();
    }
}

void MainWindow::onCheckActivated(const QModelIndex& index)
{
    const int step = index.data(ChecksModel::StepRole).toInt();
    if (step >= 0)
        showStep(step);
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings = appSettings();
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = appSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (const Result<bool> loaded = loadFile(path); !loaded)
                reportError(tr("Open Recent"), loaded.error());
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openRequested()
{
    const QString dir = m_filePath.isEmpty() ? QDir::homePath() : QFileInfo(m_filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Exchange"), dir, tr("Exchange or case JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Result<bool> loaded = loadFile(path); !loaded)
        reportError(tr("Open"), loaded.error());
}

void MainWindow::saveRequested()
{
    if (m_filePath.isEmpty()) {
        saveAsRequested();
        return;
    }
    if (const Result<bool> saved = saveTo(m_filePath); !saved)
        reportError(tr("Save"), saved.error());
}

void MainWindow::saveAsRequested()
{
    const QString suggested =
        m_filePath.isEmpty() ? QDir::home().filePath(QStringLiteral("exchange.json")) : m_filePath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Exchange As"), suggested, tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const Result<bool> saved = saveTo(path); !saved)
        reportError(tr("Save As"), saved.error());
}

void MainWindow::exportRequested()
{
    const QFileInfo current(m_filePath.isEmpty() ? QDir::home().filePath(QStringLiteral("exchange.json")) : m_filePath);
    const QString suggested = current.dir().filePath(current.completeBaseName() + QStringLiteral(".redacted.json"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Redacted Exchange"), suggested, tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const Result<bool> exported = exportRedacted(path); !exported)
        reportError(tr("Export Redacted"), exported.error());
}

void MainWindow::aboutRequested()
{
    QMessageBox::about(this, tr("About corsbench"),
        tr("<h3>corsbench %1</h3><p>A workbench for debugging CORS: paste or open an exchange and see what "
           "Chrome, Firefox and Safari decide, step by step.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

QString MainWindow::probeStatusText() const
{
    return m_probeStatus->text().isEmpty() ? QString() : m_probeStatus->toolTip();
}

void MainWindow::probeRequested()
{
    if (m_probePresenter->isRunning())
        return;
    ProbeDialog dialog(this);
    dialog.setInput(m_lastProbeInput);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastProbeInput = dialog.input();
    startProbe(m_lastProbeInput);
}

void MainWindow::startProbe(const ProbeInput& input, bool confirmed)
{
    if (!confirmed && probeNeedsConfirmation(input)) {
        const auto answer = QMessageBox::question(this, tr("Probe Server"),
            tr("<p>%1 is not on this machine (not loopback).</p><p>Send real requests to it?</p>")
                .arg(input.url.toHtmlEscaped()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_lastProbeInput = input;
    m_probePresenter->start(input);
}

void MainWindow::openScan(const ScanInput& input, bool start)
{
    if (!m_scanDialog) {
        m_scanPresenter = new ScanPresenter(this);
        m_scanDialog = new ScanDialog(m_scanPresenter, this);
        connect(m_scanPresenter, &ScanPresenter::evidenceOpened, this, [this](const QString& json, const QString& title) {
            setDocument(json, {}, title, true);
            activateWindow();
        });
        if (!m_lastProbeInput.url.isEmpty()) { // start from what was last probed
            ScanInput fromProbe;
            fromProbe.url = m_lastProbeInput.url;
            fromProbe.allowOrigins = m_lastProbeInput.pageOrigin;
            m_scanDialog->setInput(fromProbe);
        }
    }
    if (!input.url.isEmpty())
        m_scanDialog->setInput(input);
    m_scanDialog->show();
    m_scanDialog->raise();
    m_scanDialog->activateWindow();
    if (start)
        m_scanDialog->requestScan();
}

void MainWindow::onProbeStarted(const QString& description)
{
    statusBar()->showMessage(description);
    closeProbeProgress();
    m_probeProgress = new QProgressDialog(description, tr("Cancel"), 0, 0, this);
    m_probeProgress->setWindowTitle(tr("Probe Server"));
    m_probeProgress->setMinimumDuration(300);
    m_probeProgress->setAutoClose(false);
    m_probeProgress->setAutoReset(false);
    connect(m_probeProgress, &QProgressDialog::canceled, m_probePresenter, &ProbePresenter::cancel);
}

void MainWindow::closeProbeProgress()
{
    if (!m_probeProgress)
        return;
    QProgressDialog* progress = m_probeProgress;
    m_probeProgress = nullptr;
    progress->disconnect(this);
    disconnect(progress, nullptr, m_probePresenter, nullptr);
    progress->deleteLater();
}

void MainWindow::onProbeFinished(const QString& exchangeJson, bool networkFailure)
{
    closeProbeProgress();
    m_nextStepTimings = m_probePresenter->stepTimings();
    setDocument(exchangeJson, {}, tr("probe of %1").arg(m_lastProbeInput.url), true);
    const Theme& style = theme();
    const QString summary = m_probePresenter->summary();
    m_probeStatus->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                               .arg((networkFailure ? style.fail : style.mutedText).name(), summary.toHtmlEscaped()));
    m_probeStatus->setToolTip(summary);
    statusBar()->showMessage(
        networkFailure ? tr("Probe failed: %1").arg(m_probePresenter->networkError()) : tr("Probe finished"),
        networkFailure ? 0 : 5000);
}

void MainWindow::onProbeFailed(const QString& message)
{
    closeProbeProgress();
    statusBar()->clearMessage();
    QMessageBox::warning(this, tr("Probe Server"), message);
}

void MainWindow::reportError(const QString& title, const Error& error)
{
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, this);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

QWidget* MainWindow::buildDiagnoseTabs(QWidget* exchangePane)
{
    m_diagnosePresenter = new DiagnosePresenter(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("views"));
    m_tabs->setDocumentMode(true);
    m_diagnosePane = new DiagnosePane(m_tabs);
    m_exchangeTab = exchangePane;
    m_tabs->addTab(m_diagnosePane, tr("Diagnose"));
    m_tabs->setTabToolTip(
        0, tr("Paste a console line, log, HAR, cURL command or your server code and see why it fails (Ctrl+D)"));
    m_tabs->addTab(exchangePane, tr("Exchange"));
    m_tabs->setTabToolTip(1, tr("Edit one exchange and see each browser check (Ctrl+E)"));

    connect(m_diagnosePane, &DiagnosePane::diagnoseRequested, m_diagnosePresenter, &DiagnosePresenter::diagnose);
    connect(m_diagnosePresenter, &DiagnosePresenter::finished, m_diagnosePane, &DiagnosePane::showOutcome);
    connect(m_diagnosePresenter, &DiagnosePresenter::busyChanged, m_diagnosePane, &DiagnosePane::setBusy);
    connect(m_diagnosePane, &DiagnosePane::inputChanged, this, [this] {
        m_sessionDirty = true;
        m_debounce->start();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { m_sessionDirty = true; });
    connect(m_diagnosePane, &DiagnosePane::probeRequested, this, [this](const ProbeInput& input) {
        if (m_probePresenter->isRunning())
            return;
        m_lastProbeInput = input;
        probeRequested(); // the dialog, pre-filled
    });
    // A probe's recorded exchange is shown in the Exchange tab.
    connect(m_probePresenter, &ProbePresenter::finished, this, [this] { m_tabs->setCurrentWidget(m_exchangeTab); });
    return m_tabs;
}

void MainWindow::buildViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* diagnose = view->addAction(tr("&Diagnose"), this, &MainWindow::showDiagnose);
    diagnose->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* exchange = view->addAction(tr("&Exchange"), this, [this] { m_tabs->setCurrentWidget(m_exchangeTab); });
    exchange->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
}

void MainWindow::showDiagnose()
{
    m_tabs->setCurrentWidget(m_diagnosePane);
    m_diagnosePane->setFocus();
}

bool MainWindow::isDiagnoseShown() const
{
    return m_tabs->currentWidget() == m_diagnosePane;
}

Result<bool> MainWindow::openDiagnoseFile(const QString& path)
{
    showDiagnose();
    const Result<bool> loaded = m_diagnosePane->loadFile(path);
    if (!loaded)
        return makeError(loaded.error().code,
            tr("Cannot diagnose %1: %2").arg(QDir::toNativeSeparators(path), loaded.error().message));
    return true;
}

void MainWindow::restoreDiagnose(const SessionState& state)
{
    if (!state.diagnosePaste.isEmpty() || !state.diagnoseServerCode.isEmpty())
        m_diagnosePane->setInputs(state.diagnosePaste, state.diagnoseServerCode, state.diagnoseFramework);
    if (state.currentView == u"exchange")
        m_tabs->setCurrentWidget(m_exchangeTab);
    else if (state.currentView == u"diagnose")
        m_tabs->setCurrentWidget(m_diagnosePane);
}

} // namespace corsbench::ui
