// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// End to end: a pasted message (or file) → the top cause (and a verified fix where the framework
// models apply).
#include "core/diagnosis/diagnosis.h"
#include "core/diagnosis/rule.h"
#include "core/ingest/ingest.h"

#include "diagnosis_test_support.h"

#include <QJsonArray>

using namespace corsbench;
using corsbench::testing::readIngestData;

namespace {

struct Case {
    const char* name;
    QByteArray input;
    const char* framework;
    const char* topCause;
    bool expectVerifiedFix;
};

diagnosis::Diagnosis run(const QByteArray& input, const char* framework = "auto")
{
    auto r = ingest::ingestText(input);
    EXPECT_TRUE(r) << (r ? std::string() : r.error().message.toStdString());
    diagnosis::DiagnoseOptions o;
    o.framework = QLatin1String(framework);
    return diagnosis::diagnose(r ? r.value() : ingest::IngestResult {}, o);
}

const QByteArray kChrome = "Access to fetch at 'http://127.0.0.1:8000/api/items/7' from origin 'http://localhost:5173' has been blocked by CORS policy: ";

std::vector<Case> cases()
{
    return {
        { "starlette-500", readIngestData("starlette_500_traceback.txt"), "auto", "error-response-without-cors", true },
        { "made-up-cors-error", readIngestData("made_up_cors_error.txt"), "auto", "origin-not-allowed", true },
        { "aiohttp-logs", readIngestData("aiohttp_logs.txt"), "auto", "origin-not-allowed", true },
        { "method-put", kChrome + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.", "fastapi", "methods-default", true },
        { "method-put-aiohttp", kChrome + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.", "aiohttp", "methods-default", true },
        { "wildcard-credentials", kChrome + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.", "fastapi", "credentials-with-wildcard", true },
        { "credentials-missing", kChrome + "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.", "fastapi", "credentials-mode-mismatch", true },
        { "header-x-api-key", kChrome + "Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.", "fastapi", "header-not-allowed", true },
        { "authorization", kChrome + "Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.", "aiohttp", "authorization-not-allowed", true },
        { "preflight-redirect", kChrome + "Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.", "auto", "preflight-redirect-trailing-slash", false },
        { "duplicate-acao", kChrome + "The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:5173, *', but only one is allowed.", "auto", "duplicate-acao", false },
        { "trailing-slash", kChrome + "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173/' that is not equal to the supplied origin.", "fastapi", "origin-not-allowed", true },
        { "lna", "Access to fetch at 'http://localhost:8080/x' from origin 'https://site.example' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space.", "auto", "private-network-access", false },
        { "pna-insecure", "Access to fetch at 'http://127.0.0.1:33531/api/data' from origin 'null' has been blocked by CORS policy: The request client is not a secure context and the resource is in more-private address space `loopback`.", "auto", "private-network-access", false },
        { "refused", "GET http://localhost:8000/api/items net::ERR_CONNECTION_REFUSED\nTypeError: Failed to fetch", "auto", "network-failure", false },
        { "tls", "GET https://api.local/x net::ERR_CERT_AUTHORITY_INVALID", "auto", "network-failure", false },
        { "firefox-did-not-succeed", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: CORS request did not succeed). Status code: (null).", "auto", "network-failure", false },
        { "mixed-content", "Mixed Content: The page at 'https://app.example/' was loaded over HTTPS, but requested an insecure resource 'http://api.example/items/'. This request has been blocked; the content must be served over HTTPS.", "auto", "mixed-content", false },
        { "lowercase-patch", kChrome + "Method patch is not allowed by Access-Control-Allow-Methods in preflight response.", "auto", "method-lowercase", false },
        { "aiohttp-405", "INFO:aiohttp.access:127.0.0.1 [24/Nov/2026:10:15:02 +0000] \"OPTIONS /api/data HTTP/1.1\" 405 204 \"-\" \"Mozilla/5.0\"\n" + kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.", "aiohttp", "aiohttp-route-not-added", true },
        { "fastapi-options-405", "INFO:     127.0.0.1:1 - \"OPTIONS /api/items/7 HTTP/1.1\" 405 Method Not Allowed\n" + kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.", "fastapi", "middleware-missing", true },
        { "auth-before-cors", "INFO:     127.0.0.1:1 - \"OPTIONS /api/items/7 HTTP/1.1\" 401 Unauthorized\n" + kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.", "fastapi", "preflight-rejected-by-auth", false },
        { "starlette-400-disallowed-origin", "INFO:     127.0.0.1:1 - \"OPTIONS /api/items/7 HTTP/1.1\" 400 Bad Request\n" + kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.", "fastapi", "origin-not-allowed", true },
        { "chrome-har", readIngestData("chrome_export.har"), "auto", "methods-default", true },
        { "firefox-har", readIngestData("firefox_export.har"), "auto", "credentials-with-wildcard", true },
        { "raw-http", readIngestData("raw_http.txt"), "auto", "methods-default", true },
        { "safari-method", "Method DELETE is not allowed by Access-Control-Allow-Methods.\nFetch API cannot load http://127.0.0.1:8000/api/items/7 due to access control checks.", "fastapi", "methods-default", true },
        { "file-scheme", "Access to fetch at 'file:///C:/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.", "auto", "request-not-corsable", false },
    };
}

} // namespace

TEST(DiagnosisEndToEnd, TopCauseForEachScenario)
{
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const auto d = run(c.input, c.framework);
        ASSERT_FALSE(d.causes.isEmpty()) << c.name;
        EXPECT_EQ(d.causes.first().id, QLatin1String(c.topCause)) << c.name << ": got " << d.causes.first().id.toStdString() << "\n"
                                                                   << diagnosis::toText(d).toStdString();
        EXPECT_TRUE(d.conclusive()) << c.name;
        const auto& top = d.causes.first();
        EXPECT_FALSE(top.evidence.isEmpty()) << c.name;
        EXPECT_FALSE(top.explanation.isEmpty()) << c.name;
        EXPECT_FALSE(top.whatToDo.isEmpty()) << c.name;
        EXPECT_GE(top.confidence, 0.5);
        EXPECT_LE(top.confidence, 1.0);
        for (qsizetype i = 1; i < d.causes.size(); ++i)
            EXPECT_GE(d.causes.at(i - 1).confidence, d.causes.at(i).confidence);
        if (c.expectVerifiedFix) {
            bool verified = false;
            for (const auto& f : top.fixes)
                verified = verified || f.verified;
            EXPECT_TRUE(verified) << c.name << ": no verified fix\n" << diagnosis::toText(d).toStdString();
        }
    }
}

TEST(DiagnosisEndToEnd, EvidenceQuotesTheSourceLines)
{
    const auto d = run(readIngestData("starlette_500_traceback.txt"));
    ASSERT_FALSE(d.causes.isEmpty());
    bool tracebackLine = false;
    for (const auto& q : d.causes.first().evidence)
        tracebackLine = tracebackLine || (q.line == 19 && q.text == u"KeyError: 'widget'");
    EXPECT_TRUE(tracebackLine);
    EXPECT_TRUE(d.causes.first().notCors);
}

TEST(DiagnosisEndToEnd, MadeUpCorsErrorIsNamedAsNonexistent)
{
    const auto d = run(readIngestData("made_up_cors_error.txt"));
    bool found = false;
    for (const auto& c : d.causes) {
        if (c.id == u"nonexistent-exception") {
            found = true;
            EXPECT_TRUE(c.title.contains(u"does not exist"));
        }
    }
    EXPECT_TRUE(found);
}

TEST(DiagnosisEndToEnd, TrailingSlashIsExplained)
{
    const auto d = run(kChrome + "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173/' that is not equal to the supplied origin.");
    ASSERT_FALSE(d.causes.isEmpty());
    EXPECT_TRUE(d.causes.first().explanation.contains(u"trailing slash")) << d.causes.first().explanation.toStdString();
}

TEST(DiagnosisEndToEnd, LocalhostVersus127IsExplained)
{
    const auto d = run("Access to fetch at 'http://127.0.0.1:8000/x' from origin 'http://127.0.0.1:5173' has been blocked by CORS policy: "
                       "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173' that is not equal to the supplied origin.");
    ASSERT_FALSE(d.causes.isEmpty());
    EXPECT_TRUE(d.causes.first().explanation.contains(u"localhost, 127.0.0.1")) << d.causes.first().explanation.toStdString();
}

TEST(DiagnosisEndToEnd, MissingEvidenceIsNamedWhenInconclusive)
{
    const auto d = run("Uncaught (in promise) TypeError: Failed to fetch");
    EXPECT_FALSE(d.conclusive());
    EXPECT_FALSE(d.missingEvidence.isEmpty());
    const auto only = run(kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    ASSERT_FALSE(only.causes.isEmpty());
    EXPECT_FALSE(only.causes.first().missingEvidence.isEmpty());
    EXPECT_TRUE(only.causes.first().probeCommand.startsWith(u"corsbench-cli probe 'http://127.0.0.1:8000/api/items/7' --origin 'http://localhost:5173'"))
        << only.causes.first().probeCommand.toStdString();
}

TEST(DiagnosisEndToEnd, CurlWithoutOriginExplainsWorksInCurl)
{
    const auto d = run("curl https://api.example.com/items\n" + kChrome + "No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    bool found = false;
    for (const auto& c : d.causes)
        found = found || c.id == u"works-in-curl-not-in-browser";
    EXPECT_TRUE(found);
}

TEST(DiagnosisEndToEnd, WorksInPostmanIsExplained)
{
    const auto d = run("It works fine in Postman but the browser says:\n" + kChrome + "No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    bool found = false;
    for (const auto& c : d.causes) {
        if (c.id == u"works-in-curl-not-in-browser") {
            found = true;
            EXPECT_EQ(c.evidence.first().line, 1);
            EXPECT_TRUE(c.explanation.contains(u"browsers only"));
        }
    }
    EXPECT_TRUE(found);
}

TEST(DiagnosisEndToEnd, NeverProposesReflectAnyOriginOrWildcardWithCredentials)
{
    const auto d = run(kChrome + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.", "fastapi");
    for (const auto& c : d.causes) {
        for (const auto& f : c.fixes) {
            if (f.developmentOnly)
                continue;
            EXPECT_FALSE(f.snippet.contains(u"allow_origins=[\"*\"]") && f.snippet.contains(u"allow_credentials=True")) << f.snippet.toStdString();
            EXPECT_FALSE(f.snippet.contains(u"allow_origin_regex=\".*\"") || f.snippet.contains(u"allow_origin_regex=r\".*\""));
        }
    }
}

TEST(RuleRegistry, OneRulePerIdAndStableIds)
{
    const auto& reg = diagnosis::RuleRegistry::builtIn();
    QStringList ids;
    for (const auto* r : reg.rules()) {
        EXPECT_FALSE(ids.contains(r->id())) << r->id().toStdString();
        ids << r->id();
    }
    for (const char* id : { "origin-not-allowed", "credentials-with-wildcard", "methods-default", "header-not-allowed", "authorization-not-allowed",
             "preflight-redirect-trailing-slash", "middleware-missing", "error-response-without-cors", "aiohttp-route-not-added",
             "credentials-mode-mismatch", "duplicate-acao", "private-network-access", "network-failure", "mixed-content" })
        EXPECT_TRUE(reg.find(QLatin1String(id))) << id;
}

TEST(DiagnosisJson, DocumentedShape)
{
    const auto d = run(readIngestData("starlette_500_traceback.txt"));
    const QJsonObject o = diagnosis::toJson(d);
    ASSERT_TRUE(o.value(QStringLiteral("detected")).isArray());
    ASSERT_TRUE(o.value(QStringLiteral("causes")).isArray());
    const QJsonObject det = o.value(QStringLiteral("detected")).toArray().first().toObject();
    EXPECT_EQ(det.value(QStringLiteral("kind")).toString(), u"chrome-console");
    EXPECT_EQ(det.value(QStringLiteral("lines")).toArray().at(0).toInt(), 1);
    EXPECT_TRUE(det.value(QStringLiteral("summary")).isObject());
    const QJsonObject cause = o.value(QStringLiteral("causes")).toArray().first().toObject();
    for (const char* k : { "id", "title", "confidence", "failed_check", "evidence", "fixes", "explanation" })
        EXPECT_TRUE(cause.contains(QLatin1String(k))) << k;
    const QJsonObject fix = cause.value(QStringLiteral("fixes")).toArray().first().toObject();
    for (const char* k : { "framework", "diff", "snippet", "verification" })
        EXPECT_TRUE(fix.contains(QLatin1String(k))) << k;
}
