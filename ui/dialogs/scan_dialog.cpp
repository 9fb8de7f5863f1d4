// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/dialogs/scan_dialog.h"

#include "ui/models/scan_findings_model.h"
#include "ui/models/scan_probes_model.h"
#include "ui/style/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace corsbench::ui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

QLabel* wrappingLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

ScanDialog::ScanDialog(ScanPresenter* presenter, QWidget* parent)
    : QDialog(parent)
    , m_presenter(presenter)
{
    setWindowTitle(tr("Scan Endpoint"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);

    // --- What to scan: target and origins on the left, how to send on the right.
    auto* left = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8000/api/items"));
    left->addRow(tr("&URL:"), m_url);
    m_baseOrigin = new QLineEdit(this);
    m_baseOrigin->setObjectName(QStringLiteral("baseOrigin"));
    m_baseOrigin->setPlaceholderText(tr("default: the first origin below, else the URL's own origin"));
    m_baseOrigin->setToolTip(tr("The legitimate page origin the crafted origins are built around "
                                "(evil-DOMAIN, HOST.evil.net, …)."));
    left->addRow(tr("&Base origin:"), m_baseOrigin);
    m_allow = new QPlainTextEdit(this);
    m_allow->setObjectName(QStringLiteral("allowOrigins"));
    m_allow->setPlaceholderText(tr("https://app.example.com\n(one per line; the verdict is PASS only if these work "
                                   "and every crafted origin is refused)"));
    m_allow->setTabChangesFocus(true);
    m_allow->setFixedHeight(m_allow->fontMetrics().lineSpacing() * 3 + 12);
    left->addRow(tr("&Must work:"), m_allow);

    auto* right = new QFormLayout;
    m_credentials = new QComboBox(this);
    m_credentials->setObjectName(QStringLiteral("credentials"));
    m_credentials->addItem(QStringLiteral("include"), static_cast<int>(http::CredentialsMode::Include));
    m_credentials->addItem(QStringLiteral("same-origin"), static_cast<int>(http::CredentialsMode::SameOrigin));
    m_credentials->addItem(QStringLiteral("omit"), static_cast<int>(http::CredentialsMode::Omit));
    m_credentials->setToolTip(tr("\"include\" is the attack case: the victim's cookies go with the request."));
    right->addRow(tr("&Credentials:"), m_credentials);
    auto* numbers = new QHBoxLayout;
    m_delay = new QSpinBox(this);
    m_delay->setObjectName(QStringLiteral("delay"));
    m_delay->setRange(0, 60000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("Pause between requests"));
    numbers->addWidget(m_delay);
    auto* budgetLabel = new QLabel(tr("Bud&get:"), this);
    numbers->addWidget(budgetLabel);
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("maxRequests"));
    m_budget->setRange(1, 40);
    m_budget->setSuffix(tr(" requests"));
    budgetLabel->setBuddy(m_budget);
    numbers->addWidget(m_budget);
    auto* timeoutLabel = new QLabel(tr("&Timeout:"), this);
    numbers->addWidget(timeoutLabel);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    timeoutLabel->setBuddy(m_timeout);
    numbers->addWidget(m_timeout);
    numbers->addStretch(1);
    auto* delayLabel = new QLabel(tr("&Delay:"), this);
    delayLabel->setBuddy(m_delay);
    right->addRow(delayLabel, numbers);
    m_cookie = new QLineEdit(this);
    m_cookie->setObjectName(QStringLiteral("cookie"));
    m_cookie->setPlaceholderText(tr("default with include: corsbench_scan=1"));
    right->addRow(tr("Coo&kie:"), m_cookie);
    m_proxy = new QLineEdit(this);
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("system · none · http://127.0.0.1:3128"));
    right->addRow(tr("Pro&xy:"), m_proxy);

    auto* inputs = new QHBoxLayout;
    inputs->addLayout(left, 3);
    inputs->addSpacing(12);
    inputs->addLayout(right, 2);
    layout->addLayout(inputs);

    // --- Run, progress, errors.
    auto* run = new QHBoxLayout;
    m_scan = new QPushButton(tr("&Scan"), this);
    m_scan->setObjectName(QStringLiteral("scanButton"));
    m_scan->setDefault(true);
    run->addWidget(m_scan);
    m_cancel = new QPushButton(tr("Ca&ncel Scan"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    run->addWidget(m_cancel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_scan->sizeHint().height() / 2);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);
    m_progressText = new QLabel(tr("Ready. Up to 40 requests, one after the other."), this);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progressText->setTextFormat(Qt::PlainText);
    layout->addWidget(m_progressText);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(theme().fail.name()));
    m_error->hide();
    layout->addWidget(m_error);

    // --- Verdict banner.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("scanVerdictBanner"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(14, 8, 14, 8);
    bannerLayout->setSpacing(14);
    m_bannerTitle = new QLabel(m_banner);
    m_bannerTitle->setObjectName(QStringLiteral("verdictLabel"));
    QFont titleFont = m_bannerTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    titleFont.setLetterSpacing(QFont::AbsoluteSpacing, 1.2);
    m_bannerTitle->setFont(titleFont);
    bannerLayout->addWidget(m_bannerTitle, 0, Qt::AlignVCenter);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("verdictText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_bannerText, 1);
    layout->addWidget(m_banner);

    // --- Findings (table + the selected finding) and probes.
    m_tabs = new QTabWidget(this);
    auto* findingsPage = new QSplitter(Qt::Vertical, m_tabs);
    findingsPage->setChildrenCollapsible(false);
    m_findings = makeTable(presenter->findingsModel(), QStringLiteral("findings"), findingsPage);
    auto* findingsHeader = m_findings->horizontalHeader();
    findingsHeader->setSectionResizeMode(ScanFindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    findingsHeader->setSectionResizeMode(ScanFindingsModel::TitleColumn, QHeaderView::Stretch);
    findingsHeader->setSectionResizeMode(ScanFindingsModel::OriginColumn, QHeaderView::Interactive);
    findingsHeader->resizeSection(ScanFindingsModel::OriginColumn, 300);
    findingsPage->addWidget(m_findings);

    auto* details = new QWidget(findingsPage);
    auto* grid = new QGridLayout(details);
    grid->setContentsMargins(4, 8, 4, 4);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);
    grid->addWidget(sectionCaption(tr("EVIDENCE (RESPONSE HEADERS)"), details), 0, 0);
    m_evidence = new QPlainTextEdit(details);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setReadOnly(true);
    m_evidence->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(monospaceFamily());
    mono.setPointSizeF(m_evidence->font().pointSizeF());
    m_evidence->setFont(mono);
    grid->addWidget(m_evidence, 1, 0, 3, 1);
    grid->addWidget(sectionCaption(tr("WHY IT IS EXPLOITABLE"), details), 0, 1);
    m_why = wrappingLabel(QStringLiteral("why"), details);
    grid->addWidget(m_why, 1, 1);
    grid->addWidget(sectionCaption(tr("FIX"), details), 2, 1);
    m_fix = wrappingLabel(QStringLiteral("fix"), details);
    grid->addWidget(m_fix, 3, 1);
    m_openEvidence = new QPushButton(tr("&Open evidence exchange"), details);
    m_openEvidence->setObjectName(QStringLiteral("openEvidence"));
    m_openEvidence->setToolTip(tr("Load the recorded exchange into the main window editor, where the CORS engine "
                                  "explains it step by step."));
    m_openEvidence->setEnabled(false);
    grid->addWidget(m_openEvidence, 4, 0, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 2);
    findingsPage->addWidget(details);
    findingsPage->setStretchFactor(0, 1);
    findingsPage->setStretchFactor(1, 1);
    m_tabs->addTab(findingsPage, tr("Findings"));

    m_probes = makeTable(presenter->probesModel(), QStringLiteral("probes"), m_tabs);
    auto* probesHeader = m_probes->horizontalHeader();
    // At most 40 rows: sizing to contents is cheap and nothing is clipped.
    probesHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    probesHeader->setStretchLastSection(true);
    m_tabs->addTab(m_probes, tr("Probes"));
    layout->addWidget(m_tabs, 1);

    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette notesPalette = m_notes->palette();
    notesPalette.setColor(QPalette::WindowText, theme().mutedText);
    m_notes->setPalette(notesPalette);
    layout->addWidget(m_notes);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_inputs = { m_url, m_baseOrigin, m_allow, m_credentials, m_delay, m_budget, m_timeout, m_cookie, m_proxy, m_scan };

    // Intents out.
    connect(m_scan, &QPushButton::clicked, this, &ScanDialog::requestScan);
    connect(m_url, &QLineEdit::returnPressed, this, &ScanDialog::requestScan);
    connect(m_cancel, &QPushButton::clicked, presenter, &ScanPresenter::cancel);
    connect(m_openEvidence, &QPushButton::clicked, this, [this] { m_presenter->openEvidence(selectedFindingRow()); });
    connect(m_findings, &QTableView::doubleClicked, this,
        [this](const QModelIndex& index) { m_presenter->openEvidence(index.row()); });
    connect(m_findings->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ScanDialog::showFinding);
    // Data in.
    connect(presenter, &ScanPresenter::stateChanged, this, &ScanDialog::onStateChanged);
    connect(presenter, &ScanPresenter::progressed, this, &ScanDialog::onProgressed);
    connect(presenter, &ScanPresenter::finished, this, &ScanDialog::onFinished);
    connect(presenter, &ScanPresenter::failed, this, &ScanDialog::onFailed);
    connect(presenter, &ScanPresenter::confirmationNeeded, this, &ScanDialog::onConfirmationNeeded);
    connect(presenter, &ScanPresenter::started, this, [this](const QString& description) {
        m_error->hide();
        m_bannerTitle->setText(tr("SCANNING"));
        m_bannerText->setText(description);
    });

    setInput(ScanInput {});
    ScanVerdict empty;
    empty.label = tr("NO SCAN YET");
    empty.headline = tr("Give the endpoint and the origins that must work, then Scan.");
    showVerdictBanner(empty);
    showFinding({});
    if (presenter->report())
        onFinished();
    onStateChanged(presenter->state());
    m_url->setFocus();
    resize(1120, 780);
}

ScanInput ScanDialog::input() const
{
    ScanInput input;
    input.url = m_url->text().trimmed();
    input.baseOrigin = m_baseOrigin->text().trimmed();
    input.allowOrigins = m_allow->toPlainText();
    input.credentials = static_cast<http::CredentialsMode>(m_credentials->currentData().toInt());
    input.delayMs = m_delay->value();
    input.maxRequests = m_budget->value();
    input.timeoutSeconds = m_timeout->value();
    input.cookie = m_cookie->text().trimmed();
    input.proxy = m_proxy->text().trimmed();
    return input;
}

void ScanDialog::setInput(const ScanInput& input)
{
    m_url->setText(input.url);
    m_baseOrigin->setText(input.baseOrigin);
    m_allow->setPlainText(input.allowOrigins);
    m_credentials->setCurrentIndex(qMax(0, m_credentials->findData(static_cast<int>(input.credentials))));
    m_delay->setValue(input.delayMs);
    m_budget->setValue(input.maxRequests);
    m_timeout->setValue(input.timeoutSeconds);
    m_cookie->setText(input.cookie);
    m_proxy->setText(input.proxy);
}

void ScanDialog::requestScan()
{
    m_presenter->start(input());
}

void ScanDialog::onConfirmationNeeded(const ScanInput& input, const QString& question)
{
    const auto answer =
        QMessageBox::question(this, tr("Scan Endpoint"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_presenter->start(input, true);
}

void ScanDialog::onStateChanged(ScanPresenter::State state)
{
    const bool idle = state == ScanPresenter::State::Idle;
    for (QWidget* w : std::as_const(m_inputs))
        w->setEnabled(idle);
    m_cancel->setEnabled(state == ScanPresenter::State::Running);
    if (idle)
        m_progress->setRange(0, qMax(1, m_progress->maximum()));
}

void ScanDialog::onProgressed(const QString& text, int done, int planned)
{
    m_progressText->setText(text);
    if (planned == 0) {
        m_progress->setRange(0, 0); // busy until the plan is known
    } else if (planned > 0) {
        m_progress->setRange(0, planned);
        m_progress->setValue(done);
    }
}

void ScanDialog::onFailed(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    if (!m_presenter->isRunning())
        m_progressText->setText(tr("Nothing was sent."));
}

void ScanDialog::onFinished()
{
    const std::shared_ptr<const net::ScanReport> report = m_presenter->report();
    if (!report)
        return;
    showVerdictBanner(m_presenter->verdict());
    m_progressText->setText(tr("%1 requests sent (budget %2)%3")
                                .arg(report->requestsSent)
                                .arg(m_budget->value())
                                .arg(report->cancelled ? tr(" · cancelled") : QString()));
    if (m_progress->maximum() > 0)
        m_progress->setValue(report->cancelled ? m_progress->value() : m_progress->maximum());
    m_tabs->setTabText(0, tr("Findings (%1)").arg(report->findings.size()));
    m_tabs->setTabText(1, tr("Probes (%1)").arg(report->probes.size()));
    m_notes->setText(
        report->notes.isEmpty() ? QString() : tr("Notes: %1").arg(report->notes.join(QStringLiteral("; "))));
    m_notes->setVisible(!report->notes.isEmpty());
    if (m_presenter->findingsModel()->rowCount() > 0) {
        m_tabs->setCurrentIndex(0);
        m_findings->selectRow(0);
    } else {
        showFinding({});
        m_why->setText(tr("No findings in this scan."));
        m_tabs->setCurrentIndex(1); // nothing to explain: show what was tried
    }
}

void ScanDialog::showVerdictBanner(const ScanVerdict& verdict)
{
    const Theme& style = theme();
    QColor strong = style.mutedText;
    QColor light = style.skippedBackground;
    switch (verdict.outcome) {
    case ScanVerdict::Outcome::Pass:
        strong = style.pass;
        light = style.passBackground;
        break;
    case ScanVerdict::Outcome::Fail:
        strong = style.fail;
        light = style.failBackground;
        break;
    case ScanVerdict::Outcome::Unreachable:
        strong = style.warning;
        light = style.warningBackground;
        break;
    case ScanVerdict::Outcome::Incomplete:
        break;
    }
    m_banner->setStyleSheet(
        QStringLiteral("#scanVerdictBanner { background: %1; border: 1px solid %2; border-left: 6px solid %2;"
                       " border-radius: 6px; } QLabel { color: %3; }")
            .arg(light.name(), strong.name(), style.text.name()));
    m_bannerTitle->setStyleSheet(QStringLiteral("color: %1;").arg(strong.name()));
    m_bannerTitle->setText(verdict.label);
    const QString rest = verdict.headline.section(QStringLiteral(" — "), 1);
    QString html = QStringLiteral("<b>%1</b>").arg((rest.isEmpty() ? verdict.headline : rest).toHtmlEscaped());
    for (const QString& side : { verdict.allowedSide, verdict.craftedSide }) {
        if (!side.isEmpty())
            html += QStringLiteral("<br>") + side.toHtmlEscaped();
    }
    m_bannerText->setText(html);
}

int ScanDialog::selectedFindingRow() const
{
    const QModelIndex current = m_findings->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ScanDialog::showFinding(const QModelIndex& current)
{
    const bool valid = current.isValid();
    const QAbstractItemModel* model = m_findings->model();
    auto role = [&](int r) { return valid ? model->index(current.row(), 0).data(r).toString() : QString(); };
    m_evidence->setPlainText(role(ScanFindingsModel::EvidenceRole));
    m_why->setText(valid ? role(ScanFindingsModel::WhyRole) : tr("Select a finding to see why it matters."));
    m_fix->setText(role(ScanFindingsModel::FixRole));
    m_openEvidence->setEnabled(valid);
}

} // namespace corsbench::ui
