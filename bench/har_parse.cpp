// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Benchmark: parsing a ~100 MB HAR (Chrome-shaped entries, preflights as separate entries) into
// paired exchanges with HarReader, against QJsonDocument::fromJson and a bare simdjson on-demand
// walk of the same fields. Each variant runs in its own child process so its peak RSS
// (getrusage ru_maxrss) is its own. Usage: har_parse [--mb N] [--script-kb K] [--keep FILE]
#include "core/ingest/har_reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <simdjson.h>
#include <sys/resource.h>

#include <cstdio>

namespace {

namespace od = simdjson::ondemand;

QByteArray headersJson(const QList<QPair<QByteArray, QByteArray>>& h)
{
    QByteArray out = "[";
    for (int i = 0; i < h.size(); ++i) {
        if (i)
            out += ',';
        out += "{\"name\":\"" + h.at(i).first + "\",\"value\":\"" + h.at(i).second + "\"}";
    }
    return out + ']';
}

QByteArray entryJson(const QByteArray& method, const QByteArray& url, const QList<QPair<QByteArray, QByteArray>>& reqHeaders,
                     int status, const QList<QPair<QByteArray, QByteArray>>& respHeaders, const QByteArray& type, int bodyBytes, int seq)
{
    QByteArray body;
    if (bodyBytes > 0) {
        body.reserve(bodyBytes + 32);
        body += "[";
        for (int i = 0; body.size() < bodyBytes; ++i)
            body += "{\\\"id\\\":" + QByteArray::number(seq * 100 + i) + ",\\\"name\\\":\\\"item \\u00e9 " + QByteArray::number(i) + "\\\"},";
        body += "{}]";
    }
    return "{\"_initiator\":{\"type\":\"script\",\"stack\":{\"callFrames\":[{\"functionName\":\"load\",\"scriptId\":\"12\",\"url\":\"http://localhost:5173/src/api.ts\",\"lineNumber\":41,\"columnNumber\":9}]}},"
           "\"_priority\":\"High\",\"_resourceType\":\"" + type + "\",\"cache\":{},\"connection\":\"" + QByteArray::number(1000 + seq % 7) + "\","
           "\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url + "\",\"httpVersion\":\"HTTP/1.1\",\"headers\":" + headersJson(reqHeaders)
        + ",\"queryString\":[],\"cookies\":[],\"headersSize\":-1,\"bodySize\":0},"
          "\"response\":{\"status\":" + QByteArray::number(status) + ",\"statusText\":\"OK\",\"httpVersion\":\"HTTP/1.1\",\"headers\":" + headersJson(respHeaders)
        + ",\"cookies\":[],\"content\":{\"size\":" + QByteArray::number(body.size()) + ",\"mimeType\":\"application/json\",\"text\":\"" + body + "\"},"
          "\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":-1,\"_transferSize\":812,\"_error\":null},"
          "\"serverIPAddress\":\"127.0.0.1\",\"startedDateTime\":\"2026-11-24T10:00:00.000Z\",\"time\":3.21,"
          "\"timings\":{\"blocked\":0.52,\"dns\":-1,\"ssl\":-1,\"connect\":-1,\"send\":0.11,\"wait\":2.03,\"receive\":0.55,\"_blocked_queueing\":0.31}}";
}

// Writes a Chrome-shaped HAR of about `targetBytes` by replicating a page load: a same-origin
// script, a simple GET, a preflighted PUT (preflight + actual), a failing preflight.
qint64 generateHar(const QString& path, qint64 targetBytes, int scriptBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\",\"version\":\"537.36\"},"
            "\"pages\":[{\"startedDateTime\":\"2026-11-24T10:00:00.000Z\",\"id\":\"page_1\",\"title\":\"http://localhost:5173/\",\"pageTimings\":{}}],\"entries\":[");
    const QByteArray origin = "http://localhost:5173";
    const QList<QPair<QByteArray, QByteArray>> browser = { { "Accept", "*/*" }, { "Accept-Encoding", "gzip, deflate, br, zstd" },
        { "Accept-Language", "en-US,en;q=0.9" }, { "Connection", "keep-alive" }, { "Host", "127.0.0.1:8000" }, { "Referer", "http://localhost:5173/" },
        { "Sec-Fetch-Dest", "empty" }, { "Sec-Fetch-Mode", "cors" }, { "Sec-Fetch-Site", "cross-site" },
        { "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" },
        { "sec-ch-ua", "\\\"Chromium\\\";v=\\\"131\\\", \\\"Not_A Brand\\\";v=\\\"24\\\"" }, { "sec-ch-ua-mobile", "?0" }, { "sec-ch-ua-platform", "\\\"Linux\\\"" } };
    auto with = [&](QList<QPair<QByteArray, QByteArray>> extra) {
        auto h = browser;
        h += extra;
        return h;
    };
    const QList<QPair<QByteArray, QByteArray>> okResp = { { "access-control-allow-origin", origin }, { "content-length", "1480" },
        { "content-type", "application/json" }, { "date", "Tue, 24 Nov 2026 10:00:00 GMT" }, { "server", "uvicorn" }, { "vary", "Origin" } };
    qint64 written = 0;
    int seq = 0;
    bool first = true;
    while (written < targetBytes) {
        const QByteArray id = QByteArray::number(seq);
        QList<QByteArray> entries;
        entries << entryJson("GET", "http://localhost:5173/assets/index-" + id + ".js", browser, 200, { { "content-type", "text/javascript" } }, "script", scriptBytes, seq);
        entries << entryJson("GET", "http://127.0.0.1:8000/api/items?page=" + id, with({ { "Origin", origin } }), 200, okResp, "fetch", 1500, seq);
        entries << entryJson("OPTIONS", "http://127.0.0.1:8000/api/items/" + id,
            with({ { "Access-Control-Request-Method", "PUT" }, { "Access-Control-Request-Headers", "authorization,content-type" }, { "Origin", origin } }), 200,
            { { "access-control-allow-origin", origin }, { "access-control-allow-methods", "GET, POST, PUT, DELETE" },
                { "access-control-allow-headers", "authorization,content-type" }, { "access-control-max-age", "600" }, { "vary", "Origin" } },
            "preflight", 0, seq);
        entries << entryJson("PUT", "http://127.0.0.1:8000/api/items/" + id,
            with({ { "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" }, { "Content-Type", "application/json" }, { "Origin", origin } }), 200, okResp, "fetch", 900, seq);
        entries << entryJson("OPTIONS", "http://127.0.0.1:8000/api/admin/" + id,
            with({ { "Access-Control-Request-Method", "DELETE" }, { "Origin", origin } }), 400,
            { { "access-control-allow-methods", "GET" }, { "content-type", "text/plain; charset=utf-8" } }, "preflight", 0, seq);
        for (const QByteArray& e : entries) {
            if (!first)
                written += f.write(",");
            first = false;
            written += f.write(e);
        }
        ++seq;
    }
    written += f.write("]}}");
    return written;
}

long peakRssKb()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// --- the three variants (run inside a child process) ----------------------------------------

int variantQJson(const QString& path, qint64& count)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray data = f.readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    const QJsonArray entries = doc.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
    for (const QJsonValue& e : entries) {
        const QJsonObject req = e.toObject().value(QStringLiteral("request")).toObject();
        count += req.value(QStringLiteral("headers")).toArray().size();
    }
    return 0;
}

simdjson::error_code walkHeaders(od::value v, qint64& count)
{
    od::array arr;
    if (auto e = v.get_array().get(arr))
        return e;
    for (auto item : arr) {
        od::object h;
        if (auto e = item.get_object().get(h))
            return e;
        for (auto f : h) {
            od::field field;
            if (auto e = std::move(f).get(field))
                return e;
            std::string_view k;
            std::string_view s;
            if (auto e = field.unescaped_key().get(k))
                return e;
            if (auto e = field.value().get_string().get(s))
                return e;
            count += qint64(s.size() > 0);
        }
    }
    return simdjson::SUCCESS;
}

simdjson::error_code walkMessage(od::value v, qint64& count)
{
    od::object obj;
    if (auto e = v.get_object().get(obj))
        return e;
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view k;
        if (auto e = field.unescaped_key().get(k))
            return e;
        if (k == "headers") {
            if (auto e = walkHeaders(field.value(), count))
                return e;
        } else if (k == "method" || k == "url" || k == "statusText") {
            std::string_view s;
            if (auto e = field.value().get_string().get(s))
                return e;
            count += qint64(s.size() > 0);
        } else if (k == "status") {
            int64_t n = 0;
            if (auto e = field.value().get_int64().get(n))
                return e;
            count += n > 0;
        }
    }
    return simdjson::SUCCESS;
}

// The same fields HarReader reads, without building anything.
int variantSimdjson(const QString& path, qint64& count)
{
    simdjson::padded_string json;
    if (simdjson::padded_string::load(path.toStdString()).get(json))
        return 1;
    od::parser parser;
    od::document doc;
    if (parser.iterate(json).get(doc))
        return 1;
    od::array entries;
    if (doc["log"]["entries"].get_array().get(entries))
        return 1;
    for (auto item : entries) {
        od::object entry;
        if (item.get_object().get(entry))
            return 1;
        for (auto f : entry) {
            od::field field;
            if (std::move(f).get(field))
                return 1;
            std::string_view k;
            if (field.unescaped_key().get(k))
                return 1;
            if (k == "request" || k == "response") {
                if (walkMessage(field.value(), count))
                    return 1;
            }
        }
    }
    return 0;
}

int variantHarReader(const QString& path, qint64& count, qint64& paired)
{
    auto r = corsbench::ingest::HarReader::parseFile(path, [&](corsbench::http::Exchange&& ex, const corsbench::ingest::HarSource&) {
        count += 1 + ex.request.headers.size() * 0;
    });
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        return 1;
    }
    paired = r->paired;
    return 0;
}

int runChild(const QString& variant, const QString& path)
{
    const long rssBefore = peakRssKb();
    QElapsedTimer t;
    t.start();
    qint64 count = 0;
    qint64 paired = 0;
    int rc = 1;
    if (variant == u"qjson")
        rc = variantQJson(path, count);
    else if (variant == u"simdjson")
        rc = variantSimdjson(path, count);
    else if (variant == u"harreader")
        rc = variantHarReader(path, count, paired);
    const qint64 ns = t.nsecsElapsed();
    std::printf("%lld %ld %ld %lld %lld\n", static_cast<long long>(ns), peakRssKb(), rssBefore, static_cast<long long>(count),
        static_cast<long long>(paired));
    return rc;
}

struct Measure {
    double ms = 0;
    double peakMb = 0; // process peak RSS
    double baseMb = 0; // RSS before the variant ran (Qt + libraries)
    qint64 count = 0;
    qint64 paired = 0;
    bool ok = false;
};

Measure measure(const QString& self, const QString& variant, const QString& path, int runs)
{
    Measure best;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.start(self, { QStringLiteral("--child"), variant, path });
        p.waitForFinished(600000);
        const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
        if (p.exitCode() != 0 || f.size() != 5) {
            std::fprintf(stderr, "variant %s failed: %s\n", qPrintable(variant), p.readAllStandardError().constData());
            return best;
        }
        Measure m;
        m.ms = f.at(0).toLongLong() / 1e6;
        m.peakMb = f.at(1).toLong() / 1024.0;
        m.baseMb = f.at(2).toLong() / 1024.0;
        m.count = f.at(3).toLongLong();
        m.paired = f.at(4).toLongLong();
        m.ok = true;
        if (!best.ok || m.ms < best.ms) {
            const double peak = best.ok ? qMax(best.peakMb, m.peakMb) : m.peakMb;
            best = m;
            best.peakMb = peak;
        }
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == u"--child")
        return runChild(args.at(2), args.at(3));
    qint64 mb = 100;
    int scriptKb = 24; // a page's JS bundle recorded with its content, as Chrome exports it
    QString keep;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--mb" && i + 1 < args.size())
            mb = args.at(++i).toLongLong();
        else if (args.at(i) == u"--script-kb" && i + 1 < args.size())
            scriptKb = args.at(++i).toInt();
        else if (args.at(i) == u"--keep" && i + 1 < args.size())
            keep = args.at(++i);
    }
    QTemporaryDir dir;
    const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("bench.har")) : keep;
    QElapsedTimer g;
    g.start();
    const qint64 size = generateHar(path, mb * 1000 * 1000, scriptKb * 1024);
    if (size <= 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double fileMb = size / 1048576.0;
    std::printf("HAR: %s, %.1f MiB (%lld bytes), generated in %lld ms; per page load: a %d KiB script, a GET, a preflighted PUT, "
                "a refused preflight (Chrome shape)\n",
        qPrintable(path), fileMb, static_cast<long long>(size), static_cast<long long>(g.elapsed()), scriptKb);
    const QString self = app.applicationFilePath();
    const int runs = 5;
    const Measure q = measure(self, QStringLiteral("qjson"), path, 1);
    const Measure s = measure(self, QStringLiteral("simdjson"), path, runs);
    const Measure h = measure(self, QStringLiteral("harreader"), path, runs);
    if (!q.ok || !s.ok || !h.ok)
        return 1;
    auto row = [&](const char* name, const Measure& m, const char* what) {
        std::printf("  %-34s %9.1f ms  %8.1f MiB peak RSS (%.2fx file; %.1f MiB before parsing)  %lld %s\n", name, m.ms, m.peakMb, m.peakMb / fileMb,
            m.baseMb, static_cast<long long>(m.count), what);
    };
    std::printf("Each variant in its own process (best of %d; QJsonDocument once); time includes reading the file.\n", runs);
    row("QJsonDocument::fromJson", q, "request headers");
    row("simdjson on-demand walk (bare)", s, "strings touched");
    row("HarReader -> exchanges (paired)", h, "exchanges");
    std::printf("  preflights paired with their request: %lld\n", static_cast<long long>(h.paired));
    const double vsQt = q.ms / h.ms;
    const double vsSimd = h.ms / s.ms;
    const double mem = h.peakMb / fileMb;
    std::printf("Ratios: QJsonDocument/HarReader time %.1fx (goal >= 10x: %s); HarReader/bare simdjson time %.2fx (goal <= 2x: %s);\n"
                "        HarReader peak RSS / file size %.2fx (goal <= 1.7x: %s); QJsonDocument peak RSS / file %.2fx\n",
        vsQt, vsQt >= 10 ? "met" : "NOT met", vsSimd, vsSimd <= 2 ? "met" : "NOT met", mem, mem <= 1.7 ? "met" : "NOT met", q.peakMb / fileMb);
    return 0;
}
