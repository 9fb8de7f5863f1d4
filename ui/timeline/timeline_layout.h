// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace corsbench::ui {

/// Sizes of the timeline's parts, in device-independent pixels.
struct TimelineMetrics
{
    qreal margin = 12;
    qreal gap = 44; // between boxes; the arrow lives here
    qreal captionHeight = 20;
    qreal lineHeight = 20;
    qreal padding = 10;
    qreal minBoxWidth = 120;
    qreal maxBoxWidth = 400;
};

/// Geometry of the timeline: equal-width sequential lanes, left to right, one per step,
/// joined by arrows. Pure QtCore; copyable; unit-tested without a widget.
class TimelineLayout
{
public:
    using Metrics = TimelineMetrics;

    struct Item
    {
        QRectF box; // the step's frame
        QRectF caption; // above the box: PREFLIGHT, REQUEST, ...
        QRectF title; // first line inside the box
        QRectF result; // second line
        QRectF detail; // third and fourth line (wraps)
    };

    TimelineLayout() = default;
    TimelineLayout(int stepCount, QSizeF viewport, const Metrics& metrics = Metrics {});

    const QList<Item>& items() const { return m_items; }
    /// One arrow per consecutive pair of boxes: arrows()[i] joins step i to step i + 1.
    const QList<QLineF>& arrows() const { return m_arrows; }
    /// The size needed to show everything; may exceed the viewport when it is too narrow.
    QSizeF contentSize() const { return m_contentSize; }
    const Metrics& metrics() const { return m_metrics; }
    /// The height a view needs for `metrics`.
    static qreal preferredHeight(const Metrics& metrics = Metrics {});

    /// The step whose box or caption contains `point`.
    std::optional<int> hitTest(QPointF point) const;

private:
    Metrics m_metrics;
    QList<Item> m_items;
    QList<QLineF> m_arrows;
    QSizeF m_contentSize;
};

} // namespace corsbench::ui
