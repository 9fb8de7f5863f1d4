// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/diagnose/confidence_delegate.h"

#include "ui/style/theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace corsbench::ui {

ConfidenceDelegate::ConfidenceDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{
}

void ConfidenceDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, selection

    const double value = std::clamp(index.data(m_role).toDouble(), 0.0, 1.0);
    const Theme& colours = theme();
    const QRect track = opt.rect.adjusted(4, 4, -4, -4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours.skippedBackground);
    painter->drawRoundedRect(track, 3, 3);
    QColor fill = value >= 0.5 ? colours.info : colours.connector;
    fill.setAlpha(value >= 0.5 ? 110 : 90);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(track.left(), track.top(), track.width() * value, track.height()), 3, 3);
    painter->setPen(colours.text);
    painter->drawText(track.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize ConfidenceDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) + 48));
    return size;
}

} // namespace corsbench::ui
