// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/curl_parser.h"
#include "core/ingest/ingest.h"

#include "diagnosis_test_support.h"

using namespace corsbench;
using namespace corsbench::ingest;
using corsbench::testing::readIngestData;

TEST(Curl, ChromeCopyAsCurlBash)
{
    auto c = parseCurlCommand(QString::fromUtf8(readIngestData("curl_bash.txt")));
    ASSERT_TRUE(c) << c.error().message.toStdString();
    EXPECT_EQ(c->intent.method, "PUT");
    EXPECT_EQ(c->intent.url, QUrl(QStringLiteral("https://api.example.com/v1/items/7")));
    EXPECT_EQ(c->origin, u"http://localhost:3000");
    // Author headers only: browser-set ones (origin, referer, sec-*, user-agent, accept-language) dropped.
    EXPECT_TRUE(c->intent.headers.contains("authorization"));
    EXPECT_TRUE(c->intent.headers.contains("content-type"));
    EXPECT_TRUE(c->intent.headers.contains("accept"));
    EXPECT_FALSE(c->intent.headers.contains("origin"));
    EXPECT_FALSE(c->intent.headers.contains("sec-fetch-mode"));
    EXPECT_FALSE(c->intent.headers.contains("user-agent"));
    EXPECT_EQ(c->intent.body, QByteArray("{\"name\":\"it's\",\"qty\":2}"));
}

TEST(Curl, ChromeCopyAsCurlCmd)
{
    auto c = parseCurlCommand(QString::fromUtf8(readIngestData("curl_cmd.txt")));
    ASSERT_TRUE(c) << c.error().message.toStdString();
    EXPECT_EQ(c->intent.method, "PUT");
    EXPECT_EQ(c->origin, u"http://localhost:3000");
    EXPECT_EQ(c->intent.headers.value("x-api-key").value_or(QByteArray()), QByteArray("abc"));
    EXPECT_EQ(c->intent.body, QByteArray("{\"name\":\"w\",\"qty\":2}"));
}

TEST(Curl, AnsiCQuotingCookiesAndDefaults)
{
    auto c = parseCurlCommand(u"curl $'https://a.example/x' -H $'x-note: it\\'s' -b 'sid=1' --data 'a=1'");
    ASSERT_TRUE(c) << c.error().message.toStdString();
    EXPECT_EQ(c->intent.method, "POST");
    EXPECT_EQ(c->intent.headers.value("x-note").value_or(QByteArray()), QByteArray("it's"));
    EXPECT_EQ(c->intent.credentials, http::CredentialsMode::Include);
    EXPECT_TRUE(c->origin.isEmpty());
    EXPECT_FALSE(c->notes.isEmpty()); // "no Origin header" explained
}

TEST(Curl, PreflightReplay)
{
    auto c = parseCurlCommand(u"curl -i -X OPTIONS https://a.example/x -H 'Origin: http://localhost:3000' "
                              u"-H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type,x-token'");
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->isPreflight);
    EXPECT_EQ(c->intent.method, "PUT");
    EXPECT_TRUE(c->intent.headers.contains("x-token"));
}

TEST(Curl, BadCommandsAreErrors)
{
    EXPECT_FALSE(parseCurlCommand(u"curl 'https://a.example/x"));
    EXPECT_FALSE(parseCurlCommand(u"curl -X PUT"));
    EXPECT_FALSE(parseCurlCommand(u"wget https://a.example/"));
    EXPECT_FALSE(parseCurlCommand(u"curl ^\"https://a.example/x"));
    QString huge = QStringLiteral("curl https://a.example/ ");
    for (int i = 0; i < 3000; ++i)
        huge += QStringLiteral("-k ");
    auto r = parseCurlCommand(huge);
    EXPECT_FALSE(r);
}

TEST(Curl, MultiLineCommandInAPasteKeepsItsLineRange)
{
    QByteArray paste = "some text\n" + readIngestData("curl_bash.txt") + "after\n";
    auto r = ingestText(paste);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->evidence.size(), 1);
    EXPECT_EQ(r->evidence.first().kind, EvidenceKind::Curl);
    EXPECT_EQ(r->evidence.first().firstLine, 2);
    EXPECT_EQ(r->evidence.first().lastLine, 13);
}
