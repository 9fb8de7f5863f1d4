// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Live agreement with real Chromium: for each recorded case of the shared corpus, start the same
// server configuration (FastAPI + CORSMiddleware, aiohttp + aiohttp_cors, Flask + flask-cors or
// the raw scripted server) from Debian's Python packages on a free loopback port, probe it as
// the recorded page would, and require the verdict, the Chromium CorsError and its
// failedParameter that Chromium 156 reported. A missing framework fails with the package to
// install; it is never skipped.
#include "python_server.h"

#include "core/http/origin.h"
#include "core/io/exchange_json.h"
#include "core/net/probe_report.h"
#include "core/net/prober.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace corsbench;

namespace {

// The shared corpus copy every suite uses (tests/data/corpus).
QString casesDir() { return QStringLiteral(CORSBENCH_INTEGRATION_DIR "/../data/corpus"); }

QStringList caseIds()
{
    QStringList ids;
    const QStringList files = QDir(casesDir()).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        if (f != QLatin1String("README.json"))
            ids << f.chopped(5);
    }
    return ids;
}

// What fetch() body the recorded page sent for each body kind (Content-Length 7 in the corpus).
QByteArray bodyFor(const http::RequestIntent& intent)
{
    switch (intent.bodyKind) {
    case http::BodyKind::None:
        return {};
    case http::BodyKind::Text:
    case http::BodyKind::Json:
        return "{\"a\":1}";
    case http::BodyKind::UrlSearchParams:
        return "a=1&b=2";
    case http::BodyKind::FormData:
        return "------WebKitFormBoundaryCorsbench0000\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
               "------WebKitFormBoundaryCorsbench0000--\r\n";
    case http::BodyKind::Blob:
        return "{\"a\":1}";
    }
    return {};
}

QUrl withPort(QUrl url, quint16 port)
{
    url.setPort(port);
    return url;
}

// std::string parameters so test names and ctest listings read as the case ids.
class CorpusLive : public ::testing::TestWithParam<std::string> { };

std::vector<std::string> caseIdParams()
{
    std::vector<std::string> out;
    for (const QString& id : caseIds())
        out.push_back(id.toStdString());
    return out;
}

} // namespace

TEST_P(CorpusLive, MatchesChromium)
{
    const QString id = QString::fromStdString(GetParam());
    QFile f(casesDir() + QLatin1Char('/') + id + QStringLiteral(".json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
    const QByteArray bytes = f.readAll();
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonObject config = root.value(QStringLiteral("server")).toObject().value(QStringLiteral("config")).toObject();
    ASSERT_FALSE(config.isEmpty()) << "case has no server.config";
    auto parsed = io::parseCase(bytes);
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message.toStdString();
    const io::CaseFile& cf = parsed.value();
    ASSERT_TRUE(cf.expect.has_value());
    const io::CaseExpectation& expect = *cf.expect;

    itest::PythonServer server;
    const QString startError = server.start(QJsonDocument(config).toJson(QJsonDocument::Compact));
    ASSERT_TRUE(startError.isEmpty()) << "[" << config.value(QStringLiteral("framework")).toString().toStdString()
                                      << "] " << startError.toStdString();

    const http::Exchange& recorded = cf.exchange;
    http::RequestIntent intent = recorded.request;
    const QUrl recordedUrl = intent.url;
    intent.url = withPort(recordedUrl, server.port());
    intent.body = bodyFor(intent);

    // A page that was same-origin with the recorded API moves with it to the new port.
    QString pageOrigin = recorded.pageOrigin;
    QString pageUrl = recorded.pageUrl;
    auto po = http::Origin::parse(pageOrigin);
    if (po && po->isSameOrigin(http::Origin::fromUrl(recordedUrl))) {
        pageOrigin = http::Origin::fromUrl(intent.url).serialize();
        pageUrl = withPort(QUrl(pageUrl), server.port()).toString();
    }

    net::ProbeOptions options;
    options.pageUrl = pageUrl;
    options.transport.totalTimeoutMs = 20000;
    for (const http::Hop& hop : recorded.actual) {
        if (hop.request && hop.request->headers.contains("cookie"))
            options.cookie = hop.request->headers.value("cookie").value_or(QByteArray());
    }
    auto result = net::Prober(options).probe(pageOrigin, intent);
    ASSERT_TRUE(result.has_value()) << result.error().message.toStdString();
    const net::ProbeResult& r = result.value();
    ASSERT_FALSE(r.networkFailure) << r.networkError.toStdString();

    const QString got = r.verdict.error ? r.verdict.error->kind : QString();
    const QString gotParam = r.verdict.error ? r.verdict.error->failedParameter : QString();
    SCOPED_TRACE(QStringLiteral("case %1: %2").arg(id, cf.title).toStdString());
    EXPECT_EQ(r.verdict.allowed, expect.allowed) << "error kind: " << got.toStdString() << "\n"
                                                 << net::probeResultToText(r).toStdString();
    EXPECT_EQ(got, expect.corsError);
    EXPECT_EQ(gotParam, expect.failedParameter);
    EXPECT_EQ(r.exchange.preflight.has_value(), expect.preflightSent);
    // Same number of hops as Chromium followed.
    EXPECT_EQ(r.exchange.actual.size(), recorded.actual.size());

    // The request heads carry the same header lines in Chromium's order.
    auto names = [](const std::optional<http::HttpRequestHead>& head) {
        QStringList out;
        if (head) {
            for (const http::Header& h : head->headers)
                out << QString::fromLatin1(h.name);
        }
        return out.join(QLatin1Char(','));
    };
    if (recorded.preflight && recorded.preflight->request && r.exchange.preflight) {
        EXPECT_EQ(names(r.exchange.preflight->request), names(recorded.preflight->request)) << "preflight head";
    }
    if (!recorded.actual.isEmpty() && recorded.actual.first().request && !r.exchange.actual.isEmpty()) {
        EXPECT_EQ(names(r.exchange.actual.first().request), names(recorded.actual.first().request)) << "actual head";
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusLive, ::testing::ValuesIn(caseIdParams()),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                             std::string name = p.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// The named configurations, each pinned to its corpus case, so a failure names the
// configuration directly (the parameterised suite above covers every case).
TEST(FrameworkConfigs, CasesForEveryNamedConfigurationArePresent)
{
    const QStringList ids = caseIds();
    for (const char* id : { "fa-get-disallowed-origin", "ah-get-allowed", "fl-default-xtoken-put",
                            "fa-wildcard-creds-put-include-nocookie", "fl-supports-credentials-wildcard-include",
                            "fa-put-default-methods", "fa-allow-headers-explicit-xtoken", "fl-exception-500",
                            "fa-trailing-slash-redirect-get", "fl-trailing-slash-redirect-put", "ah-trailing-slash-get",
                            "ah-route-not-registered-put" })
        EXPECT_TRUE(ids.contains(QString::fromLatin1(id))) << id;
}
