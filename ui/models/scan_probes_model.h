// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/scanner.h"

#include <QAbstractTableModel>
#include <QList>

namespace corsbench::ui {

/// Every origin a scan tried, in the order sent: purpose, what the browser decided, and the
/// CORS headers the server answered with.
class ScanProbesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OriginColumn, PurposeColumn, OutcomeColumn, AcaoColumn, AcacColumn, ColumnCount };
    enum Role {
        AllowedRole = Qt::UserRole + 1, // bool: the browser let the page read the response
        MustPassRole, // bool: an origin that must work
        GoodRole, // bool: the outcome is the wanted one (must-pass allowed, crafted refused)
    };

    explicit ScanProbesModel(QObject* parent = nullptr);

    void setProbes(const QList<net::ScanProbe>& probes);
    const QList<net::ScanProbe>& probes() const { return m_probes; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<net::ScanProbe> m_probes;
};

/// "allowed", "blocked (PreflightMissingAllowOriginHeader)", "network error: …".
QString probeOutcome(const net::ScanProbe& probe);

} // namespace corsbench::ui
