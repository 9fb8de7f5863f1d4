// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The Fetch-standard predicates behind "is a preflight needed": safelisted methods and
// request headers (with their value rules), forbidden methods and headers, the
// Access-Control-Request-Headers value, and the token-list parser used for ACAM/ACAH.
// Sources: ../shared/reference/browsers.md §5.2-5.6, oracle README surprises 3, 15 and 22.
#include "core/cors/fetch_rules.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace corsbench::cors::rules {
namespace {

using http::HeaderList;

// --- methods -------------------------------------------------------------------------------

TEST(FetchRulesTest, NormalizeMethodUpperCasesOnlyTheSixFetchMethods)
{
    // browsers.md "Observed in real Chromium 156": fetch() upper-cases only DELETE, GET, HEAD,
    // OPTIONS, POST, PUT, so `method: 'patch'` stays lower-case (corpus
    // raw-preflight-acam-upper-patch-lower-request: failedParameter "patch").
    EXPECT_EQ(normalizeMethod("delete"), QByteArray("DELETE"));
    EXPECT_EQ(normalizeMethod("Delete"), QByteArray("DELETE"));
    EXPECT_EQ(normalizeMethod("get"), QByteArray("GET"));
    EXPECT_EQ(normalizeMethod("head"), QByteArray("HEAD"));
    EXPECT_EQ(normalizeMethod("options"), QByteArray("OPTIONS"));
    EXPECT_EQ(normalizeMethod("post"), QByteArray("POST"));
    EXPECT_EQ(normalizeMethod("pUt"), QByteArray("PUT"));
    EXPECT_EQ(normalizeMethod("PUT"), QByteArray("PUT"));
    EXPECT_EQ(normalizeMethod("patch"), QByteArray("patch"));
    EXPECT_EQ(normalizeMethod("Patch"), QByteArray("Patch"));
    EXPECT_EQ(normalizeMethod("PATCH"), QByteArray("PATCH"));
    EXPECT_EQ(normalizeMethod("purge"), QByteArray("purge"));
    EXPECT_EQ(normalizeMethod("getx"), QByteArray("getx"));
}

TEST(FetchRulesTest, SafelistedMethodsAreGetHeadPost)
{
    for (const char* m : { "GET", "HEAD", "POST" })
        EXPECT_TRUE(isCorsSafelistedMethod(m)) << m;
    for (const char* m : { "PUT", "DELETE", "PATCH", "patch", "OPTIONS", "CONNECT", "PURGE", "" })
        EXPECT_FALSE(isCorsSafelistedMethod(m)) << m;
}

TEST(FetchRulesTest, ForbiddenMethodsAreCaseInsensitive)
{
    for (const char* m : { "CONNECT", "connect", "TRACE", "trace", "TRACK", "Track" })
        EXPECT_TRUE(isForbiddenMethod(m)) << m;
    for (const char* m : { "GET", "PUT", "OPTIONS", "CONNECTX", "TRAC", "" })
        EXPECT_FALSE(isForbiddenMethod(m)) << m;
}

TEST(FetchRulesTest, Tokens)
{
    EXPECT_TRUE(isToken("x-token"));
    EXPECT_TRUE(isToken("!#$%&'*+-.^_`|~09azAZ"));
    EXPECT_TRUE(isToken("*"));
    EXPECT_FALSE(isToken(""));
    EXPECT_FALSE(isToken("a b"));
    EXPECT_FALSE(isToken("a,b"));
    EXPECT_FALSE(isToken("a:b"));
    EXPECT_FALSE(isToken("\"a\""));
    EXPECT_FALSE(isToken("caf\xC3\xA9"));
}

// --- request header bytes -------------------------------------------------------------------

TEST(FetchRulesTest, CorsUnsafeRequestHeaderBytes)
{
    // browsers.md §5.3: 0x00-0x08, 0x0A-0x1F, " ( ) : < > ? @ [ \ ] { } and DEL; tab allowed.
    const QByteArray unsafe = QByteArray("\"():<>?@[\\]{}\x7F") + QByteArray("\x00\x01\x08\x0A\x0D\x1F", 6);
    for (char c : unsafe)
        EXPECT_TRUE(isCorsUnsafeRequestHeaderByte(c)) << "byte " << int(static_cast<unsigned char>(c));
    for (char c : QByteArray("\t azAZ09!#$%&'*+,-./;=^_`|~"))
        EXPECT_FALSE(isCorsUnsafeRequestHeaderByte(c)) << "byte " << int(static_cast<unsigned char>(c));
    EXPECT_FALSE(isCorsUnsafeRequestHeaderByte(static_cast<char>(0x80)));
    EXPECT_FALSE(isCorsUnsafeRequestHeaderByte(static_cast<char>(0xFF)));
}

// --- safelisted request headers ------------------------------------------------------------

struct SafelistCase {
    const char* label;
    QByteArray name;
    QByteArray value;
    bool safelisted;
};

void PrintTo(const SafelistCase& c, std::ostream* os)
{
    *os << c.label;
}

class SafelistedHeaderTest : public ::testing::TestWithParam<SafelistCase> { };

TEST_P(SafelistedHeaderTest, Value)
{
    const auto& c = GetParam();
    EXPECT_EQ(isCorsSafelistedRequestHeader(c.name, c.value), c.safelisted) << c.name.toStdString() << ": " << c.value.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Headers, SafelistedHeaderTest,
    ::testing::Values(
        // Accept: no unsafe byte, at most 128 bytes (oracle surprise 22: 128 passes, 129 preflights).
        SafelistCase { "accept_star", "Accept", "*/*", true },
        SafelistCase { "accept_list", "accept", "application/json, text/plain, */*", true },
        SafelistCase { "accept_128", "Accept", QByteArray(128, 'a'), true },
        SafelistCase { "accept_129", "Accept", QByteArray(129, 'a'), false },
        SafelistCase { "accept_quote", "Accept", "text/\"html\"", false },
        SafelistCase { "accept_paren", "Accept", "text/html(x)", false },
        SafelistCase { "accept_tab", "Accept", "text/html,\t*/*", true },
        // Accept-Language / Content-Language: only 0-9 A-Z a-z space * , - . ; =
        SafelistCase { "accept_language", "Accept-Language", "en-US,en;q=0.9", true },
        SafelistCase { "accept_language_star", "Accept-Language", "*", true },
        SafelistCase { "accept_language_at", "Accept-Language", "en@x", false },
        SafelistCase { "accept_language_underscore", "Accept-Language", "de_DE", false },
        SafelistCase { "accept_language_129", "Accept-Language", QByteArray(129, 'a'), false },
        SafelistCase { "content_language", "Content-Language", "en", true },
        SafelistCase { "content_language_at", "Content-Language", "en@x", false },
        SafelistCase { "content_language_slash", "Content-Language", "en/x", false },
        // Content-Type: the three MIME essences, parameters allowed, no unsafe bytes.
        SafelistCase { "ct_text_plain", "Content-Type", "text/plain", true },
        SafelistCase { "ct_text_plain_charset", "Content-Type", "text/plain;charset=UTF-8", true },
        SafelistCase { "ct_text_plain_space_charset", "content-type", "text/plain; charset=utf-8", true },
        SafelistCase { "ct_urlencoded", "Content-Type", "application/x-www-form-urlencoded", true },
        SafelistCase { "ct_urlencoded_charset", "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8", true },
        SafelistCase { "ct_multipart_boundary", "Content-Type", "multipart/form-data; boundary=x", true },
        SafelistCase { "ct_upper_case_essence", "Content-Type", "MULTIPART/Form-Data; boundary=x", true },
        SafelistCase { "ct_quoted_charset", "Content-Type", "text/plain; charset=\"utf-8\"", false },
        SafelistCase { "ct_json", "Content-Type", "application/json", false },
        SafelistCase { "ct_json_charset", "Content-Type", "application/json; charset=utf-8", false },
        SafelistCase { "ct_text_html", "Content-Type", "text/html", false },
        SafelistCase { "ct_text_plainx", "Content-Type", "text/plainx", false },
        SafelistCase { "ct_129", "Content-Type", "text/plain;a=" + QByteArray(129 - 13, 'b'), false },
        SafelistCase { "ct_128", "Content-Type", "text/plain;a=" + QByteArray(128 - 13, 'b'), true },
        // Range: a single simple byte range (oracle surprise 22: bytes=0-10 is not preflighted).
        SafelistCase { "range_closed", "Range", "bytes=0-10", true },
        SafelistCase { "range_open", "Range", "bytes=100-", true },
        SafelistCase { "range_suffix", "Range", "bytes=-500", false },
        SafelistCase { "range_multi", "Range", "bytes=0-10,20-30", false },
        SafelistCase { "range_reversed", "Range", "bytes=10-5", false },
        SafelistCase { "range_other_unit", "Range", "items=0-10", false },
        SafelistCase { "range_spaces", "Range", "bytes = 0-10", false },
        // Everything else needs a preflight.
        SafelistCase { "x_requested_with", "X-Requested-With", "XMLHttpRequest", false },
        SafelistCase { "authorization", "Authorization", "Bearer t", false },
        SafelistCase { "x_token", "X-Token", "t", false },
        SafelistCase { "cache_control", "Cache-Control", "no-cache", false }));

// --- forbidden request headers -------------------------------------------------------------

TEST(FetchRulesTest, ForbiddenRequestHeaderNames)
{
    // browsers.md §5.4.
    for (const char* n : { "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
             "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer",
             "Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via", "Proxy-Authorization", "proxy-connection",
             "Proxy-Anything", "Sec-Fetch-Mode", "sec-ch-ua", "Sec-Anything" })
        EXPECT_TRUE(isForbiddenRequestHeader(n, "x")) << n;
    for (const char* n : { "Authorization", "X-Token", "Content-Type", "Accept", "Proxy", "Sec", "Secret", "Proxyish", "X-Sec-Token",
             "Origin-Trial", "X-Forwarded-For" })
        EXPECT_FALSE(isForbiddenRequestHeader(n, "x")) << n;
}

TEST(FetchRulesTest, MethodOverrideHeadersAreForbiddenOnlyWithAForbiddenMethod)
{
    for (const char* n : { "X-HTTP-Method-Override", "x-http-method", "X-Method-Override" }) {
        EXPECT_TRUE(isForbiddenRequestHeader(n, "TRACE")) << n;
        EXPECT_TRUE(isForbiddenRequestHeader(n, "connect")) << n;
        EXPECT_TRUE(isForbiddenRequestHeader(n, "GET, Track")) << n;
        EXPECT_FALSE(isForbiddenRequestHeader(n, "PUT")) << n;
        EXPECT_FALSE(isForbiddenRequestHeader(n, "DELETE, PATCH")) << n;
    }
}

// --- CORS-unsafe names, the 1024-byte rule, Access-Control-Request-Headers -------------------

TEST(FetchRulesTest, UnsafeNamesAreLowerCasedAndSkipSafelistedAndForbidden)
{
    const HeaderList h { { "Accept", "*/*" }, { "X-Token", "a" }, { "Content-Type", "application/json" }, { "Cookie", "s=1" },
        { "Sec-Fetch-Mode", "cors" }, { "Content-Language", "en" } };
    const QList<QByteArray> names = corsUnsafeRequestHeaderNames(h);
    EXPECT_EQ(names, (QList<QByteArray> { "x-token", "content-type" }));
}

TEST(FetchRulesTest, SafelistedValuesOver1024BytesMakeThemAllUnsafe)
{
    // browsers.md §5.3 "Total rule" (Chromium kSafeListValueSizeMax = 1024): more than 1024
    // bytes of otherwise-safelisted values turn every one of them CORS-unsafe.
    HeaderList exact;
    for (int i = 0; i < 8; ++i)
        exact.append("Accept", QByteArray(128, 'a')); // 8 x 128 = 1024: still fine
    EXPECT_TRUE(corsUnsafeRequestHeaderNames(exact).isEmpty());
    EXPECT_EQ(accessControlRequestHeadersValue(exact), QByteArray());

    HeaderList over = exact;
    over.append("Content-Language", "e"); // 1025
    const QList<QByteArray> names = corsUnsafeRequestHeaderNames(over);
    EXPECT_TRUE(names.contains("accept"));
    EXPECT_TRUE(names.contains("content-language"));
    EXPECT_EQ(accessControlRequestHeadersValue(over), QByteArray("accept,content-language"));

    // Unsafe headers' own values do not count towards the 1024 bytes.
    HeaderList mixed { { "Accept", QByteArray(100, 'a') }, { "X-Big", QByteArray(2000, 'b') } };
    EXPECT_EQ(accessControlRequestHeadersValue(mixed), QByteArray("x-big"));
}

TEST(FetchRulesTest, AccessControlRequestHeadersIsLowerCasedSortedUniqueWithoutSpaces)
{
    // browsers.md §5.6: byte-lowercased, de-duplicated, sorted, joined with "," and no spaces.
    const HeaderList h { { "X-Request-Id", "7" }, { "Content-Type", "application/json" }, { "authorization", "Bearer t" },
        { "X-API-Key", "k" }, { "x-request-id", "8" }, { "Accept", "*/*" }, { "Origin", "http://evil.test" } };
    EXPECT_EQ(accessControlRequestHeadersValue(h), QByteArray("authorization,content-type,x-api-key,x-request-id"));
    EXPECT_EQ(accessControlRequestHeadersValue(HeaderList {}), QByteArray());
    EXPECT_EQ(accessControlRequestHeadersValue(HeaderList { { "Accept", "*/*" }, { "Range", "bytes=0-1" } }), QByteArray());
}

// --- token lists (Access-Control-Allow-Methods / -Headers / -Expose-Headers) ----------------

TEST(FetchRulesTest, ParseTokenList)
{
    using L = QList<QByteArray>;
    EXPECT_EQ(parseTokenList("GET, PUT"), std::optional<L>(L { "GET", "PUT" }));
    EXPECT_EQ(parseTokenList("GET,PUT"), std::optional<L>(L { "GET", "PUT" }));
    EXPECT_EQ(parseTokenList(" \tGET ,  PUT\t"), std::optional<L>(L { "GET", "PUT" }));
    // Empty items are skipped.
    EXPECT_EQ(parseTokenList("GET,,PUT,"), std::optional<L>(L { "GET", "PUT" }));
    EXPECT_EQ(parseTokenList(",, ,"), std::optional<L>(L {}));
    EXPECT_EQ(parseTokenList(""), std::optional<L>(L {}));
    // Case is kept (ACAM matching is case-sensitive: oracle surprise 15).
    EXPECT_EQ(parseTokenList("put, Patch, *"), std::optional<L>(L { "put", "Patch", "*" }));
    // Space-separated lists and non-token items are parse errors (corpus
    // raw-preflight-acam-invalid-syntax, raw-preflight-acah-invalid-syntax).
    EXPECT_EQ(parseTokenList("GET PUT"), std::nullopt);
    EXPECT_EQ(parseTokenList("X-Token X-Other"), std::nullopt);
    EXPECT_EQ(parseTokenList("GET;PUT"), std::nullopt);
    EXPECT_EQ(parseTokenList("GET, \"PUT\""), std::nullopt);
    EXPECT_EQ(parseTokenList("GET, PUT:"), std::nullopt);
}

TEST(FetchRulesTest, SafelistedResponseHeaderNames)
{
    for (const char* n : { "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma" })
        EXPECT_TRUE(isCorsSafelistedResponseHeaderName(n)) << n;
    for (const char* n : { "x-custom", "set-cookie", "vary", "date", "etag", "location", "access-control-allow-origin" })
        EXPECT_FALSE(isCorsSafelistedResponseHeaderName(n)) << n;
}

TEST(FetchRulesTest, MimeEssence)
{
    EXPECT_EQ(mimeEssence("Text/Plain; charset=UTF-8"), QByteArray("text/plain"));
    EXPECT_EQ(mimeEssence("application/json"), QByteArray("application/json"));
    EXPECT_EQ(mimeEssence("multipart/form-data;boundary=x"), QByteArray("multipart/form-data"));
}

} // namespace
} // namespace corsbench::cors::rules
