// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/causes_model.h"

#include "ui/style/theme.h"

#include <QFont>

#include <algorithm>

namespace corsbench::ui {

CausesModel::CausesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CausesModel::setCauses(const QList<diagnosis::Cause>& causes)
{
    beginResetModel();
    m_causes = causes;
    endResetModel();
}

const diagnosis::Cause* CausesModel::causeAt(int row) const
{
    return row >= 0 && row < m_causes.size() ? &m_causes.at(row) : nullptr;
}

QString CausesModel::confidenceText(double confidence)
{
    return QStringLiteral("%1 %").arg(qRound(std::clamp(confidence, 0.0, 1.0) * 100));
}

int CausesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_causes.size());
}

int CausesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CausesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const diagnosis::Cause& c = m_causes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ConfidenceColumn:
            return confidenceText(c.confidence);
        case TitleColumn:
            return c.title;
        case KindColumn:
            return c.notCors ? tr("Not CORS") : tr("CORS");
        case FailedCheckColumn:
            return c.failedCheck;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ConfidenceColumn:
            return tr("Confidence %1 (how well the evidence supports this cause)").arg(confidenceText(c.confidence));
        case KindColumn:
            return c.notCors ? tr("Not a CORS configuration problem: the CORS error is a symptom of something else")
                             : tr("A CORS configuration problem");
        case FailedCheckColumn:
            return c.failedCheck.isEmpty() ? QVariant() : tr("Failed check: %1").arg(c.failedCheck);
        default:
            return QStringLiteral("%1\n%2").arg(c.title, c.id);
        }
    case Qt::ForegroundRole:
        if (index.column() == KindColumn)
            return c.notCors ? theme().warning : theme().mutedText;
        if (index.column() == FailedCheckColumn)
            return theme().mutedText;
        return {};
    case Qt::BackgroundRole:
        if (index.column() == KindColumn && c.notCors)
            return theme().warningBackground;
        return {};
    case Qt::FontRole:
        if (index.row() == 0 && index.column() == TitleColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case CauseIdRole:
        return c.id;
    case ConfidenceRole:
        return c.confidence;
    case NotCorsRole:
        return c.notCors;
    case FixCountRole:
        return int(c.fixes.size());
    case VerifiedFixRole:
        return std::any_of(c.fixes.begin(), c.fixes.end(), [](const diagnosis::FixProposal& f) { return f.verified; });
    default:
        return {};
    }
}

QVariant CausesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConfidenceColumn:
        return tr("Confidence");
    case TitleColumn:
        return tr("Cause");
    case KindColumn:
        return tr("Kind");
    case FailedCheckColumn:
        return tr("Failed check");
    default:
        return {};
    }
}

} // namespace corsbench::ui
