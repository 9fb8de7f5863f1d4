// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/detected_model.h"

#include "ui/style/theme.h"

#include <QJsonArray>
#include <QJsonObject>

namespace corsbench::ui {

using ingest::EvidenceKind;

namespace {

constexpr int kMaxSummaryChars = 200;

QString str(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString();
}

QString shortException(const QString& qualified)
{
    const qsizetype dot = qualified.lastIndexOf(u'.');
    return dot >= 0 ? qualified.mid(dot + 1) : qualified;
}

QString joinParts(QStringList parts)
{
    parts.removeAll(QString());
    QString text = parts.join(QStringLiteral(" · "));
    if (text.size() > kMaxSummaryChars)
        text = text.left(kMaxSummaryChars - 1) + u'…';
    return text;
}

QString requestText(const QString& method, const QString& url)
{
    return (method.isEmpty() ? QString() : method + u' ') + url;
}

} // namespace

DetectedModel::DetectedModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DetectedModel::setInput(const ingest::IngestResult& input)
{
    beginResetModel();
    m_evidence = input.evidence;
    m_problems = input.problems;
    endResetModel();
}

void DetectedModel::clear()
{
    beginResetModel();
    m_evidence.clear();
    m_problems.clear();
    endResetModel();
}

QString DetectedModel::kindLabel(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::ChromeConsole:
        return tr("Chrome console");
    case EvidenceKind::FirefoxConsole:
        return tr("Firefox console");
    case EvidenceKind::SafariConsole:
        return tr("Safari console");
    case EvidenceKind::BrowserNetworkError:
        return tr("Network error");
    case EvidenceKind::MixedContent:
        return tr("Mixed content");
    case EvidenceKind::PythonTraceback:
        return tr("Python traceback");
    case EvidenceKind::ServerLog:
        return tr("Server log");
    case EvidenceKind::AccessLog:
        return tr("Access log");
    case EvidenceKind::Har:
        return tr("HAR");
    case EvidenceKind::Curl:
        return tr("cURL command");
    case EvidenceKind::HttpRequest:
        return tr("HTTP request");
    case EvidenceKind::HttpResponse:
        return tr("HTTP response");
    case EvidenceKind::ExchangeJson:
        return tr("Exchange JSON");
    case EvidenceKind::ServerConfig:
        return tr("Server code");
    }
    return ingest::toString(kind);
}

QString DetectedModel::linesText(int first, int last)
{
    if (first <= 0)
        return {};
    if (last <= first)
        return tr("line %1").arg(first);
    return tr("lines %1–%2").arg(first).arg(last);
}

QString DetectedModel::summaryText(const ingest::Evidence& e)
{
    const QJsonObject& s = e.summary;
    if (e.console) {
        const ingest::ConsoleMessage& m = *e.console;
        QString error = !m.corsError.isEmpty() ? m.corsError
            : !m.firefoxReasonKey.isEmpty()    ? m.firefoxReasonKey
                                               : m.netError;
        if (m.preflight && !error.isEmpty() && !error.startsWith(QStringLiteral("Preflight")))
            error += tr(" (preflight)");
        return joinParts(
            { error, requestText(m.method, m.url), m.origin.isEmpty() ? QString() : tr("from %1").arg(m.origin),
                m.status ? tr("status %1").arg(*m.status) : QString(),
                m.insecureUrl.isEmpty() ? QString() : tr("insecure %1").arg(m.insecureUrl) });
    }
    if (e.server) {
        const ingest::ServerEvent& v = *e.server;
        // An access-log "message" is the line itself: method, path and status say it all.
        const QString message = e.kind == EvidenceKind::AccessLog ? QString() : v.message.simplified().left(80);
        QString exception = shortException(v.exceptionType);
        if (!exception.isEmpty() && !message.isEmpty())
            exception += QStringLiteral(": ") + message;
        else if (exception.isEmpty())
            exception = message;
        return joinParts({ v.framework, requestText(v.method, v.path), v.status ? QString::number(v.status) : QString(),
            exception, v.origin.isEmpty() ? QString() : tr("origin %1").arg(v.origin),
            v.corsFailures.isEmpty() ? QString() : tr("refused: %1").arg(v.corsFailures.join(QStringLiteral(", "))) });
    }
    switch (e.kind) {
    case EvidenceKind::Har:
        return joinParts({ str(s, "creator"), tr("%1 entries").arg(str(s, "entries")),
            tr("%1 cross-origin").arg(str(s, "cors_entries")), tr("%1 exchanges kept").arg(str(s, "exchanges_kept")) });
    case EvidenceKind::Curl:
    case EvidenceKind::HttpRequest:
        return joinParts({ requestText(str(s, "method"), str(s, "url")),
            str(s, "origin").isEmpty() ? QString() : tr("from %1").arg(str(s, "origin")),
            s.value(QStringLiteral("preflight")).toBool() ? tr("preflight") : QString() });
    case EvidenceKind::HttpResponse:
        if (e.responseHead)
            return joinParts(
                { tr("status %1").arg(e.responseHead->status), tr("%1 headers").arg(e.responseHead->headers.size()) });
        break;
    case EvidenceKind::ExchangeJson:
        if (!e.exchanges.isEmpty())
            return joinParts({ requestText(QString::fromLatin1(e.exchanges.first().request.method),
                                   e.exchanges.first().request.url.toString()),
                tr("from %1").arg(e.exchanges.first().pageOrigin) });
        break;
    default:
        break;
    }
    // Fallback: the plain values of the summary.
    QStringList parts;
    for (auto it = s.begin(); it != s.end() && parts.size() < 6; ++it) {
        if (it->isString() && !it->toString().isEmpty())
            parts << it->toString();
        else if (it->isDouble())
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it->toDouble());
    }
    if (parts.isEmpty() && !e.quote.isEmpty())
        parts << e.quote.first().text.trimmed();
    return joinParts(parts);
}

int DetectedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_evidence.size() + m_problems.size());
}

int DetectedModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DetectedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool problem = row >= m_evidence.size();
    const ingest::Evidence* e = problem ? nullptr : &m_evidence.at(row);
    const ingest::IngestProblem* p = problem ? &m_problems.at(row - m_evidence.size()) : nullptr;
    const int first = e ? e->firstLine : p->firstLine;
    const int last = e ? e->lastLine : p->lastLine;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return e ? kindLabel(e->kind) : tr("Unreadable");
        case LinesColumn:
            return linesText(first, last);
        case SummaryColumn:
            return e ? summaryText(*e) : p->message;
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        if (p)
            return p->message;
        QStringList lines;
        for (const ingest::SourceLine& l : e->quote)
            lines << QStringLiteral("%1: %2").arg(l.number).arg(l.text.left(300));
        for (const QString& note : e->notes)
            lines << tr("Note: %1").arg(note);
        return lines.join(u'\n');
    }
    case Qt::ForegroundRole:
        if (p)
            return theme().warning;
        if (index.column() == LinesColumn)
            return theme().mutedText;
        return {};
    case FirstLineRole:
        return first;
    case LastLineRole:
        return qMax(first, last);
    case KindIdRole:
        return e ? ingest::toString(e->kind) : QStringLiteral("problem");
    case ProblemRole:
        return problem;
    default:
        return {};
    }
}

QVariant DetectedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Detected");
    case LinesColumn:
        return tr("Lines");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace corsbench::ui
