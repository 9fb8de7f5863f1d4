// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/models/checks_model.h"

#include "tests/ui/test_samples.h"
#include "ui/style/theme.h"

#include <QAbstractItemModelTester>
#include <QFont>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

TEST(ChecksModel, PassesModelTesterAcrossResets)
{
    ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto blocked = test::evaluateSample(QStringLiteral("fa-put-default-methods.json"));
    model.setChecks(blocked.verdict.checks, blocked.exchange.preflight.has_value());
    EXPECT_EQ(model.rowCount(), blocked.verdict.checks.size());
    EXPECT_EQ(model.columnCount(), ChecksModel::ColumnCount);
    const auto allowed = test::evaluateSample(QStringLiteral("fa-explicit-creds-include.json"));
    model.setChecks(allowed.verdict.checks, allowed.exchange.preflight.has_value());
    EXPECT_EQ(model.rowCount(), allowed.verdict.checks.size());
    model.setChecks({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ChecksModel, ShowsStatusTextColourAndBoldReportedFailure)
{
    const auto blocked = test::evaluateSample(QStringLiteral("fa-put-default-methods.json"));
    ASSERT_FALSE(blocked.verdict.allowed);
    ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChecks(blocked.verdict.checks, true);

    const QStringList labels { QStringLiteral("PASS"), QStringLiteral("FAIL"), QStringLiteral("WARN"),
        QStringLiteral("INFO"), QStringLiteral("SKIP") };
    bool sawReported = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const cors::Check& check = blocked.verdict.checks.at(row);
        const QModelIndex status = model.index(row, ChecksModel::StatusColumn);
        EXPECT_TRUE(labels.contains(status.data().toString()));
        EXPECT_EQ(status.data(Qt::ForegroundRole).value<QColor>(), theme().foreground(check.status));
        EXPECT_FALSE(status.data(Qt::DecorationRole).value<QIcon>().isNull());
        EXPECT_EQ(model.index(row, ChecksModel::CheckColumn).data(ChecksModel::CheckIdRole).toString(), check.id);
        if (check.reported) {
            sawReported = true;
            EXPECT_EQ(status.data().toString(), QStringLiteral("FAIL"));
            EXPECT_TRUE(model.index(row, ChecksModel::ExplanationColumn).data(Qt::FontRole).value<QFont>().bold());
        }
    }
    EXPECT_TRUE(sawReported);
    EXPECT_EQ(
        model.headerData(ChecksModel::ExplanationColumn, Qt::Horizontal).toString(), QStringLiteral("Explanation"));
}

TEST(ChecksModel, MapsChecksToTimelineSteps)
{
    cors::Check preflight;
    preflight.stage = cors::Stage::Preflight;
    cors::Check hop1;
    hop1.stage = cors::Stage::Actual;
    hop1.hop = 1;
    ChecksModel model;
    model.setChecks({ preflight, hop1 }, true);
    EXPECT_EQ(model.index(0, 0).data(ChecksModel::StepRole).toInt(), 0);
    EXPECT_EQ(model.index(1, 0).data(ChecksModel::StepRole).toInt(), 2);
    EXPECT_EQ(model.keyRowOfStep(2), 1);
    EXPECT_EQ(model.keyRowOfStep(1), -1);
    model.setChecks({ hop1 }, false);
    EXPECT_EQ(model.index(0, 0).data(ChecksModel::StepRole).toInt(), 1);
}
