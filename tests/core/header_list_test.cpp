// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// HeaderList keeps the wire as it was (order, duplicates, name case) and looks names up
// case-insensitively; combinedValue joins duplicates the way Chromium's HttpResponseHeaders
// does, which is how "ACAO: a" + "ACAO: a" becomes the MultipleAllowOriginValues hint "a, a"
// (oracle README surprise 16, corpus raw-acao-duplicate-identical).
#include "core/http/header_list.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace corsbench::http {
namespace {

HeaderList sample()
{
    HeaderList h;
    h.append("access-control-allow-origin", "http://a.test");
    h.append("Content-Type", "application/json");
    h.append("Access-Control-Allow-Origin", "http://b.test");
    h.append("X-Custom", "1");
    return h;
}

TEST(HeaderListTest, KeepsWireOrderDuplicatesAndNameCase)
{
    const HeaderList h = sample();
    ASSERT_EQ(h.size(), 4);
    EXPECT_EQ(h.at(0).name, QByteArray("access-control-allow-origin"));
    EXPECT_EQ(h.at(1).name, QByteArray("Content-Type"));
    EXPECT_EQ(h.at(2).name, QByteArray("Access-Control-Allow-Origin"));
    EXPECT_EQ(h.at(2).value, QByteArray("http://b.test"));
    EXPECT_EQ(h.at(3).name, QByteArray("X-Custom"));

    QList<QByteArray> names;
    for (const Header& x : h)
        names.append(x.name);
    EXPECT_EQ(names, (QList<QByteArray> { "access-control-allow-origin", "Content-Type", "Access-Control-Allow-Origin", "X-Custom" }));
}

TEST(HeaderListTest, LookupIsCaseInsensitive)
{
    const HeaderList h = sample();
    EXPECT_TRUE(h.contains("CONTENT-TYPE"));
    EXPECT_TRUE(h.contains("content-type"));
    EXPECT_FALSE(h.contains("content-typ"));
    EXPECT_FALSE(h.contains("content-type "));
    EXPECT_EQ(h.count("ACCESS-control-ALLOW-origin"), 2);
    EXPECT_EQ(h.value("x-CUSTOM"), std::optional<QByteArray>("1"));
    // value() is the first line; values() every line, in order.
    EXPECT_EQ(h.value("Access-Control-Allow-Origin"), std::optional<QByteArray>("http://a.test"));
    EXPECT_EQ(h.values("access-control-allow-origin"), (QList<QByteArray> { "http://a.test", "http://b.test" }));
    EXPECT_EQ(h.value("Vary"), std::nullopt);
    EXPECT_TRUE(h.values("vary").isEmpty());
}

TEST(HeaderListTest, HeaderNameEqualsIsAsciiOnly)
{
    EXPECT_TRUE(headerNameEquals("X-Token", "x-token"));
    EXPECT_FALSE(headerNameEquals("X-Token", "x-tokens"));
    EXPECT_FALSE(headerNameEquals("x_token", "x-token"));
    // Not a Unicode case fold: 0xC9 (É in Latin-1) does not equal 0xE9 (é).
    EXPECT_FALSE(headerNameEquals("\xC9", "\xE9"));
}

TEST(HeaderListTest, CombinedValueJoinsTrimmedValuesWithCommaSpace)
{
    HeaderList h;
    h.append("Access-Control-Allow-Origin", "  http://127.0.0.1:5173\t");
    h.append("access-control-allow-origin", "http://127.0.0.1:5173  ");
    EXPECT_EQ(h.combinedValue("ACCESS-CONTROL-ALLOW-ORIGIN"), std::optional<QByteArray>("http://127.0.0.1:5173, http://127.0.0.1:5173"));

    HeaderList single;
    single.append("Access-Control-Allow-Credentials", " true ");
    EXPECT_EQ(single.combinedValue("access-control-allow-credentials"), std::optional<QByteArray>("true"));

    HeaderList dup;
    dup.append("Access-Control-Allow-Credentials", "true");
    dup.append("Access-Control-Allow-Credentials", "true");
    // corpus raw-acac-duplicate-true-include: Chromium's failedParameter is "true, true".
    EXPECT_EQ(dup.combinedValue("Access-Control-Allow-Credentials"), std::optional<QByteArray>("true, true"));
}

TEST(HeaderListTest, CombinedValueDistinguishesAbsentFromEmpty)
{
    HeaderList h;
    EXPECT_EQ(h.combinedValue("Access-Control-Allow-Origin"), std::nullopt);
    h.append("Access-Control-Allow-Origin", "");
    ASSERT_TRUE(h.combinedValue("Access-Control-Allow-Origin").has_value());
    EXPECT_TRUE(h.combinedValue("Access-Control-Allow-Origin")->isEmpty());
    h.append("Access-Control-Allow-Origin", "   ");
    EXPECT_EQ(h.combinedValue("Access-Control-Allow-Origin"), std::optional<QByteArray>(", "));
}

TEST(HeaderListTest, TrimOwsStripsOnlySpaceAndTab)
{
    EXPECT_EQ(trimOws(" \t a b \t "), QByteArray("a b"));
    EXPECT_EQ(trimOws("\r\nx\r\n"), QByteArray("\r\nx\r\n"));
    EXPECT_EQ(trimOws("   "), QByteArray());
    EXPECT_EQ(trimOws(""), QByteArray());
}

TEST(HeaderListTest, SetReplacesFirstOrAppendsAndRemoveAllRemovesEveryCase)
{
    HeaderList h = sample();
    h.set("ACCESS-CONTROL-ALLOW-ORIGIN", "*");
    ASSERT_EQ(h.size(), 4);
    EXPECT_EQ(h.at(0).name, QByteArray("access-control-allow-origin")); // name kept
    EXPECT_EQ(h.at(0).value, QByteArray("*"));
    EXPECT_EQ(h.at(2).value, QByteArray("http://b.test")); // the duplicate untouched

    h.set("Vary", "Origin");
    ASSERT_EQ(h.size(), 5);
    EXPECT_EQ(h.at(4), (Header { "Vary", "Origin" }));

    h.removeAll("access-control-ALLOW-origin");
    EXPECT_EQ(h.size(), 3);
    EXPECT_FALSE(h.contains("Access-Control-Allow-Origin"));
    EXPECT_EQ(h.at(0).name, QByteArray("Content-Type"));
}

TEST(HeaderListTest, EqualityIsOrderAndCaseSensitive)
{
    const HeaderList a { { "A", "1" }, { "B", "2" } };
    const HeaderList b { { "B", "2" }, { "A", "1" } };
    const HeaderList c { { "a", "1" }, { "B", "2" } };
    EXPECT_EQ(a, (HeaderList { { "A", "1" }, { "B", "2" } }));
    EXPECT_NE(a, b);
    EXPECT_NE(a, c);
}

} // namespace
} // namespace corsbench::http
