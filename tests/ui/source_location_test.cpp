// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/source_location.h"

#include <gtest/gtest.h>

using namespace corsbench::ui;

TEST(SourceLocation, Utf8OffsetToLineAndColumn)
{
    const QByteArray text = "{\n  \"ä\": 1,\n  x\n}";
    // Byte offset of `x`: multi-byte characters before it count once in the column.
    const qsizetype offset = text.indexOf('x');
    EXPECT_EQ(positionOfUtf8Offset(text, offset), (SourcePosition { 2, 2 }));
    EXPECT_EQ(positionOfUtf8Offset(text, 0), (SourcePosition { 0, 0 }));
}

TEST(SourceLocation, FindsMemberPaths)
{
    const QString text = QStringLiteral("{\n"
                                        "  \"exchange\": {\n"
                                        "    \"request\": {\n"
                                        "      \"headers\": [\n"
                                        "        [\"a\", \"1\"],\n"
                                        "        [\"b\", {\"x\": [1, 2]}]\n"
                                        "      ]\n"
                                        "    }\n"
                                        "  }\n"
                                        "}\n");
    EXPECT_EQ(locateJsonPath(text, u"exchange.request.headers[1][1]"), (SourcePosition { 5, 14 }));
    EXPECT_EQ(locateJsonPath(text, u"exchange.request.headers[0]"), (SourcePosition { 4, 8 }));
    // Deepest existing member when the rest is missing.
    EXPECT_EQ(locateJsonPath(text, u"exchange.request.method"), (SourcePosition { 2, 15 }));
    EXPECT_FALSE(locateJsonPath(text, u"nothing.here").has_value());
    // A bare exchange file: the `exchange.` prefix of case paths is dropped.
    const QString bare = QStringLiteral("{\"request\": {\"url\": 3}}");
    EXPECT_EQ(locateJsonPath(bare, u"exchange.request.url"), (SourcePosition { 0, 20 }));
}

TEST(SourceLocation, ExtractsPathsFromMessages)
{
    EXPECT_EQ(jsonPathsInMessage(QStringLiteral("exchange.request.headers[2][1]: expected a string")),
        QStringList { QStringLiteral("exchange.request.headers[2][1]") });
    EXPECT_TRUE(jsonPathsInMessage(QStringLiteral("nothing to see")).isEmpty());
}
