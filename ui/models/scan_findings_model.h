// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/scanner.h"

#include <QAbstractTableModel>
#include <QList>

namespace corsbench::ui {

/// The findings of a scan, most severe first (ties keep the scanner's order).
class ScanFindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, TitleColumn, OriginColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString, e.g. "origin-reflected"
        SeverityRole, // int(net::Severity)
        EvidenceRole, // QString: the response header lines, one per line
        WhyRole, // QString
        FixRole, // QString
    };

    explicit ScanFindingsModel(QObject* parent = nullptr);

    void setFindings(const QList<net::ScanFinding>& findings);
    /// In model order; `row` must be valid.
    const net::ScanFinding& finding(int row) const { return m_findings.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<net::ScanFinding> m_findings;
};

/// "CRITICAL", "HIGH", ...
QString severityLabel(net::Severity severity);
/// The check status whose colours a severity borrows: critical/high red, medium amber, low blue, info grey.
cors::CheckStatus severityStatus(net::Severity severity);
/// The scanner's " | "-joined evidence as one header line per line ("also allowed:" origins
/// one per line, indented).
QString evidenceAsLines(const QString& evidence);

} // namespace corsbench::ui
