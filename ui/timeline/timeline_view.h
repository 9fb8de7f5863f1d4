// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_steps.h"

#include <QList>
#include <QWidget>

namespace corsbench::ui {

/// Custom-painted strip showing the steps of one exchange left to right. Geometry comes from
/// TimelineLayout; this class only paints and turns clicks/keys into stepSelected().
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setSteps(const QList<TimelineStep>& steps);
    const QList<TimelineStep>& steps() const { return m_steps; }
    /// Highlights a step without emitting stepSelected(); -1 clears.
    void setSelectedStep(int index);
    int selectedStep() const { return m_selected; }
    const TimelineLayout& timelineLayout() const { return m_layout; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The user picked a step (click or arrow keys).
    void stepSelected(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();
    void select(int index);

    QList<TimelineStep> m_steps;
    TimelineLayout m_layout;
    int m_selected = -1;
};

} // namespace corsbench::ui
