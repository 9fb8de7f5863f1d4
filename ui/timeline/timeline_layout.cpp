// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/timeline/timeline_layout.h"

#include <algorithm>

namespace corsbench::ui {

qreal TimelineLayout::preferredHeight(const Metrics& metrics)
{
    return 2 * metrics.margin + metrics.captionHeight + 2 * metrics.padding + 4 * metrics.lineHeight;
}

TimelineLayout::TimelineLayout(int stepCount, QSizeF viewport, const Metrics& metrics)
    : m_metrics(metrics)
{
    if (stepCount <= 0) {
        m_contentSize = QSizeF(0, 0);
        return;
    }
    const qreal available = viewport.width() - 2 * metrics.margin - (stepCount - 1) * metrics.gap;
    const qreal boxWidth = std::clamp(available / stepCount, metrics.minBoxWidth, metrics.maxBoxWidth);
    const qreal boxHeight = 2 * metrics.padding + 4 * metrics.lineHeight;
    const qreal boxTop = metrics.margin + metrics.captionHeight;
    const qreal innerWidth = boxWidth - 2 * metrics.padding;

    for (int i = 0; i < stepCount; ++i) {
        const qreal left = metrics.margin + i * (boxWidth + metrics.gap);
        Item item;
        item.box = QRectF(left, boxTop, boxWidth, boxHeight);
        item.caption = QRectF(left, metrics.margin, boxWidth, metrics.captionHeight);
        const qreal textLeft = left + metrics.padding;
        const qreal textTop = boxTop + metrics.padding;
        item.title = QRectF(textLeft, textTop, innerWidth, metrics.lineHeight);
        item.result = QRectF(textLeft, textTop + metrics.lineHeight, innerWidth, metrics.lineHeight);
        item.detail = QRectF(textLeft, textTop + 2 * metrics.lineHeight, innerWidth, 2 * metrics.lineHeight);
        m_items.append(item);
    }
    const qreal arrowInset = 6;
    for (int i = 0; i + 1 < stepCount; ++i) {
        const QRectF& from = m_items.at(i).box;
        const QRectF& to = m_items.at(i + 1).box;
        m_arrows.append(QLineF(from.right() + arrowInset, from.center().y(), to.left() - arrowInset, to.center().y()));
    }
    m_contentSize = QSizeF(m_items.last().box.right() + metrics.margin, preferredHeight(metrics));
}

std::optional<int> TimelineLayout::hitTest(QPointF point) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        const Item& item = m_items.at(i);
        if (item.box.contains(point) || item.caption.contains(point))
            return i;
    }
    return std::nullopt;
}

} // namespace corsbench::ui
