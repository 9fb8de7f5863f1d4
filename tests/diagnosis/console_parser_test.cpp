// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/console_parser.h"
#include "core/ingest/ingest.h"

#include "diagnosis_test_support.h"

#include <QStringList>

using namespace corsbench::ingest;
using corsbench::testing::readIngestData;

namespace {

QList<QStringList> readTsv(const char* name)
{
    QList<QStringList> rows;
    for (const QByteArray& line : readIngestData(name).split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        rows.append(QString::fromUtf8(line).split(u'\t'));
    }
    return rows;
}

} // namespace

// Every Chromium reason (all eras, fetch/XHR/other initiators, redirects, old no-cors hints,
// PNA/LNA) plus every console line recorded in the corpus.
TEST(ChromeConsole, EveryReasonInTheTable)
{
    const auto rows = readTsv("chrome_console.tsv");
    ASSERT_GE(rows.size(), 80);
    for (const QStringList& r : rows) {
        ASSERT_EQ(r.size(), 4) << r.join(u'|').toStdString();
        const auto m = parseChromeConsoleLine(r.at(3));
        ASSERT_TRUE(m.has_value()) << r.at(3).toStdString();
        EXPECT_EQ(m->corsError, r.at(0)) << r.at(3).toStdString();
        EXPECT_EQ(m->failedParameter, r.at(1)) << r.at(3).toStdString();
        EXPECT_EQ(m->preflight, r.at(2) == u"1") << r.at(3).toStdString();
        EXPECT_FALSE(m->url.isEmpty());
        EXPECT_FALSE(m->origin.isEmpty());
    }
}

TEST(ChromeConsole, ExtractsUrlOriginInitiatorAndRedirect)
{
    const auto m = parseChromeConsoleLine(
        u"Access to fetch at 'https://b.example/new' (redirected from 'https://a.example/old') from origin 'https://app.example' "
        u"has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->initiator, u"fetch");
    EXPECT_EQ(m->url, u"https://b.example/new");
    EXPECT_EQ(m->redirectedFrom, u"https://a.example/old");
    EXPECT_EQ(m->origin, u"https://app.example");
    const auto x = parseChromeConsoleLine(
        u"Access to XMLHttpRequest at 'http://localhost:8000/x' from origin 'http://localhost:3000' has been blocked by CORS policy: "
        u"Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Credentials' header in "
        u"the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests "
        u"initiated by the XMLHttpRequest is controlled by the withCredentials attribute.");
    ASSERT_TRUE(x);
    EXPECT_EQ(x->initiator, u"XMLHttpRequest");
    EXPECT_EQ(x->corsError, u"PreflightInvalidAllowCredentials");
    EXPECT_TRUE(x->preflight);
}

TEST(ChromeConsole, LegacyHintAndAddressSpaces)
{
    const auto m = parseChromeConsoleLine(
        u"Access to fetch at 'https://api.example.com/v1' from origin 'http://localhost:3000' has been blocked by CORS policy: No "
        u"'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the "
        u"request's mode to 'no-cors' to fetch the resource with CORS disabled.");
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->legacyWording);
    const auto l = parseChromeConsoleLine(
        u"Access to fetch at 'http://localhost:8080/x' from origin 'https://site.example' has been blocked by CORS policy: Permission was "
        u"denied for this request to access the `loopback` address space.");
    ASSERT_TRUE(l);
    EXPECT_EQ(l->corsError, u"LocalNetworkAccessPermissionDenied");
    EXPECT_EQ(l->targetAddressSpace, u"loopback");
}

TEST(ChromeConsole, UnknownReasonIsStillAChromeLine)
{
    const auto m = parseChromeConsoleLine(
        u"Access to fetch at 'https://x.example/' from origin 'https://y.example' has been blocked by CORS policy: Some future reason.");
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->corsError.isEmpty());
    EXPECT_EQ(m->url, u"https://x.example/");
}

TEST(ChromeConsole, HintEncodingIsDecoded)
{
    const auto m = parseChromeConsoleLine(
        u"Access to fetch at 'https://x.example/' from origin 'https://y.example' has been blocked by CORS policy: The "
        u"'Access-Control-Allow-Origin' header contains the invalid value 'https://y.example\\u000A'. Have the server send the header "
        u"with a valid value.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->corsError, u"InvalidAllowOriginValue");
    EXPECT_EQ(m->failedParameter, QStringLiteral("https://y.example\n"));
}

TEST(ChromeConsole, NotChrome)
{
    EXPECT_FALSE(parseChromeConsoleLine(u"has been blocked by CORS policy: but no prefix"));
    EXPECT_FALSE(parseChromeConsoleLine(u"hello world"));
}

TEST(FirefoxConsole, EveryReasonInTheTable)
{
    const auto rows = readTsv("firefox_console.tsv");
    ASSERT_GE(rows.size(), 40);
    for (const QStringList& r : rows) {
        ASSERT_EQ(r.size(), 4);
        const auto m = parseFirefoxConsoleLine(r.at(3));
        ASSERT_TRUE(m.has_value()) << r.at(3).toStdString();
        EXPECT_EQ(m->firefoxReasonKey, r.at(0)) << r.at(3).toStdString();
        EXPECT_EQ(m->corsError, r.at(1)) << r.at(3).toStdString();
        if (r.at(2) != u"-") {
            EXPECT_EQ(m->failedParameter, r.at(2)) << r.at(3).toStdString();
        }
        EXPECT_FALSE(m->url.isEmpty()) << r.at(3).toStdString();
    }
}

TEST(FirefoxConsole, StatusUrlAndQuotes)
{
    const auto m = parseFirefoxConsoleLine(
        QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
                       "http://127.0.0.1:45223/api/data. (Reason: CORS preflight response did not succeed). Status code: 400."));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->url, u"http://127.0.0.1:45223/api/data");
    ASSERT_TRUE(m->status);
    EXPECT_EQ(*m->status, 400);
    EXPECT_TRUE(m->preflight);
    const auto c = parseFirefoxConsoleLine(
        QString::fromUtf8("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
                          "\xE2\x80\x98https://a.example/x\xE2\x80\x99. (Reason: Credential is not supported if the CORS header "
                          "\xE2\x80\x98" "Access-Control-Allow-Origin\xE2\x80\x99 is \xE2\x80\x98*\xE2\x80\x99)."));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->url, u"https://a.example/x");
    EXPECT_EQ(c->corsError, u"WildcardOriginNotAllowed");
    const auto n = parseFirefoxConsoleLine(u"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
                                           u"https://a.example/. (Reason: CORS request did not succeed). Status code: (null).");
    ASSERT_TRUE(n);
    EXPECT_FALSE(n->status.has_value());
    EXPECT_EQ(n->firefoxReasonKey, u"CORSDidNotSucceed");
}

// Every WebKit block recorded in the corpus: the reason line and the "Fetch API cannot load"
// line are detected as one Safari evidence item with the URL, and the kind agrees with Chromium's
// (WebKit cannot tell missing from mismatching ACAO, nor checks the preflight status first).
TEST(SafariConsole, CorpusBlocks)
{
    const QString text = QString::fromUtf8(readIngestData("safari_console.txt"));
    const QStringList blocks = text.split(QStringLiteral("\n## "));
    int checked = 0;
    for (QString block : blocks.mid(1)) {
        const QString chromeKind = block.section(u'\n', 0, 0).trimmed();
        const QByteArray body = block.section(u'\n', 1).toUtf8();
        auto r = ingestText(body);
        ASSERT_TRUE(r) << body.toStdString();
        ASSERT_EQ(r->evidence.size(), 1) << body.toStdString();
        const Evidence& e = r->evidence.first();
        EXPECT_EQ(e.kind, EvidenceKind::SafariConsole);
        ASSERT_TRUE(e.console);
        EXPECT_FALSE(e.console->url.isEmpty()) << body.toStdString();
        EXPECT_EQ(e.console->initiator, u"fetch");
        EXPECT_EQ(e.lastLine - e.firstLine, 1);
        const QString k = e.console->corsError;
        const bool agrees = k == chromeKind || QStringLiteral("Preflight") + k == chromeKind
            || (e.console->ambiguous && (chromeKind.contains(u"AllowOrigin") || chromeKind.contains(u"Wildcard")))
            || (k == u"PreflightInvalidStatus" && chromeKind.startsWith(u"Preflight")) || chromeKind == u"PreflightDisallowedRedirect";
        EXPECT_TRUE(agrees) << "safari " << k.toStdString() << " vs chrome " << chromeKind.toStdString() << "\n" << body.toStdString();
        ++checked;
    }
    EXPECT_GE(checked, 40);
}

TEST(SafariConsole, ReasonLines)
{
    auto m = parseSafariReasonLine(u"[Error] Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 500");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->origin, u"http://localhost:3000");
    EXPECT_EQ(m->status.value_or(0), 500);
    EXPECT_TRUE(m->ambiguous);
    m = parseSafariReasonLine(u"Request header field X-Api-Key is not allowed by Access-Control-Allow-Headers.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->failedParameter, u"x-api-key");
    m = parseSafariReasonLine(u"Method patch is not allowed by Access-Control-Allow-Methods.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->failedParameter, u"patch");
    m = parseSafariReasonLine(u"Cross-origin redirection to http://b.example/x denied by Cross-Origin Resource Sharing policy: Origin "
                              u"http://a.example is not allowed by Access-Control-Allow-Origin. Status code: 302");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->url, u"http://b.example/x");
    m = parseSafariReasonLine(u"Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->corsError, u"WildcardOriginNotAllowed");
    auto c = parseSafariCannotLoadLine(u"XMLHttpRequest cannot load https://x.example/a due to access control checks.");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->initiator, u"XMLHttpRequest");
    EXPECT_EQ(c->url, u"https://x.example/a");
}

TEST(NetworkErrors, ChromeFirefoxSafariAndMixedContent)
{
    auto m = parseNetworkErrorLine(u"GET http://localhost:8000/api net::ERR_CONNECTION_REFUSED");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->netError, u"net::ERR_CONNECTION_REFUSED");
    EXPECT_EQ(m->method, u"GET");
    EXPECT_EQ(m->url, u"http://localhost:8000/api");
    m = parseNetworkErrorLine(u"POST https://api.example.com/x net::ERR_FAILED 200 (OK)");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->status.value_or(0), 200);
    EXPECT_TRUE(parseNetworkErrorLine(u"Uncaught (in promise) TypeError: Failed to fetch"));
    EXPECT_TRUE(parseNetworkErrorLine(u"TypeError: NetworkError when attempting to fetch resource."));
    EXPECT_TRUE(parseNetworkErrorLine(u"Failed to load resource: the server responded with a status of 500 (Internal Server Error)"));
    auto mc = parseMixedContentLine(u"Mixed Content: The page at 'https://app.example/' was loaded over HTTPS, but requested an insecure "
                                    u"resource 'http://api.example/items/'. This request has been blocked; the content must be served over HTTPS.");
    ASSERT_TRUE(mc);
    EXPECT_EQ(mc->insecureUrl, u"http://api.example/items/");
    EXPECT_FALSE(parseNetworkErrorLine(u"just a line"));
}
