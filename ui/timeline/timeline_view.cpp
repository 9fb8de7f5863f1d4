// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/timeline/timeline_view.h"

#include "ui/style/theme.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace corsbench::ui {

namespace {

struct StepColors
{
    QColor border;
    QColor fill;
    QColor accent; // glyph and detail line
    Qt::PenStyle penStyle = Qt::SolidLine;
    QString glyph;
};

StepColors colorsFor(StepState state)
{
    const Theme& style = theme();
    switch (state) {
    case StepState::Passed:
        return { style.pass, style.passBackground, style.pass, Qt::SolidLine, QStringLiteral("✓") };
    case StepState::Blocked:
        return { style.fail, style.failBackground, style.fail, Qt::SolidLine, QStringLiteral("✕") };
    case StepState::Refused:
        return { style.fail, style.failBackground, style.fail, Qt::DashLine, QStringLiteral("✕") };
    case StepState::NotSent:
        return { style.connector, QColor(0xfa, 0xfa, 0xfa), style.mutedText, Qt::DashLine, QStringLiteral("–") };
    case StepState::Neutral:
        break;
    }
    return { style.border, style.skippedBackground, style.mutedText, Qt::SolidLine, QStringLiteral("•") };
}

void drawArrow(QPainter& painter, const QLineF& line, const QColor& color, Qt::PenStyle style)
{
    if (line.length() < 8)
        return;
    painter.save();
    QPen pen(color, 1.6, style, Qt::FlatCap);
    painter.setPen(pen);
    const qreal head = 7;
    const QLineF shaft(line.p1(), line.pointAt(1.0 - head / line.length()));
    painter.drawLine(shaft);
    const qreal angle = std::atan2(line.dy(), line.dx());
    const QPointF tip = line.p2();
    QPolygonF arrowHead;
    arrowHead << tip << tip - QPointF(std::cos(angle - 0.45) * head * 1.3, std::sin(angle - 0.45) * head * 1.3)
              << tip - QPointF(std::cos(angle + 0.45) * head * 1.3, std::sin(angle + 0.45) * head * 1.3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(arrowHead);
    painter.restore();
}

/// Word-wraps `text` onto at most two lines of `width`, eliding the second.
QStringList twoLines(const QString& text, const QFontMetricsF& metrics, qreal width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return { text };
    const QStringList words = text.split(u' ');
    QString first;
    int used = 0;
    for (; used < words.size(); ++used) {
        const QString candidate = first.isEmpty() ? words.at(used) : first + u' ' + words.at(used);
        if (metrics.horizontalAdvance(candidate) > width)
            break;
        first = candidate;
    }
    if (first.isEmpty()) // a single word longer than the line
        return { metrics.elidedText(text, Qt::ElideRight, width) };
    const QString rest = words.mid(used).join(u' ');
    return { first, metrics.elidedText(rest, Qt::ElideRight, width) };
}

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Exchange timeline"));
}

void TimelineView::setSteps(const QList<TimelineStep>& steps)
{
    m_steps = steps;
    if (m_selected >= m_steps.size())
        m_selected = -1;
    relayout();
    updateGeometry();
    update();
}

void TimelineView::setSelectedStep(int index)
{
    const int clamped = index >= 0 && index < m_steps.size() ? index : -1;
    if (clamped == m_selected)
        return;
    m_selected = clamped;
    update();
}

QSize TimelineView::sizeHint() const
{
    const TimelineLayout::Metrics metrics;
    const int count = qMax(1, static_cast<int>(m_steps.size()));
    const qreal width = 2 * metrics.margin + count * 240 + (count - 1) * metrics.gap;
    return QSize(qCeil(width), qCeil(TimelineLayout::preferredHeight(metrics)));
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(200, qCeil(TimelineLayout::preferredHeight()));
}

void TimelineView::relayout()
{
    m_layout = TimelineLayout(static_cast<int>(m_steps.size()), QSizeF(size()));
}

void TimelineView::select(int index)
{
    if (index < 0 || index >= m_steps.size())
        return;
    setSelectedStep(index);
    Q_EMIT stepSelected(index);
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto hit = m_layout.hitTest(event->position()))
            select(*hit);
    }
    QWidget::mousePressEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Left && m_selected > 0) {
        select(m_selected - 1);
        return;
    }
    if (event->key() == Qt::Key_Right && m_selected + 1 < m_steps.size()) {
        select(m_selected + 1);
        return;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto hit = m_layout.hitTest(help->pos());
        if (hit && !m_steps.at(*hit).toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), m_steps.at(*hit).toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Theme& style = theme();

    if (m_steps.isEmpty()) {
        painter.setPen(style.mutedText);
        painter.drawText(rect(), Qt::AlignCenter, tr("No exchange"));
        return;
    }

    const auto& items = m_layout.items();
    for (int i = 0; i < m_layout.arrows().size(); ++i) {
        const StepState next = m_steps.at(i + 1).state;
        const bool faded = next == StepState::NotSent || next == StepState::Refused;
        drawArrow(painter, m_layout.arrows().at(i), faded ? style.border : style.connector,
            faded ? Qt::DashLine : Qt::SolidLine);
    }

    QFont captionFont = font();
    captionFont.setPointSizeF(font().pointSizeF() * 0.8);
    captionFont.setBold(true);
    captionFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    QFont titleFont = font();
    titleFont.setBold(true);
    QFont textFont = font();

    for (int i = 0; i < items.size() && i < m_steps.size(); ++i) {
        const TimelineStep& step = m_steps.at(i);
        const TimelineLayout::Item& item = items.at(i);
        const StepColors colors = colorsFor(step.state);
        const bool selected = i == m_selected;

        painter.setFont(captionFont);
        painter.setPen(style.mutedText);
        painter.drawText(item.caption, Qt::AlignLeft | Qt::AlignVCenter, step.caption);

        const QRectF frame = item.box.adjusted(1, 1, -1, -1);
        painter.setBrush(colors.fill);
        QPen border(colors.border, step.state == StepState::Blocked ? 2.0 : 1.4, colors.penStyle);
        painter.setPen(border);
        painter.drawRoundedRect(frame, 6, 6);
        if (selected) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(style.selection, 2.5));
            painter.drawRoundedRect(item.box.adjusted(-2, -2, 2, 2), 8, 8);
        }

        const QColor textColor = step.state == StepState::NotSent ? style.mutedText : style.text;
        const QFontMetricsF titleMetrics(titleFont);
        const qreal glyphWidth = titleMetrics.horizontalAdvance(colors.glyph) + 6;
        QRectF titleRect = item.title;
        titleRect.setRight(titleRect.right() - glyphWidth);
        painter.setFont(titleFont);
        painter.setPen(colors.accent);
        painter.drawText(item.title, Qt::AlignRight | Qt::AlignVCenter, colors.glyph);
        painter.setPen(textColor);
        painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
            titleMetrics.elidedText(step.title, Qt::ElideMiddle, titleRect.width()));

        const QFontMetricsF textMetrics(textFont);
        painter.setFont(textFont);
        QFont resultFont = textFont;
        if (step.state == StepState::NotSent || step.state == StepState::Refused)
            resultFont.setItalic(true);
        painter.setFont(resultFont);
        painter.setPen(textColor);
        painter.drawText(item.result, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(resultFont).elidedText(step.result, Qt::ElideRight, item.result.width()));
        painter.setFont(textFont);
        painter.setPen(step.state == StepState::Passed ? style.pass : colors.accent);
        if (step.state == StepState::Blocked)
            painter.setPen(style.fail);
        const QStringList detailLines = twoLines(step.detail, textMetrics, item.detail.width());
        const qreal lineHeight = item.detail.height() / 2;
        for (int line = 0; line < detailLines.size(); ++line) {
            const QRectF lineRect(
                item.detail.left(), item.detail.top() + line * lineHeight, item.detail.width(), lineHeight);
            painter.drawText(lineRect, Qt::AlignLeft | Qt::AlignVCenter, detailLines.at(line));
        }
    }
}

} // namespace corsbench::ui
