// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/ingest/evidence.h"

#include <QAbstractTableModel>
#include <QList>

namespace corsbench::ui {

/// What the ingest found in a paste: one row per detected piece, then one per unreadable piece.
class DetectedModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LinesColumn, SummaryColumn, ColumnCount };
    enum Role {
        FirstLineRole = Qt::UserRole + 1, // int, 1-based; 0 when unknown
        LastLineRole, // int, 1-based, inclusive
        KindIdRole, // QString: "chrome-console", ... or "problem"
        ProblemRole, // bool: a piece that looked like a known format but could not be read
    };

    explicit DetectedModel(QObject* parent = nullptr);

    void setInput(const ingest::IngestResult& input);
    void clear();

    /// "Chrome console", "Python traceback", ...
    static QString kindLabel(ingest::EvidenceKind kind);
    /// A short line for the table: the CORS error, URL and origin of a console line, the
    /// exception of a traceback, the entries of a HAR, ...
    static QString summaryText(const ingest::Evidence& evidence);
    /// "line 3" or "lines 3–9"; empty when unknown.
    static QString linesText(int first, int last);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ingest::Evidence> m_evidence;
    QList<ingest::IngestProblem> m_problems;
};

} // namespace corsbench::ui
