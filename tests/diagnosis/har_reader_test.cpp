// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cors/cors_engine.h"
#include "core/ingest/har_reader.h"
#include "core/ingest/ingest.h"

#include "diagnosis_test_support.h"

using namespace corsbench;
using namespace corsbench::ingest;
using corsbench::testing::ingestDataPath;
using corsbench::testing::readIngestData;

namespace {

QList<http::Exchange> readAll(QByteArrayView json, HarStats* stats = nullptr, Error* error = nullptr)
{
    QList<http::Exchange> out;
    auto r = HarReader::parse(json, [&](http::Exchange&& e, const HarSource&) { out.append(std::move(e)); });
    if (r && stats)
        *stats = r.value();
    if (!r && error)
        *error = r.error();
    return out;
}

} // namespace

TEST(Har, ChromeExportPairsThePreflight)
{
    HarStats stats;
    const auto ex = readAll(readIngestData("chrome_export.har"), &stats);
    EXPECT_EQ(stats.entries, 4);
    EXPECT_EQ(stats.corsEntries, 3);
    EXPECT_EQ(stats.preflights, 1);
    EXPECT_EQ(stats.paired, 1);
    EXPECT_EQ(stats.creator, u"WebInspector 537.36");
    ASSERT_EQ(ex.size(), 2);
    EXPECT_EQ(ex.at(0).request.method, "GET");
    EXPECT_TRUE(cors::CorsEngine().evaluate(ex.at(0)).allowed);
    const http::Exchange& put = ex.at(1);
    EXPECT_EQ(put.pageOrigin, u"http://localhost:5173");
    EXPECT_EQ(put.request.method, "PUT");
    ASSERT_TRUE(put.preflight);
    EXPECT_EQ(put.preflight->response.status, 400);
    EXPECT_TRUE(put.actual.isEmpty()); // the actual request never went out
    EXPECT_TRUE(put.request.headers.contains("content-type"));
    const auto v = cors::CorsEngine().evaluate(put);
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error);
    EXPECT_EQ(v.error->kind, u"PreflightInvalidStatus");
}

TEST(Har, FirefoxExport)
{
    HarStats stats;
    const auto ex = readAll(readIngestData("firefox_export.har"), &stats);
    EXPECT_EQ(stats.creator, u"Firefox 128.0");
    ASSERT_EQ(ex.size(), 2);
    EXPECT_EQ(ex.at(0).request.credentials, http::CredentialsMode::Include); // a Cookie was sent
    const auto v0 = cors::CorsEngine().evaluate(ex.at(0));
    ASSERT_TRUE(v0.error);
    EXPECT_EQ(v0.error->kind, u"WildcardOriginNotAllowed");
    ASSERT_TRUE(ex.at(1).preflight);
    ASSERT_EQ(ex.at(1).actual.size(), 1);
    EXPECT_EQ(ex.at(1).actual.first().response.status, 500);
}

TEST(Har, FileApiMatchesBufferApi)
{
    int n = 0;
    auto r = HarReader::parseFile(ingestDataPath("chrome_export.har"), [&](http::Exchange&&, const HarSource&) { ++n; });
    ASSERT_TRUE(r);
    EXPECT_EQ(n, 2);
    auto missing = HarReader::parseFile(QStringLiteral("/nonexistent/x.har"), [](http::Exchange&&, const HarSource&) {});
    EXPECT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::IoError);
}

TEST(Har, MalformedAndHostileInputsAreErrors)
{
    const QByteArray good = readIngestData("chrome_export.har");
    for (int cut : { 10, 100, 1000, 3000, int(good.size()) - 3 }) {
        Error e;
        readAll(good.left(cut), nullptr, &e);
        EXPECT_FALSE(e.message.isEmpty()) << "cut at " << cut;
    }
    Error e;
    readAll("{\"log\": {\"version\": \"1.2\"}}", nullptr, &e);
    EXPECT_TRUE(e.message.contains(u"not a HAR")) << e.message.toStdString();
    e = {};
    readAll("{\"log\": {\"entries\": {\"a\": 1}}}", nullptr, &e);
    EXPECT_FALSE(e.message.isEmpty());
    e = {};
    readAll("{\"log\": {\"entries\": [{\"request\": {\"headers\": [{\"name\": 5}]}}]}}", nullptr, &e);
    EXPECT_FALSE(e.message.isEmpty());
    // Deep nesting inside an ignored member is skipped or refused, never a crash.
    QByteArray deep = "{\"log\": {\"entries\": [], \"x\": " + QByteArray(5000, '[') + QByteArray(5000, ']') + "}}";
    readAll(deep);
    // A preflight-only HAR keeps bounded state and still reports every preflight.
    QByteArray many = "{\"log\":{\"entries\":[";
    for (int i = 0; i < 6000; ++i) {
        if (i)
            many += ',';
        many += "{\"request\":{\"method\":\"OPTIONS\",\"url\":\"http://a.example/" + QByteArray::number(i)
            + "\",\"headers\":[{\"name\":\"Origin\",\"value\":\"http://o.example\"},{\"name\":\"Access-Control-Request-Method\",\"value\":\"PUT\"}]},"
              "\"response\":{\"status\":405,\"headers\":[]}}";
    }
    many += "]}}";
    HarStats stats;
    const auto ex = readAll(many, &stats);
    EXPECT_EQ(ex.size(), 6000);
    EXPECT_EQ(stats.unpairedPreflights, 6000);
}

TEST(Har, IngestDetectsHarAndKeepsFailingExchanges)
{
    auto r = ingestText(readIngestData("chrome_export.har"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 1);
    const Evidence& e = r->evidence.first();
    EXPECT_EQ(e.kind, EvidenceKind::Har);
    EXPECT_EQ(e.summary.value(QStringLiteral("paired_preflights")).toInt(), 1);
    ASSERT_EQ(e.exchanges.size(), 2);
    EXPECT_EQ(e.exchanges.first().request.method, "PUT"); // failing first
}
