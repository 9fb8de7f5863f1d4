// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"

#include <QAbstractTableModel>
#include <QList>

namespace corsbench::ui {

/// Table of the CORS checks of one verdict, in browser order.
class ChecksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StatusColumn, StageColumn, CheckColumn, HeaderColumn, ValueColumn, ExplanationColumn, ColumnCount };
    enum Role {
        CheckIdRole = Qt::UserRole + 1, // QString
        StatusRole, // int(cors::CheckStatus)
        StepRole, // int: timeline step the check belongs to (see timelineStepOf)
    };

    explicit ChecksModel(QObject* parent = nullptr);

    /// `hasPreflight` tells how Stage/hop map onto timeline steps.
    void setChecks(const QList<cors::Check>& checks, bool hasPreflight = false);
    const QList<cors::Check>& checks() const { return m_checks; }
    /// The row to show for a timeline step: its reported failure, else its first failure,
    /// else its first check; -1 when the step has no checks.
    int keyRowOfStep(int step) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int stepOf(const cors::Check& check) const;

    QList<cors::Check> m_checks;
    bool m_hasPreflight = false;
};

} // namespace corsbench::ui
