// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Origin serialization follows the URL standard (https://url.spec.whatwg.org/#origin):
// ACAO is compared byte-for-byte with this string, so every normalisation matters.
#include "core/http/origin.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace corsbench::http {
namespace {

struct SerializeCase {
    const char* input;
    const char* serialized;
};

void PrintTo(const SerializeCase& c, std::ostream* os)
{
    *os << c.input << " -> " << c.serialized;
}

class OriginParseTest : public ::testing::TestWithParam<SerializeCase> { };

TEST_P(OriginParseTest, SerializesPerUrlStandard)
{
    const auto& c = GetParam();
    const auto origin = Origin::parse(QString::fromUtf8(c.input));
    ASSERT_TRUE(origin.has_value()) << origin.error().message.toStdString();
    EXPECT_EQ(origin->serialize(), QString::fromUtf8(c.serialized));
}

INSTANTIATE_TEST_SUITE_P(Origins, OriginParseTest,
    ::testing::Values(
        SerializeCase { "http://127.0.0.1:5173", "http://127.0.0.1:5173" },
        // Default ports are dropped.
        SerializeCase { "http://example.com:80", "http://example.com" },
        SerializeCase { "https://example.com:443", "https://example.com" },
        SerializeCase { "ws://example.com:80", "ws://example.com" },
        SerializeCase { "wss://example.com:443", "wss://example.com" },
        // Non-default ports are kept, including 443 on http and 80 on https.
        SerializeCase { "http://example.com:443", "http://example.com:443" },
        SerializeCase { "https://example.com:80", "https://example.com:80" },
        // Scheme and host lower-cased.
        SerializeCase { "HTTP://LocalHost:5173", "http://localhost:5173" },
        SerializeCase { "HTTPS://API.Example.COM", "https://api.example.com" },
        // IPv6 literals keep their brackets; the address is in its compressed form.
        SerializeCase { "http://[::1]:8080", "http://[::1]:8080" },
        SerializeCase { "http://[0:0:0:0:0:0:0:1]", "http://[::1]" },
        SerializeCase { "http://[2001:DB8::1]:80", "http://[2001:db8::1]" },
        // One trailing slash is tolerated (people paste location.href of the root).
        SerializeCase { "http://127.0.0.1:5173/", "http://127.0.0.1:5173" },
        // The opaque origin.
        SerializeCase { "null", "null" }));

class OriginParseErrorTest : public ::testing::TestWithParam<const char*> { };

TEST_P(OriginParseErrorTest, RejectsWhatIsNotAnOrigin)
{
    const auto origin = Origin::parse(QString::fromUtf8(GetParam()));
    ASSERT_FALSE(origin.has_value()) << "parsed as " << origin->serialize().toStdString();
    EXPECT_FALSE(origin.error().message.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(NotOrigins, OriginParseErrorTest,
    ::testing::Values("", "http://127.0.0.1:5173/app", "http://example.com/a/b", "http://example.com?x=1", "http://example.com/?x=1",
        "http://example.com#top", "http://user:pass@example.com", "http://user@example.com", "example.com", "127.0.0.1:5173",
        "data:text/html,hi", "file:///tmp/page.html", "about:blank", "http://", "Null"));

TEST(OriginTest, ErrorNamesTheProblem)
{
    const auto withPath = Origin::parse(u"http://127.0.0.1:5173/app");
    ASSERT_FALSE(withPath.has_value());
    EXPECT_TRUE(withPath.error().message.contains(QStringLiteral("http://127.0.0.1:5173/app"))) << withPath.error().message.toStdString();
}

TEST(OriginTest, TupleParts)
{
    const auto o = Origin::parse(u"https://Example.com");
    ASSERT_TRUE(o.has_value());
    EXPECT_FALSE(o->isOpaque());
    EXPECT_EQ(o->scheme(), QStringLiteral("https"));
    EXPECT_EQ(o->host(), QStringLiteral("example.com"));
    EXPECT_EQ(o->port(), 443); // the effective port
    EXPECT_TRUE(Origin::opaque().isOpaque());
    EXPECT_TRUE(Origin().isOpaque());
    EXPECT_EQ(Origin().serialize(), QStringLiteral("null"));
}

struct FromUrlCase {
    const char* url;
    const char* origin;
};

void PrintTo(const FromUrlCase& c, std::ostream* os)
{
    *os << c.url << " -> " << c.origin;
}

class OriginFromUrlTest : public ::testing::TestWithParam<FromUrlCase> { };

TEST_P(OriginFromUrlTest, OriginOfUrl)
{
    const auto& c = GetParam();
    EXPECT_EQ(Origin::fromUrl(QUrl(QString::fromUtf8(c.url))).serialize(), QString::fromUtf8(c.origin));
}

INSTANTIATE_TEST_SUITE_P(Urls, OriginFromUrlTest,
    ::testing::Values(FromUrlCase { "http://127.0.0.1:8000/api/items/1?x=1#f", "http://127.0.0.1:8000" },
        FromUrlCase { "HTTP://EXAMPLE.com:80/Path", "http://example.com" },
        FromUrlCase { "https://user:pw@example.com:8443/", "https://example.com:8443" },
        FromUrlCase { "http://[::1]:5173/__page", "http://[::1]:5173" },
        // IDN hosts serialize in their ASCII (punycode) form, as browsers send them in Origin.
        FromUrlCase { "http://b\xC3\xBC" "cher.example/", "http://xn--bcher-kva.example" },
        // Opaque: data:, file:, about:, javascript:.
        FromUrlCase { "data:text/html,<script>fetch('x')</script>", "null" },
        FromUrlCase { "file:///home/me/page.html", "null" }, FromUrlCase { "about:blank", "null" },
        FromUrlCase { "javascript:void(0)", "null" },
        // blob: URLs have their creator's origin (the inner URL's).
        FromUrlCase { "blob:https://app.example.com/550e8400-e29b-41d4-a716-446655440000", "https://app.example.com" },
        FromUrlCase { "blob:http://127.0.0.1:5173/550e8400", "http://127.0.0.1:5173" },
        FromUrlCase { "blob:null/550e8400", "null" }));

TEST(OriginTest, SameOriginComparesSchemeHostAndPort)
{
    const Origin a = Origin::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:8000/a")));
    EXPECT_TRUE(a.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:8000/b?c")))));
    EXPECT_FALSE(a.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("https://127.0.0.1:8000/")))));
    EXPECT_FALSE(a.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:8001/")))));
    // localhost and 127.0.0.1 are different hosts (oracle: fa-origin-config-127-page-localhost).
    EXPECT_FALSE(a.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("http://localhost:8000/")))));
    // An explicit default port is the same origin as none.
    const Origin d = Origin::fromUrl(QUrl(QStringLiteral("http://example.com/")));
    EXPECT_TRUE(d.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("http://EXAMPLE.COM:80/x")))));
    EXPECT_TRUE(d.isSameOrigin(Origin::parse(u"http://example.com:80").value()));
}

TEST(OriginTest, OpaqueOriginsAreNeverSameOrigin)
{
    const Origin opaque = Origin::parse(u"null").value();
    EXPECT_FALSE(opaque.isSameOrigin(opaque));
    EXPECT_FALSE(opaque.isSameOrigin(Origin::fromUrl(QUrl(QStringLiteral("data:text/html,x")))));
    const Origin tuple = Origin::parse(u"http://127.0.0.1:5173").value();
    EXPECT_FALSE(opaque.isSameOrigin(tuple));
    EXPECT_FALSE(tuple.isSameOrigin(opaque));
}

TEST(OriginTest, DefaultPorts)
{
    EXPECT_EQ(defaultPortForScheme(u"http"), 80);
    EXPECT_EQ(defaultPortForScheme(u"https"), 443);
    EXPECT_EQ(defaultPortForScheme(u"ws"), 80);
    EXPECT_EQ(defaultPortForScheme(u"wss"), 443);
    EXPECT_EQ(defaultPortForScheme(u"data"), -1);
    EXPECT_EQ(defaultPortForScheme(u"file"), -1);
}

} // namespace
} // namespace corsbench::http
