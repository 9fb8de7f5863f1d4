// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The corsbench.exchange/1 reader and writer (../shared/formats/exchange.md): lossless round
// trips, case files accepted wherever an exchange is, every kind of bad input reported with
// the member path or the line and column, and secrets redacted on export by default.
#include "core/io/exchange_json.h"

#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace corsbench::io {
namespace {

using http::Exchange;
using http::HeaderList;

Exchange fullExchange()
{
    Exchange ex;
    ex.pageOrigin = QStringLiteral("http://127.0.0.1:5173");
    ex.pageUrl = QStringLiteral("http://127.0.0.1:5173/settings");
    ex.request.method = "patch";
    ex.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/items/1?q=a%20b"));
    ex.request.headers = HeaderList { { "Content-Type", "application/json" }, { "X-Request-Id", "7" }, { "x-request-id", "8" } };
    ex.request.credentials = http::CredentialsMode::Include;
    ex.request.mode = http::RequestMode::Cors;
    ex.request.redirect = http::RedirectMode::Manual;
    ex.request.bodyKind = http::BodyKind::Blob;
    ex.request.blobType = "application/json";
    ex.request.body = "{\"a\":\"\xC3\xA9\"}";

    http::Preflight pf;
    http::HttpRequestHead preq;
    preq.method = "OPTIONS";
    preq.url = ex.request.url;
    preq.headers = HeaderList { { "Access-Control-Request-Method", "patch" }, { "Access-Control-Request-Headers", "content-type,x-request-id" },
        { "Origin", "http://127.0.0.1:5173" } };
    pf.request = preq;
    pf.response.status = 204;
    pf.response.reason = "No Content";
    pf.response.headers = HeaderList { { "access-control-allow-origin", "http://127.0.0.1:5173" },
        { "Access-Control-Allow-Origin", "http://127.0.0.1:5173" }, { "Access-Control-Allow-Methods", "patch" },
        { "X-Odd", "caf\xE9 \t tab" } };
    ex.preflight = pf;

    http::Hop first;
    http::HttpRequestHead req;
    req.method = "patch";
    req.url = ex.request.url;
    req.headers = HeaderList { { "Origin", "http://127.0.0.1:5173" } };
    first.request = req;
    first.response.status = 307;
    first.response.headers = HeaderList { { "Location", "/api/items/2" }, { "Access-Control-Allow-Origin", "http://127.0.0.1:5173" } };
    ex.actual.append(first);

    http::Hop second; // no request recorded
    second.response.status = 200;
    second.response.headers = HeaderList { { "Content-Type", "application/json" } };
    ex.actual.append(second);
    return ex;
}

TEST(ExchangeJsonTest, RoundTripIsLossless)
{
    const Exchange ex = fullExchange();
    WriteOptions keep;
    keep.redactSecrets = false;
    const QByteArray json = writeExchange(ex, keep);
    const auto back = parseExchange(json);
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString() << "\n" << json.toStdString();
    EXPECT_EQ(back->pageOrigin, ex.pageOrigin);
    EXPECT_EQ(back->pageUrl, ex.pageUrl);
    EXPECT_EQ(back->request, ex.request);
    EXPECT_EQ(back->preflight, ex.preflight);
    EXPECT_EQ(back->actual, ex.actual);
    EXPECT_EQ(back.value(), ex);
    // And once more: writing the parsed value gives the same bytes.
    EXPECT_EQ(writeExchange(back.value(), keep), json);
}

TEST(ExchangeJsonTest, RoundTripOfNetworkErrorsAndAbsentPreflight)
{
    Exchange ex;
    ex.pageOrigin = QStringLiteral("null");
    ex.pageUrl = QStringLiteral("data:text/html,hi");
    ex.request.url = QUrl(QStringLiteral("http://[::1]:8000/"));
    http::Hop hop;
    hop.response.networkError = QStringLiteral("connection refused");
    ex.actual.append(hop);
    const auto back = parseExchange(writeExchange(ex));
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString();
    EXPECT_EQ(back.value(), ex);
    EXPECT_FALSE(back->preflight.has_value());
    ASSERT_EQ(back->actual.size(), 1);
    EXPECT_TRUE(back->actual.first().response.isNetworkError());
    EXPECT_EQ(back->actual.first().response.networkError, QStringLiteral("connection refused"));
}

TEST(ExchangeJsonTest, WrittenJsonFollowsTheFormat)
{
    WriteOptions keep;
    keep.redactSecrets = false;
    const QJsonObject o = QJsonDocument::fromJson(writeExchange(fullExchange(), keep)).object();
    EXPECT_EQ(o.value(QStringLiteral("format")).toString(), QStringLiteral("corsbench.exchange/1"));
    EXPECT_EQ(o.value(QStringLiteral("page_origin")).toString(), QStringLiteral("http://127.0.0.1:5173"));
    const QJsonObject req = o.value(QStringLiteral("request")).toObject();
    EXPECT_EQ(req.value(QStringLiteral("credentials")).toString(), QStringLiteral("include"));
    EXPECT_EQ(req.value(QStringLiteral("mode")).toString(), QStringLiteral("cors"));
    EXPECT_EQ(req.value(QStringLiteral("redirect")).toString(), QStringLiteral("manual"));
    EXPECT_EQ(req.value(QStringLiteral("body_kind")).toString(), QStringLiteral("blob"));
    // Headers are [name, value] pairs in order, duplicates and case kept — never an object.
    const QJsonArray h = o.value(QStringLiteral("preflight")).toObject().value(QStringLiteral("response")).toObject().value(QStringLiteral("headers")).toArray();
    ASSERT_EQ(h.size(), 4);
    EXPECT_EQ(h.at(0).toArray().at(0).toString(), QStringLiteral("access-control-allow-origin"));
    EXPECT_EQ(h.at(1).toArray().at(0).toString(), QStringLiteral("Access-Control-Allow-Origin"));
    EXPECT_EQ(o.value(QStringLiteral("actual")).toArray().size(), 2);
}

TEST(ExchangeJsonTest, CaseFileIsAcceptedAsAnExchange)
{
    const QByteArray bytes = test::readTestFile(QStringLiteral("corpus/raw-acao-duplicate-identical.json"));
    ASSERT_FALSE(bytes.isEmpty());
    const auto ex = parseExchange(bytes);
    ASSERT_TRUE(ex.has_value()) << ex.error().message.toStdString();
    EXPECT_EQ(ex->pageOrigin, QStringLiteral("http://127.0.0.1:40645"));
    ASSERT_EQ(ex->actual.size(), 1);
    // The duplicate ACAO lines survive as two lines.
    EXPECT_EQ(ex->actual.first().response.headers.count("Access-Control-Allow-Origin"), 2);

    const auto cf = parseCase(bytes);
    ASSERT_TRUE(cf.has_value()) << cf.error().message.toStdString();
    EXPECT_EQ(cf->id, QStringLiteral("raw-acao-duplicate-identical"));
    EXPECT_EQ(cf->exchange, ex.value());
    ASSERT_TRUE(cf->expect.has_value());
    EXPECT_FALSE(cf->expect->allowed);
    EXPECT_EQ(cf->expect->corsError, QStringLiteral("MultipleAllowOriginValues"));
    EXPECT_EQ(cf->expect->failedParameter, QStringLiteral("http://127.0.0.1:40645, http://127.0.0.1:40645"));
    EXPECT_TRUE(cf->expect->hasFirefox);
    EXPECT_EQ(cf->expect->firefoxReasonKey, QStringLiteral("CORSMultipleAllowOriginNotAllowed"));
    EXPECT_TRUE(cf->expect->hasWebkit);
    EXPECT_EQ(cf->expect->webkitConsole.size(), 2);
}

TEST(ExchangeJsonTest, PlainExchangeParsesAsCaseWithoutExpectation)
{
    const auto cf = parseCase(R"({"page_origin":"http://a.test","request":{"url":"http://b.test/x"}})");
    ASSERT_TRUE(cf.has_value()) << cf.error().message.toStdString();
    EXPECT_FALSE(cf->expect.has_value());
    EXPECT_EQ(cf->exchange.request.method, QByteArray("GET"));
    EXPECT_EQ(cf->exchange.request.credentials, http::CredentialsMode::SameOrigin);
    EXPECT_EQ(cf->exchange.request.mode, http::RequestMode::Cors);
    EXPECT_EQ(cf->exchange.request.redirect, http::RedirectMode::Follow);
    EXPECT_FALSE(cf->exchange.preflight.has_value());
    EXPECT_TRUE(cf->exchange.actual.isEmpty());
}

TEST(ExchangeJsonTest, UnknownKeysAreIgnored)
{
    const auto ex = parseExchange(R"({"format":"corsbench.exchange/1","page_origin":"http://a.test","x-note":{"a":[1,2]},
        "request":{"url":"http://b.test/x","future":true},
        "actual":[{"response":{"status":200,"headers":[],"timing":{"ms":3}}}]})");
    ASSERT_TRUE(ex.has_value()) << ex.error().message.toStdString();
    EXPECT_EQ(ex->actual.size(), 1);
}

TEST(ExchangeJsonTest, PageOriginIsNormalised)
{
    const auto ex = parseExchange(R"({"page_origin":"HTTP://LOCALHOST:80/","request":{"url":"http://b.test/x"}})");
    ASSERT_TRUE(ex.has_value()) << ex.error().message.toStdString();
    EXPECT_EQ(ex->pageOrigin, QStringLiteral("http://localhost"));
}

TEST(ExchangeJsonTest, NulInHeaderValueEscapedInJsonIsRejected)
{
    const auto ex = parseExchange(R"({"page_origin":"http://a.test","request":{"url":"http://b.test/x","headers":[["X-A","a\u0000b"]]}})");
    ASSERT_FALSE(ex.has_value());
    EXPECT_TRUE(ex.error().message.contains(QStringLiteral("request.headers[0][1]"))) << ex.error().message.toStdString();
}

// --- bad input --------------------------------------------------------------------------------

struct BadInput {
    const char* label;
    const char* json;
    ErrorCode code;
    const char* mentions; // the member path or position the message must name
    const char* mentions2 = nullptr;
};

void PrintTo(const BadInput& b, std::ostream* os)
{
    *os << b.label;
}

class ExchangeJsonErrorTest : public ::testing::TestWithParam<BadInput> { };

TEST_P(ExchangeJsonErrorTest, ErrorNamesMemberOrPosition)
{
    const auto& b = GetParam();
    const auto ex = parseExchange(QByteArray(b.json));
    ASSERT_FALSE(ex.has_value()) << "accepted: " << b.json;
    const std::string message = ex.error().message.toStdString();
    EXPECT_EQ(ex.error().code, b.code) << message;
    EXPECT_NE(message.find(b.mentions), std::string::npos) << "message: " << message << "\nshould mention: " << b.mentions;
    if (b.mentions2) {
        EXPECT_NE(message.find(b.mentions2), std::string::npos) << "message: " << message << "\nshould mention: " << b.mentions2;
    }
}

#define EX_OK_HEAD R"("page_origin":"http://127.0.0.1:5173",)"
#define REQ_OK R"("request":{"method":"GET","url":"http://127.0.0.1:8000/api"})"

INSTANTIATE_TEST_SUITE_P(Inputs, ExchangeJsonErrorTest,
    ::testing::Values(
        // Syntax: line and column.
        BadInput { "truncated", R"({"page_origin": )", ErrorCode::InvalidJson, "line 1, column" },
        BadInput { "syntax_on_line_3", "{\n  \"page_origin\": \"http://a.test\",\n  \"request\": {,}\n}", ErrorCode::InvalidJson, "line 3, column" },
        BadInput { "trailing_garbage", "{} x", ErrorCode::InvalidJson, "line 1" },
        BadInput { "not_an_object", "[1, 2]", ErrorCode::InvalidFormat, "JSON object" },
        // Missing members.
        BadInput { "missing_page_origin", "{" REQ_OK "}", ErrorCode::InvalidFormat, "page_origin", "missing" },
        BadInput { "missing_request", "{" EX_OK_HEAD R"("actual":[]})", ErrorCode::InvalidFormat, "request", "missing" },
        BadInput { "missing_url", "{" EX_OK_HEAD R"("request":{"method":"GET"}})", ErrorCode::InvalidFormat, "request.url", "missing" },
        BadInput { "missing_status", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"headers":[]}}]})", ErrorCode::InvalidFormat,
            "actual[0].response.status" },
        BadInput { "missing_preflight_response", "{" EX_OK_HEAD REQ_OK R"(,"preflight":{"request":null}})", ErrorCode::InvalidFormat,
            "preflight.response" },
        // Wrong types.
        BadInput { "page_origin_number", R"({"page_origin":5,)" REQ_OK "}", ErrorCode::InvalidFormat, "page_origin", "a number" },
        BadInput { "request_string", "{" EX_OK_HEAD R"("request":"GET /"})", ErrorCode::InvalidFormat, "request", "a string" },
        BadInput { "url_number", "{" EX_OK_HEAD R"("request":{"url":42}})", ErrorCode::InvalidFormat, "request.url" },
        BadInput { "status_string", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":"200"}}]})", ErrorCode::InvalidFormat,
            "actual[0].response.status" },
        BadInput { "actual_object", "{" EX_OK_HEAD REQ_OK R"(,"actual":{"response":{"status":200}}})", ErrorCode::InvalidFormat, "actual" },
        BadInput { "preflight_array", "{" EX_OK_HEAD REQ_OK R"(,"preflight":[]})", ErrorCode::InvalidFormat, "preflight" },
        BadInput { "credentials_bool", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","credentials":true}})", ErrorCode::InvalidFormat,
            "request.credentials" },
        // Unknown enum values.
        BadInput { "credentials_unknown", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","credentials":"always"}})",
            ErrorCode::UnsupportedValue, "request.credentials", "always" },
        BadInput { "mode_unknown", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","mode":"cross-origin"}})", ErrorCode::UnsupportedValue,
            "request.mode", "cross-origin" },
        BadInput { "redirect_unknown", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","redirect":"follow-once"}})",
            ErrorCode::UnsupportedValue, "request.redirect" },
        BadInput { "body_kind_unknown", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","body_kind":"xml"}})", ErrorCode::UnsupportedValue,
            "request.body_kind" },
        BadInput { "format_unknown", R"({"format":"corsbench.exchange/2",)" EX_OK_HEAD REQ_OK "}", ErrorCode::UnsupportedValue, "format",
            "corsbench.exchange/2" },
        // Headers: pairs in an array, token names, no control characters in values.
        BadInput { "headers_object", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":{"X-A":"1"}}})", ErrorCode::InvalidFormat,
            "request.headers", "not an object" },
        BadInput { "header_triple", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["X-A","1","2"]]}})",
            ErrorCode::InvalidFormat, "request.headers[0]", "3 items" },
        BadInput { "header_single", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["X-A","1"],["X-B"]]}})",
            ErrorCode::InvalidFormat, "request.headers[1]" },
        BadInput { "header_string", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":["X-A: 1"]}})", ErrorCode::InvalidFormat,
            "request.headers[0]" },
        BadInput { "header_value_number", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["X-A",1]]}})",
            ErrorCode::InvalidFormat, "request.headers[0][1]" },
        BadInput { "header_name_space", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["X A","1"]]}})",
            ErrorCode::InvalidFormat, "request.headers[0][0]" },
        BadInput { "header_name_colon", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":200,"headers":[["ok","1"],["X-A:","1"]]}}]})",
            ErrorCode::InvalidFormat, "actual[0].response.headers[1][0]" },
        BadInput { "header_name_empty", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["","1"]]}})", ErrorCode::InvalidFormat,
            "request.headers[0][0]" },
        BadInput { "header_value_cr", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","headers":[["X-A","a\rb"]]}})",
            ErrorCode::InvalidFormat, "request.headers[0][1]", "control character" },
        BadInput { "header_value_lf_injection", "{" EX_OK_HEAD REQ_OK
            R"(,"preflight":{"response":{"status":204,"headers":[["Access-Control-Allow-Origin","http://127.0.0.1:5173\nSet-Cookie: a=b"]]}}})",
            ErrorCode::InvalidFormat, "preflight.response.headers[0][1]", "control character" },
        BadInput { "header_value_nul", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":200,"headers":[["X-A","a\u0000"]]}}]})",
            ErrorCode::InvalidFormat, "actual[0].response.headers[0][1]" },
        // Status range and integrality.
        BadInput { "status_1000", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":1000}}]})", ErrorCode::InvalidFormat,
            "actual[0].response.status", "1000" },
        BadInput { "status_99", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":99}}]})", ErrorCode::InvalidFormat,
            "actual[0].response.status" },
        BadInput { "status_negative", "{" EX_OK_HEAD REQ_OK R"(,"preflight":{"response":{"status":-200}}})", ErrorCode::InvalidFormat,
            "preflight.response.status" },
        BadInput { "status_fraction", "{" EX_OK_HEAD REQ_OK R"(,"actual":[{"response":{"status":200.5}}]})", ErrorCode::InvalidFormat,
            "actual[0].response.status" },
        BadInput { "status_second_hop", "{" EX_OK_HEAD REQ_OK
            R"(,"actual":[{"response":{"status":302,"headers":[["Location","/x"]]}},{"response":{"status":0}}]})", ErrorCode::InvalidFormat,
            "actual[1].response.status" },
        // Values that are not what they claim to be.
        BadInput { "url_relative", "{" EX_OK_HEAD R"("request":{"url":"/api/data"}})", ErrorCode::InvalidFormat, "request.url" },
        BadInput { "page_origin_with_path", R"({"page_origin":"http://127.0.0.1:5173/app",)" REQ_OK "}", ErrorCode::InvalidFormat,
            "page_origin" },
        BadInput { "method_not_token", "{" EX_OK_HEAD R"("request":{"url":"http://b.test/","method":"GET PUT"}})", ErrorCode::InvalidFormat,
            "request.method" },
        // A case file: the path starts at "exchange".
        BadInput { "case_inner_error", R"({"id":"x","exchange":{"page_origin":"http://a.test","request":{"url":"http://b.test/","mode":"nope"}}})",
            ErrorCode::UnsupportedValue, "exchange.request.mode" },
        BadInput { "case_exchange_not_object", R"({"id":"x","exchange":"..."})", ErrorCode::InvalidFormat, "exchange" }));

#undef EX_OK_HEAD
#undef REQ_OK

// --- redaction --------------------------------------------------------------------------------

Exchange secretExchange()
{
    Exchange ex;
    ex.pageOrigin = QStringLiteral("http://127.0.0.1:5173");
    ex.request.url = QUrl(QStringLiteral("http://alice:hunter2@127.0.0.1:8000/api"));
    ex.request.headers = HeaderList { { "Authorization", "Bearer SECRET-BEARER" }, { "X-Auth-Token", "SECRET-TOKEN" },
        { "X-API-Key", "SECRET-KEY" }, { "X-Request-Id", "visible-id" } };
    http::Hop hop;
    http::HttpRequestHead req;
    req.method = "GET";
    req.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api"));
    req.headers = HeaderList { { "Cookie", "session=SECRET-COOKIE" }, { "Proxy-Authorization", "Basic SECRET-PROXY" } };
    hop.request = req;
    hop.response.status = 200;
    hop.response.headers = HeaderList { { "Set-Cookie", "sid=SECRET-SET-COOKIE; HttpOnly" },
        { "Access-Control-Allow-Origin", "http://127.0.0.1:5173" } };
    ex.actual.append(hop);
    return ex;
}

TEST(ExchangeJsonTest, SecretsAreRedactedByDefault)
{
    const QByteArray json = writeExchange(secretExchange());
    for (const char* secret : { "SECRET-BEARER", "SECRET-TOKEN", "SECRET-KEY", "SECRET-COOKIE", "SECRET-PROXY", "SECRET-SET-COOKIE", "hunter2" }) {
        EXPECT_FALSE(json.contains(secret)) << secret << " leaked into\n" << json.toStdString();
    }
    // The names stay, so the export still shows that the header was sent.
    EXPECT_TRUE(json.contains("\"Authorization\""));
    EXPECT_TRUE(json.contains("\"Cookie\""));
    EXPECT_TRUE(json.contains("\"Set-Cookie\""));
    EXPECT_TRUE(json.contains("[redacted]"));
    // Everything else is untouched.
    EXPECT_TRUE(json.contains("visible-id"));
    EXPECT_TRUE(json.contains("http://127.0.0.1:5173"));

    // The redacted export is still a valid exchange.
    const auto back = parseExchange(json);
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString();
    EXPECT_EQ(back->request.headers.value("Authorization"), std::optional<QByteArray>("[redacted]"));
    EXPECT_EQ(back->request.headers.value("X-Request-Id"), std::optional<QByteArray>("visible-id"));
}

TEST(ExchangeJsonTest, RedactionCanBeTurnedOff)
{
    WriteOptions keep;
    keep.redactSecrets = false;
    const QByteArray json = writeExchange(secretExchange(), keep);
    for (const char* secret : { "SECRET-BEARER", "SECRET-TOKEN", "SECRET-KEY", "SECRET-COOKIE", "SECRET-PROXY", "SECRET-SET-COOKIE", "hunter2" }) {
        EXPECT_TRUE(json.contains(secret)) << secret;
    }
    EXPECT_FALSE(json.contains("[redacted]"));
    const auto back = parseExchange(json);
    ASSERT_TRUE(back.has_value()) << back.error().message.toStdString();
    EXPECT_EQ(back.value(), secretExchange());
}

TEST(ExchangeJsonTest, SecretHeaderNames)
{
    for (const char* n : { "Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-API-Key", "X-Auth-Token", "X-CSRF-Token" }) {
        EXPECT_TRUE(isSecretHeader(n)) << n;
    }
    for (const char* n : { "Content-Type", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers",
             "X-Request-Id", "Origin", "Vary" })
        EXPECT_FALSE(isSecretHeader(n)) << n;
}

} // namespace
} // namespace corsbench::io
