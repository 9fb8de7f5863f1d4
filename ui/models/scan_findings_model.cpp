// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/scan_findings_model.h"

#include "ui/style/theme.h"

#include <QFont>

#include <algorithm>

namespace corsbench::ui {

using net::Severity;

QString severityLabel(Severity severity)
{
    return net::toString(severity).toUpper();
}

cors::CheckStatus severityStatus(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
    case Severity::High:
        return cors::CheckStatus::Fail;
    case Severity::Medium:
        return cors::CheckStatus::Warning;
    case Severity::Low:
        return cors::CheckStatus::Info;
    case Severity::Info:
        return cors::CheckStatus::Skipped;
    }
    return cors::CheckStatus::Skipped;
}

QString evidenceAsLines(const QString& evidence)
{
    // The scanner appends "also allowed: a, b, c" to the reflection finding: one origin a line.
    const QString also = QStringLiteral("also allowed: ");
    QStringList lines;
    for (const QString& part : evidence.split(QStringLiteral(" | "))) {
        if (!part.startsWith(also)) {
            lines << part;
            continue;
        }
        lines << also.trimmed();
        for (const QString& origin : part.mid(also.size()).split(QStringLiteral(", ")))
            lines << QStringLiteral("  ") + origin;
    }
    return lines.join(u'\n');
}

ScanFindingsModel::ScanFindingsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ScanFindingsModel::setFindings(const QList<net::ScanFinding>& findings)
{
    beginResetModel();
    m_findings = findings;
    std::stable_sort(m_findings.begin(), m_findings.end(),
        [](const net::ScanFinding& a, const net::ScanFinding& b) { return a.severity < b.severity; });
    endResetModel();
}

int ScanFindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int ScanFindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanFindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const net::ScanFinding& f = m_findings.at(index.row());
    const auto column = static_cast<Column>(index.column());
    const cors::CheckStatus status = severityStatus(f.severity);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SeverityColumn:
            return severityLabel(f.severity);
        case TitleColumn:
            return f.title;
        case OriginColumn:
            return f.origin;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b> <code>%2</code><br>%3")
            .arg(f.title.toHtmlEscaped(), f.id.toHtmlEscaped(), f.why.toHtmlEscaped());
    case Qt::ForegroundRole:
        if (column == SeverityColumn)
            return theme().foreground(status);
        break;
    case Qt::BackgroundRole:
        if (column == SeverityColumn && f.severity == Severity::Critical)
            return theme().failBackground;
        break;
    case Qt::DecorationRole:
        if (column == SeverityColumn)
            return statusIcon(status);
        break;
    case Qt::FontRole:
        if (column == SeverityColumn || f.severity == Severity::Critical) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (column == OriginColumn) {
            QFont font;
            font.setFamily(monospaceFamily());
            return font;
        }
        break;
    case IdRole:
        return f.id;
    case SeverityRole:
        return static_cast<int>(f.severity);
    case EvidenceRole:
        return evidenceAsLines(f.evidence);
    case WhyRole:
        return f.why;
    case FixRole:
        return f.fix;
    default:
        break;
    }
    return {};
}

QVariant ScanFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Finding");
    case OriginColumn:
        return tr("Origin");
    default:
        return {};
    }
}

} // namespace corsbench::ui
