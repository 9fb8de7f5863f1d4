// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The golden corpus: every case in tests/data/corpus/ (recorded from real Chromium 156,
// Firefox 153.7esr and WebKitGTK 2.50.6 against real servers) must come out of the engine the
// way the browsers decided. A regression is a new case file, not new code.
#include "core/cors/cors_engine.h"
#include "core/io/exchange_json.h"

#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace corsbench {
namespace {

QString corpusDir()
{
    return QDir(test::testDataDir()).filePath(QStringLiteral("corpus"));
}

/// The shared corpus plus the project's own oracle recordings (tests/data/oracle/lead-*.json),
/// as paths relative to the test data folder.
std::vector<std::string> corpusFiles()
{
    std::vector<std::string> out;
    const QStringList names = QDir(corpusDir()).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString& n : names)
        out.push_back((QStringLiteral("corpus/") + n).toStdString());
    const QDir oracle(QDir(test::testDataDir()).filePath(QStringLiteral("oracle")));
    for (const QString& n : oracle.entryList({ QStringLiteral("lead-*.json") }, QDir::Files, QDir::Name))
        out.push_back((QStringLiteral("oracle/") + n).toStdString());
    return out;
}

std::string testName(const ::testing::TestParamInfo<std::string>& info)
{
    std::string n = info.param;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0)
        n.resize(n.size() - 5);
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return n;
}

/// The exchange lacks the final response a browser would need to decide (nothing recorded
/// after the request, or a redirect whose next hop is missing).
bool lacksFinalResponse(const http::Exchange& ex)
{
    return ex.actual.isEmpty() || ex.actual.last().response.isRedirect();
}

class CorpusTest : public ::testing::TestWithParam<std::string> { };

TEST_P(CorpusTest, EngineAgreesWithRecordedBrowsers)
{
    const QString file = QString::fromStdString(GetParam());
    QFile f(QDir(test::testDataDir()).filePath(file));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file.toStdString();
    const auto parsed = io::parseCase(f.readAll());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message.toStdString();
    const io::CaseFile& cf = parsed.value();
    ASSERT_TRUE(cf.expect.has_value()) << "a corpus case without expect";
    const io::CaseExpectation& x = *cf.expect;
    EXPECT_EQ(cf.id + QStringLiteral(".json"), QFileInfo(file).fileName());

    const cors::Verdict v = cors::CorsEngine().evaluate(cf.exchange);
    const std::string trace = "case " + cf.id.toStdString() + ": " + cf.title.toStdString() + "\n" + test::describe(v).toStdString();

    // --- Chromium: the `expect` block --------------------------------------------------------
    EXPECT_EQ(v.allowed, x.allowed) << trace;
    EXPECT_EQ(v.preflight.required, x.preflightSent) << trace;
    if (x.allowed) {
        EXPECT_FALSE(v.error.has_value()) << trace;
        EXPECT_EQ(v.chromium.allowed, std::optional<bool>(true)) << trace;
    } else {
        ASSERT_TRUE(v.error.has_value()) << trace;
        EXPECT_EQ(v.error->kind, x.corsError) << trace;
        EXPECT_EQ(v.error->failedParameter, x.failedParameter) << trace;
        EXPECT_EQ(v.error->chromeMessage, x.console) << trace;
        EXPECT_EQ(v.chromium.allowed, std::optional<bool>(false)) << trace;
        // Exactly one check carries the reported failure.
        EXPECT_EQ(test::reportedIds(v).size(), 1) << trace;
    }

    // --- Firefox: `expect_firefox` ------------------------------------------------------------
    ASSERT_TRUE(x.hasFirefox) << "every corpus case carries expect_firefox";
    if (!v.firefox.allowed.has_value()) {
        // The engine may only say "unknown" when the exchange lacks the response Firefox needed
        // (e.g. a data: page: Chromium never sent the request, Firefox did).
        EXPECT_TRUE(lacksFinalResponse(cf.exchange)) << "Firefox unknown although the exchange is complete\n" << trace;
    } else {
        EXPECT_EQ(*v.firefox.allowed, x.firefoxAllowed) << trace;
        if (!x.firefoxAllowed) {
            EXPECT_EQ(v.firefox.errorKind, x.firefoxReasonKey) << trace;
            EXPECT_EQ(v.firefox.console.value(0), x.firefoxConsole) << trace;
        }
    }

    // --- WebKit: `expect_webkit` --------------------------------------------------------------
    ASSERT_TRUE(x.hasWebkit) << "every corpus case carries expect_webkit";
    if (!v.webkit.allowed.has_value()) {
        EXPECT_TRUE(lacksFinalResponse(cf.exchange)) << "WebKit unknown although the exchange is complete\n" << trace;
    } else {
        EXPECT_EQ(*v.webkit.allowed, x.webkitAllowed) << trace;
        if (!x.webkitAllowed) {
            EXPECT_EQ(v.webkit.console, x.webkitConsole) << trace;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(corpusFiles()), testName);

TEST(CorpusInventoryTest, CorpusIsPresent)
{
    // The project copy of ../shared/corpus: 100 recorded cases and their README.
    EXPECT_GE(corpusFiles().size(), 100u);
    EXPECT_TRUE(QFileInfo::exists(QDir(corpusDir()).filePath(QStringLiteral("README.md"))));
}

} // namespace
} // namespace corsbench
