// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/inspectors/headers_inspector.h"

#include "ui/style/theme.h"

#include <QGridLayout>
#include <QLabel>
#include <QTextBrowser>

namespace corsbench::ui {

namespace {

bool isCorsHeader(const QByteArray& name)
{
    const QByteArray lower = name.toLower();
    return lower.startsWith("access-control-") || lower == "origin" || lower == "vary" || lower == "location";
}

QString headLinesHtml(const http::HeaderList& headers)
{
    const Theme& style = theme();
    QString html;
    for (const http::Header& header : headers) {
        const QString name = QString::fromLatin1(header.name).toHtmlEscaped();
        const QString value = QString::fromUtf8(header.value).toHtmlEscaped();
        QString line = isCorsHeader(header.name)
            ? QStringLiteral("<b style='color:%1'>%2</b>: <b>%3</b>").arg(style.info.name(), name, value)
            : QStringLiteral("<span style='color:%1'>%2</span>: %3").arg(style.mutedText.name(), name, value);
        if (headers.count(header.name) > 1)
            line += QStringLiteral("  <span style='background:%1; color:%2'>&nbsp;duplicate&nbsp;</span>")
                        .arg(style.warningBackground.name(), style.warning.name());
        html += line + QStringLiteral("<br>");
    }
    return html;
}

QString requestHtml(const http::HttpRequestHead& request, bool computed)
{
    QString target = request.url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (request.url.hasQuery())
        target += u'?' + request.url.query(QUrl::FullyEncoded);
    QString html;
    if (computed)
        html += QStringLiteral("<i style='color:%1'>%2</i><br>")
                    .arg(theme().mutedText.name(), QObject::tr("not recorded: what a browser would send"));
    html += QStringLiteral("<b>%1 %2 HTTP/1.1</b><br>")
                .arg(QString::fromLatin1(request.method).toHtmlEscaped(), target.toHtmlEscaped());
    html += headLinesHtml(request.headers);
    return html;
}

QString responseHtml(const http::HttpResponseHead& response)
{
    const Theme& style = theme();
    if (response.isNetworkError())
        return QStringLiteral("<b style='color:%1'>%2</b>")
            .arg(style.fail.name(), QObject::tr("No HTTP response: %1").arg(response.networkError).toHtmlEscaped());
    const QColor statusColor = response.status >= 200 && response.status < 300 ? style.pass
        : response.status >= 300 && response.status < 400                      ? style.info
                                                                               : style.fail;
    QString html = QStringLiteral("<b>HTTP/1.1 <span style='color:%1'>%2</span> %3</b><br>")
                       .arg(statusColor.name())
                       .arg(response.status)
                       .arg(QString::fromLatin1(response.reason).toHtmlEscaped());
    html += headLinesHtml(response.headers);
    return html;
}

QTextBrowser* makeHeadView(QWidget* parent, const QString& name)
{
    auto* view = new QTextBrowser(parent);
    view->setOpenLinks(false);
    view->setLineWrapMode(QTextEdit::WidgetWidth);
    view->setAccessibleName(name);
    QFont font(monospaceFamily());
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(view->font().pointSizeF() * 0.95);
    view->document()->setDefaultFont(font);
    return view;
}

QString wrap(const QString& body)
{
    return QStringLiteral("<div style='line-height:130%'>%1</div>").arg(body);
}

} // namespace

HeadersInspector::HeadersInspector(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(4);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title, 0, 0, 1, 2);
    m_requestCaption = new QLabel(tr("Request head"), this);
    m_responseCaption = new QLabel(tr("Response head"), this);
    for (QLabel* caption : { m_requestCaption, m_responseCaption }) {
        QPalette palette = caption->palette();
        palette.setColor(QPalette::WindowText, theme().mutedText);
        caption->setPalette(palette);
    }
    layout->addWidget(m_requestCaption, 1, 0);
    layout->addWidget(m_responseCaption, 1, 1);
    m_request = makeHeadView(this, tr("Request head"));
    m_response = makeHeadView(this, tr("Response head"));
    layout->addWidget(m_request, 2, 0);
    layout->addWidget(m_response, 2, 1);
    layout->setRowStretch(2, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    clear();
}

void HeadersInspector::clear()
{
    m_title->setText(tr("Select a step in the timeline to see its raw heads"));
    m_request->clear();
    m_response->clear();
}

void HeadersInspector::setStep(const TimelineStep& step)
{
    const Theme& style = theme();
    m_title->setText(QStringLiteral("%1 · %2").arg(step.caption, step.title));
    const QString muted = QStringLiteral("<i style='color:%1'>%2</i>").arg(style.mutedText.name());

    if (step.kind == StepKind::Outcome) {
        m_request->setHtml(muted.arg(tr("The script's view: no request of its own.")));
        m_response->setHtml(muted.arg(step.result.toHtmlEscaped()));
        return;
    }
    if (step.request)
        m_request->setHtml(wrap(requestHtml(*step.request, step.requestComputed)));
    else if (step.state == StepState::NotSent || step.state == StepState::Refused)
        m_request->setHtml(muted.arg(tr("Not sent: %1").arg(step.detail).toHtmlEscaped()));
    else
        m_request->setHtml(muted.arg(tr("Request head not recorded (%1)").arg(step.title).toHtmlEscaped()));

    if (step.response)
        m_response->setHtml(wrap(responseHtml(*step.response)));
    else
        m_response->setHtml(muted.arg(tr("No response: the request never went out.")));
}

QString HeadersInspector::requestText() const
{
    return m_request->toPlainText();
}

QString HeadersInspector::responseText() const
{
    return m_response->toPlainText();
}

} // namespace corsbench::ui
