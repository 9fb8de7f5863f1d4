// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "tests/ui/test_samples.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_steps.h"
#include "ui/timeline/timeline_view.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

TEST(TimelineLayout, LanesAreOrderedLeftToRightWithoutOverlap)
{
    const TimelineLayout layout(4, QSizeF(1000, 140));
    ASSERT_EQ(layout.items().size(), 4);
    ASSERT_EQ(layout.arrows().size(), 3);
    for (int i = 0; i < 4; ++i) {
        const TimelineLayout::Item& item = layout.items().at(i);
        EXPECT_GT(item.box.width(), 0);
        EXPECT_TRUE(item.box.contains(item.title));
        EXPECT_TRUE(item.box.contains(item.result));
        EXPECT_TRUE(item.box.contains(item.detail));
        EXPECT_LE(item.caption.bottom(), item.box.top());
        EXPECT_LE(item.box.right(), 1000);
        if (i > 0) {
            const QRectF& previous = layout.items().at(i - 1).box;
            EXPECT_LT(previous.right(), item.box.left());
            EXPECT_FALSE(previous.intersects(item.box));
            EXPECT_DOUBLE_EQ(previous.width(), item.box.width()); // equal lanes
            const QLineF& arrow = layout.arrows().at(i - 1);
            EXPECT_GE(arrow.x1(), previous.right());
            EXPECT_LE(arrow.x2(), item.box.left());
            EXPECT_LT(arrow.x1(), arrow.x2());
        }
    }
    EXPECT_LE(layout.contentSize().width(), 1000);
}

TEST(TimelineLayout, HitTestFindsBoxesAndMissesGaps)
{
    const TimelineLayout layout(3, QSizeF(900, 140));
    for (int i = 0; i < 3; ++i) {
        const auto hit = layout.hitTest(layout.items().at(i).box.center());
        ASSERT_TRUE(hit.has_value());
        EXPECT_EQ(*hit, i);
        EXPECT_EQ(layout.hitTest(layout.items().at(i).caption.center()), i);
    }
    EXPECT_FALSE(layout.hitTest(layout.arrows().at(0).center()).has_value());
    EXPECT_FALSE(layout.hitTest(QPointF(-5, -5)).has_value());
    EXPECT_FALSE(TimelineLayout().hitTest(QPointF(10, 10)).has_value());
}

TEST(TimelineLayout, NarrowViewportKeepsMinimumWidth)
{
    TimelineLayout::Metrics metrics;
    const TimelineLayout layout(5, QSizeF(300, 140), metrics);
    EXPECT_DOUBLE_EQ(layout.items().first().box.width(), metrics.minBoxWidth);
    EXPECT_GT(layout.contentSize().width(), 300);
    const TimelineLayout wide(2, QSizeF(5000, 140), metrics);
    EXPECT_DOUBLE_EQ(wide.items().first().box.width(), metrics.maxBoxWidth);
}

TEST(TimelineSteps, PreflightFailureLeavesActualRequestUnsent)
{
    const auto blocked = test::evaluateSample(QStringLiteral("fa-put-default-methods.json"));
    const QList<TimelineStep> steps = buildTimelineSteps(blocked.exchange, blocked.verdict);
    ASSERT_EQ(steps.size(), 3);
    EXPECT_EQ(steps[0].kind, StepKind::Preflight);
    EXPECT_EQ(steps[0].state, StepState::Blocked);
    EXPECT_TRUE(steps[0].title.startsWith(QStringLiteral("OPTIONS /api/data")));
    EXPECT_TRUE(steps[0].result.contains(QStringLiteral("400")));
    EXPECT_TRUE(steps[0].detail.startsWith(QStringLiteral("failed")));
    EXPECT_EQ(steps[1].state, StepState::NotSent);
    EXPECT_EQ(steps[1].title, QStringLiteral("PUT /api/data"));
    EXPECT_EQ(steps[2].kind, StepKind::Outcome);
    EXPECT_EQ(steps[2].state, StepState::Blocked);
}

TEST(TimelineSteps, RedirectHopsFollowThePreflight)
{
    const auto allowed = test::evaluateSample(QStringLiteral("fa-trailing-slash-redirect-json-post.json"));
    const QList<TimelineStep> steps = buildTimelineSteps(allowed.exchange, allowed.verdict);
    ASSERT_EQ(steps.size(), 4);
    EXPECT_EQ(steps[0].kind, StepKind::Preflight);
    EXPECT_EQ(steps[1].kind, StepKind::Request);
    EXPECT_TRUE(steps[1].result.contains(QStringLiteral("307")));
    EXPECT_EQ(steps[2].kind, StepKind::Redirect);
    EXPECT_EQ(steps[3].kind, StepKind::Outcome);
    for (const TimelineStep& step : steps)
        EXPECT_EQ(step.state, StepState::Passed) << step.title.toStdString();
}

TEST(TimelineView, ClickSelectsStep)
{
    const auto blocked = test::evaluateSample(QStringLiteral("fa-put-default-methods.json"));
    TimelineView view;
    view.resize(900, static_cast<int>(TimelineLayout::preferredHeight()));
    view.setSteps(buildTimelineSteps(blocked.exchange, blocked.verdict));
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &TimelineView::stepSelected);
    const QPointF center = view.timelineLayout().items().at(1).box.center();
    QTest::mouseClick(&view, Qt::LeftButton, {}, center.toPoint());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toInt(), 1);
    EXPECT_EQ(view.selectedStep(), 1);
    QTest::keyClick(&view, Qt::Key_Right);
    EXPECT_EQ(view.selectedStep(), 2);
    // Painting must not crash and must draw something.
    const QImage image = view.grab().toImage();
    EXPECT_FALSE(image.isNull());
}

TEST(TimelineSteps, BlockedRedirectIsNotFollowed)
{
    const auto blocked = test::evaluateSample(QStringLiteral("raw-redirect-no-cors-on-redirect.json"));
    const QList<TimelineStep> steps = buildTimelineSteps(blocked.exchange, blocked.verdict);
    ASSERT_EQ(steps.size(), 3);
    EXPECT_EQ(steps[0].state, StepState::Blocked);
    EXPECT_EQ(steps[1].kind, StepKind::Redirect);
    EXPECT_EQ(steps[1].state, StepState::NotSent);
    EXPECT_EQ(steps[1].title, QStringLiteral("GET /api/data"));
    EXPECT_EQ(steps[2].kind, StepKind::Outcome);
}

TEST(TimelineSteps, RequestRefusedBeforeSending)
{
    test::Evaluated refused;
    http::Exchange& exchange = refused.exchange;
    exchange.pageOrigin = QStringLiteral("null");
    exchange.pageUrl = QStringLiteral("data:text/html,x");
    exchange.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/data"));
    refused.verdict = cors::CorsEngine().evaluate(exchange);
    const QList<TimelineStep> steps = buildTimelineSteps(refused.exchange, refused.verdict);
    ASSERT_EQ(steps.size(), 2);
    EXPECT_EQ(steps[0].title, QStringLiteral("GET /api/data"));
    EXPECT_NE(steps[0].state, StepState::Passed);
    EXPECT_EQ(steps[1].kind, StepKind::Outcome);
}
