// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/cause.h"

#include <QAbstractTableModel>
#include <QList>

namespace corsbench::ui {

/// The ranked causes of one diagnosis, most likely first.
class CausesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ConfidenceColumn, TitleColumn, KindColumn, FailedCheckColumn, ColumnCount };
    enum Role {
        CauseIdRole = Qt::UserRole + 1, // QString: stable kebab-case id
        ConfidenceRole, // double 0..1
        NotCorsRole, // bool
        FixCountRole, // int
        VerifiedFixRole, // bool: at least one fix was verified against the framework
    };

    explicit CausesModel(QObject* parent = nullptr);

    void setCauses(const QList<diagnosis::Cause>& causes);
    const QList<diagnosis::Cause>& causes() const { return m_causes; }
    /// Null for an invalid row.
    const diagnosis::Cause* causeAt(int row) const;

    /// "87 %"
    static QString confidenceText(double confidence);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<diagnosis::Cause> m_causes;
};

} // namespace corsbench::ui
