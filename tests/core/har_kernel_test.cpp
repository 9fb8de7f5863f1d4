// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// HarReader's SIMD kernels (core/ingest/har_kernel*.{h,cpp}): every kernel compiled in and
// runnable here is forced in turn and must give the exchanges the portable kernel gives, on the
// checked-in HARs and on generated ones built to hit 64-byte block edges, escapes and window
// refills. Hostile input must be a clear error under every kernel.
#include "core/ingest/har_kernel.h"
#include "core/ingest/har_reader.h"

#include "test_support.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>

namespace corsbench::ingest {
namespace {

using har::Kernel;

struct Case {
    std::string name;
    QByteArray json;
};

struct Parsed {
    QList<http::Exchange> exchanges;
    QList<HarSource> sources;
    HarStats stats;
    std::optional<Error> error;
};

Parsed collect(const std::function<Result<HarStats>(const ExchangeSink&)>& run)
{
    Parsed p;
    auto r = run([&](http::Exchange&& e, const HarSource& s) {
        p.exchanges.append(std::move(e));
        p.sources.append(s);
    });
    if (r)
        p.stats = r.value();
    else
        p.error = r.error();
    return p;
}

Parsed parseWith(QByteArrayView json, Kernel k)
{
    return collect([&](const ExchangeSink& sink) { return HarReader::parse(json, sink, k); });
}

Parsed parseFileWith(const QString& path, Kernel k)
{
    return collect([&](const ExchangeSink& sink) { return HarReader::parseFile(path, sink, HarReader::kMaxFileBytes, k); });
}

QByteArray readData(const char* name)
{
    QFile f(QStringLiteral(CORSBENCH_TEST_DATA_DIR "/ingest/") + QLatin1String(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

void expectSame(const Parsed& a, const Parsed& b, const std::string& what)
{
    ASSERT_EQ(a.error.has_value(), b.error.has_value()) << what << ": " << (a.error ? a.error->message : b.error->message).toStdString();
    if (a.error) {
        EXPECT_EQ(a.error->code, b.error->code) << what;
        EXPECT_EQ(a.error->message, b.error->message) << what;
        return;
    }
    EXPECT_EQ(a.stats.entries, b.stats.entries) << what;
    EXPECT_EQ(a.stats.corsEntries, b.stats.corsEntries) << what;
    EXPECT_EQ(a.stats.preflights, b.stats.preflights) << what;
    EXPECT_EQ(a.stats.paired, b.stats.paired) << what;
    EXPECT_EQ(a.stats.unpairedPreflights, b.stats.unpairedPreflights) << what;
    EXPECT_EQ(a.stats.exchanges, b.stats.exchanges) << what;
    EXPECT_EQ(a.stats.creator, b.stats.creator) << what;
    ASSERT_EQ(a.exchanges.size(), b.exchanges.size()) << what;
    for (qsizetype i = 0; i < a.exchanges.size(); ++i) {
        EXPECT_TRUE(a.exchanges.at(i) == b.exchanges.at(i)) << what << ": exchange " << i;
        EXPECT_EQ(a.sources.at(i).entryIndex, b.sources.at(i).entryIndex) << what << ": exchange " << i;
        EXPECT_EQ(a.sources.at(i).preflightIndex, b.sources.at(i).preflightIndex) << what << ": exchange " << i;
    }
}

QByteArray header(const QByteArray& name, const QByteArray& value)
{
    return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
}

// A Chrome-shaped HAR whose entries shift by one byte each, with escapes, brackets in strings,
// multi-byte UTF-8, escaped keys, redirects, preflights (paired and refused) and plain entries.
QByteArray generatedHar(int pages, int bodyBytes)
{
    QByteArray out = "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"Gen \\\"erator\\\"\",\"version\":\"1.\\u0032\"},\"pages\":[{\"id\":\"p[1]\"}],\"entries\":[\n";
    const QByteArray origin = "http://localhost:5173";
    for (int i = 0; i < pages; ++i) {
        const QByteArray id = QByteArray::number(i);
        QByteArray body;
        for (int j = 0; body.size() < bodyBytes + i % 67; ++j)
            body += "{\\\"k\\\":\\\"v" + QByteArray(j % 5, '\\').replace("\\", "\\\\") + "\\\\\\\"}]\\\\\\\"},[{é\\u00e9 ";
        const QByteArray pad(i % 64, ' ');
        if (i)
            out += ",";
        // Not CORS (no Origin): skipped by the assembler, but still walked.
        out += "{\"_resourceType\":\"script\",\"request\":{\"method\":\"GET\",\"url\":\"http://localhost:5173/app-" + id + ".js\",\"headers\":["
            + header("Accept", "*/*") + "]},\"response\":{\"status\":200,\"headers\":[],\"content\":{\"text\":\"" + body + "\"}}}," + pad;
        // A preflighted PUT with an escaped header value, an escaped key and an author header.
        out += "{\"request\":{\"method\":\"OPTIONS\",\"url\":\"http://127.0.0.1:8000/items/" + id + "\",\"headers\":[" + header("Origin", origin) + ","
            + header("Access-Control-Request-Method", "PUT") + "," + header("Access-Control-Request-Headers", "x-note,content-type")
            + "]},\"response\":{\"status\":204,\"statusText\":\"No \\\"Content\\\"\",\"headers\":[" + header("access-control-allow-origin", origin) + ","
            + header("access-control-allow-methods", "PUT") + "," + header("access-control-allow-headers", "x-note, content-type") + "]}},";
        out += "{\"timings\":{\"wait\":[1,[2,{\"x\":\"]\"}]]},\"request\":{\"url\":\"http://127.0.0.1:8000/items/" + id + "\",\"method\":\"PUT\",\"headers\":["
            + header("Origin", origin) + "," + header("X-Note", "a\\\"b\\\\c " + id) + ",{\"n\\u0061me\":\"Content-Type\",\"value\":\"application/json\"}"
            + "," + header("Cookie", "s=1") + "]},\"response\":{\"status\":" + QByteArray(i % 3 ? "200" : "500") + ",\"headers\":["
            + header("access-control-allow-origin", origin) + "],\"content\":{\"size\":3,\"text\":\"" + body.left(bodyBytes / 2) + "\"}},\"_error\":null},";
        // A redirect: 307 to /v2, then the /v2 entry becomes the second hop.
        out += "{\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:8000/old/" + id + "\",\"headers\":[" + header("Origin", origin)
            + "]},\"response\":{\"status\":307,\"headers\":[" + header("Location", "/v2/" + id) + "],\"redirectURL\":\"/v2/" + id + "\"}},";
        out += "{\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:8000/v2/" + id + "\",\"headers\":[" + header("Origin", "null")
            + "]},\"response\":{\"status\":200,\"headers\":[" + header("access-control-allow-origin", "*") + "]}},";
        // A refused preflight whose request never went out; a failed fetch (status 0).
        out += "{\"request\":{\"method\":\"OPTIONS\",\"url\":\"http://127.0.0.1:8000/admin/" + id + "\",\"headers\":[" + header("Origin", origin) + ","
            + header("Access-Control-Request-Method", "DELETE") + "]},\"response\":{\"status\":403,\"headers\":[]}},";
        out += "{\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:9/down/" + id + "\",\"headers\":[" + header("Origin", origin)
            + "]},\"response\":{\"status\":0,\"headers\":[],\"_error\":\"net::ERR_CONNECTION_REFUSED\"}}";
    }
    out += "\n]}}";
    return out;
}

TEST(HarKernel, DispatchListsRunnableKernelsBestFirst)
{
    const auto kernels = har::availableKernels();
    ASSERT_FALSE(kernels.empty());
    EXPECT_EQ(kernels.back(), Kernel::Portable);
    EXPECT_EQ(har::resolveKernel(Kernel::Auto), kernels.front());
    for (Kernel k : kernels) {
        EXPECT_EQ(har::resolveKernel(k), k);
        std::unique_ptr<har::EntryKernel> instance(har::newKernel(k));
        EXPECT_STRNE(instance->name(), "");
    }
#if defined(__x86_64__)
    // The three targets are compiled on x86-64, and their simdjson kernels are what they claim.
    EXPECT_EQ(HarReader::kernelName(Kernel::Portable), u"fallback");
    if (har::resolveKernel(Kernel::Haswell) == Kernel::Haswell) {
        EXPECT_EQ(HarReader::kernelName(Kernel::Haswell), u"haswell");
    }
    if (har::resolveKernel(Kernel::Westmere) == Kernel::Westmere) {
        EXPECT_EQ(HarReader::kernelName(Kernel::Westmere), u"westmere");
    }
    if (__builtin_cpu_supports("avx2")) {
        EXPECT_EQ(kernels.front(), Kernel::Haswell);
    }
#endif
}

TEST(HarKernel, GeneratedHarReadsAsBuilt)
{
    const QByteArray json = generatedHar(40, 300);
    const Parsed p = parseWith(json, Kernel::Portable);
    ASSERT_FALSE(p.error) << p.error->message.toStdString();
    EXPECT_EQ(p.stats.creator, u"Gen \"erator\" 1.2");
    EXPECT_EQ(p.stats.entries, 40 * 7);
    EXPECT_EQ(p.stats.preflights, 40 * 2);
    EXPECT_EQ(p.stats.paired, 40);
    // Per page: the paired PUT, the redirected GET, the refused DELETE, the failed GET.
    ASSERT_EQ(p.exchanges.size(), 40 * 4);
    const http::Exchange& put = p.exchanges.at(0);
    EXPECT_EQ(put.request.method, "PUT");
    ASSERT_TRUE(put.preflight);
    EXPECT_EQ(put.preflight->response.reason, "No \"Content\"");
    ASSERT_EQ(put.actual.size(), 1);
    const http::HeaderList& sent = put.actual.first().request->headers;
    EXPECT_EQ(sent.value("x-note"), QByteArray("a\"b\\c 0"));
    EXPECT_EQ(sent.value("content-type"), QByteArray("application/json")); // key written "n\u0061me"
    EXPECT_EQ(put.request.credentials, http::CredentialsMode::Include);
    const http::Exchange& redirected = p.exchanges.at(1);
    ASSERT_EQ(redirected.actual.size(), 2);
    EXPECT_EQ(redirected.actual.at(1).request->url, QUrl(QStringLiteral("http://127.0.0.1:8000/v2/0")));
    ASSERT_EQ(p.exchanges.at(2).actual.size(), 1);
    EXPECT_TRUE(p.exchanges.at(2).actual.first().response.isNetworkError());
    EXPECT_EQ(p.exchanges.at(2).actual.first().response.networkError, u"net::ERR_CONNECTION_REFUSED");
    // Refused preflights without an actual request come last, one exchange each.
    const http::Exchange& refused = p.exchanges.last();
    EXPECT_EQ(refused.request.method, "DELETE");
    ASSERT_TRUE(refused.preflight);
    EXPECT_EQ(refused.preflight->response.status, 403);
    EXPECT_TRUE(refused.actual.isEmpty());
}

TEST(HarKernel, EveryKernelGivesTheSameExchanges)
{
    const std::vector<Case> inputs = {
        { "chrome_export.har", readData("chrome_export.har") },
        { "firefox_export.har", readData("firefox_export.har") },
        { "generated", generatedHar(60, 200) },
        { "generated, big bodies", generatedHar(8, 5000) },
    };
    for (const auto& [name, json] : inputs) {
        const Parsed reference = parseWith(json, Kernel::Portable);
        ASSERT_FALSE(reference.error) << name << ": " << reference.error->message.toStdString();
        ASSERT_FALSE(reference.exchanges.isEmpty()) << name;
        for (Kernel k : har::availableKernels())
            expectSame(parseWith(json, k), reference, name + " / " + har::kernelName(k));
    }
}

TEST(HarKernel, FileWindowRefillsAndGrowthGiveTheSameExchanges)
{
    // > 8 MiB so the read window refills mid-entry, plus one entry larger than the window.
    QByteArray json = generatedHar(1200, 7000);
    const QByteArray big = "{\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:8000/big\",\"headers\":[" + header("Origin", "http://o.example")
        + "]},\"response\":{\"status\":200,\"headers\":[],\"content\":{\"text\":\"" + QByteArray(9 * 1024 * 1024, 'x') + "\"}}}";
    json.insert(json.size() - 4, "," + big);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.har"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    ASSERT_EQ(f.write(json), json.size());
    f.close();
    const Parsed reference = parseWith(json, Kernel::Portable);
    ASSERT_FALSE(reference.error) << reference.error->message.toStdString();
    EXPECT_TRUE(std::any_of(reference.exchanges.cbegin(), reference.exchanges.cend(),
        [](const http::Exchange& e) { return e.request.url == QUrl(QStringLiteral("http://127.0.0.1:8000/big")); }));
    for (Kernel k : har::availableKernels())
        expectSame(parseFileWith(path, k), reference, std::string("file / ") + har::kernelName(k));
}

// Reference for skipToObjectEnd: index of the byte closing the object whose '{' precedes s[0].
qsizetype referenceEnd(const QByteArray& s)
{
    int depth = 1;
    bool inString = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s.at(i);
        if (c == '\\') {
            ++i; // a backslash escapes the next byte (only inside strings in valid JSON)
        } else if (inString) {
            if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i;
        }
    }
    return -1;
}

TEST(HarKernel, SkipFindsTheObjectEndAcrossBlocksAndRefills)
{
    std::mt19937 rng(20261207);
    const char alphabet[] = { 'a', ' ', '"', '\\', '\\', '{', '}', '[', ']', ',', ':' };
    for (Kernel k : har::availableKernels()) {
        std::unique_ptr<har::EntryKernel> kernel(har::newKernel(k));
        for (int round = 0; round < 300; ++round) {
            // Random bytes, then enough closers to end the object; compare with the reference,
            // fed whole and in two pieces split anywhere (the state carries across).
            QByteArray s;
            const int n = 1 + int(rng() % 300);
            for (int i = 0; i < n; ++i)
                s += alphabet[rng() % sizeof(alphabet)];
            s += QByteArray(400, '"') + QByteArray(20, '\\') + "\"" + QByteArray(900, '}');
            const qsizetype want = referenceEnd(s);
            if (want < 0)
                continue;
            QByteArray buf = s + QByteArray(qsizetype(har::kPadding), '}'); // the padding must not count
            for (qsizetype split : { qsizetype(0), qsizetype(rng() % s.size()), qsizetype(63), qsizetype(64), qsizetype(s.size() - 1) }) {
                if (split > want)
                    continue;
                har::SkipState st;
                std::ptrdiff_t got = kernel->skipToObjectEnd(buf.constData(), 0, size_t(split), st);
                ASSERT_EQ(got, std::ptrdiff_t(split)) << har::kernelName(k) << " round " << round;
                got = kernel->skipToObjectEnd(buf.constData(), size_t(split), size_t(s.size()), st);
                ASSERT_EQ(got, std::ptrdiff_t(want)) << har::kernelName(k) << " round " << round << " split " << split;
            }
        }
        // Too deep: refused, not overflowed.
        const QByteArray deep = QByteArray(har::EntryKernel::kMaxDepth + 5, '[') + QByteArray(64, ' ');
        har::SkipState st;
        EXPECT_EQ(kernel->skipToObjectEnd(deep.constData(), 0, size_t(deep.size() - 64), st), -1) << har::kernelName(k);
    }
}

TEST(HarKernel, HostileInputIsAClearErrorUnderEveryKernel)
{
    const QByteArray good = generatedHar(6, 150);
    std::vector<Case> bad;
    for (int cut : { 1, 17, 64, 65, 200, 1000, 2047, 4096 })
        bad.push_back(Case { "truncated at " + std::to_string(cut), good.left(cut) });
    bad.push_back(Case { "truncated before the end", good.left(good.size() - 2) });
    bad.push_back(Case { "entry is a number", "{\"log\":{\"entries\":[1]}}" });
    bad.push_back(Case { "method is a number", "{\"log\":{\"entries\":[{\"request\":{\"method\":5,\"url\":\"http://a/\",\"headers\":[]}}]}}" });
    bad.push_back(Case { "headers is an object", "{\"log\":{\"entries\":[{\"request\":{\"headers\":{\"a\":1}}}]}}" });
    bad.push_back(Case { "deeply nested entry", "{\"log\":{\"entries\":[{\"x\":" + QByteArray(3000, '[') + QByteArray(3000, ']') + "}]}}" });
    bad.push_back(Case { "unclosed string in entry", "{\"log\":{\"entries\":[{\"request\":{\"url\":\"http://a/" + QByteArray(5000, 'a') + "}]}}" });
    bad.push_back(Case { "control byte in a string", QByteArray("{\"log\":{\"entries\":[{\"request\":{\"url\":\"http://a/\x01\"}}]}}") });
    bad.push_back(Case { "invalid UTF-8", "{\"log\":{\"entries\":[{\"request\":{\"url\":\"http://a/\xff\xfe\"}}]}}" });
    bad.push_back(Case { "mismatched brackets", "{\"log\":{\"entries\":[{\"request\":[}]}}" });
    QByteArray binary(70000, '\0');
    std::mt19937 rng(7);
    for (char& c : binary)
        c = char(rng());
    binary.prepend("{\"log\":{\"entries\":[{\"x\":\"");
    bad.push_back(Case { "binary", binary });
    for (const auto& [name, json] : bad) {
        const Parsed reference = parseWith(json, Kernel::Portable);
        ASSERT_TRUE(reference.error) << name;
        EXPECT_FALSE(reference.error->message.isEmpty()) << name;
        for (Kernel k : har::availableKernels())
            expectSame(parseWith(json, k), reference, name + " / " + har::kernelName(k));
    }
    // A huge string in an ignored member is skipped, not an error.
    const QByteArray huge = "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/\",\"headers\":[" + header("Origin", "http://o.example")
        + "]},\"response\":{\"status\":200,\"headers\":[],\"content\":{\"text\":\"" + QByteArray(3 * 1024 * 1024, 'q') + "\"}}}]}}";
    for (Kernel k : har::availableKernels()) {
        const Parsed p = parseWith(huge, k);
        ASSERT_FALSE(p.error) << har::kernelName(k) << ": " << p.error->message.toStdString();
        EXPECT_EQ(p.exchanges.size(), 1);
    }
}

// HarReader shares repeated strings, header lists and parsed URLs through fixed-size caches whose
// hash reads only the ends of a string: entries that differ in the middle of a value or a URL (same
// length, same ends), more of them than the caches hold, interleaved with exact repeats, lists too
// big to cache and a URL too long to cache must each keep their own bytes.
TEST(HarKernel, CachedHeadersAndUrlsKeepEachEntrysOwnBytes)
{
    const QByteArray origin = "http://localhost:5173";
    auto middle = [](int i) -> QByteArray { return QByteArray::number(i).rightJustified(4, '0'); };
    auto token = [&](int i) -> QByteArray { return "token-start-" + middle(i % 3 == 0 ? 0 : i) + "-end-of-token"; };
    // URLs that share an origin are parsed from the origin's QUrl plus a path and query, unless
    // they hold anything a parsing mode could recode: each must equal QUrl::fromEncoded's result.
    const QList<QByteArray> odd = { "http://127.0.0.1:8000/q?page=1&x=2", "http://127.0.0.1:8000/q?", "http://127.0.0.1:8000/q?a?b/c",
        "http://127.0.0.1:8000/f#frag", "http://127.0.0.1:8000/sp%20ace", "http://127.0.0.1:8000/sp ace", "HTTP://EXAMPLE.com:80/Up/./../x",
        "http://[::1]:8000/v6", "http://user:pw@127.0.0.1:8000/u", "http://127.0.0.1:8000", "http://127.0.0.1:8000/", "http://127.0.0.1:8000/\u00e9",
        "https://a.example/p;x=1,2", "http://127.0.0.1:8000?q=1", "http://127.0.0.1:8000/p?q=%41", "file:///etc/x", "relative/path", "http:///p" };
    auto url = [&](int i) -> QByteArray {
        if (i == 7)
            return "http://127.0.0.1:8000/long/" + QByteArray(3000, 'x') + middle(i);
        if (i % 10 == 5)
            return odd.at((i / 10) % odd.size());
        return "http://127.0.0.1:8000/items/" + middle(i % 3 == 0 ? 0 : i) + "/detail-suffix";
    };
    constexpr int kEntries = 900;
    QByteArray json = "{\"log\":{\"entries\":[";
    for (int i = 0; i < kEntries; ++i) {
        QByteArray headers = header("Accept", "*/*") + "," + header("Origin", origin) + "," + header("X-Token", token(i));
        if (i % 50 == 1) {
            for (int k = 0; k < 70; ++k) // more headers than a cached list holds
                headers += "," + header("X-Extra-" + QByteArray::number(k), middle(i));
        }
        if (i)
            json += ",";
        json += "{\"request\":{\"method\":\"GET\",\"url\":\"" + url(i) + "\",\"headers\":[" + headers + "]},\"response\":{\"status\":200,\"headers\":["
            + header("access-control-allow-origin", origin) + "," + header("etag", token(i + 1)) + "]}}";
    }
    json += "]}}";
    for (Kernel k : har::availableKernels()) {
        const Parsed p = parseWith(json, k);
        ASSERT_FALSE(p.error) << har::kernelName(k) << ": " << p.error->message.toStdString();
        ASSERT_EQ(p.exchanges.size(), kEntries) << har::kernelName(k);
        for (int i = 0; i < kEntries; ++i) {
            const http::Exchange& ex = p.exchanges.at(i);
            SCOPED_TRACE(std::string(har::kernelName(k)) + ", entry " + std::to_string(i));
            const QUrl expected = QUrl::fromEncoded(QByteArray(url(i)).replace("\\u00e9", "\xc3\xa9"));
            EXPECT_EQ(ex.request.url, expected);
            EXPECT_EQ(ex.request.url.toEncoded(), expected.toEncoded());
            EXPECT_EQ(ex.request.url.hasQuery(), expected.hasQuery());
            EXPECT_EQ(ex.pageOrigin, QString::fromLatin1(origin));
            // The intent keeps the page's own header only (Accept: */* and Origin are the browser's).
            ASSERT_EQ(ex.request.headers.size(), i % 50 == 1 ? 71 : 1);
            EXPECT_EQ(ex.request.headers.value("x-token"), token(i));
            ASSERT_EQ(ex.actual.size(), 1);
            const http::Hop& hop = ex.actual.first();
            EXPECT_EQ(hop.request->url, ex.request.url);
            EXPECT_EQ(hop.request->headers.size(), i % 50 == 1 ? 73 : 3);
            EXPECT_EQ(hop.request->headers.value("x-token"), token(i));
            if (i % 50 == 1) {
                EXPECT_EQ(hop.request->headers.value("x-extra-69"), middle(i));
            }
            EXPECT_EQ(hop.response.headers.value("etag"), token(i + 1));
        }
    }
    // A request with two headers arrays (the first one known from an earlier entry) gets both,
    // and does not change what the known array stands for.
    const QByteArray known = "[" + header("Origin", origin) + "," + header("X-A", "1") + "]";
    const QByteArray twice = "{\"log\":{\"entries\":["
                             "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/1\",\"headers\":" + known + "},\"response\":{\"status\":200,\"headers\":[]}},"
                             "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/2\",\"headers\":" + known + ",\"headers\":[" + header("X-B", "2")
        + "]},\"response\":{\"status\":200,\"headers\":[]}},"
          "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/3\",\"headers\":" + known + "},\"response\":{\"status\":200,\"headers\":[]}}]}}";
    for (Kernel k : har::availableKernels()) {
        const Parsed p = parseWith(twice, k);
        ASSERT_FALSE(p.error) << har::kernelName(k) << ": " << p.error->message.toStdString();
        ASSERT_EQ(p.exchanges.size(), 3) << har::kernelName(k);
        const http::HeaderList expected1 { { "Origin", origin }, { "X-A", "1" } };
        const http::HeaderList expected2 { { "Origin", origin }, { "X-A", "1" }, { "X-B", "2" } };
        EXPECT_EQ(p.exchanges.at(0).actual.first().request->headers, expected1) << har::kernelName(k);
        EXPECT_EQ(p.exchanges.at(1).actual.first().request->headers, expected2) << har::kernelName(k);
        EXPECT_EQ(p.exchanges.at(2).actual.first().request->headers, expected1) << har::kernelName(k);
    }
    // The response headers of an entry without Origin are skipped, unless the entry may be the
    // next hop of a redirect: then they are read.
    const QByteArray plain = "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/p\",\"headers\":[" + header("Accept", "*/*")
        + "]},\"response\":{\"status\":200,\"headers\":[" + header("x-plain", "1") + "]}}";
    const QByteArray redirected = "{\"log\":{\"entries\":[" + plain + "," + plain
        + ",{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/old\",\"headers\":[" + header("Origin", origin)
        + "]},\"response\":{\"status\":307,\"headers\":[" + header("Location", "/new") + "]}},"
          "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.example/new\",\"headers\":[" + header("Accept", "*/*")
        + "]},\"response\":{\"status\":200,\"headers\":[" + header("x-plain", "2") + "]}}," + plain + "]}}";
    for (Kernel k : har::availableKernels()) {
        const Parsed p = parseWith(redirected, k);
        ASSERT_FALSE(p.error) << har::kernelName(k) << ": " << p.error->message.toStdString();
        ASSERT_EQ(p.exchanges.size(), 1) << har::kernelName(k);
        ASSERT_EQ(p.exchanges.first().actual.size(), 2) << har::kernelName(k);
        EXPECT_EQ(p.exchanges.first().actual.at(1).response.headers.value("x-plain"), QByteArray("2")) << har::kernelName(k);
        EXPECT_EQ(p.exchanges.first().actual.at(1).request->headers.value("accept"), QByteArray("*/*")) << har::kernelName(k);
        EXPECT_EQ(p.stats.entries, 5) << har::kernelName(k);
    }
}

} // namespace
} // namespace corsbench::ingest
