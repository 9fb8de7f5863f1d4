// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The CORS engine against hand-built exchanges, one rule of issue 3 "The CORS engine" at a
// time. Every expectation cites where the browser truth comes from:
//   browsers.md §N   ../shared/reference/browsers.md (Fetch checklist §5, Chromium §2, Firefox §3, WebKit §4)
//   surprise N       ../shared/oracle/README.md "Surprises" (confirmed in real Chromium 156)
//   corpus <id>      tests/data/corpus/<id>.json (recorded in Chromium, Firefox and WebKit)
//   cors_url_loader  Chromium services/network/cors/cors_url_loader.cc (current main)
#include "core/cors/cors_engine.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace corsbench::cors {
namespace {

using http::CredentialsMode;
using http::HeaderList;
using http::RedirectMode;
using http::RequestMode;
using test::checkIds;
using test::describe;
using test::ExchangeBuilder;
using test::findCheck;
using test::kApi;
using test::kPage;
using test::reportedIds;

const QByteArray kPageB = kPage.toLatin1();

QString chromeLine(const QString& reason, const QString& url = kApi, const QString& origin = kPage)
{
    return QStringLiteral("Access to fetch at '%1' from origin '%2' has been blocked by CORS policy: %3").arg(url, origin, reason);
}

QString chromePreflightLine(const QString& reason, const QString& url = kApi, const QString& origin = kPage)
{
    return chromeLine(QStringLiteral("Response to preflight request doesn't pass access control check: ") + reason, url, origin);
}

QString firefoxLine(const QString& reason, const QString& url = kApi)
{
    return QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1. (Reason: %2).").arg(url, reason);
}

QString webkitLast(const QString& url = kApi)
{
    return QStringLiteral("Fetch API cannot load %1 due to access control checks.").arg(url);
}

// Every blocked verdict marks exactly one check as the one Chromium reports, and it failed.
void expectOneReportedFailure(const Verdict& v, const QString& checkId)
{
    const QStringList reported = reportedIds(v);
    ASSERT_EQ(reported.size(), 1) << describe(v).toStdString();
    EXPECT_EQ(reported.first(), checkId) << describe(v).toStdString();
    for (const auto& c : v.checks)
        if (c.reported) {
            EXPECT_EQ(c.status, CheckStatus::Fail) << c.id.toStdString();
        }
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->checkId, checkId);
}

void expectAllowedEverywhere(const Verdict& v)
{
    EXPECT_TRUE(v.allowed) << describe(v).toStdString();
    EXPECT_FALSE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.chromium.allowed, std::optional<bool>(true));
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(true));
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(true));
    EXPECT_TRUE(reportedIds(v).isEmpty()) << describe(v).toStdString();
    for (const auto& c : v.checks) {
        EXPECT_NE(c.status, CheckStatus::Fail) << c.id.toStdString() << ": " << c.explanation.toStdString();
    }
}

// =============================================================================================
// The CORS check on the actual response (browsers.md §5.7)
// =============================================================================================

struct AcaoCase {
    const char* label;
    QList<QByteArray> acao; // header lines, in order
    CredentialsMode credentials;
    QList<QByteArray> acac; // header lines
    const char* kind; // nullptr: allowed
    const char* param;
    const char* chromeReason;
    const char* firefoxKey; // nullptr: not asserted
    const char* webkitReason; // nullptr: not asserted
    const char* reportedCheck;
};

void PrintTo(const AcaoCase& c, std::ostream* os)
{
    *os << c.label;
}

class ActualCorsCheckTest : public ::testing::TestWithParam<AcaoCase> { };

TEST_P(ActualCorsCheckTest, Verdict)
{
    const AcaoCase& c = GetParam();
    HeaderList h;
    for (const auto& v : c.acao)
        h.append("Access-Control-Allow-Origin", v);
    for (const auto& v : c.acac)
        h.append("Access-Control-Allow-Credentials", v);
    h.append("Vary", "Origin");
    h.append("Content-Type", "application/json");
    const Verdict v = ExchangeBuilder().credentials(c.credentials).hop(200, h).judge();

    EXPECT_FALSE(v.preflight.required);
    EXPECT_TRUE(v.crossOrigin);
    EXPECT_TRUE(v.corsApplies);
    ASSERT_NE(findCheck(v, QStringLiteral("actual-allow-origin")), nullptr) << describe(v).toStdString();
    if (!c.kind) {
        expectAllowedEverywhere(v);
        EXPECT_EQ(findCheck(v, QStringLiteral("actual-allow-origin"))->status, CheckStatus::Pass);
        return;
    }
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QString::fromLatin1(c.kind));
    EXPECT_EQ(v.error->failedParameter, QString::fromLatin1(c.param));
    EXPECT_EQ(v.error->chromeMessage, chromeLine(QString::fromUtf8(c.chromeReason)));
    EXPECT_EQ(v.chromium.allowed, std::optional<bool>(false));
    EXPECT_EQ(v.chromium.errorKind, QString::fromLatin1(c.kind));
    EXPECT_EQ(v.chromium.console.value(0), v.error->chromeMessage);
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(false));
    if (c.firefoxKey) {
        EXPECT_EQ(v.firefox.errorKind, QString::fromLatin1(c.firefoxKey));
    }
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(false));
    if (c.webkitReason) {
        EXPECT_EQ(v.webkit.console, (QStringList { QString::fromUtf8(c.webkitReason), webkitLast() }));
        EXPECT_EQ(v.error->safariMessages, v.webkit.console);
    }
    expectOneReportedFailure(v, QString::fromLatin1(c.reportedCheck));
}

#define PAGE "http://127.0.0.1:5173"
#define WK_NOT_ALLOWED "Origin " PAGE " is not allowed by Access-Control-Allow-Origin. Status code: 200"
#define WK_MORE_THAN_ONE "Access-Control-Allow-Origin cannot contain more than one origin."
#define HAVE_SERVER " Have the server send the header with a valid value."

constexpr auto kSame = CredentialsMode::SameOrigin;
constexpr auto kInclude = CredentialsMode::Include;
constexpr auto kOmit = CredentialsMode::Omit;

INSTANTIATE_TEST_SUITE_P(Acao, ActualCorsCheckTest,
    ::testing::Values(
        AcaoCase { "exact_origin", { PAGE }, kSame, {}, nullptr, "", "", nullptr, nullptr, "" },
        AcaoCase { "wildcard", { "*" }, kSame, {}, nullptr, "", "", nullptr, nullptr, "" },
        // corpus raw-acao-star-acac-true-omit / -same-origin-mode: ACAC is irrelevant without include.
        AcaoCase { "wildcard_acac_omit", { "*" }, kOmit, { "true" }, nullptr, "", "", nullptr, nullptr, "" },
        // surprise 16 / corpus raw-acao-leading-trailing-space: surrounding spaces are accepted.
        AcaoCase { "surrounding_spaces", { "  " PAGE "  " }, kSame, {}, nullptr, "", "", nullptr, nullptr, "" },
        // browsers.md §5.7 step 1; surprise 19: no "no-cors" hint any more.
        AcaoCase { "missing", {}, kSame, {}, "MissingAllowOriginHeader", "",
            "No 'Access-Control-Allow-Origin' header is present on the requested resource.", "CORSMissingAllowOrigin", WK_NOT_ALLOWED,
            "actual-allow-origin" },
        // surprise 16: empty ACAO -> InvalidAllowOriginValue with failedParameter "".
        AcaoCase { "empty", { "" }, kSame, {}, "InvalidAllowOriginValue", "",
            "The 'Access-Control-Allow-Origin' header contains the invalid value ''." HAVE_SERVER, nullptr, WK_NOT_ALLOWED,
            "actual-allow-origin" },
        // browsers.md §5.7 classification: not a URL -> Invalid.
        AcaoCase { "not_a_url", { "foo" }, kSame, {}, "InvalidAllowOriginValue", "foo",
            "The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'." HAVE_SERVER, "CORSAllowOriginNotMatchingOrigin",
            WK_NOT_ALLOWED, "actual-allow-origin" },
        // surprise 16: upper-case scheme/host, trailing slash, path, null -> AllowOriginMismatch.
        AcaoCase { "upper_case", { "HTTP://127.0.0.1:5173" }, kSame, {}, "AllowOriginMismatch", "HTTP://127.0.0.1:5173",
            "The 'Access-Control-Allow-Origin' header has a value 'HTTP://127.0.0.1:5173' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "trailing_slash", { PAGE "/" }, kSame, {}, "AllowOriginMismatch", PAGE "/",
            "The 'Access-Control-Allow-Origin' header has a value '" PAGE "/' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "with_path", { PAGE "/__page" }, kSame, {}, "AllowOriginMismatch", PAGE "/__page",
            "The 'Access-Control-Allow-Origin' header has a value '" PAGE "/__page' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "localhost_for_127", { "http://localhost:5173" }, kSame, {}, "AllowOriginMismatch", "http://localhost:5173",
            "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "https_for_http", { "https://127.0.0.1:5173" }, kSame, {}, "AllowOriginMismatch", "https://127.0.0.1:5173",
            "The 'Access-Control-Allow-Origin' header has a value 'https://127.0.0.1:5173' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "null_for_http_origin", { "null" }, kSame, {}, "AllowOriginMismatch", "null",
            "The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        // surprise 16: multiple values however they arrive; the hint is the combined value.
        AcaoCase { "comma_list_one_line", { PAGE ", http://example.com" }, kSame, {}, "MultipleAllowOriginValues", PAGE ", http://example.com",
            "The 'Access-Control-Allow-Origin' header contains multiple values '" PAGE ", http://example.com', but only one is allowed." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_MORE_THAN_ONE, "actual-allow-origin" },
        AcaoCase { "space_list_one_line", { PAGE " http://example.com" }, kSame, {}, "MultipleAllowOriginValues", PAGE " http://example.com",
            "The 'Access-Control-Allow-Origin' header contains multiple values '" PAGE " http://example.com', but only one is allowed." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "duplicate_identical_lines", { PAGE, PAGE }, kSame, {}, "MultipleAllowOriginValues", PAGE ", " PAGE,
            "The 'Access-Control-Allow-Origin' header contains multiple values '" PAGE ", " PAGE "', but only one is allowed." HAVE_SERVER,
            "CORSMultipleAllowOriginNotAllowed", WK_MORE_THAN_ONE, "actual-allow-origin" },
        AcaoCase { "star_and_origin_lines", { "*", PAGE }, kSame, {}, "MultipleAllowOriginValues", "*, " PAGE,
            "The 'Access-Control-Allow-Origin' header contains multiple values '*, " PAGE "', but only one is allowed." HAVE_SERVER,
            "CORSMultipleAllowOriginNotAllowed", WK_MORE_THAN_ONE, "actual-allow-origin" },
        // browsers.md §5.7 classification (Chromium cors.cc: space/comma -> Multiple, `null` ->
        // Mismatch, GURL-invalid -> Invalid, any other URL -> Mismatch).
        AcaoCase { "origin_without_scheme", { "127.0.0.1:5173" }, kSame, {}, "InvalidAllowOriginValue", "127.0.0.1:5173",
            "The 'Access-Control-Allow-Origin' header contains the invalid value '127.0.0.1:5173'." HAVE_SERVER, "CORSAllowOriginNotMatchingOrigin",
            WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "port_out_of_range", { "http://127.0.0.1:99999" }, kSame, {}, "InvalidAllowOriginValue", "http://127.0.0.1:99999",
            "The 'Access-Control-Allow-Origin' header contains the invalid value 'http://127.0.0.1:99999'." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "scheme_only", { "http://" }, kSame, {}, "InvalidAllowOriginValue", "http://",
            "The 'Access-Control-Allow-Origin' header contains the invalid value 'http://'." HAVE_SERVER, "CORSAllowOriginNotMatchingOrigin",
            WK_NOT_ALLOWED, "actual-allow-origin" },
        AcaoCase { "upper_case_null", { "NULL" }, kSame, {}, "InvalidAllowOriginValue", "NULL",
            "The 'Access-Control-Allow-Origin' header contains the invalid value 'NULL'." HAVE_SERVER, "CORSAllowOriginNotMatchingOrigin",
            WK_NOT_ALLOWED, "actual-allow-origin" },
        // Credentials (browsers.md §5.7 steps 3-5).
        AcaoCase { "include_exact_acac_true", { PAGE }, kInclude, { "true" }, nullptr, "", "", nullptr, nullptr, "" },
        AcaoCase { "include_wildcard", { "*" }, kInclude, { "true" }, "WildcardOriginNotAllowed", "",
            "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's "
            "credentials mode is 'include'.",
            "CORSNotSupportingCredentials", "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.",
            "actual-allow-origin" },
        // surprise 9: an echoing server without ACAC.
        AcaoCase { "include_acac_missing", { PAGE }, kInclude, {}, "InvalidAllowCredentials", "",
            "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's "
            "credentials mode is 'include'.",
            "CORSMissingAllowCredentials", "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".",
            "actual-allow-credentials" },
        // surprise 16 / corpus raw-acac-capital-true-include.
        AcaoCase { "include_acac_capital_true", { PAGE }, kInclude, { "True" }, "InvalidAllowCredentials", "True",
            "The value of the 'Access-Control-Allow-Credentials' header in the response is 'True' which must be 'true' when the request's "
            "credentials mode is 'include'.",
            "CORSMissingAllowCredentials", "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".",
            "actual-allow-credentials" },
        // surprise 16 / corpus raw-acac-duplicate-true-include.
        AcaoCase { "include_acac_duplicate", { PAGE }, kInclude, { "true", "true" }, "InvalidAllowCredentials", "true, true",
            "The value of the 'Access-Control-Allow-Credentials' header in the response is 'true, true' which must be 'true' when the "
            "request's credentials mode is 'include'.",
            "CORSMissingAllowCredentials", "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".",
            "actual-allow-credentials" },
        AcaoCase { "include_acac_one", { PAGE }, kInclude, { "1" }, "InvalidAllowCredentials", "1",
            "The value of the 'Access-Control-Allow-Credentials' header in the response is '1' which must be 'true' when the request's "
            "credentials mode is 'include'.",
            "CORSMissingAllowCredentials", nullptr, "actual-allow-credentials" },
        // ACAO is checked before ACAC: a mismatch wins even when ACAC is also wrong.
        AcaoCase { "include_mismatch_and_no_acac", { "http://localhost:5173" }, kInclude, {}, "AllowOriginMismatch", "http://localhost:5173",
            "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "actual-allow-origin" }));

TEST(CorsEngineTest, MissingAcaoFirefoxLineCarriesTheStatus)
{
    // browsers.md §3 CORSMissingAllowOrigin2; corpus raw-acao-missing-get.
    const Verdict v = ExchangeBuilder().hop(500, { { "Content-Type", "text/plain" } }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("MissingAllowOriginHeader"));
    EXPECT_EQ(v.error->firefoxReasonKey, QStringLiteral("CORSMissingAllowOrigin"));
    EXPECT_EQ(v.error->firefoxMessage,
        firefoxLine(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing")) + QStringLiteral(" Status code: 500."));
    EXPECT_EQ(v.webkit.console.value(0), QStringLiteral("Origin " PAGE " is not allowed by Access-Control-Allow-Origin. Status code: 500"));
}

TEST(CorsEngineTest, FirefoxQuotesTheAcaoValueAndWrapsTheUrlForCredentials)
{
    // browsers.md §3: CORSAllowOriginNotMatchingOrigin names the received value;
    // CORSNotSupportingCredentials wraps the URL in ‘…’.
    const Verdict mismatch = ExchangeBuilder().hop(200, { { "Access-Control-Allow-Origin", "http://localhost:5173" } }).judge();
    EXPECT_EQ(mismatch.firefox.console.value(0),
        firefoxLine(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018http://localhost:5173\u2019")));
    const Verdict star = ExchangeBuilder().include().hop(200, { { "Access-Control-Allow-Origin", "*" } }).judge();
    EXPECT_EQ(star.firefox.console.value(0),
        QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \u2018" "http://127.0.0.1:8000/api/data"
                       "\u2019. (Reason: Credential is not supported if the CORS header \u2018Access-Control-Allow-Origin\u2019 is \u2018*\u2019)."));
}

TEST(CorsEngineTest, StatusDoesNotMatterForTheActualResponse)
{
    // surprise 4 and 11: an error status with CORS headers is readable (fl-exception-500,
    // fa-http-exception-403); without them it is MissingAllowOriginHeader.
    const Verdict withAcao = ExchangeBuilder().hop(500, { { "Access-Control-Allow-Origin", kPageB }, { "Vary", "Origin" } }).judge();
    expectAllowedEverywhere(withAcao);
    const auto* status = findCheck(withAcao, QStringLiteral("actual-status"));
    ASSERT_NE(status, nullptr);
    EXPECT_NE(status->status, CheckStatus::Fail);

    const Verdict without = ExchangeBuilder().hop(500, { { "Content-Type", "text/plain" } }).judge();
    ASSERT_TRUE(without.error.has_value());
    EXPECT_EQ(without.error->kind, QStringLiteral("MissingAllowOriginHeader"));
}

TEST(CorsEngineTest, NullOriginPageMatchesAcaoNull)
{
    // surprise 18: a sandboxed page served from loopback works with ACAO: null
    // (corpus raw-acao-null-from-sandbox, fa-sandbox-null-origin-explicit-null).
    const Verdict v = ExchangeBuilder(QStringLiteral("null"))
                          .pageUrl(QStringLiteral("http://127.0.0.1:5173/sandboxed"))
                          .hop(200, { { "Access-Control-Allow-Origin", "null" } })
                          .judge();
    expectAllowedEverywhere(v);
    EXPECT_EQ(v.pageOrigin, QStringLiteral("null"));

    const Verdict withCredentials = ExchangeBuilder(QStringLiteral("null"))
                                        .pageUrl(QStringLiteral("http://127.0.0.1:5173/sandboxed"))
                                        .include()
                                        .hop(200, { { "Access-Control-Allow-Origin", "null" }, { "Access-Control-Allow-Credentials", "true" } })
                                        .judge();
    expectAllowedEverywhere(withCredentials);

    // From a null origin, the page's former origin does not match.
    const Verdict mismatch = ExchangeBuilder(QStringLiteral("null"))
                                 .pageUrl(QStringLiteral("http://127.0.0.1:5173/sandboxed"))
                                 .hop(200, { { "Access-Control-Allow-Origin", kPageB } })
                                 .judge();
    ASSERT_TRUE(mismatch.error.has_value());
    EXPECT_EQ(mismatch.error->kind, QStringLiteral("AllowOriginMismatch"));
    EXPECT_EQ(mismatch.error->chromeMessage,
        chromeLine(QStringLiteral("The 'Access-Control-Allow-Origin' header has a value '" PAGE "' that is not equal to the supplied origin." HAVE_SERVER),
            kApi, QStringLiteral("null")));
}

// =============================================================================================
// Preflight: when, what is sent (browsers.md §5.5, §5.6)
// =============================================================================================

struct NeedCase {
    const char* label;
    QByteArray method;
    HeaderList headers;
    http::BodyKind body;
    QByteArray blobType;
    bool required;
    QByteArray acrh; // expected Access-Control-Request-Headers ("" = absent)
};

void PrintTo(const NeedCase& c, std::ostream* os)
{
    *os << c.label;
}

class PreflightNeededTest : public ::testing::TestWithParam<NeedCase> { };

// What fetch() puts in Access-Control-Request-Method: the six Fetch methods upper-cased,
// anything else as written (browsers.md "Observed in real Chromium 156").
QByteArray fetchNormalized(const QByteArray& m)
{
    for (const char* n : { "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT" })
        if (m.compare(n, Qt::CaseInsensitive) == 0)
            return n;
    return m;
}

TEST_P(PreflightNeededTest, RequiredAndRequestHeaders)
{
    const NeedCase& c = GetParam();
    ExchangeBuilder b;
    b.method(c.method).body(c.body, c.blobType);
    for (const auto& h : c.headers)
        b.header(h.name, h.value);
    const PreflightPlan plan = CorsEngine::planPreflight(b.build());
    EXPECT_EQ(plan.required, c.required) << plan.reasons.join(QStringLiteral("; ")).toStdString();
    // cors_engine.h: the OPTIONS request is planned when a preflight is needed.
    if (c.required) {
        EXPECT_EQ(plan.request.method, QByteArray("OPTIONS"));
        EXPECT_EQ(plan.request.url, QUrl(kApi));
        EXPECT_EQ(plan.request.headers.value("Access-Control-Request-Method"), std::optional<QByteArray>(fetchNormalized(c.method)));
        if (c.acrh.isEmpty()) {
            EXPECT_FALSE(plan.request.headers.contains("Access-Control-Request-Headers"));
        } else {
            EXPECT_EQ(plan.request.headers.value("Access-Control-Request-Headers"), std::optional<QByteArray>(c.acrh));
        }
        EXPECT_EQ(plan.request.headers.value("Origin"), std::optional<QByteArray>(kPageB));
    }
    // The preflight never carries credentials or the author headers themselves.
    EXPECT_FALSE(plan.request.headers.contains("Cookie"));
    EXPECT_FALSE(plan.request.headers.contains("Authorization"));
    EXPECT_FALSE(plan.request.headers.contains("X-Token"));

    // The engine's verdict agrees (no preflight recorded: the plan is what a browser would send).
    const Verdict v = b.judge();
    EXPECT_EQ(v.preflight.required, c.required);
    EXPECT_EQ(v.preflight.request.headers.value("Access-Control-Request-Headers"), plan.request.headers.value("Access-Control-Request-Headers"));
}

using http::BodyKind;

INSTANTIATE_TEST_SUITE_P(Requests, PreflightNeededTest,
    ::testing::Values(
        NeedCase { "simple_get", "GET", {}, BodyKind::None, {}, false, "" },
        NeedCase { "lowercase_get", "get", {}, BodyKind::None, {}, false, "" },
        NeedCase { "get_safelisted_headers", "GET", { { "Accept", "application/json" }, { "Accept-Language", "en-US,en;q=0.9" } },
            BodyKind::None, {}, false, "" },
        NeedCase { "urlencoded_post", "POST", { { "Content-Type", "application/x-www-form-urlencoded" } }, BodyKind::UrlSearchParams, {}, false, "" },
        NeedCase { "urlencoded_body_no_header", "POST", {}, BodyKind::UrlSearchParams, {}, false, "" },
        NeedCase { "formdata_body", "POST", {}, BodyKind::FormData, {}, false, "" },
        // surprise 22: a hand-set multipart Content-Type with a boundary is not preflighted.
        NeedCase { "multipart_manual", "POST", { { "Content-Type", "multipart/form-data; boundary=x" } }, BodyKind::Text, {}, false, "" },
        // JSON.stringify body without a header: fetch sends text/plain;charset=UTF-8.
        NeedCase { "json_body_no_header", "POST", {}, BodyKind::Json, {}, false, "" },
        NeedCase { "json_content_type", "POST", { { "Content-Type", "application/json" } }, BodyKind::Json, {}, true, "content-type" },
        // surprise 22 / corpus raw-blob-json-body-no-header: the Blob's type becomes Content-Type.
        NeedCase { "blob_json", "POST", {}, BodyKind::Blob, "application/json", true, "content-type" },
        NeedCase { "blob_text", "POST", {}, BodyKind::Blob, "text/plain", false, "" },
        // surprise 22 / corpus raw-content-type-quoted-charset.
        NeedCase { "quoted_charset", "POST", { { "Content-Type", "text/plain; charset=\"utf-8\"" } }, BodyKind::Text, {}, true, "content-type" },
        NeedCase { "content_language_at", "GET", { { "Content-Language", "en@x" } }, BodyKind::None, {}, true, "content-language" },
        NeedCase { "accept_128", "GET", { { "Accept", QByteArray(128, 'a') } }, BodyKind::None, {}, false, "" },
        NeedCase { "accept_129", "GET", { { "Accept", QByteArray(129, 'a') } }, BodyKind::None, {}, true, "accept" },
        NeedCase { "range_simple", "GET", { { "Range", "bytes=0-10" } }, BodyKind::None, {}, false, "" },
        NeedCase { "x_requested_with", "GET", { { "X-Requested-With", "XMLHttpRequest" } }, BodyKind::None, {}, true, "x-requested-with" },
        // Credentials alone never cause a preflight (§5.5); forbidden headers are dropped.
        NeedCase { "forbidden_headers_dropped", "GET", { { "Cookie", "a=b" }, { "Origin", "http://evil.test" }, { "Sec-Fetch-Mode", "no-cors" } },
            BodyKind::None, {}, false, "" },
        NeedCase { "put", "PUT", {}, BodyKind::None, {}, true, "" },
        NeedCase { "delete_lowercase", "delete", {}, BodyKind::None, {}, true, "" },
        // surprise 3/15: patch is not normalised; ACRM carries it as written.
        NeedCase { "patch_lowercase", "patch", {}, BodyKind::None, {}, true, "" },
        // surprise 22: fetch(..., {method: 'OPTIONS'}) is preflighted.
        NeedCase { "options_method", "options", {}, BodyKind::None, {}, true, "" },
        // §5.6: lower-cased, de-duplicated, sorted, comma without spaces.
        NeedCase { "acrh_sorted_unique", "PUT",
            { { "X-Request-Id", "7" }, { "Content-Type", "application/json" }, { "x-b", "1" }, { "Cookie", "c" }, { "Accept", "*/*" },
                { "X-REQUEST-ID", "8" }, { "Authorization", "Bearer t" } },
            BodyKind::Json, {}, true, "authorization,content-type,x-b,x-request-id" }));

TEST(CorsEngineTest, PreflightRequestFromANullOriginSaysNull)
{
    const PreflightPlan plan = CorsEngine::planPreflight(ExchangeBuilder(QStringLiteral("null")).method("PUT").build());
    EXPECT_EQ(plan.request.headers.value("Origin"), std::optional<QByteArray>("null"));
    EXPECT_EQ(plan.request.headers.value("Access-Control-Request-Method"), std::optional<QByteArray>("PUT"));
}

TEST(CorsEngineTest, ForbiddenRequestHeaderIsReportedAsAWarning)
{
    const Verdict v = ExchangeBuilder().header("Cookie", "a=b").ok(kPageB).judge();
    EXPECT_TRUE(v.allowed);
    const auto* c = findCheck(v, QStringLiteral("request-forbidden-header"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CheckStatus::Warning);
    EXPECT_EQ(c->header, QByteArray("Cookie"));
}

// =============================================================================================
// Preflight response checks (browsers.md §5.8; WebKit §4; Firefox §3 order)
// =============================================================================================

struct PreflightCase {
    const char* label;
    QByteArray method;
    HeaderList requestHeaders;
    CredentialsMode credentials;
    int status;
    HeaderList response;
    const char* kind; // nullptr: allowed
    const char* param;
    const char* chromeReason;
    const char* firefoxKey; // nullptr: not asserted
    const char* webkitReason; // nullptr: not asserted
    const char* reportedCheck;
};

void PrintTo(const PreflightCase& c, std::ostream* os)
{
    *os << c.label;
}

class PreflightCheckTest : public ::testing::TestWithParam<PreflightCase> { };

TEST_P(PreflightCheckTest, Verdict)
{
    const PreflightCase& c = GetParam();
    ExchangeBuilder b;
    b.method(c.method).credentials(c.credentials).preflight(c.status, c.response);
    for (const auto& h : c.requestHeaders)
        b.header(h.name, h.value);
    if (!c.kind) {
        HeaderList ok { { "Access-Control-Allow-Origin", kPageB }, { "Vary", "Origin" } };
        if (c.credentials == CredentialsMode::Include)
            ok.append("Access-Control-Allow-Credentials", "true");
        b.hop(200, ok);
    }
    const Verdict v = b.judge();
    EXPECT_TRUE(v.preflight.required) << v.preflight.reasons.join(QStringLiteral("; ")).toStdString();
    EXPECT_TRUE(v.preflight.recorded);
    ASSERT_NE(findCheck(v, QStringLiteral("preflight-allow-origin")), nullptr) << describe(v).toStdString();
    if (!c.kind) {
        expectAllowedEverywhere(v);
        return;
    }
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QString::fromLatin1(c.kind)) << describe(v).toStdString();
    EXPECT_EQ(v.error->failedParameter, QString::fromLatin1(c.param));
    const QString reason = QString::fromUtf8(c.chromeReason);
    // browsers.md §2.1: only the Preflight* kinds get "Response to preflight request ...".
    EXPECT_EQ(v.error->chromeMessage, QString::fromLatin1(c.kind).startsWith(u"Preflight") ? chromePreflightLine(reason) : chromeLine(reason));
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(false));
    if (c.firefoxKey) {
        EXPECT_EQ(v.firefox.errorKind, QString::fromLatin1(c.firefoxKey));
    }
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(false));
    if (c.webkitReason) {
        EXPECT_EQ(v.webkit.console, (QStringList { QString::fromUtf8(c.webkitReason), webkitLast() }));
    }
    expectOneReportedFailure(v, QString::fromLatin1(c.reportedCheck));
}

#define ACAO_PAGE { "Access-Control-Allow-Origin", PAGE }
#define WK_STATUS(n) "Preflight response is not successful. Status code: " #n

INSTANTIATE_TEST_SUITE_P(Preflights, PreflightCheckTest,
    ::testing::Values(
        PreflightCase { "put_allowed", "PUT", {}, kSame, 204, { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } }, nullptr, "", "", nullptr,
            nullptr, "" },
        PreflightCase { "put_allowed_in_list", "PUT", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "GET, POST,PUT ,DELETE" } },
            nullptr, "", "", nullptr, nullptr, "" },
        // surprise 14 / browsers.md "Observed": ACAO before status in Chromium and Firefox;
        // WebKit reads the status first.
        PreflightCase { "status_404_without_acao", "PUT", {}, kSame, 404, { { "Content-Type", "text/plain" } },
            "PreflightMissingAllowOriginHeader", "", "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "CORSMissingAllowOrigin", WK_STATUS(404), "preflight-allow-origin" },
        // surprise 1 / corpus fa-put-disallowed-origin: Starlette's 400 with every ACA* header but ACAO.
        PreflightCase { "starlette_400_disallowed_origin", "PUT", {}, kSame, 400,
            { { "access-control-allow-methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT" }, { "access-control-max-age", "600" } },
            "PreflightMissingAllowOriginHeader", "", "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "CORSMissingAllowOrigin", WK_STATUS(400), "preflight-allow-origin" },
        // surprise 1 / corpus fa-put-default-methods: the 400 carries ACAO -> status.
        PreflightCase { "starlette_400_with_acao", "PUT", {}, kSame, 400,
            { { "access-control-allow-methods", "GET" }, { "access-control-allow-origin", PAGE }, { "vary", "Origin" } },
            "PreflightInvalidStatus", "", "It does not have HTTP ok status.", "CORSPreflightDidNotSucceed", WK_STATUS(400), "preflight-status" },
        // surprise 14: 401 on a preflight is fatal even with perfect CORS headers.
        PreflightCase { "status_401_perfect_headers", "PUT", {}, kSame, 401, { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightInvalidStatus", "", "It does not have HTTP ok status.", "CORSPreflightDidNotSucceed", WK_STATUS(401), "preflight-status" },
        // browsers.md §5.8 step 1; corpus raw-preflight-301-redirect, fl-trailing-slash-redirect-put.
        PreflightCase { "redirect_301", "PUT", {}, kSame, 301, { { "Location", "http://127.0.0.1:8000/api/data/" } }, "PreflightDisallowedRedirect",
            "", "Redirect is not allowed for a preflight request.", "CORSExternalRedirectNotAllowed", WK_STATUS(301), "preflight-redirect" },
        PreflightCase { "redirect_308_with_cors_headers", "PUT", {}, kSame, 308,
            { { "Location", "/api/data/" }, ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } }, "PreflightDisallowedRedirect", "",
            "Redirect is not allowed for a preflight request.", "CORSExternalRedirectNotAllowed", WK_STATUS(308), "preflight-redirect" },
        // ACAO/ACAC on the preflight, with the actual request's credentials mode.
        PreflightCase { "wildcard_with_credentials", "PUT", {}, kInclude, 200,
            { { "Access-Control-Allow-Origin", "*" }, { "Access-Control-Allow-Credentials", "true" }, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightWildcardOriginNotAllowed", "",
            "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's "
            "credentials mode is 'include'.",
            "CORSNotSupportingCredentials", "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.",
            "preflight-allow-origin" },
        PreflightCase { "acac_missing_with_credentials", "PUT", {}, kInclude, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightInvalidAllowCredentials", "",
            "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's "
            "credentials mode is 'include'.",
            "CORSMissingAllowCredentials", "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".",
            "preflight-allow-credentials" },
        // corpus raw-preflight-acao-duplicate.
        PreflightCase { "acao_duplicate", "PUT", {}, kSame, 200, { ACAO_PAGE, ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightMultipleAllowOriginValues", PAGE ", " PAGE,
            "The 'Access-Control-Allow-Origin' header contains multiple values '" PAGE ", " PAGE "', but only one is allowed." HAVE_SERVER,
            "CORSMultipleAllowOriginNotAllowed", WK_MORE_THAN_ONE, "preflight-allow-origin" },
        PreflightCase { "acao_mismatch", "PUT", {}, kSame, 200,
            { { "Access-Control-Allow-Origin", "http://localhost:5173" }, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightAllowOriginMismatch", "http://localhost:5173",
            "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173' that is not equal to the supplied origin." HAVE_SERVER,
            "CORSAllowOriginNotMatchingOrigin", WK_NOT_ALLOWED, "preflight-allow-origin" },
        PreflightCase { "acao_empty", "PUT", {}, kSame, 200, { { "Access-Control-Allow-Origin", "" }, { "Access-Control-Allow-Methods", "PUT" } },
            "PreflightInvalidAllowOriginValue", "", "The 'Access-Control-Allow-Origin' header contains the invalid value ''." HAVE_SERVER, nullptr,
            WK_NOT_ALLOWED, "preflight-allow-origin" },
        // Access-Control-Allow-Methods (surprise 15).
        PreflightCase { "acam_missing", "PUT", {}, kSame, 200, { ACAO_PAGE }, "MethodDisallowedByPreflightResponse", "PUT",
            "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.", "CORSMethodNotFound",
            "Method PUT is not allowed by Access-Control-Allow-Methods.", "preflight-method-allowed" },
        PreflightCase { "acam_lowercase_put", "PUT", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "put" } },
            "MethodDisallowedByPreflightResponse", "PUT", "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
            "CORSMethodNotFound", "Method PUT is not allowed by Access-Control-Allow-Methods.", "preflight-method-allowed" },
        PreflightCase { "acam_upper_patch_lower_request", "patch", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "GET, PATCH" } },
            "MethodDisallowedByPreflightResponse", "patch", "Method patch is not allowed by Access-Control-Allow-Methods in preflight response.",
            "CORSMethodNotFound", "Method patch is not allowed by Access-Control-Allow-Methods.", "preflight-method-allowed" },
        PreflightCase { "acam_lower_patch_lower_request", "patch", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "patch" } },
            nullptr, "", "", nullptr, nullptr, "" },
        // corpus fa-delete-lowercase-methods-star: `delete` is normalised to DELETE.
        PreflightCase { "delete_lowercase_normalised", "delete", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "DELETE" } },
            nullptr, "", "", nullptr, nullptr, "" },
        PreflightCase { "acam_star", "PUT", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "*" } }, nullptr, "", "", nullptr,
            nullptr, "" },
        // surprise 15: `*` is a literal method name with credentials.
        PreflightCase { "acam_star_with_credentials", "PUT", {}, kInclude, 200,
            { ACAO_PAGE, { "Access-Control-Allow-Credentials", "true" }, { "Access-Control-Allow-Methods", "*" } },
            "MethodDisallowedByPreflightResponse", "PUT", "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
            "CORSMethodNotFound", "Method PUT is not allowed by Access-Control-Allow-Methods.", "preflight-method-allowed" },
        // surprise 15 / corpus raw-preflight-acam-invalid-syntax: space-separated is a parse error.
        PreflightCase { "acam_space_separated", "PUT", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "GET PUT" } },
            "InvalidAllowMethodsPreflightResponse", "",
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response.", "CORSInvalidAllowMethod",
            "Header Access-Control-Allow-Methods has an invalid value: GET PUT", "preflight-allow-methods-syntax" },
        // Access-Control-Allow-Headers (surprises 13, 15).
        PreflightCase { "acah_missing", "GET", { { "X-Token", "t" } }, kSame, 200, { ACAO_PAGE }, "HeaderDisallowedByPreflightResponse", "x-token",
            "Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response.",
            "CORSMissingAllowHeaderFromPreflight", "Request header field X-Token is not allowed by Access-Control-Allow-Headers.",
            "preflight-header-allowed" },
        PreflightCase { "acah_case_insensitive", "GET", { { "X-Token", "t" } }, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Headers", "x-TOKEN" } },
            nullptr, "", "", nullptr, nullptr, "" },
        PreflightCase { "acah_star", "GET", { { "X-Token", "t" } }, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Headers", "*" } }, nullptr, "",
            "", nullptr, nullptr, "" },
        // surprise 13: ACAH * covers Authorization in Chromium 156 and Firefox (warning only).
        PreflightCase { "acah_star_authorization", "GET", { { "Authorization", "Bearer t" } }, kSame, 200,
            { ACAO_PAGE, { "Access-Control-Allow-Headers", "*" } }, nullptr, "", "", nullptr, nullptr, "" },
        // surprise 13: with credentials `*` is literal.
        PreflightCase { "acah_star_with_credentials", "GET", { { "X-Token", "t" } }, kInclude, 200,
            { ACAO_PAGE, { "Access-Control-Allow-Credentials", "true" }, { "Access-Control-Allow-Headers", "*" } },
            "HeaderDisallowedByPreflightResponse", "x-token",
            "Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response.",
            "CORSMissingAllowHeaderFromPreflight", "Request header field X-Token is not allowed by Access-Control-Allow-Headers.",
            "preflight-header-allowed" },
        // corpus raw-preflight-json-no-acah.
        PreflightCase { "json_post_without_acah", "POST", { { "Content-Type", "application/json" } }, kSame, 200, { ACAO_PAGE },
            "HeaderDisallowedByPreflightResponse", "content-type",
            "Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.",
            "CORSMissingAllowHeaderFromPreflight", "Request header field Content-Type is not allowed by Access-Control-Allow-Headers.",
            "preflight-header-allowed" },
        // corpus raw-preflight-acah-invalid-syntax.
        PreflightCase { "acah_space_separated", "GET", { { "X-Token", "t" } }, kSame, 200,
            { ACAO_PAGE, { "Access-Control-Allow-Headers", "X-Token X-Other" } }, "InvalidAllowHeadersPreflightResponse", "",
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response.", "CORSInvalidAllowHeader",
            "Header Access-Control-Allow-Headers has an invalid value: X-Token X-Other", "preflight-allow-headers-syntax" },
        // The method is checked before the headers (Chromium, Firefox and WebKit).
        PreflightCase { "method_before_header", "PUT", { { "X-Token", "t" } }, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "GET" } },
            "MethodDisallowedByPreflightResponse", "PUT", "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
            "CORSMethodNotFound", "Method PUT is not allowed by Access-Control-Allow-Methods.", "preflight-method-allowed" },
        // surprise 22: OPTIONS is preflighted, and then allowed by ACAM OPTIONS.
        PreflightCase { "options_method", "OPTIONS", {}, kSame, 200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "OPTIONS" } }, nullptr, "", "",
            nullptr, nullptr, "" }));

TEST(CorsEngineTest, PreflightFirefoxLinesCarryTheStatus)
{
    // browsers.md "Observed in real Firefox": a preflight without ACAO is CORSMissingAllowOrigin
    // with the preflight's status code; CORSPreflightDidNotSucceed only when ACAO is valid.
    const Verdict noAcao = ExchangeBuilder().method("PUT").preflight(405, { { "Allow", "GET" } }).judge();
    EXPECT_EQ(noAcao.firefox.console.value(0),
        firefoxLine(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing")) + QStringLiteral(" Status code: 405."));
    const Verdict withAcao = ExchangeBuilder().method("PUT").preflight(404, { { "Access-Control-Allow-Origin", kPageB } }).judge();
    EXPECT_EQ(withAcao.firefox.console.value(0),
        firefoxLine(QStringLiteral("CORS preflight response did not succeed")) + QStringLiteral(" Status code: 404."));
    EXPECT_EQ(withAcao.error->firefoxMessage, withAcao.firefox.console.value(0));
}

TEST(CorsEngineTest, EvaluationContinuesAfterTheReportedFailure)
{
    // Issue 3: keep evaluating after the first failure so one pass shows every problem; only
    // the failure the browser reports is marked.
    const Verdict v = ExchangeBuilder().method("PUT").header("X-Token", "t").preflight(404, { { "Content-Type", "text/plain" } }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("PreflightMissingAllowOriginHeader"));
    const auto* acao = findCheck(v, QStringLiteral("preflight-allow-origin"));
    const auto* status = findCheck(v, QStringLiteral("preflight-status"));
    const auto* method = findCheck(v, QStringLiteral("preflight-method-allowed"));
    const auto* header = findCheck(v, QStringLiteral("preflight-header-allowed"));
    ASSERT_TRUE(acao && status && method && header) << describe(v).toStdString();
    EXPECT_EQ(acao->status, CheckStatus::Fail);
    EXPECT_TRUE(acao->reported);
    EXPECT_EQ(status->status, CheckStatus::Fail);
    EXPECT_FALSE(status->reported);
    EXPECT_EQ(method->status, CheckStatus::Fail);
    EXPECT_FALSE(method->reported);
    EXPECT_EQ(header->status, CheckStatus::Fail);
    EXPECT_FALSE(header->reported);
    EXPECT_EQ(reportedIds(v), QStringList { QStringLiteral("preflight-allow-origin") });
    // Browser order: redirect, ACAO, status, ACAM/ACAH syntax, method, headers.
    const QStringList ids = checkIds(v);
    EXPECT_LT(ids.indexOf(QStringLiteral("preflight-redirect")), ids.indexOf(QStringLiteral("preflight-allow-origin")));
    EXPECT_LT(ids.indexOf(QStringLiteral("preflight-allow-origin")), ids.indexOf(QStringLiteral("preflight-status")));
    EXPECT_LT(ids.indexOf(QStringLiteral("preflight-status")), ids.indexOf(QStringLiteral("preflight-allow-methods-syntax")));
    EXPECT_LT(ids.indexOf(QStringLiteral("preflight-allow-methods-syntax")), ids.indexOf(QStringLiteral("preflight-method-allowed")));
    EXPECT_LT(ids.indexOf(QStringLiteral("preflight-method-allowed")), ids.indexOf(QStringLiteral("preflight-header-allowed")));
}

TEST(CorsEngineTest, ChecksRecordHeaderAndValueLookedAt)
{
    const Verdict v = ExchangeBuilder().hop(200, { { "access-control-allow-origin", "http://localhost:5173" } }).judge();
    const auto* c = findCheck(v, QStringLiteral("actual-allow-origin"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->header.toLower(), QByteArray("access-control-allow-origin"));
    EXPECT_EQ(c->value, std::optional<QByteArray>("http://localhost:5173"));
    EXPECT_EQ(c->corsError, QStringLiteral("AllowOriginMismatch"));
    EXPECT_EQ(c->stage, Stage::Actual);
    EXPECT_EQ(c->hop, 0);
    EXPECT_FALSE(c->explanation.isEmpty());

    const Verdict missing = ExchangeBuilder().hop(200, {}).judge();
    const auto* m = findCheck(missing, QStringLiteral("actual-allow-origin"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->value, std::nullopt); // absent, not empty
}

TEST(CorsEngineTest, ActualResponseIsCheckedAfterAPassingPreflight)
{
    // surprise 2 / corpus fa-wildcard-creds-put-include-nocookie: the preflight echoes the
    // origin, the actual response sends `*` -> the non-preflight WildcardOriginNotAllowed.
    const Verdict v = ExchangeBuilder()
                          .method("PUT")
                          .include()
                          .preflight(200, { ACAO_PAGE, { "Access-Control-Allow-Credentials", "true" }, { "Access-Control-Allow-Methods", "PUT" } })
                          .hop(200, { { "Access-Control-Allow-Origin", "*" }, { "Access-Control-Allow-Credentials", "true" } })
                          .judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("WildcardOriginNotAllowed"));
    EXPECT_EQ(findCheck(v, QStringLiteral("preflight-allow-origin"))->status, CheckStatus::Pass);
    expectOneReportedFailure(v, QStringLiteral("actual-allow-origin"));

    // surprise 7: aiohttp answers the preflight, then its parser rejects the request line
    // with a bare 400 -> MissingAllowOriginHeader after a successful preflight.
    const Verdict bare = ExchangeBuilder()
                             .method("patch")
                             .preflight(200, { ACAO_PAGE, { "Access-Control-Allow-Methods", "patch" } })
                             .hop(400, { { "Content-Type", "text/plain" } })
                             .judge();
    ASSERT_TRUE(bare.error.has_value());
    EXPECT_EQ(bare.error->kind, QStringLiteral("MissingAllowOriginHeader"));
    EXPECT_EQ(bare.error->chromeMessage, chromeLine(QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource.")));
}

TEST(CorsEngineTest, PreflightNetworkErrorIsNotACorsError)
{
    const Verdict v = ExchangeBuilder().method("PUT").preflightNetworkError(QStringLiteral("connection refused")).judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty()) << v.error->kind.toStdString();
    EXPECT_FALSE(v.error->networkError.isEmpty());
    // Not a CORS rejection: no "blocked by CORS policy" line; Chromium logs the net error.
    EXPECT_FALSE(v.error->chromeMessage.contains(QStringLiteral("CORS policy"))) << v.error->chromeMessage.toStdString();
    EXPECT_TRUE(v.chromium.console.join(u'\n').contains(QStringLiteral("net::ERR_CONNECTION_REFUSED"))) << v.chromium.console.join(u'\n').toStdString();
}

TEST(CorsEngineTest, ActualNetworkErrorIsNotACorsError)
{
    const Verdict v = ExchangeBuilder().hopNetworkError(QStringLiteral("connection refused")).judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty());
    EXPECT_FALSE(v.error->chromeMessage.contains(QStringLiteral("CORS policy"))) << v.error->chromeMessage.toStdString();
    EXPECT_TRUE(v.chromium.console.join(u'\n').contains(QStringLiteral("net::ERR_CONNECTION_REFUSED"))) << v.chromium.console.join(u'\n').toStdString();
    // browsers.md §3 CORSDidNotSucceed2: "Status code: (null)."
    EXPECT_EQ(v.firefox.errorKind, QStringLiteral("CORSDidNotSucceed"));
    EXPECT_EQ(v.firefox.console.value(0), firefoxLine(QStringLiteral("CORS request did not succeed")) + QStringLiteral(" Status code: (null)."));
}

// =============================================================================================
// Preflight cache (browsers.md §5.9, surprise 20)
// =============================================================================================

struct CacheCase {
    const char* label;
    std::optional<QByteArray> maxAge;
    int chromium;
    int firefox;
    int webkit;
    bool warns; // a long Max-Age hides a server fix
};

void PrintTo(const CacheCase& c, std::ostream* os)
{
    *os << c.label;
}

class PreflightCacheTest : public ::testing::TestWithParam<CacheCase> { };

TEST_P(PreflightCacheTest, SecondsPerBrowser)
{
    const CacheCase& c = GetParam();
    HeaderList h { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } };
    if (c.maxAge)
        h.append("Access-Control-Max-Age", *c.maxAge);
    const Verdict v = ExchangeBuilder().method("PUT").preflight(204, h).ok(kPageB).judge();
    ASSERT_TRUE(v.allowed) << describe(v).toStdString();
    ASSERT_TRUE(v.cache.applicable);
    EXPECT_EQ(v.cache.maxAgeHeader, c.maxAge);
    EXPECT_EQ(v.cache.chromiumSeconds, c.chromium);
    EXPECT_EQ(v.cache.firefoxSeconds, c.firefox);
    EXPECT_EQ(v.cache.webkitSeconds, c.webkit);
    const auto* check = findCheck(v, QStringLiteral("preflight-max-age"));
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->status == CheckStatus::Warning, c.warns) << check->explanation.toStdString();
}

INSTANTIATE_TEST_SUITE_P(MaxAge, PreflightCacheTest,
    ::testing::Values(
        // Absent: the 5 s default everywhere (corpus raw-preflight-cache-default-put-twice).
        CacheCase { "absent", std::nullopt, 5, 5, 5, false },
        // Negative disables caching (corpus raw-preflight-max-age-negative; Chromium
        // preflight_result.cc "use 0 instead"; WebKit parseInteger<int64_t> gives a past expiry).
        CacheCase { "minus_one", QByteArray("-1"), 0, 0, 0, false }, CacheCase { "zero", QByteArray("0"), 0, 0, 0, false },
        CacheCase { "three", QByteArray("3"), 3, 3, 3, false },
        // Not a number: Chromium and WebKit fall back to 5 s; Firefox does not cache (browsers.md §5.9).
        CacheCase { "not_a_number", QByteArray("ten"), 5, 0, 5, false },
        // Starlette's default (corpus fa-max-age-600-put-twice).
        CacheCase { "six_hundred", QByteArray("600"), 600, 600, 600, false },
        // Caps: Chromium 2 h, Firefox 24 h, WebKit 10 min.
        CacheCase { "hundred_thousand", QByteArray("100000"), 7200, 86400, 600, true },
        CacheCase { "one_day", QByteArray("86400"), 7200, 86400, 600, true }));

// =============================================================================================
// Warnings that are not failures (issue 3)
// =============================================================================================

TEST(CorsEngineTest, EchoedOriginWithoutVaryOriginWarns)
{
    // corpus raw-vary-missing-cache-poisoning / raw-vary-origin-cache.
    const Verdict noVary = ExchangeBuilder().hop(200, { { "Access-Control-Allow-Origin", kPageB }, { "Cache-Control", "public, max-age=60" } }).judge();
    EXPECT_TRUE(noVary.allowed);
    const auto* c = findCheck(noVary, QStringLiteral("actual-vary-origin"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CheckStatus::Warning);
    EXPECT_GE(noVary.warningCount(), 1);
    EXPECT_EQ(noVary.failureCount(), 0);

    const Verdict vary = ExchangeBuilder()
                             .hop(200, { { "Access-Control-Allow-Origin", kPageB }, { "Vary", "Accept-Encoding" }, { "vary", "Cookie, origin" } })
                             .judge();
    ASSERT_NE(findCheck(vary, QStringLiteral("actual-vary-origin")), nullptr);
    EXPECT_EQ(findCheck(vary, QStringLiteral("actual-vary-origin"))->status, CheckStatus::Pass);

    // `*` is the same for everyone: no Vary needed, no warning.
    const Verdict star = ExchangeBuilder().hop(200, { { "Access-Control-Allow-Origin", "*" } }).judge();
    const auto* s = findCheck(star, QStringLiteral("actual-vary-origin"));
    EXPECT_TRUE(s == nullptr || s->status != CheckStatus::Warning);
}

TEST(CorsEngineTest, AuthorizationUnderWildcardIsAllowedWithAWarning)
{
    // Issue 3 + surprise 13 + corpus raw-preflight-acah-star-authorization: allowed in Chromium
    // and Firefox (deprecation warning), reported by corsbench as a warning.
    const Verdict v = ExchangeBuilder()
                          .header("Authorization", "Bearer t")
                          .preflight(204, { ACAO_PAGE, { "Access-Control-Allow-Headers", "*" } })
                          .ok(kPageB)
                          .judge();
    expectAllowedEverywhere(v);
    const auto* c = findCheck(v, QStringLiteral("preflight-authorization-wildcard"));
    ASSERT_NE(c, nullptr) << describe(v).toStdString();
    EXPECT_EQ(c->status, CheckStatus::Warning);
    // Firefox logs its deprecation warning (browsers.md §3 CORSAllowHeaderFromPreflightDeprecation).
    EXPECT_TRUE(v.firefox.console.join(u'\n').contains(QStringLiteral("Cross-Origin Request Warning:"))) << v.firefox.console.join(u'\n').toStdString();

    // Listing it explicitly: no warning.
    const Verdict listed = ExchangeBuilder()
                               .header("Authorization", "Bearer t")
                               .preflight(204, { ACAO_PAGE, { "Access-Control-Allow-Headers", "*, Authorization" } })
                               .ok(kPageB)
                               .judge();
    EXPECT_TRUE(listed.allowed);
    EXPECT_EQ(findCheck(listed, QStringLiteral("preflight-authorization-wildcard")), nullptr);
}

// =============================================================================================
// Access-Control-Expose-Headers (browsers.md §5.11, surprise 23)
// =============================================================================================

TEST(CorsEngineTest, ExposeHeadersStarWithoutCredentialsExposesEverything)
{
    // corpus raw-expose-star-read-header.
    const Verdict v = ExchangeBuilder()
                          .hop(200, { { "Access-Control-Allow-Origin", "*" }, { "Access-Control-Expose-Headers", "*" }, { "X-Custom", "1" },
                                        { "Content-Type", "application/json" }, { "Set-Cookie", "a=b" } })
                          .judge();
    ASSERT_TRUE(v.allowed);
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("x-custom"))) << v.exposedHeaders.join(u',').toStdString();
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("content-type")));
    // Set-Cookie is never exposed.
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("set-cookie")));
}

TEST(CorsEngineTest, ExposeHeadersStarWithCredentialsIsALiteralName)
{
    // surprise 23 / surprise 8: with credentials `*` is the literal name `*`.
    const Verdict v = ExchangeBuilder()
                          .include()
                          .hop(200, { ACAO_PAGE, { "Access-Control-Allow-Credentials", "true" }, { "Vary", "Origin" },
                                        { "Access-Control-Expose-Headers", "*" }, { "X-Custom", "1" }, { "Content-Type", "application/json" } })
                          .judge();
    ASSERT_TRUE(v.allowed) << describe(v).toStdString();
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("x-custom")));
    EXPECT_TRUE(v.hiddenHeaders.contains(QStringLiteral("x-custom")));
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("content-type"))); // safelisted
    // Unreadable custom response headers are a warning.
    const auto* c = findCheck(v, QStringLiteral("actual-unreadable-headers"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CheckStatus::Warning);
    EXPECT_TRUE(c->explanation.contains(QStringLiteral("x-custom"))) << c->explanation.toStdString();
}

TEST(CorsEngineTest, ExposeHeadersListIsCaseInsensitiveAndNeverExposesSetCookie)
{
    // corpus raw-expose-lowercase-read-header; surprise 23: Set-Cookie never readable.
    const Verdict v = ExchangeBuilder()
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" }, { "Access-Control-Expose-Headers", "x-custom, Set-Cookie" }, { "X-Custom", "1" },
                                        { "X-Other", "2" }, { "Set-Cookie", "a=b" } })
                          .judge();
    ASSERT_TRUE(v.allowed);
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("x-custom")));
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("x-other")));
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("set-cookie")));
    EXPECT_TRUE(v.hiddenHeaders.contains(QStringLiteral("x-other")));
}

TEST(CorsEngineTest, NoAcehMeansOnlySafelistedResponseHeaders)
{
    // corpus ah-expose-missing-read-header / fa-read-safelisted-content-type.
    const Verdict v = ExchangeBuilder()
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" }, { "Content-Type", "application/json" }, { "Cache-Control", "no-store" },
                                        { "X-Request-Id", "7" } })
                          .judge();
    ASSERT_TRUE(v.allowed);
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("content-type")));
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("cache-control")));
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("x-request-id")));
    const auto* c = findCheck(v, QStringLiteral("actual-unreadable-headers"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CheckStatus::Warning);
}

// =============================================================================================
// Redirects (browsers.md §5.10, surprise 17, cors_url_loader OnReceiveRedirect)
// =============================================================================================

const QString kRedirectUrl = QStringLiteral("http://127.0.0.1:8000/api/redirect");

TEST(CorsEngineTest, EveryRedirectHopIsCorsChecked)
{
    // corpus raw-redirect-no-cors-on-redirect: the 302 lacks ACAO, the target has it.
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(302, { { "Location", "/api/data" } })
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" } }, kApi)
                          .judge();
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("MissingAllowOriginHeader"));
    // The line names the URL of the hop that failed: the pre-redirect one.
    EXPECT_EQ(v.error->chromeMessage,
        chromeLine(QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource."), kRedirectUrl));
    EXPECT_EQ(v.firefox.console.value(0),
        firefoxLine(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing"), kRedirectUrl) + QStringLiteral(" Status code: 302."));
    EXPECT_EQ(v.webkit.console,
        (QStringList { QStringLiteral("Cross-origin redirection to http://127.0.0.1:8000/api/data denied by Cross-Origin Resource Sharing policy: "
                                      "Origin " PAGE " is not allowed by Access-Control-Allow-Origin. Status code: 302"),
            webkitLast(kRedirectUrl) }));
    const auto* hop0 = findCheck(v, QStringLiteral("actual-allow-origin"));
    ASSERT_NE(hop0, nullptr);
    EXPECT_EQ(hop0->hop, 0);
    EXPECT_TRUE(hop0->reported);
}

TEST(CorsEngineTest, SameOriginRedirectKeepsTheOrigin)
{
    // Same server, another path: no taint, both hops must pass.
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(307, { { "Location", "/api/data" }, ACAO_PAGE })
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" } }, kApi)
                          .judge();
    expectAllowedEverywhere(v);
    EXPECT_EQ(findCheck(v, QStringLiteral("redirect-tainted-origin")), nullptr);
    ASSERT_NE(findCheck(v, QStringLiteral("actual-allow-origin"), 1), nullptr);
    EXPECT_EQ(findCheck(v, QStringLiteral("actual-allow-origin"), 1)->hop, 1);
}

TEST(CorsEngineTest, CrossOriginRedirectTaintsTheOrigin)
{
    // surprise 17: 127.0.0.1 -> localhost redirect; the next request sends Origin: null, so a
    // fixed ACAO of the page origin fails with AllowOriginMismatch whose parameter is the ACAO
    // value (the page origin), and the console line carries "(redirected from '...')".
    const QString target = QStringLiteral("http://localhost:8000/api/data");
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(302, { { "Location", target.toLatin1() }, ACAO_PAGE, { "Vary", "Origin" } })
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" } }, target)
                          .judge();
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("AllowOriginMismatch"));
    EXPECT_EQ(v.error->failedParameter, kPage);
    EXPECT_EQ(v.error->chromeMessage,
        QStringLiteral("Access to fetch at 'http://localhost:8000/api/data' (redirected from 'http://127.0.0.1:8000/api/redirect') from origin '" PAGE
                       "' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '" PAGE
                       "' that is not equal to the supplied origin." HAVE_SERVER));
    const auto* taint = findCheck(v, QStringLiteral("redirect-tainted-origin"));
    ASSERT_NE(taint, nullptr);
    const auto* hop1 = findCheck(v, QStringLiteral("actual-allow-origin"), 1);
    ASSERT_NE(hop1, nullptr);
    EXPECT_EQ(hop1->hop, 1);
    EXPECT_TRUE(hop1->reported);
    EXPECT_EQ(findCheck(v, QStringLiteral("actual-allow-origin"), 0)->status, CheckStatus::Pass);

    // A server that echoes the (now null) Origin keeps working; so does `*` without credentials.
    for (const QByteArray& acao : { QByteArray("null"), QByteArray("*") }) {
        const Verdict ok = ExchangeBuilder(kPage, kRedirectUrl)
                               .hop(302, { { "Location", target.toLatin1() }, ACAO_PAGE, { "Vary", "Origin" } })
                               .hop(200, { { "Access-Control-Allow-Origin", acao }, { "Vary", "Origin" } }, target)
                               .judge();
        EXPECT_TRUE(ok.allowed) << acao.toStdString() << "\n" << describe(ok).toStdString();
    }

    // FastAPI with an exact list after the taint: no ACAO at all.
    const Verdict missing = ExchangeBuilder(kPage, kRedirectUrl)
                                .hop(302, { { "Location", target.toLatin1() }, ACAO_PAGE })
                                .hop(200, { { "Content-Type", "application/json" } }, target)
                                .judge();
    ASSERT_TRUE(missing.error.has_value());
    EXPECT_EQ(missing.error->kind, QStringLiteral("MissingAllowOriginHeader"));
    EXPECT_TRUE(missing.error->chromeMessage.contains(QStringLiteral("(redirected from 'http://127.0.0.1:8000/api/redirect')")));
}

TEST(CorsEngineTest, RedirectTargetComesFromLocationWhenTheNextRequestIsNotRecorded)
{
    // The format makes hop request heads optional: the engine follows Location itself
    // (resolved against the current URL) to know where the next hop went and whether it taints.
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(301, { { "Location", "//localhost:8000/api/data" }, ACAO_PAGE, { "Vary", "Origin" } })
                          .hop(200, { ACAO_PAGE, { "Vary", "Origin" } })
                          .judge();
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("AllowOriginMismatch"));
    EXPECT_TRUE(v.error->chromeMessage.startsWith(
        QStringLiteral("Access to fetch at 'http://localhost:8000/api/data' (redirected from 'http://127.0.0.1:8000/api/redirect') from origin")))
        << v.error->chromeMessage.toStdString();
}

TEST(CorsEngineTest, SameOriginRequestRedirectedCrossOriginBecomesCors)
{
    // Fetch "CORS flag": a same-origin request redirected to another origin is CORS-checked
    // from then on; the Origin is not tainted (the page is same-origin with the first URL).
    const QString page = QStringLiteral("http://127.0.0.1:8000");
    const QString target = QStringLiteral("http://localhost:8000/api/data");
    const Verdict ok = ExchangeBuilder(page, kRedirectUrl)
                           .hop(302, { { "Location", target.toLatin1() } })
                           .hop(200, { { "Access-Control-Allow-Origin", "http://127.0.0.1:8000" }, { "Vary", "Origin" } }, target)
                           .judge();
    EXPECT_TRUE(ok.allowed) << describe(ok).toStdString();
    ASSERT_NE(findCheck(ok, QStringLiteral("actual-allow-origin")), nullptr);
    EXPECT_EQ(findCheck(ok, QStringLiteral("actual-allow-origin"))->hop, 1);

    const Verdict blocked = ExchangeBuilder(page, kRedirectUrl)
                                .hop(302, { { "Location", target.toLatin1() } })
                                .hop(200, { { "Content-Type", "application/json" } }, target)
                                .judge();
    ASSERT_TRUE(blocked.error.has_value()) << describe(blocked).toStdString();
    EXPECT_EQ(blocked.error->kind, QStringLiteral("MissingAllowOriginHeader"));
    EXPECT_EQ(blocked.error->chromeMessage,
        QStringLiteral("Access to fetch at 'http://localhost:8000/api/data' (redirected from 'http://127.0.0.1:8000/api/redirect') from origin "
                       "'http://127.0.0.1:8000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the "
                       "requested resource."));
}

ExchangeBuilder redirectChain(int redirects)
{
    ExchangeBuilder b(kPage, QStringLiteral("http://127.0.0.1:8000/r0"));
    for (int i = 0; i < redirects; ++i)
        b.hop(302, { { "Location", "/r" + QByteArray::number(i + 1) }, ACAO_PAGE, { "Vary", "Origin" } },
            QStringLiteral("http://127.0.0.1:8000/r%1").arg(i));
    b.hop(200, { ACAO_PAGE, { "Vary", "Origin" } }, QStringLiteral("http://127.0.0.1:8000/r%1").arg(redirects));
    return b;
}

TEST(CorsEngineTest, TwentyRedirectsAreFollowedTheTwentyFirstFails)
{
    // browsers.md §5.10; cors_url_loader: `if (redirect_count_++ == 20) ERR_TOO_MANY_REDIRECTS`.
    const Verdict twenty = redirectChain(20).judge();
    EXPECT_TRUE(twenty.allowed) << describe(twenty).toStdString();

    const Verdict tooMany = redirectChain(21).judge();
    EXPECT_FALSE(tooMany.allowed);
    ASSERT_TRUE(tooMany.error.has_value());
    EXPECT_TRUE(tooMany.error->kind.isEmpty()) << "not a CorsError: " << tooMany.error->kind.toStdString();
    EXPECT_TRUE(tooMany.chromium.console.join(u'\n').contains(QStringLiteral("net::ERR_TOO_MANY_REDIRECTS")))
        << tooMany.chromium.console.join(u'\n').toStdString();
    expectOneReportedFailure(tooMany, QStringLiteral("redirect-count"));
    EXPECT_EQ(tooMany.webkit.console.value(0), QStringLiteral("Load cannot follow more than 20 redirections"));
}

TEST(CorsEngineTest, RedirectToUrlWithCredentialsIsRefused)
{
    // browsers.md §2.2 kRedirectContainsCredentials; cors_url_loader CheckRedirectLocation.
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(302, { { "Location", "http://user:pass@127.0.0.1:8000/api/data" }, ACAO_PAGE, { "Vary", "Origin" } })
                          .judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("RedirectContainsCredentials"));
    EXPECT_TRUE(v.error->chromeMessage.startsWith(
        QStringLiteral("Access to fetch at 'http://127.0.0.1:8000/api/redirect' from origin '" PAGE "' has been blocked by CORS policy: Redirect location '")))
        << v.error->chromeMessage.toStdString();
    EXPECT_TRUE(v.error->chromeMessage.endsWith(
        QStringLiteral("' contains a username and password, which is disallowed for cross-origin requests.")));
    expectOneReportedFailure(v, QStringLiteral("redirect-credentials"));
}

TEST(CorsEngineTest, RedirectContainsCredentialsHasNoFailedParameter)
{
    // Chromium cors_url_loader.cc CheckRedirectLocation returns
    // `CorsErrorStatus(mojom::CorsError::kRedirectContainsCredentials)` with no hint, so
    // DevTools' failedParameter is "" and the console line reads "Redirect location ''".
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .hop(302, { { "Location", "http://user:pass@127.0.0.1:8000/api/data" }, ACAO_PAGE, { "Vary", "Origin" } })
                          .judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->failedParameter, QString());
    EXPECT_EQ(v.error->chromeMessage,
        chromeLine(QStringLiteral("Redirect location '' contains a username and password, which is disallowed for cross-origin requests."), kRedirectUrl));
}

TEST(CorsEngineTest, SameOriginRedirectToCrossOriginUrlWithCredentialsIsRefused)
{
    // cors_url_loader CheckRedirectLocation: mode cors, the Location has credentials and the
    // request's origin is not same origin with it -> kRedirectContainsCredentials, even though
    // the CORS flag was not set yet (the first URL was same-origin). Fetch "HTTP-redirect fetch"
    // step 7 says the same.
    const Verdict v = ExchangeBuilder(QStringLiteral("http://127.0.0.1:8000"), kRedirectUrl)
                          .hop(302, { { "Location", "http://user:pass@localhost:8000/api/data" } })
                          .judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("RedirectContainsCredentials"));
}

TEST(CorsEngineTest, RedirectModeManualGivesAnOpaqueRedirect)
{
    // corpus README: an opaqueredirect response counts as allowed. cors_url_loader checks CORS
    // on the redirect response before handing it over in manual mode.
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .redirect(RedirectMode::Manual)
                          .hop(302, { { "Location", "http://localhost:8000/elsewhere" }, ACAO_PAGE, { "Vary", "Origin" } })
                          .judge();
    EXPECT_TRUE(v.allowed) << describe(v).toStdString();
    EXPECT_EQ(v.chromium.allowed, std::optional<bool>(true));
    const auto* c = findCheck(v, QStringLiteral("redirect-mode"));
    ASSERT_NE(c, nullptr);
    EXPECT_NE(c->status, CheckStatus::Fail);

    const Verdict noAcao = ExchangeBuilder(kPage, kRedirectUrl)
                               .redirect(RedirectMode::Manual)
                               .hop(302, { { "Location", "http://localhost:8000/elsewhere" } })
                               .judge();
    ASSERT_TRUE(noAcao.error.has_value()) << describe(noAcao).toStdString();
    EXPECT_EQ(noAcao.error->kind, QStringLiteral("MissingAllowOriginHeader"));
}

TEST(CorsEngineTest, RedirectModeErrorIsANetworkError)
{
    const Verdict v = ExchangeBuilder(kPage, kRedirectUrl)
                          .redirect(RedirectMode::Error)
                          .hop(302, { { "Location", "/api/data" }, ACAO_PAGE, { "Vary", "Origin" } })
                          .judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty());
    expectOneReportedFailure(v, QStringLiteral("redirect-mode"));
}

// =============================================================================================
// Same-origin, request modes, schemes, forbidden methods (browsers.md §5.1, §5.2)
// =============================================================================================

TEST(CorsEngineTest, SameOriginNeedsNoCors)
{
    // corpus raw-same-origin-no-cors-headers, fa-same-origin-page-custom-header.
    const Verdict v = ExchangeBuilder(QStringLiteral("http://127.0.0.1:8000"))
                          .method("PUT")
                          .header("X-Token", "t")
                          .header("Content-Type", "application/json")
                          .hop(200, { { "Content-Type", "application/json" }, { "X-Custom", "1" } })
                          .judge();
    expectAllowedEverywhere(v);
    EXPECT_FALSE(v.crossOrigin);
    EXPECT_FALSE(v.corsApplies);
    EXPECT_FALSE(v.preflight.required);
    EXPECT_EQ(findCheck(v, QStringLiteral("actual-allow-origin")), nullptr);
    EXPECT_EQ(findCheck(v, QStringLiteral("preflight-allow-origin")), nullptr);
    EXPECT_NE(findCheck(v, QStringLiteral("request-same-origin")), nullptr);

    // Default port written out is still the same origin.
    const Verdict port = ExchangeBuilder(QStringLiteral("http://localhost"), QStringLiteral("http://localhost:80/api")).method("PUT").hop(200, {}).judge();
    EXPECT_FALSE(port.crossOrigin);
    EXPECT_TRUE(port.allowed);

    // Same host, other port: cross-origin.
    const Verdict otherPort = ExchangeBuilder(QStringLiteral("http://127.0.0.1:8001")).hop(200, {}).judge();
    EXPECT_TRUE(otherPort.crossOrigin);
    EXPECT_FALSE(otherPort.allowed);
}

TEST(CorsEngineTest, NoCorsModeIsAllowedButOpaque)
{
    // surprise 21 / corpus raw-vary-origin-cache: no Origin, no ACAO, the fetch resolves.
    // surprise 22: no-cors silently drops X-Token: no preflight.
    const Verdict v = ExchangeBuilder().mode(RequestMode::NoCors).header("X-Token", "t").hop(200, { { "Content-Type", "application/json" } }).judge();
    EXPECT_TRUE(v.allowed) << describe(v).toStdString();
    EXPECT_FALSE(v.error.has_value());
    EXPECT_FALSE(v.corsApplies);
    EXPECT_FALSE(v.preflight.required);
    EXPECT_EQ(findCheck(v, QStringLiteral("actual-allow-origin")), nullptr);
    const auto* c = findCheck(v, QStringLiteral("request-no-cors"));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CheckStatus::Warning);
}

TEST(CorsEngineTest, NoCorsModeRejectsNonSafelistedMethodsBeforeSending)
{
    // oracle README (raw-no-cors-mode-put, skipped from the corpus): fetch() throws
    // "TypeError: Failed to execute 'fetch' on 'Window': 'PUT' is unsupported in no-cors mode."
    // before any request; there is no network error line.
    const Verdict v = ExchangeBuilder().method("PUT").mode(RequestMode::NoCors).judge();
    EXPECT_FALSE(v.allowed);
    EXPECT_FALSE(v.preflight.required);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty());
    const QString console = v.chromium.console.join(u'\n');
    EXPECT_TRUE(console.contains(QStringLiteral("Failed to execute 'fetch' on 'Window': 'PUT' is unsupported in no-cors mode."))) << console.toStdString();
    EXPECT_FALSE(console.contains(QStringLiteral("net::"))) << console.toStdString();
}

TEST(CorsEngineTest, SameOriginModeRefusesCrossOrigin)
{
    // Blink's FetchManager rejects a cross-origin URL in mode 'same-origin' before the network
    // service sees it: a TypeError with "Fetch API cannot load URL. Request mode is
    // \"same-origin\" but the URL's origin is not same as the request origin ORIGIN.", not a
    // CORS error (kDisallowedByMode is the network service's, for other callers).
    const Verdict v = ExchangeBuilder().mode(RequestMode::SameOrigin).judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty()) << v.error->kind.toStdString();
    EXPECT_EQ(v.chromium.allowed, std::optional<bool>(false));
    EXPECT_EQ(v.chromium.console.value(0),
        QStringLiteral("Fetch API cannot load http://127.0.0.1:8000/api/data. Request mode is \"same-origin\" but the URL's origin is not same as "
                       "the request origin " PAGE "."));
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(false));
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(false));
    EXPECT_FALSE(v.preflight.required);
    expectOneReportedFailure(v, QStringLiteral("request-mode"));

    // Same-origin URL in same-origin mode is fine.
    const Verdict same = ExchangeBuilder(QStringLiteral("http://127.0.0.1:8000")).mode(RequestMode::SameOrigin).hop(200, {}).judge();
    EXPECT_TRUE(same.allowed);
}

TEST(CorsEngineTest, ForbiddenMethodThrowsBeforeSending)
{
    const Verdict v = ExchangeBuilder().method("TRACE").judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_TRUE(v.error->kind.isEmpty());
    EXPECT_FALSE(v.preflight.required);
    expectOneReportedFailure(v, QStringLiteral("request-method-forbidden"));
}

TEST(CorsEngineTest, NonHttpSchemeIsCorsDisabled)
{
    const Verdict v = ExchangeBuilder(kPage, QStringLiteral("ftp://127.0.0.1/file.txt")).judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("CorsDisabledScheme"));
    EXPECT_EQ(v.firefox.errorKind, QStringLiteral("CORSRequestNotHttp"));
    EXPECT_EQ(v.webkit.console.value(0), QStringLiteral("Cross origin requests are only supported for HTTP."));
}

TEST(CorsEngineTest, EachEngineNamesADifferentRefusedHeader)
{
    // Recorded in real browsers (tests/data/oracle/lead-two-headers-xtoken-contenttype and
    // lead-zeta-alpha-headers): Chromium names the first refused header in the page's order,
    // Firefox the alphabetically first, WebKit its well-known headers (Content-Type) before the
    // others, in canonical case.
    const Verdict v = ExchangeBuilder()
                          .method("POST")
                          .header("X-Token", "t")
                          .header("Content-Type", "application/json")
                          .preflight(204, { ACAO_PAGE })
                          .judge();
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("HeaderDisallowedByPreflightResponse"));
    EXPECT_EQ(v.error->failedParameter, QStringLiteral("x-token"));
    EXPECT_EQ(v.error->chromeMessage,
        chromeLine(QStringLiteral("Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response.")));
    EXPECT_EQ(v.firefox.errorKind, QStringLiteral("CORSMissingAllowHeaderFromPreflight"));
    EXPECT_EQ(v.firefox.failedParameter, QStringLiteral("content-type"));
    EXPECT_EQ(v.webkit.console.value(0), QStringLiteral("Request header field Content-Type is not allowed by Access-Control-Allow-Headers."));

    // Two custom headers written Z first: Chromium names x-zeta, Firefox x-alpha, WebKit X-Zeta.
    const Verdict two = ExchangeBuilder().header("X-Zeta", "1").header("X-Alpha", "2").preflight(204, { ACAO_PAGE }).judge();
    ASSERT_TRUE(two.error.has_value());
    EXPECT_EQ(two.error->failedParameter, QStringLiteral("x-zeta"));
    EXPECT_EQ(two.firefox.failedParameter, QStringLiteral("x-alpha"));
    EXPECT_EQ(two.webkit.console.value(0), QStringLiteral("Request header field X-Zeta is not allowed by Access-Control-Allow-Headers."));
}

TEST(CorsEngineTest, WebKitNamesCommonRequestHeadersInCanonicalCase)
{
    // WebKit's FetchHeaders store well-known names (HTTPHeaderNames.in: Content-Type,
    // Authorization, ...) by enum, so the refused-header line prints the canonical name
    // whatever case the page used (corpus raw-preflight-json-no-acah prints "Content-Type");
    // uncommon names keep the page's spelling (browsers.md "Observed in real WebKit").
    const Verdict v = ExchangeBuilder().method("POST").header("content-type", "application/json").preflight(204, { ACAO_PAGE }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->failedParameter, QStringLiteral("content-type"));
    EXPECT_EQ(v.webkit.console.value(0), QStringLiteral("Request header field Content-Type is not allowed by Access-Control-Allow-Headers."));

    const Verdict custom = ExchangeBuilder().header("x-Token", "t").preflight(204, { ACAO_PAGE }).judge();
    EXPECT_EQ(custom.webkit.console.value(0), QStringLiteral("Request header field x-Token is not allowed by Access-Control-Allow-Headers."));
}

TEST(CorsEngineTest, PreflightThreeHundredWithoutLocationIsABadStatusNotARedirect)
{
    // A 3xx without Location is not followed by the network stack: it is a plain non-ok status.
    const Verdict v = ExchangeBuilder().method("PUT").preflight(302, { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("PreflightInvalidStatus"));
}

TEST(CorsEngineTest, SameOriginResponseHeadersAreAllReadableButSetCookie)
{
    // Fetch "basic filtered response": a same-origin response exposes every header except the
    // forbidden response-header names Set-Cookie and Set-Cookie2 (the engine's own
    // request-same-origin check says "every header readable").
    const Verdict v = ExchangeBuilder(QStringLiteral("http://127.0.0.1:8000"))
                          .hop(200, { { "Content-Type", "application/json" }, { "X-Custom", "1" }, { "Set-Cookie", "a=b" } })
                          .judge();
    ASSERT_TRUE(v.allowed);
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("x-custom"))) << v.exposedHeaders.join(u',').toStdString();
    EXPECT_TRUE(v.exposedHeaders.contains(QStringLiteral("content-type"))) << v.exposedHeaders.join(u',').toStdString();
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("set-cookie")));
}

TEST(CorsEngineTest, NoCorsResponseExposesNothing)
{
    // An opaque response has an empty header list.
    const Verdict v = ExchangeBuilder().mode(RequestMode::NoCors).hop(200, { { "Content-Type", "application/json" }, { "X-Custom", "1" } }).judge();
    ASSERT_TRUE(v.allowed);
    EXPECT_FALSE(v.exposedHeaders.contains(QStringLiteral("x-custom")));
}

// =============================================================================================
// Local Network Access (browsers.md §5.12, surprise 18)
// =============================================================================================

TEST(CorsEngineTest, DataUrlPageCannotReachLoopbackInChromium)
{
    // surprise 18 / corpus fl-data-url-null-origin-default: Chromium blocks before sending;
    // Firefox and WebKit send it, and the exchange has no response for them to judge.
    const Verdict v = ExchangeBuilder(QStringLiteral("null")).pageUrl(QStringLiteral("data:text/html,<script>fetch('...')</script>")).judge();
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error.has_value()) << describe(v).toStdString();
    EXPECT_EQ(v.error->kind, QStringLiteral("InsecureLocalNetwork"));
    EXPECT_EQ(v.error->failedParameter, QString());
    EXPECT_EQ(v.error->chromeMessage,
        chromeLine(QStringLiteral("The request client is not a secure context and the resource is in more-private address space `loopback`."), kApi,
            QStringLiteral("null")));
    EXPECT_FALSE(v.preflight.required); // nothing went out
    EXPECT_EQ(v.chromium.allowed, std::optional<bool>(false));
    EXPECT_EQ(v.firefox.allowed, std::nullopt);
    EXPECT_EQ(v.webkit.allowed, std::nullopt);
    expectOneReportedFailure(v, QStringLiteral("local-network-access"));

    // Even a preflighted request: Chromium sends nothing.
    const Verdict put = ExchangeBuilder(QStringLiteral("null")).pageUrl(QStringLiteral("data:text/html,x")).method("PUT").judge();
    ASSERT_TRUE(put.error.has_value());
    EXPECT_EQ(put.error->kind, QStringLiteral("InsecureLocalNetwork"));
    EXPECT_FALSE(put.preflight.required);
}

TEST(CorsEngineTest, DataUrlPageWithRecordedFirefoxResponseIsJudgedForFirefoxAndWebKit)
{
    // When the exchange does hold the response (recorded with Firefox), Chromium still blocks
    // and the other two engines are judged on it.
    const Verdict v = ExchangeBuilder(QStringLiteral("null")).pageUrl(QStringLiteral("data:text/html,x")).hop(200, { { "Access-Control-Allow-Origin", "*" } }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("InsecureLocalNetwork"));
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(true));
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(true));
}

TEST(CorsEngineTest, SandboxedPageOnLoopbackIsNotLocalNetworkAccess)
{
    const Verdict v = ExchangeBuilder(QStringLiteral("null")).pageUrl(QStringLiteral("http://127.0.0.1:5173/sandboxed")).hop(200, { { "Access-Control-Allow-Origin", "*" } }).judge();
    expectAllowedEverywhere(v);
    const auto* lna = findCheck(v, QStringLiteral("local-network-access"));
    EXPECT_TRUE(lna == nullptr || lna->status != CheckStatus::Fail);
}

TEST(CorsEngineTest, InsecurePublicPageCannotReachLoopback)
{
    // browsers.md §5.12: non-secure (http:) public pages are blocked outright.
    const Verdict v = ExchangeBuilder(QStringLiteral("http://203.0.113.7")).hop(200, { { "Access-Control-Allow-Origin", "*" } }).judge();
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->kind, QStringLiteral("InsecureLocalNetwork"));
    EXPECT_EQ(v.firefox.allowed, std::optional<bool>(true));
    EXPECT_EQ(v.webkit.allowed, std::optional<bool>(true));

    // A loopback page reaching loopback is the everyday dev setup: no LNA at all.
    const Verdict dev = ExchangeBuilder().ok(kPageB).judge();
    EXPECT_EQ(findCheck(dev, QStringLiteral("local-network-access")), nullptr);
}

// =============================================================================================
// Incomplete exchanges
// =============================================================================================

TEST(CorsEngineTest, MissingActualResponseIsUnknownNotAllowed)
{
    const Verdict v = ExchangeBuilder().method("PUT").preflight(204, { ACAO_PAGE, { "Access-Control-Allow-Methods", "PUT" } }).judge();
    EXPECT_FALSE(v.error.has_value());
    EXPECT_EQ(v.chromium.allowed, std::nullopt);
    EXPECT_EQ(v.firefox.allowed, std::nullopt);
    EXPECT_EQ(v.webkit.allowed, std::nullopt);
    EXPECT_FALSE(v.allowed);
}

#undef ACAO_PAGE
#undef WK_STATUS
#undef PAGE
#undef WK_NOT_ALLOWED
#undef WK_MORE_THAN_ONE
#undef HAVE_SERVER

} // namespace
} // namespace corsbench::cors
