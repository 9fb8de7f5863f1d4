// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Scanner without a network: cancellation before the first request, the "cancelled" marker in
// the report, its JSON and its text, and input errors. The live progress/cancel behaviour
// against a server is in tests/integration/scan_test.cpp.
#include "core/net/scanner.h"

#include <QJsonObject>
#include <QUrl>

#include <gtest/gtest.h>

using namespace corsbench;

TEST(Scanner, CancelledBeforeTheFirstProbeSendsNothing)
{
    net::ScanOptions o;
    o.allowOrigins = { QStringLiteral("https://app.example.com") };
    int polls = 0;
    o.cancelRequested = [&polls] {
        ++polls;
        return true;
    };
    int progressCalls = 0;
    o.progress = [&progressCalls](const net::ScanProgress&) { ++progressCalls; };
    // Port 9 (discard) on loopback: nothing may be sent, so nothing connects.
    auto report = net::Scanner(o).scan(QUrl(QStringLiteral("http://127.0.0.1:9/api")));
    ASSERT_TRUE(report.has_value()) << report.error().message.toStdString();
    EXPECT_TRUE(report->cancelled);
    EXPECT_GE(polls, 1);
    EXPECT_EQ(progressCalls, 0);
    EXPECT_EQ(report->requestsSent, 0);
    EXPECT_TRUE(report->probes.isEmpty());
    EXPECT_FALSE(report->unreachable);
    EXPECT_FALSE(report->pass()); // nothing was shown to be refused
    ASSERT_FALSE(report->notes.isEmpty());
    EXPECT_TRUE(report->notes.last().contains(QLatin1String("cancelled")));

    EXPECT_TRUE(net::scanReportToJson(report.value()).value(QStringLiteral("cancelled")).toBool());
    EXPECT_TRUE(net::scanReportToText(report.value()).contains(QLatin1String("INCOMPLETE")));
}

TEST(Scanner, UncancelledReportJsonHasNoCancelledMember)
{
    net::ScanReport report;
    report.url = QUrl(QStringLiteral("http://127.0.0.1:1/"));
    EXPECT_TRUE(report.pass());
    EXPECT_FALSE(net::scanReportToJson(report).contains(QStringLiteral("cancelled")));
    report.cancelled = true;
    EXPECT_FALSE(report.pass());
}

TEST(Scanner, BadInputIsAnErrorEvenWithCallbacks)
{
    net::ScanOptions o;
    bool polled = false;
    o.cancelRequested = [&polled] {
        polled = true;
        return false;
    };
    EXPECT_FALSE(net::Scanner(o).scan(QUrl(QStringLiteral("ftp://example.com/"))));
    o.allowOrigins = { QStringLiteral("not an origin") };
    EXPECT_FALSE(net::Scanner(o).scan(QUrl(QStringLiteral("http://127.0.0.1:9/"))));
    EXPECT_FALSE(polled);
}
