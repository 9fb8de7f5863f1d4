// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "tests/ui/test_samples.h"
#include "ui/presenters/exchange_presenter.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

TEST(ExchangePresenter, EmitsVerdictForValidCase)
{
    ExchangePresenter presenter;
    QSignalSpy verdicts(&presenter, &ExchangePresenter::verdictChanged);
    QSignalSpy failures(&presenter, &ExchangePresenter::parseFailed);
    presenter.setSourceText(QString::fromUtf8(test::sampleJson(QStringLiteral("fa-put-default-methods.json"))));
    ASSERT_EQ(verdicts.count(), 1);
    EXPECT_EQ(failures.count(), 0);
    EXPECT_TRUE(presenter.hasResult());
    EXPECT_FALSE(presenter.verdict().allowed);
    const auto verdict = verdicts.at(0).at(1).value<cors::Verdict>();
    EXPECT_EQ(verdict.checks.size(), presenter.verdict().checks.size());
    EXPECT_EQ(verdicts.at(0).at(0).value<http::Exchange>(), presenter.exchange());
}

TEST(ExchangePresenter, ReportsSyntaxErrorsWithPosition)
{
    ExchangePresenter presenter;
    QSignalSpy verdicts(&presenter, &ExchangePresenter::verdictChanged);
    QSignalSpy failures(&presenter, &ExchangePresenter::parseFailed);
    presenter.setSourceText(QStringLiteral("{\n  \"request\": {\n    \"method\": PUT\n  }\n}"));
    EXPECT_EQ(verdicts.count(), 0);
    ASSERT_EQ(failures.count(), 1);
    EXPECT_FALSE(failures.at(0).at(0).toString().isEmpty());
    EXPECT_EQ(failures.at(0).at(1).toInt(), 2); // 0-based line of `PUT`
    EXPECT_FALSE(presenter.hasResult());
}

TEST(ExchangePresenter, ReportsGarbageAndInvalidExchanges)
{
    ExchangePresenter presenter;
    QSignalSpy failures(&presenter, &ExchangePresenter::parseFailed);
    presenter.setSourceText(QStringLiteral("this is not json"));
    presenter.setSourceText(QStringLiteral("   "));
    presenter.setSourceText(QStringLiteral("{\"page_origin\": 5}"));
    EXPECT_EQ(failures.count(), 3);
    for (const QList<QVariant>& failure : failures)
        EXPECT_FALSE(failure.at(0).toString().isEmpty());
}

TEST(ExchangePresenter, KeepsLastGoodResultAfterAnError)
{
    ExchangePresenter presenter;
    presenter.setSourceText(QString::fromUtf8(test::sampleJson(QStringLiteral("fa-explicit-creds-include.json"))));
    ASSERT_TRUE(presenter.hasResult());
    EXPECT_TRUE(presenter.verdict().allowed);
    presenter.setSourceText(QStringLiteral("{"));
    EXPECT_TRUE(presenter.hasResult());
    EXPECT_TRUE(presenter.verdict().allowed);
}
