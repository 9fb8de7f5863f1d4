// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/checks_model.h"

#include "ui/style/theme.h"

#include <QFont>

namespace corsbench::ui {

using cors::Check;
using cors::CheckStatus;
using cors::Stage;

ChecksModel::ChecksModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ChecksModel::setChecks(const QList<Check>& checks, bool hasPreflight)
{
    beginResetModel();
    m_checks = checks;
    m_hasPreflight = hasPreflight;
    endResetModel();
}

int ChecksModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int ChecksModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ChecksModel::stepOf(const Check& check) const
{
    switch (check.stage) {
    case Stage::Request:
        return -1;
    case Stage::Preflight:
        return 0;
    case Stage::Actual:
        return (m_hasPreflight ? 1 : 0) + qMax(0, check.hop);
    }
    return -1;
}

int ChecksModel::keyRowOfStep(int step) const
{
    int first = -1;
    int firstFailure = -1;
    for (int row = 0; row < m_checks.size(); ++row) {
        const Check& check = m_checks.at(row);
        if (stepOf(check) != step)
            continue;
        if (check.reported)
            return row;
        if (first < 0)
            first = row;
        if (firstFailure < 0 && check.status == CheckStatus::Fail)
            firstFailure = row;
    }
    return firstFailure >= 0 ? firstFailure : first;
}

namespace {

QString stageText(const Check& check)
{
    switch (check.stage) {
    case Stage::Request:
        return QObject::tr("Request");
    case Stage::Preflight:
        return QObject::tr("Preflight");
    case Stage::Actual:
        // Same numbering as the timeline: hop 0 is the request, hop n the n-th redirect.
        return check.hop > 0 ? QObject::tr("Redirect %1").arg(check.hop) : QObject::tr("Actual");
    }
    return {};
}

} // namespace

QVariant ChecksModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Check& check = m_checks.at(index.row());
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StatusColumn:
            return statusLabel(check.status);
        case StageColumn:
            return stageText(check);
        case CheckColumn:
            return check.title.isEmpty() ? check.id : check.title;
        case HeaderColumn:
            return QString::fromLatin1(check.header);
        case ValueColumn:
            if (check.header.isEmpty())
                return QString();
            return check.value ? QString::fromUtf8(*check.value) : tr("(absent)");
        case ExplanationColumn:
            return check.explanation;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole: {
        QString tip =
            QStringLiteral("<b>%1</b> <code>%2</code><br>%3")
                .arg(check.title.toHtmlEscaped(), check.id.toHtmlEscaped(), check.explanation.toHtmlEscaped());
        if (!check.corsError.isEmpty())
            tip += QStringLiteral("<br>Chromium error: <code>%1</code>").arg(check.corsError.toHtmlEscaped());
        return tip;
    }
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return theme().foreground(check.status);
        if (column == ValueColumn && !check.value && !check.header.isEmpty())
            return theme().mutedText;
        if (check.status == CheckStatus::Skipped)
            return theme().mutedText;
        break;
    case Qt::BackgroundRole:
        if (check.reported)
            return theme().failBackground;
        break;
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return statusIcon(check.status);
        break;
    case Qt::FontRole: {
        QFont font;
        if (check.reported || column == StatusColumn)
            font.setBold(true);
        if (column == ValueColumn && !check.value && !check.header.isEmpty())
            font.setItalic(true);
        if (column == HeaderColumn || (column == ValueColumn && check.value))
            font.setFamily(monospaceFamily());
        if (font.bold() || font.italic() || column == HeaderColumn || column == ValueColumn)
            return font;
        break;
    }
    case CheckIdRole:
        return check.id;
    case StatusRole:
        return static_cast<int>(check.status);
    case StepRole:
        return stepOf(check);
    default:
        break;
    }
    return {};
}

QVariant ChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case StageColumn:
        return tr("Stage");
    case CheckColumn:
        return tr("Check");
    case HeaderColumn:
        return tr("Header");
    case ValueColumn:
        return tr("Value");
    case ExplanationColumn:
        return tr("Explanation");
    default:
        return {};
    }
}

} // namespace corsbench::ui
