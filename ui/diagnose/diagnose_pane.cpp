// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/diagnose/diagnose_pane.h"

#include "ui/diagnose/confidence_delegate.h"
#include "ui/diagnose/diff_highlighter.h"
#include "ui/diagnose/paste_edit.h"
#include "ui/models/causes_model.h"
#include "ui/models/detected_model.h"
#include "ui/style/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace corsbench::ui {

namespace {

constexpr int kDebounceMs = 600;
constexpr int kEvidenceLineRole = Qt::UserRole + 1;

QFont monospaceFont(const QFont& base)
{
    QFont mono(monospaceFamily());
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(base.pointSizeF());
    return mono;
}

QString badge(const QString& text, const QColor& fg, const QColor& bg)
{
    return QStringLiteral("<span style='color:%1; background-color:%2; font-weight:bold'>&nbsp;%3&nbsp;</span>")
        .arg(fg.name(), bg.name(), text.toHtmlEscaped());
}

QString htmlList(const QStringList& items)
{
    QString html = QStringLiteral("<ul style='margin-top:2px; margin-bottom:6px; margin-left:-18px'>");
    for (const QString& item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

QString htmlCaption(const QString& text)
{
    return QStringLiteral("<p style='margin-top:8px; margin-bottom:2px; color:%1; font-size:small'><b>%2</b></p>")
        .arg(theme().mutedText.name(), text.toHtmlEscaped());
}

QString frameworkLabel(const QString& framework)
{
    if (framework == u"fastapi")
        return QStringLiteral("FastAPI");
    if (framework == u"aiohttp")
        return QStringLiteral("aiohttp");
    if (framework == u"flask")
        return QStringLiteral("Flask");
    if (framework == u"client")
        return QObject::tr("Client");
    return framework.isEmpty() ? QObject::tr("Fix") : framework;
}

QPlainTextEdit* codeView(const QString& text, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(monospaceFont(view->font()));
    view->setPlainText(text);
    return view;
}

void copyText(const QString& text)
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace

DiagnosePane::DiagnosePane(QWidget* parent)
    : QWidget(parent)
    , m_debounce(new QTimer(this))
    , m_causesModel(new CausesModel(this))
    , m_detectedModel(new DetectedModel(this))
{
    setAcceptDrops(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DiagnosePane::diagnoseNow);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(buildInputSide());
    split->addWidget(buildResultSide());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({ 560, 840 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    setFocusProxy(m_paste); // Ctrl+D, then paste
    showOutcome(nullptr);
}

DiagnosePane::~DiagnosePane() = default;

QWidget* DiagnosePane::buildInputSide()
{
    auto* side = new QWidget(this);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(8, 8, 4, 4);
    layout->setSpacing(4);

    auto* header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(sectionCaption(tr("PASTE WHAT YOU HAVE"), side));
    header->addStretch(1);
    auto* open = new QToolButton(side);
    open->setText(tr("Open…"));
    open->setToolTip(tr("Load a HAR, log, .py, .txt or .json file into the paste box (or drop it here)"));
    connect(open, &QToolButton::clicked, this, &DiagnosePane::openFileRequested);
    header->addWidget(open);
    auto* frameworkLabelWidget = new QLabel(tr("&Framework:"), side);
    header->addWidget(frameworkLabelWidget);
    m_framework = new QComboBox(side);
    m_framework->setObjectName(QStringLiteral("framework"));
    m_framework->addItem(tr("Auto-detect"), QStringLiteral("auto"));
    m_framework->addItem(QStringLiteral("FastAPI"), QStringLiteral("fastapi"));
    m_framework->addItem(QStringLiteral("aiohttp"), QStringLiteral("aiohttp"));
    m_framework->addItem(QStringLiteral("Flask"), QStringLiteral("flask"));
    m_framework->setToolTip(tr("The server framework the fixes are written for"));
    frameworkLabelWidget->setBuddy(m_framework);
    connect(m_framework, &QComboBox::currentIndexChanged, this, [this] {
        if (m_settingInputs)
            return;
        Q_EMIT inputChanged();
        diagnoseNow();
    });
    header->addWidget(m_framework);
    m_serverToggle = new QToolButton(side);
    m_serverToggle->setObjectName(QStringLiteral("serverCodeToggle"));
    m_serverToggle->setText(tr("Server code…"));
    m_serverToggle->setCheckable(true);
    m_serverToggle->setToolTip(tr("Give your app or CORS setup separately, so the fixes are diffs against it"));
    header->addWidget(m_serverToggle);
    m_diagnoseButton = new QPushButton(tr("&Diagnose"), side);
    m_diagnoseButton->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnoseButton->setDefault(true);
    m_diagnoseButton->setToolTip(tr("Diagnose now (it also runs by itself shortly after you paste)"));
    connect(m_diagnoseButton, &QPushButton::clicked, this, &DiagnosePane::diagnoseNow);
    header->addWidget(m_diagnoseButton);
    layout->addLayout(header);

    m_harBox = new QWidget(side);
    auto* harLayout = new QHBoxLayout(m_harBox);
    harLayout->setContentsMargins(6, 4, 6, 4);
    m_harBox->setAutoFillBackground(true);
    QPalette harPalette = m_harBox->palette();
    harPalette.setColor(QPalette::Window, theme().infoBackground);
    m_harBox->setPalette(harPalette);
    m_harBanner = new QLabel(m_harBox);
    m_harBanner->setWordWrap(true);
    harLayout->addWidget(m_harBanner, 1);
    auto* clearHar = new QToolButton(m_harBox);
    clearHar->setText(tr("Clear"));
    connect(clearHar, &QToolButton::clicked, this, [this] {
        clearHarFile();
        Q_EMIT inputChanged();
        diagnoseNow();
    });
    harLayout->addWidget(clearHar);
    m_harBox->hide();
    layout->addWidget(m_harBox);

    auto* inputs = new QSplitter(Qt::Vertical, side);
    inputs->setChildrenCollapsible(false);
    m_paste = new PasteEdit(inputs);
    m_paste->setObjectName(QStringLiteral("paste"));
    m_paste->setAccessibleName(tr("Paste box"));
    m_paste->setPlaceholderText(
        tr("Paste anything about the failing request, mixed as you like:\n\n"
           "  • browser console lines (Chrome, Firefox, Safari)\n"
           "      Access to fetch at 'http://127.0.0.1:8000/api' from origin\n"
           "      'http://localhost:3000' has been blocked by CORS policy: …\n"
           "  • a Python traceback, server or access log lines (uvicorn, gunicorn, aiohttp, Flask, nginx)\n"
           "  • a cURL command (DevTools → Copy as cURL), raw HTTP request/response heads\n"
           "  • a HAR export or an exchange JSON\n"
           "  • your FastAPI / aiohttp / Flask app or its CORS setup\n\n"
           "Or drop a file here. The diagnosis runs as soon as you paste."));
    connect(m_paste, &QPlainTextEdit::textChanged, this, &DiagnosePane::onInputEdited);
    connect(m_paste, &PasteEdit::filesDropped, this, &DiagnosePane::onFilesDropped);
    inputs->addWidget(m_paste);

    m_serverBox = new QWidget(inputs);
    auto* serverLayout = new QVBoxLayout(m_serverBox);
    serverLayout->setContentsMargins(0, 4, 0, 0);
    serverLayout->setSpacing(4);
    auto* serverHeader = new QHBoxLayout;
    serverHeader->addWidget(sectionCaption(tr("SERVER CODE (OPTIONAL)"), m_serverBox));
    serverHeader->addStretch(1);
    auto* openServer = new QToolButton(m_serverBox);
    openServer->setText(tr("Open file…"));
    connect(openServer, &QToolButton::clicked, this, &DiagnosePane::openServerCodeRequested);
    serverHeader->addWidget(openServer);
    serverLayout->addLayout(serverHeader);
    m_serverCode = new QPlainTextEdit(m_serverBox);
    m_serverCode->setObjectName(QStringLiteral("serverCode"));
    m_serverCode->setAccessibleName(tr("Server code"));
    m_serverCode->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_serverCode->setFont(monospaceFont(m_serverCode->font()));
    m_serverCode->setPlaceholderText(
        tr("Optional: your FastAPI / aiohttp / Flask app or its CORS setup (CORSMiddleware, aiohttp_cors, "
           "flask_cors). Code pasted in the box above is found there too."));
    connect(m_serverCode, &QPlainTextEdit::textChanged, this, &DiagnosePane::onInputEdited);
    serverLayout->addWidget(m_serverCode, 1);
    inputs->addWidget(m_serverBox);
    inputs->setStretchFactor(0, 3);
    inputs->setStretchFactor(1, 1);
    m_serverBox->hide();
    connect(m_serverToggle, &QToolButton::toggled, m_serverBox, &QWidget::setVisible);
    layout->addWidget(inputs, 1);

    m_status = new QLabel(side);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_status);

    layout->addWidget(sectionCaption(tr("DETECTED"), side));
    m_detectedView = new QTableView(side);
    m_detectedView->setObjectName(QStringLiteral("detected"));
    m_detectedView->setModel(m_detectedModel);
    m_detectedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_detectedView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_detectedView->setShowGrid(false);
    m_detectedView->setWordWrap(false);
    m_detectedView->setAlternatingRowColors(true);
    m_detectedView->verticalHeader()->hide();
    m_detectedView->verticalHeader()->setDefaultSectionSize(m_detectedView->fontMetrics().height() + 8);
    QHeaderView* detectedHeader = m_detectedView->horizontalHeader();
    detectedHeader->setHighlightSections(false);
    detectedHeader->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    detectedHeader->setSectionResizeMode(DetectedModel::KindColumn, QHeaderView::ResizeToContents);
    detectedHeader->setSectionResizeMode(DetectedModel::LinesColumn, QHeaderView::ResizeToContents);
    detectedHeader->setSectionResizeMode(DetectedModel::SummaryColumn, QHeaderView::Stretch);
    m_detectedView->setFixedHeight(
        m_detectedView->verticalHeader()->defaultSectionSize() * 5 + detectedHeader->sizeHint().height() + 4);
    connect(m_detectedView, &QTableView::clicked, this, &DiagnosePane::onDetectedClicked);
    connect(m_detectedView, &QTableView::activated, this, &DiagnosePane::onDetectedClicked);
    layout->addWidget(m_detectedView);
    return side;
}

QWidget* DiagnosePane::buildResultSide()
{
    auto* side = new QSplitter(Qt::Vertical, this);
    side->setChildrenCollapsible(false);
    m_resultSplit = side;
    connect(side, &QSplitter::splitterMoved, this, [this] { m_userSizedResults = true; });

    // Ranked causes.
    auto* top = new QWidget(side);
    m_causesPane = top;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 8, 8, 0);
    topLayout->setSpacing(4);
    auto* causesHeader = new QHBoxLayout;
    causesHeader->setContentsMargins(0, 0, 0, 0);
    causesHeader->addWidget(sectionCaption(tr("CAUSES, MOST LIKELY FIRST"), top));
    causesHeader->addStretch(1);
    m_copyReport = new QToolButton(top);
    m_copyReport->setObjectName(QStringLiteral("copyReport"));
    m_copyReport->setText(tr("Copy report"));
    m_copyReport->setToolTip(tr("Copy the diagnosis as text; Authorization, Cookie and token values are redacted"));
    m_copyReport->setPopupMode(QToolButton::MenuButtonPopup);
    m_copyReport->setAutoRaise(true);
    auto* reportMenu = new QMenu(m_copyReport);
    reportMenu->addAction(tr("Copy report (secrets redacted)"), this, [this] { copyReport(false); });
    reportMenu->addAction(tr("Copy report including secrets"), this, [this] { copyReport(true); });
    m_copyReport->setMenu(reportMenu);
    connect(m_copyReport, &QToolButton::clicked, this, [this] { copyReport(false); });
    causesHeader->addWidget(m_copyReport);
    topLayout->addLayout(causesHeader);
    m_causesView = new QTableView(top);
    m_causesView->setObjectName(QStringLiteral("causes"));
    m_causesView->setModel(m_causesModel);
    m_causesView->setItemDelegateForColumn(
        CausesModel::ConfidenceColumn, new ConfidenceDelegate(CausesModel::ConfidenceRole, m_causesView));
    m_causesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_causesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_causesView->setShowGrid(false);
    m_causesView->setWordWrap(false);
    m_causesView->setTextElideMode(Qt::ElideRight);
    m_causesView->verticalHeader()->hide();
    m_causesView->verticalHeader()->setDefaultSectionSize(m_causesView->fontMetrics().height() + 10);
    QHeaderView* header = m_causesView->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(CausesModel::ConfidenceColumn, QHeaderView::Fixed);
    header->resizeSection(CausesModel::ConfidenceColumn, 110);
    header->setSectionResizeMode(CausesModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CausesModel::KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CausesModel::FailedCheckColumn, QHeaderView::Interactive);
    header->resizeSection(CausesModel::FailedCheckColumn, 220);
    connect(m_causesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            showCause(current.isValid() ? current.row() : -1);
            fitResultPanes();
        });
    topLayout->addWidget(m_causesView, 1);

    // The selected cause.
    auto* scroll = new QScrollArea(side);
    m_detailsScroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* details = new QWidget(scroll);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(4, 6, 8, 4);
    detailsLayout->setSpacing(4);
    m_causeTitle = new QLabel(details);
    m_causeTitle->setObjectName(QStringLiteral("causeTitle"));
    m_causeTitle->setWordWrap(true);
    m_causeTitle->setTextFormat(Qt::RichText);
    m_causeTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_causeTitle);
    m_evidenceCaption = sectionCaption(tr("EVIDENCE (CLICK TO SHOW THE LINE)"), details);
    detailsLayout->addWidget(m_evidenceCaption);
    m_evidence = new QListWidget(details);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setFont(monospaceFont(m_evidence->font()));
    m_evidence->setWordWrap(false);
    m_evidence->setTextElideMode(Qt::ElideRight);
    m_evidence->setUniformItemSizes(true);
    m_evidence->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long quotes are elided, tooltips hold them
    connect(m_evidence, &QListWidget::itemClicked, this, &DiagnosePane::onEvidenceClicked);
    connect(m_evidence, &QListWidget::itemActivated, this, &DiagnosePane::onEvidenceClicked);
    detailsLayout->addWidget(m_evidence);
    m_explanation = new QLabel(details);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detailsLayout->addWidget(m_explanation);

    m_probeRow = new QWidget(details);
    auto* probeBox = new QVBoxLayout(m_probeRow);
    probeBox->setContentsMargins(0, 4, 0, 2);
    probeBox->setSpacing(2);
    probeBox->addWidget(sectionCaption(tr("CHECK IT AGAINST THE SERVER"), m_probeRow));
    auto* probeLayout = new QHBoxLayout;
    probeLayout->setContentsMargins(0, 0, 0, 0);
    probeBox->addLayout(probeLayout);
    m_probeCommand = new QLabel(m_probeRow);
    m_probeCommand->setObjectName(QStringLiteral("probeCommand"));
    m_probeCommand->setWordWrap(true);
    m_probeCommand->setFont(monospaceFont(m_probeCommand->font()));
    m_probeCommand->setTextInteractionFlags(Qt::TextSelectableByMouse);
    probeLayout->addWidget(m_probeCommand, 1);
    m_probeButton = new QPushButton(tr("&Probe…"), m_probeRow);
    m_probeButton->setObjectName(QStringLiteral("probeButton"));
    m_probeButton->setToolTip(tr("Send this request to the server and see what it answers (opens the probe dialog)"));
    connect(m_probeButton, &QPushButton::clicked, this, [this] {
        if (const diagnosis::Cause* cause = m_causesModel->causeAt(currentCause())) {
            if (const auto input = probeInputForCause(*cause))
                Q_EMIT probeRequested(*input);
        }
    });
    probeLayout->addWidget(m_probeButton, 0, Qt::AlignTop);
    auto* copyProbe = new QToolButton(m_probeRow);
    copyProbe->setText(tr("Copy"));
    copyProbe->setToolTip(tr("Copy the corsbench-cli command"));
    connect(copyProbe, &QToolButton::clicked, this, [this] { copyText(m_probeCommand->text()); });
    probeLayout->addWidget(copyProbe, 0, Qt::AlignTop);
    detailsLayout->addWidget(m_probeRow);
    detailsLayout->addStretch(1);
    scroll->setWidget(details);

    // The fixes of the selected cause.
    auto* fixes = new QWidget(side);
    auto* fixesLayout = new QVBoxLayout(fixes);
    fixesLayout->setContentsMargins(4, 4, 8, 4);
    fixesLayout->setSpacing(4);
    fixesLayout->addWidget(sectionCaption(tr("FIXES"), fixes));
    m_fixTabs = new QTabWidget(fixes);
    m_fixTabs->setObjectName(QStringLiteral("fixes"));
    m_fixTabs->setDocumentMode(true);
    fixesLayout->addWidget(m_fixTabs, 1);
    m_noFixes = new QLabel(fixes);
    m_noFixes->setWordWrap(true);
    m_noFixes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    fixesLayout->addWidget(m_noFixes, 1);

    side->addWidget(top);
    side->addWidget(scroll);
    side->addWidget(fixes);
    side->setStretchFactor(0, 0);
    side->setStretchFactor(1, 1);
    side->setStretchFactor(2, 1);
    side->setSizes({ 150, 330, 380 });
    return side;
}

void DiagnosePane::setInputs(const QString& paste, const QString& serverCode, const QString& framework)
{
    m_settingInputs = true;
    clearHarFile();
    m_paste->setPlainText(paste);
    m_serverCode->setPlainText(serverCode);
    m_serverToggle->setChecked(!serverCode.trimmed().isEmpty());
    const int index = m_framework->findData(framework.isEmpty() ? QStringLiteral("auto") : framework);
    m_framework->setCurrentIndex(qMax(0, index));
    m_settingInputs = false;
    diagnoseNow();
}

QString DiagnosePane::pasteText() const
{
    return m_paste->toPlainText();
}

QString DiagnosePane::serverCode() const
{
    return m_serverCode->toPlainText();
}

QString DiagnosePane::framework() const
{
    return m_framework->currentData().toString();
}

DiagnoseRequest DiagnosePane::request() const
{
    return DiagnoseRequest { pasteText(), serverCode(), framework(), m_harPath };
}

void DiagnosePane::onInputEdited()
{
    if (m_settingInputs)
        return;
    if (!m_harPath.isEmpty() && !m_paste->toPlainText().isEmpty())
        clearHarFile(); // typing replaces the dropped HAR
    Q_EMIT inputChanged();
    m_debounce->start();
}

void DiagnosePane::diagnoseNow()
{
    m_debounce->stop();
    Q_EMIT diagnoseRequested(request());
}

Result<bool> DiagnosePane::loadFile(const QString& path)
{
    Result<DroppedInput> dropped = readDroppedFile(path);
    if (!dropped) {
        setStatus(dropped.error().message, true);
        return dropped.error();
    }
    m_settingInputs = true;
    if (!dropped->harPath.isEmpty()) {
        m_paste->clear();
        m_harPath = dropped->harPath;
        m_harBanner->setText(tr("Diagnosing the HAR file <b>%1</b> (%2 MB) from disk; it is too large for the paste "
                                "box. Paste text to diagnose that instead.")
                                 .arg(QDir::toNativeSeparators(m_harPath).toHtmlEscaped())
                                 .arg(double(dropped->bytes) / (1024.0 * 1024.0), 0, 'f', 1));
        m_harBox->show();
    } else {
        clearHarFile();
        m_paste->setPlainText(dropped->text);
    }
    m_settingInputs = false;
    Q_EMIT inputChanged();
    diagnoseNow();
    return true;
}

void DiagnosePane::clearHarFile()
{
    m_harPath.clear();
    m_harBox->hide();
}

void DiagnosePane::onFilesDropped(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    // One file at a time: the first one.
    (void)loadFile(paths.first());
}

void DiagnosePane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitResultPanes();
}

void DiagnosePane::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DiagnosePane::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    onFilesDropped(paths);
}

void DiagnosePane::openFileRequested()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open for Diagnosis"), QDir::homePath(),
        tr("Evidence (*.har *.txt *.log *.json *.py *.http);;All files (*)"));
    if (!path.isEmpty())
        (void)loadFile(path);
}

void DiagnosePane::openServerCodeRequested()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Server Code"), QDir::homePath(), tr("Python (*.py);;All files (*)"));
    if (path.isEmpty())
        return;
    Result<DroppedInput> file = readDroppedFile(path);
    if (!file || !file->harPath.isEmpty()) {
        setStatus(
            file ? tr("%1 is too large for server code").arg(QFileInfo(path).fileName()) : file.error().message, true);
        return;
    }
    m_serverCode->setPlainText(file->text); // emits textChanged: debounced diagnosis
}

bool DiagnosePane::selectPasteLines(int first, int last)
{
    return m_paste->selectLines(first, last);
}

void DiagnosePane::onDetectedClicked(const QModelIndex& index)
{
    if (index.isValid())
        selectPasteLines(
            index.data(DetectedModel::FirstLineRole).toInt(), index.data(DetectedModel::LastLineRole).toInt());
}

void DiagnosePane::onEvidenceClicked(QListWidgetItem* item)
{
    if (!item)
        return;
    const int line = item->data(kEvidenceLineRole).toInt();
    if (line > 0)
        selectPasteLines(line, line);
}

void DiagnosePane::setBusy(bool busy)
{
    if (busy)
        setStatus(tr("Diagnosing…"), false);
    else if (m_outcome)
        setStatus(m_outcome->message, !m_outcome->diagnosis);
}

void DiagnosePane::setStatus(const QString& text, bool problem)
{
    const Theme& style = theme();
    m_status->setText(problem
            ? QStringLiteral("<span style='color:%1'>%2</span>").arg(style.warning.name(), text.toHtmlEscaped())
            : text.toHtmlEscaped());
    m_status->setToolTip(text);
}

QString DiagnosePane::statusText() const
{
    return m_status->toolTip();
}

void DiagnosePane::showOutcome(const DiagnoseSnapshot& outcome)
{
    m_outcome = outcome;
    const bool ok = outcome && outcome->diagnosis;
    if (ok) {
        m_detectedModel->setInput(outcome->diagnosis->input);
        m_causesModel->setCauses(outcome->diagnosis->causes);
    } else {
        m_detectedModel->clear();
        m_causesModel->setCauses({});
    }
    setStatus(outcome ? outcome->message : QString(), outcome && !outcome->diagnosis);
    m_copyReport->setEnabled(ok);
    if (m_causesModel->rowCount() > 0)
        setCurrentCause(0);
    else
        showCause(-1);
    fitResultPanes();
}

void DiagnosePane::copyReport(bool includeSecrets)
{
    if (m_outcome)
        copyText(reportText(*m_outcome, includeSecrets));
}

void DiagnosePane::fitResultPanes()
{
    // Until the user drags a splitter handle: the causes table is as tall as its rows (2 to 6),
    // the cause's text as tall as it needs (leaving the fixes at least a third), the fixes the rest.
    if (m_userSizedResults)
        return;
    QList<int> sizes = m_resultSplit->sizes();
    const int total = sizes.size() == 3 ? sizes[0] + sizes[1] + sizes[2] : 0;
    if (total <= 0)
        return;
    const int rows = qBound(2, m_causesModel->rowCount(), 6);
    const QMargins margins = m_causesPane->layout()->contentsMargins();
    const int causes = margins.top() + margins.bottom() + m_causesPane->layout()->spacing()
        + m_causesPane->layout()->itemAt(0)->sizeHint().height() + m_causesView->horizontalHeader()->sizeHint().height()
        + rows * m_causesView->verticalHeader()->defaultSectionSize() + 2 * m_causesView->frameWidth() + 2;
    const int width = qMax(200, m_detailsScroll->viewport()->width());
    QLayout* layout = m_detailsScroll->widget()->layout();
    int details = layout->hasHeightForWidth() ? layout->heightForWidth(width) : layout->sizeHint().height();
    const bool hasFixes = m_fixTabs->count() > 0;
    const int rest = total - causes;
    const int maxDetails = qMax(80, hasFixes ? rest - qMax(rest / 3, 200) : rest - 60);
    details = qBound(80, details + 4, maxDetails);
    sizes = { causes, details, qMax(60, rest - details) };
    m_resultSplit->setSizes(sizes);
}

int DiagnosePane::currentCause() const
{
    const QModelIndex current = m_causesView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void DiagnosePane::setCurrentCause(int row)
{
    const QModelIndex index = m_causesModel->index(row, CausesModel::TitleColumn);
    m_causesView->setCurrentIndex(index);
    m_causesView->selectRow(row);
    showCause(index.isValid() ? row : -1);
}

void DiagnosePane::showCause(int row)
{
    const Theme& style = theme();
    const diagnosis::Cause* cause = m_causesModel->causeAt(row);
    m_evidence->clear();
    if (!cause) {
        QString text;
        if (!m_outcome) {
            text = tr("Paste on the left: the likely causes, the lines they rest on and the fixes appear here.");
        } else if (m_outcome->diagnosis) {
            QStringList missing = m_outcome->diagnosis->missingEvidence;
            text = QStringLiteral("<p style='font-size:large'><b>%1</b></p>")
                       .arg(tr("No cause identified").toHtmlEscaped());
            if (!missing.isEmpty())
                text += htmlCaption(tr("WHAT WOULD SETTLE IT")) + htmlList(missing);
            for (const QString& note : m_outcome->diagnosis->notes)
                text += QStringLiteral("<p>%1</p>").arg(note.toHtmlEscaped());
        } else {
            text = m_outcome->message.toHtmlEscaped();
        }
        m_causeTitle->setText(text);
        m_evidenceCaption->hide();
        m_evidence->hide();
        m_explanation->clear();
        m_explanation->hide();
        m_probeRow->hide();
        showFixes({});
        m_noFixes->setText(QString());
        return;
    }

    QString title =
        QStringLiteral("<span style='font-size:large'><b>%1</b></span>&nbsp;&nbsp;").arg(cause->title.toHtmlEscaped());
    title += badge(CausesModel::confidenceText(cause->confidence), style.info, style.infoBackground);
    if (cause->notCors)
        title += QStringLiteral("&nbsp;") + badge(tr("NOT A CORS PROBLEM"), style.warning, style.warningBackground);
    if (!cause->failedCheck.isEmpty())
        title += QStringLiteral("<br><span style='color:%1'>%2</span>")
                     .arg(style.mutedText.name(), tr("Failed check: %1").arg(cause->failedCheck).toHtmlEscaped());
    m_causeTitle->setText(title);

    for (const diagnosis::EvidenceQuote& quote : cause->evidence) {
        const QString prefix = quote.line > 0 ? QStringLiteral("%1: ").arg(quote.line, 4) : QStringLiteral("   · ");
        auto* item = new QListWidgetItem(prefix + quote.text.simplified(), m_evidence);
        item->setData(kEvidenceLineRole, quote.line);
        item->setToolTip(quote.line > 0 ? tr("Line %1 (%2): click to show it in the paste box\n%3")
                                              .arg(quote.line)
                                              .arg(quote.source, quote.text)
                                        : tr("%1 (not a line of the paste)\n%2").arg(quote.source, quote.text));
        if (quote.line <= 0)
            item->setForeground(style.mutedText);
    }
    const bool hasEvidence = m_evidence->count() > 0;
    m_evidenceCaption->setVisible(hasEvidence);
    m_evidence->setVisible(hasEvidence);
    if (hasEvidence) {
        const int rowHeight = qMax(m_evidence->sizeHintForRow(0), m_evidence->fontMetrics().height() + 4);
        m_evidence->setFixedHeight(rowHeight * qMin(int(m_evidence->count()), 5) + 2 * m_evidence->frameWidth() + 4);
    }

    QString text;
    if (!cause->explanation.isEmpty())
        text += htmlCaption(tr("WHY"))
            + QStringLiteral("<p style='margin-top:0'>%1</p>").arg(cause->explanation.toHtmlEscaped());
    if (!cause->whatToDo.isEmpty())
        text += htmlCaption(tr("WHAT TO DO")) + htmlList(cause->whatToDo);
    if (!cause->missingEvidence.isEmpty())
        text += htmlCaption(tr("WHAT WOULD SETTLE IT")) + htmlList(cause->missingEvidence);
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());

    m_probeCommand->setText(cause->probeCommand);
    m_probeButton->setEnabled(probeInputForCause(*cause).has_value());
    m_probeRow->setVisible(!cause->probeCommand.isEmpty());

    showFixes(cause->fixes);
    if (cause->fixes.isEmpty())
        m_noFixes->setText(cause->notCors
                ? tr("No CORS change fixes this: the CORS error is a symptom. Follow “What to do” above.")
                : tr("No code fix was generated for this cause; follow “What to do” above."));
}

void DiagnosePane::showFixes(const QList<diagnosis::FixProposal>& fixes)
{
    const Theme& style = theme();
    while (m_fixTabs->count() > 0) {
        QWidget* page = m_fixTabs->widget(0);
        m_fixTabs->removeTab(0);
        page->deleteLater();
    }
    for (const diagnosis::FixProposal& fix : fixes) {
        auto* page = new QWidget(m_fixTabs);
        auto* layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 6, 0, 0);
        layout->setSpacing(4);

        auto* header = new QHBoxLayout;
        QString badges =
            badge(frameworkLabel(fix.framework), style.text, style.skippedBackground) + QStringLiteral("&nbsp;");
        badges += fix.verified ? badge(tr("✓ VERIFIED"), style.pass, style.passBackground)
                               : badge(tr("UNVERIFIED"), style.warning, style.warningBackground);
        if (fix.developmentOnly)
            badges += QStringLiteral("&nbsp;") + badge(tr("DEVELOPMENT ONLY"), style.fail, style.failBackground);
        badges += QStringLiteral("&nbsp;&nbsp;<b>%1</b>").arg(fix.title.toHtmlEscaped());
        auto* badgeLabel = new QLabel(badges, page);
        badgeLabel->setObjectName(QStringLiteral("fixBadges"));
        badgeLabel->setWordWrap(true);
        badgeLabel->setTextFormat(Qt::RichText);
        header->addWidget(badgeLabel, 1);
        auto* copy = new QPushButton(tr("Copy"), page);
        copy->setObjectName(QStringLiteral("copyFix"));
        header->addWidget(copy, 0, Qt::AlignTop);
        layout->addLayout(header);

        const QString verification = fix.verification.isEmpty()
            ? (fix.verified ? QString() : tr("Not checked against a running server: review it before you use it."))
            : fix.verification;
        if (!verification.isEmpty()) {
            auto* note = new QLabel(verification, page);
            note->setObjectName(QStringLiteral("fixVerification"));
            note->setWordWrap(true);
            note->setTextInteractionFlags(Qt::TextSelectableByMouse);
            QPalette palette = note->palette();
            palette.setColor(QPalette::WindowText, fix.verified ? style.mutedText : style.warning);
            note->setPalette(palette);
            layout->addWidget(note);
        }

        auto* views = new QTabWidget(page);
        views->setObjectName(QStringLiteral("fixViews"));
        views->setTabPosition(QTabWidget::South);
        views->setDocumentMode(true);
        if (!fix.diff.isEmpty()) {
            QPlainTextEdit* diff = codeView(fix.diff, views);
            diff->setObjectName(QStringLiteral("fixDiff"));
            new DiffHighlighter(diff->document());
            views->addTab(diff, tr("Diff"));
        }
        if (!fix.snippet.isEmpty()) {
            QPlainTextEdit* snippet = codeView(fix.snippet, views);
            snippet->setObjectName(QStringLiteral("fixSnippet"));
            views->addTab(snippet, tr("Fixed code"));
        }
        layout->addWidget(views, 1);
        const auto updateCopy = [copy, views] {
            const QString tab = views->tabText(views->currentIndex());
            copy->setText(tab.isEmpty() ? tr("Copy") : tr("Copy %1").arg(tab.toLower()));
            copy->setEnabled(views->count() > 0);
        };
        connect(views, &QTabWidget::currentChanged, copy, updateCopy);
        updateCopy();
        connect(copy, &QPushButton::clicked, views, [views] {
            if (auto* view = qobject_cast<QPlainTextEdit*>(views->currentWidget()))
                copyText(view->toPlainText());
        });

        QString tabTitle = frameworkLabel(fix.framework);
        tabTitle += fix.verified ? QStringLiteral(" ✓") : tr(" (unverified)");
        if (fix.developmentOnly)
            tabTitle += tr(" · dev only");
        const int tab = m_fixTabs->addTab(page, tabTitle);
        m_fixTabs->setTabToolTip(tab, fix.title);
    }
    m_fixTabs->setVisible(!fixes.isEmpty());
    m_noFixes->setVisible(fixes.isEmpty());
}

} // namespace corsbench::ui
