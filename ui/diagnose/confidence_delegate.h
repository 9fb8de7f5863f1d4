// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace corsbench::ui {

/// Paints a cell's confidence (a 0..1 double under `role`) as a bar with the percentage on it.
class ConfidenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ConfidenceDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

} // namespace corsbench::ui
