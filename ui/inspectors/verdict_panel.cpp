// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/inspectors/verdict_panel.h"

#include "ui/style/theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace corsbench::ui {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString credentialsText(http::CredentialsMode mode)
{
    return QObject::tr("credentials: %1").arg(http::toString(mode));
}

} // namespace

VerdictPanel::VerdictPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(16, 10, 16, 10);
    bannerLayout->setSpacing(16);
    m_bannerTitle = new QLabel(m_banner);
    QFont titleFont = m_bannerTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    titleFont.setLetterSpacing(QFont::AbsoluteSpacing, 1.5);
    m_bannerTitle->setFont(titleFont);
    m_bannerTitle->setAccessibleName(tr("Verdict"));
    bannerLayout->addWidget(m_bannerTitle);

    auto* middle = new QVBoxLayout;
    middle->setSpacing(2);
    m_bannerSubtitle = new QLabel(m_banner);
    m_bannerSubtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerSubtitle->setWordWrap(true);
    middle->addWidget(m_bannerSubtitle);
    m_errorLabel = new QLabel(m_banner);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setWordWrap(true);
    middle->addWidget(m_errorLabel);
    bannerLayout->addLayout(middle, 1);

    auto* right = new QVBoxLayout;
    m_bannerCounts = new QLabel(m_banner);
    m_bannerCounts->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    right->addWidget(m_bannerCounts);
    m_staleLabel = new QLabel(tr("outdated: the text has an error"), m_banner);
    m_staleLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont staleFont = m_staleLabel->font();
    staleFont.setItalic(true);
    m_staleLabel->setFont(staleFont);
    m_staleLabel->hide();
    right->addWidget(m_staleLabel);
    bannerLayout->addLayout(right);
    layout->addWidget(m_banner);

    layout->addWidget(sectionCaption(tr("CONSOLE"), this));
    m_console = new QTextBrowser(this);
    m_console->setOpenLinks(false);
    m_console->setReadOnly(true);
    m_console->setLineWrapMode(QTextEdit::WidgetWidth);
    m_console->setMinimumHeight(m_console->fontMetrics().lineSpacing() * 6 + 12);
    m_console->setAccessibleName(tr("Browser console messages"));
    layout->addWidget(m_console, 1);

    auto* details = new QHBoxLayout;
    details->setSpacing(16);
    auto* warningsBox = new QVBoxLayout;
    warningsBox->setSpacing(2);
    warningsBox->addWidget(sectionCaption(tr("WARNINGS"), this));
    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    warningsBox->addWidget(m_warnings);
    warningsBox->addStretch();
    details->addLayout(warningsBox, 3);
    auto* exposedBox = new QVBoxLayout;
    exposedBox->setSpacing(2);
    exposedBox->addWidget(sectionCaption(tr("READABLE RESPONSE HEADERS"), this));
    m_exposed = new QLabel(this);
    m_exposed->setWordWrap(true);
    m_exposed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exposed->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    exposedBox->addWidget(m_exposed);
    exposedBox->addStretch();
    details->addLayout(exposedBox, 2);
    layout->addLayout(details);

    clear();
}

void VerdictPanel::applyBannerStyle(bool allowed)
{
    const Theme& style = theme();
    const QColor strong = allowed ? style.pass : style.fail;
    const QColor light = allowed ? style.passBackground : style.failBackground;
    m_banner->setStyleSheet(
        QStringLiteral("#verdictBanner { background: %1; border: 1px solid %2; border-left: 6px solid %2;"
                       " border-radius: 6px; } QLabel { color: %3; }")
            .arg(light.name(), strong.name(), style.text.name()));
    m_bannerTitle->setStyleSheet(QStringLiteral("color: %1;").arg(strong.name()));
}

void VerdictPanel::clear(const QString& reason)
{
    m_hasVerdict = false;
    const Theme& style = theme();
    m_banner->setStyleSheet(
        QStringLiteral("#verdictBanner { background: %1; border: 1px solid %2; border-radius: 6px; }")
            .arg(style.skippedBackground.name(), style.border.name()));
    m_bannerTitle->setStyleSheet(QStringLiteral("color: %1;").arg(style.mutedText.name()));
    m_bannerTitle->setText(tr("NO VERDICT"));
    m_bannerSubtitle->setText(reason.isEmpty() ? tr("No exchange loaded: open a file, paste JSON or pick a sample.")
                                               : tr("The text is not a valid exchange yet: %1").arg(reason));
    m_errorLabel->clear();
    m_errorLabel->hide();
    m_bannerCounts->clear();
    m_staleLabel->hide();
    m_console->clear();
    m_warnings->clear();
    m_exposed->clear();
}

void VerdictPanel::setStale(bool stale)
{
    m_staleLabel->setVisible(stale);
}

QString VerdictPanel::bannerText() const
{
    return m_hasVerdict ? m_bannerTitle->text() : QString();
}

QString VerdictPanel::consoleText() const
{
    return m_console->toPlainText();
}

void VerdictPanel::setVerdict(const cors::Verdict& verdict, const http::Exchange& exchange)
{
    const Theme& style = theme();
    m_hasVerdict = true;
    applyBannerStyle(verdict.allowed);
    m_bannerTitle->setText(verdict.allowed ? tr("ALLOWED") : tr("BLOCKED"));

    QStringList facts;
    facts << credentialsText(exchange.request.credentials);
    if (!verdict.corsApplies)
        facts << tr("CORS does not apply");
    else if (verdict.preflight.required)
        facts << tr("preflight required (%1)").arg(verdict.preflight.reasons.join(QStringLiteral(", ")));
    else
        facts << tr("no preflight needed");
    const QString method = QString::fromLatin1(verdict.method.isEmpty() ? exchange.request.method : verdict.method);
    m_bannerSubtitle->setText(
        QStringLiteral("<b>%1</b> <code>%2</code> from <code>%3</code><br><span style='color:%5'>%4</span>")
            .arg(escaped(method), escaped(exchange.request.url.toDisplayString()), escaped(exchange.pageOrigin),
                escaped(facts.join(QStringLiteral(" · "))), style.mutedText.name()));

    if (verdict.error) {
        const cors::ReportedError& error = *verdict.error;
        QString text = error.networkError.isEmpty()
            ? tr("Chromium error <b><code>%1</code></b>").arg(escaped(error.kind))
            : tr("Network error <b>%1</b>").arg(escaped(error.networkError));
        if (!error.failedParameter.isEmpty())
            text += tr(" · failed parameter <code>%1</code>").arg(escaped(error.failedParameter));
        if (!error.firefoxReasonKey.isEmpty())
            text += tr(" · Firefox <code>%1</code>").arg(escaped(error.firefoxReasonKey));
        m_errorLabel->setText(text);
        m_errorLabel->show();
    } else {
        m_errorLabel->clear();
        m_errorLabel->hide();
    }

    const qsizetype failures = verdict.failureCount();
    const qsizetype warnings = verdict.warningCount();
    m_bannerCounts->setText(
        QStringLiteral("<span style='color:%1'><b>%2</b></span><br><span style='color:%3'>%4</span>")
            .arg(failures ? style.fail.name() : style.pass.name(),
                failures ? tr("%n check(s) failed", nullptr, static_cast<int>(failures)) : tr("all checks passed"),
                warnings ? style.warning.name() : style.mutedText.name(),
                tr("%n warning(s)", nullptr, static_cast<int>(warnings))));

    // Console: one block per engine, exact lines in a monospace font.
    const bool opaque = exchange.request.mode == http::RequestMode::NoCors && verdict.crossOrigin;
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
    const auto addEngine = [&](const QString& name, const cors::BrowserOutcome& outcome) {
        QString lines;
        QString color = style.text.name();
        if (!outcome.allowed.has_value()) {
            lines = QStringLiteral("<i>%1</i>")
                        .arg(escaped(outcome.note.isEmpty() ? tr("cannot tell from this exchange") : outcome.note));
            color = style.mutedText.name();
        } else if (*outcome.allowed) {
            lines = QStringLiteral("<i>%1</i>")
                        .arg(opaque ? tr("no error, but the response is opaque (no-cors): the script cannot read it")
                                    : tr("no CORS error: the script reads the response"));
            color = style.pass.name();
        } else if (outcome.console.isEmpty()) {
            lines = QStringLiteral("<i>%1</i>").arg(tr("blocked (no console line recorded)"));
            color = style.fail.name();
        } else {
            QStringList parts;
            for (const QString& line : outcome.console)
                parts << escaped(line);
            lines = parts.join(QStringLiteral("<br>"));
            color = style.fail.name();
        }
        html += QStringLiteral(
            "<tr><td width='70' valign='top'><b>%1</b></td><td style='color:%2; font-family:\"%3\"'>%4</td></tr>")
                    .arg(escaped(name), color, monospaceFamily(), lines);
    };
    addEngine(tr("Chrome"), verdict.chromium);
    addEngine(tr("Firefox"), verdict.firefox);
    addEngine(tr("Safari"), verdict.webkit);
    html += QStringLiteral("</table>");
    m_console->setHtml(html);

    QStringList warningItems;
    for (const cors::Check& check : verdict.checks) {
        if (check.status != cors::CheckStatus::Warning)
            continue;
        warningItems << QStringLiteral("<span style='color:%1'>⚠</span> <b>%2</b> — %3")
                            .arg(style.warning.name(), escaped(check.title), escaped(check.explanation));
    }
    for (const QString& note : verdict.notes)
        warningItems << QStringLiteral("<span style='color:%1'>ℹ</span> %2").arg(style.info.name(), escaped(note));
    m_warnings->setText(warningItems.isEmpty()
            ? QStringLiteral("<span style='color:%1'>%2</span>").arg(style.mutedText.name(), tr("none"))
            : warningItems.join(QStringLiteral("<br>")));

    QString exposed;
    if (!verdict.allowed)
        exposed = QStringLiteral("<span style='color:%1'>%2</span>")
                      .arg(style.mutedText.name(), tr("none: the response is blocked"));
    else if (verdict.exposedHeaders.isEmpty())
        exposed = QStringLiteral("<span style='color:%1'>%2</span>").arg(style.mutedText.name(), tr("none"));
    else
        exposed = QStringLiteral("<code>%1</code>").arg(escaped(verdict.exposedHeaders.join(QStringLiteral(", "))));
    if (verdict.allowed && !verdict.hiddenHeaders.isEmpty())
        exposed += QStringLiteral("<br><span style='color:%1'>%2 <code>%3</code></span>")
                       .arg(style.mutedText.name(), tr("hidden from script:"),
                           escaped(verdict.hiddenHeaders.join(QStringLiteral(", "))));
    m_exposed->setText(exposed);
}

} // namespace corsbench::ui
