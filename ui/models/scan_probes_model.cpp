// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/scan_probes_model.h"

#include "ui/style/theme.h"

#include <QFont>

namespace corsbench::ui {

namespace {

bool isGood(const net::ScanProbe& p)
{
    return !p.networkFailure && p.allowed == p.mustPass;
}

} // namespace

QString probeOutcome(const net::ScanProbe& probe)
{
    if (probe.networkFailure)
        return QObject::tr("network error: %1").arg(probe.networkError);
    if (probe.allowed)
        return QObject::tr("allowed");
    return probe.errorKind.isEmpty() ? QObject::tr("blocked") : QObject::tr("blocked (%1)").arg(probe.errorKind);
}

ScanProbesModel::ScanProbesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ScanProbesModel::setProbes(const QList<net::ScanProbe>& probes)
{
    beginResetModel();
    m_probes = probes;
    endResetModel();
}

int ScanProbesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_probes.size());
}

int ScanProbesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanProbesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const net::ScanProbe& p = m_probes.at(index.row());
    const auto column = static_cast<Column>(index.column());
    auto header = [](const std::optional<QByteArray>& value) {
        return value ? QString::fromLatin1(*value) : QObject::tr("(absent)");
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case OriginColumn:
            return p.origin;
        case PurposeColumn:
            return p.purpose;
        case OutcomeColumn:
            return probeOutcome(p);
        case AcaoColumn:
            return header(p.acao);
        case AcacColumn:
            return header(p.acac);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (column == OutcomeColumn) {
            if (p.networkFailure)
                return p.networkError;
            if (p.mustPass)
                return p.allowed ? tr("Must work, and does.") : tr("Must work, but the browser blocks it.");
            return p.allowed ? tr("A crafted origin the browser lets read the response: a weakness.")
                             : tr("A crafted origin the browser refuses, as it should.");
        }
        break;
    case Qt::ForegroundRole:
        if (column == OutcomeColumn) {
            if (p.networkFailure)
                return theme().warning;
            return isGood(p) ? theme().pass : theme().fail;
        }
        if ((column == AcaoColumn && !p.acao) || (column == AcacColumn && !p.acac))
            return theme().mutedText;
        break;
    case Qt::DecorationRole:
        if (column == OutcomeColumn)
            return statusIcon(p.networkFailure ? cors::CheckStatus::Warning
                    : isGood(p)                ? cors::CheckStatus::Pass
                                               : cors::CheckStatus::Fail);
        break;
    case Qt::FontRole:
        if (column == OriginColumn || (column == AcaoColumn && p.acao) || (column == AcacColumn && p.acac)) {
            QFont font;
            font.setFamily(monospaceFamily());
            return font;
        }
        if (column == OutcomeColumn && !isGood(p)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case AllowedRole:
        return p.allowed;
    case MustPassRole:
        return p.mustPass;
    case GoodRole:
        return isGood(p);
    default:
        break;
    }
    return {};
}

QVariant ScanProbesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == AcaoColumn)
            return QStringLiteral("Access-Control-Allow-Origin");
        if (section == AcacColumn)
            return QStringLiteral("Access-Control-Allow-Credentials");
        if (section == OutcomeColumn)
            return tr("What the browser decides with the scan's credentials mode");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OriginColumn:
        return tr("Origin");
    case PurposeColumn:
        return tr("Purpose");
    case OutcomeColumn:
        return tr("Browser");
    case AcaoColumn:
        return QStringLiteral("Allow-Origin");
    case AcacColumn:
        return QStringLiteral("Allow-Credentials");
    default:
        return {};
    }
}

} // namespace corsbench::ui
