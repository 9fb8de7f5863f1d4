// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/io/exchange_json.h"
#include "core/io/json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace corsbench;

namespace {

http::Exchange sample()
{
    http::Exchange ex;
    ex.pageOrigin = QStringLiteral("http://localhost:5173");
    ex.request.method = "PUT";
    ex.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/items/7"));
    ex.request.headers.append("Content-Type", "application/json");
    ex.request.headers.append("X-Quote", "say \"hi\"\t\\ é");
    http::Preflight pf;
    pf.response.status = 400;
    pf.response.reason = "Bad Request";
    pf.response.headers.append("vary", "Origin");
    pf.response.headers.append("Vary", "Accept-Encoding");
    ex.preflight = pf;
    return ex;
}

} // namespace

TEST(ReadableJson, RoundTripsToTheSameValue)
{
    const QJsonObject o = io::exchangeToJson(sample());
    const QByteArray text = io::toReadableJson(o);
    QJsonParseError err {};
    const QJsonDocument back = QJsonDocument::fromJson(text, &err);
    ASSERT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString() << "\n" << text.toStdString();
    EXPECT_EQ(back.object(), o);
    auto parsed = io::parseExchange(io::writeExchange(sample()));
    ASSERT_TRUE(parsed) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed.value(), sample());
}

TEST(ReadableJson, DocumentedOrderAndOneLinePerHeader)
{
    const QByteArray text = io::writeExchange(sample());
    // Members in the documented order, not alphabetical.
    const qsizetype format = text.indexOf("\"format\"");
    const qsizetype origin = text.indexOf("\"page_origin\"");
    const qsizetype request = text.indexOf("\"request\"");
    const qsizetype preflight = text.indexOf("\"preflight\"");
    const qsizetype actual = text.indexOf("\"actual\"");
    ASSERT_GE(format, 0);
    EXPECT_LT(format, origin);
    EXPECT_LT(origin, request);
    EXPECT_LT(request, preflight);
    EXPECT_LT(preflight, actual);
    EXPECT_LT(text.indexOf("\"method\""), text.indexOf("\"url\""));
    // A header pair is one line, duplicates and case kept.
    EXPECT_TRUE(text.contains("[\"vary\", \"Origin\"]")) << text.toStdString();
    EXPECT_TRUE(text.contains("[\"Vary\", \"Accept-Encoding\"]"));
    EXPECT_TRUE(text.contains("\"actual\": []"));
    EXPECT_TRUE(text.endsWith("}\n"));
}

TEST(ReadableJson, ScalarsAndNesting)
{
    EXPECT_EQ(io::toReadableJson(QJsonValue(1.5)), "1.5\n");
    EXPECT_EQ(io::toReadableJson(QJsonArray {}), "[]\n");
    EXPECT_EQ(io::toReadableJson(QJsonObject {}), "{}\n");
    EXPECT_EQ(io::toReadableJson(QJsonArray { 1, 2 }), "[1, 2]\n");
    const QByteArray nested = io::toReadableJson(QJsonObject { { QStringLiteral("b"), QJsonArray { QJsonObject { { QStringLiteral("x"), true } } } }, { QStringLiteral("a"), QJsonValue::Null } });
    EXPECT_EQ(nested, "{\n \"a\": null,\n \"b\": [\n  {\n   \"x\": true\n  }\n ]\n}\n");
}
