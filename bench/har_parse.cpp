// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Benchmark: parsing a ~100 MB HAR (Chrome-shaped entries, preflights as separate entries) into
// paired exchanges with HarReader, against QJsonDocument::fromJson and a bare simdjson on-demand
// walk of the same fields (bench/har_bare_walk.cpp), the file either read with simdjson's loader or
// mmapped. Each variant runs in its own child process so its peak RSS (getrusage ru_maxrss) is its
// own; rounds interleave the variants and the verdicts use medians of wall and CPU time.
// Usage: har_parse [--mb N] [--script-kb K] [--rounds R] [--kernel NAME] [--keep FILE]
//   --script-kb 0 gives a header-dense HAR (no script bodies), the harder shape for the 10x goal.
#include "bench/har_bare_walk.h"
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

#include <fcntl.h>
#include <simdjson.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

using namespace corsbench;
using namespace corsbench::ingest;

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

// User + system CPU time of this process: on a busy machine, less noisy than wall time.
qint64 cpuNs()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return (qint64(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000000000 + (qint64(ru.ru_utime.tv_usec) + ru.ru_stime.tv_usec) * 1000;
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

int bareWalk(har::Kernel kernel, const char* data, size_t size, size_t capacity, qint64& count)
{
    har::BareCounts counts;
    if (const int e = har::bareWalk(kernel, data, size, capacity, counts)) {
        std::fprintf(stderr, "bare walk: %s\n", har::errorMessage(e));
        return 1;
    }
    count = counts.requestHeaders;
    return 0;
}

// The whole file in simdjson's padded string (simdjson::padded_string::load, a read() into fresh
// memory), walked with the same field walk as HarReader (core/ingest/har_entry_walk.h) and the
// same simdjson kernel, building nothing.
int variantSimdjson(const QString& path, har::Kernel kernel, qint64& count)
{
    simdjson::padded_string json;
    if (simdjson::padded_string::load(path.toStdString()).get(json))
        return 1;
    return bareWalk(kernel, json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING, count);
}

// The same walk over the file mapped read-only, followed by zero pages for the padding: no copy
// and far fewer page faults than reading 100 MB into fresh memory.
int variantSimdjsonMmap(const QString& path, har::Kernel kernel, qint64& count)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return 1;
    const size_t size = size_t(st.st_size);
    const size_t page = size_t(::sysconf(_SC_PAGESIZE));
    const size_t total = (size + simdjson::SIMDJSON_PADDING + page - 1) / page * page;
    void* base = ::mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED || ::mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0) != base)
        return 1;
    ::close(fd);
    const int rc = bareWalk(kernel, static_cast<const char*>(base), size, total, count);
    ::munmap(base, total);
    return rc;
}

int variantHarReader(const QString& path, har::Kernel kernel, qint64& count, qint64& paired)
{
    auto r = HarReader::parseFile(
        path, [&](http::Exchange&& ex, const HarSource&) { count += 1 + ex.request.headers.size() * 0; }, HarReader::kMaxFileBytes, kernel);
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        return 1;
    }
    paired = r->paired;
    return 0;
}

std::optional<har::Kernel> kernelFromName(QStringView name)
{
    for (har::Kernel k : { har::Kernel::Auto, har::Kernel::Haswell, har::Kernel::Westmere, har::Kernel::Portable }) {
        if (name == QLatin1String(har::kernelName(k)))
            return k;
    }
    return std::nullopt;
}

int runChild(const QString& variant, const QString& path, har::Kernel kernel)
{
    const long rssBefore = peakRssKb();
    const qint64 cpuBefore = cpuNs();
    QElapsedTimer t;
    t.start();
    qint64 count = 0;
    qint64 paired = 0;
    int rc = 1;
    if (variant == u"qjson")
        rc = variantQJson(path, count);
    else if (variant == u"simdjson")
        rc = variantSimdjson(path, kernel, count);
    else if (variant == u"simdjson-mmap")
        rc = variantSimdjsonMmap(path, kernel, count);
    else if (variant == u"harreader")
        rc = variantHarReader(path, kernel, count, paired);
    const qint64 ns = t.nsecsElapsed();
    const qint64 cpu = cpuNs() - cpuBefore;
    std::printf("%lld %lld %ld %ld %lld %lld\n", static_cast<long long>(ns), static_cast<long long>(cpu), peakRssKb(), rssBefore,
        static_cast<long long>(count), static_cast<long long>(paired));
    return rc;
}

struct Run {
    double ms = 0; // wall
    double cpuMs = 0; // user + system
    double peakMb = 0; // process peak RSS
    double baseMb = 0; // RSS before the variant ran (Qt + libraries)
    qint64 count = 0;
    qint64 paired = 0;
};

std::optional<Run> runOnce(const QString& self, const QString& variant, const QString& path, har::Kernel kernel)
{
    QProcess p;
    p.start(self, { QStringLiteral("--child"), variant, path, QLatin1String(har::kernelName(kernel)) });
    p.waitForFinished(600000);
    const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || f.size() != 6) {
        std::fprintf(stderr, "variant %s failed: %s\n", qPrintable(variant), p.readAllStandardError().constData());
        return std::nullopt;
    }
    Run r;
    r.ms = f.at(0).toLongLong() / 1e6;
    r.cpuMs = f.at(1).toLongLong() / 1e6;
    r.peakMb = f.at(2).toLong() / 1024.0;
    r.baseMb = f.at(3).toLong() / 1024.0;
    r.count = f.at(4).toLongLong();
    r.paired = f.at(5).toLongLong();
    return r;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

struct Series {
    QList<Run> runs;
    QList<double> values(double Run::*field) const
    {
        QList<double> out;
        for (const Run& r : runs)
            out.append(r.*field);
        return out;
    }
    double medianOf(double Run::*field) const { return median(values(field)); }
    double peakMb() const
    {
        double m = 0;
        for (const Run& r : runs)
            m = qMax(m, r.peakMb);
        return m;
    }
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == u"--child")
        return runChild(args.at(2), args.at(3), kernelFromName(args.at(4)).value_or(har::Kernel::Auto));
    qint64 mb = 100;
    int scriptKb = 24; // a page's JS bundle recorded with its content, as Chrome exports it
    int rounds = 5;
    har::Kernel kernel = har::Kernel::Auto;
    QString keep;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--mb" && hasValue)
            mb = args.at(++i).toLongLong();
        else if (a == u"--script-kb" && hasValue)
            scriptKb = args.at(++i).toInt();
        else if (a == u"--rounds" && hasValue)
            rounds = qBound(1, args.at(++i).toInt(), 50);
        else if (a == u"--keep" && hasValue)
            keep = args.at(++i);
        else if (a == u"--kernel" && hasValue && kernelFromName(args.at(i + 1)))
            kernel = *kernelFromName(args.at(++i));
        else {
            std::fprintf(stderr, "usage: har_parse [--mb N] [--script-kb K] [--rounds R] [--kernel auto|haswell|westmere|portable] [--keep FILE]\n");
            return 2;
        }
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
    QStringList compiled;
    for (har::Kernel k : har::availableKernels())
        compiled << QLatin1String(har::kernelName(k));
    std::printf("simdjson kernel: %s (this CPU runs: %s); HarReader and the bare walk use the same one.\n",
        qPrintable(HarReader::kernelName(kernel)), qPrintable(compiled.join(QStringLiteral(", "))));

    // Rounds interleave the three variants so that machine noise hits them alike; each run is a
    // fresh process, so its peak RSS is its own and the file is in the page cache for all.
    const QString self = app.applicationFilePath();
    Series q;
    Series s;
    Series sm;
    Series h;
    QList<double> vsQt;
    QList<double> vsBare;
    QList<double> vsQtCpu;
    QList<double> vsBareCpu;
    for (int r = 0; r < rounds; ++r) {
        const auto qr = runOnce(self, QStringLiteral("qjson"), path, kernel);
        const auto sr = runOnce(self, QStringLiteral("simdjson"), path, kernel);
        const auto smr = runOnce(self, QStringLiteral("simdjson-mmap"), path, kernel);
        const auto hr = runOnce(self, QStringLiteral("harreader"), path, kernel);
        if (!qr || !sr || !smr || !hr)
            return 1;
        sm.runs.append(*smr);
        q.runs.append(*qr);
        s.runs.append(*sr);
        h.runs.append(*hr);
        vsQt.append(qr->ms / hr->ms);
        vsBare.append(hr->ms / qMin(sr->ms, smr->ms)); // against the faster bare walk
        vsQtCpu.append(qr->cpuMs / hr->cpuMs);
        vsBareCpu.append(hr->cpuMs / qMin(sr->cpuMs, smr->cpuMs));
    }
    if (h.runs.first().paired <= 0 || s.runs.first().count <= 0 || q.runs.first().count != s.runs.first().count
        || sm.runs.first().count != s.runs.first().count) {
        std::fprintf(stderr, "the variants disagree about the file (QJsonDocument %lld request headers, bare walk %lld headers, %lld paired)\n",
            static_cast<long long>(q.runs.first().count), static_cast<long long>(s.runs.first().count),
            static_cast<long long>(h.runs.first().paired));
        return 1;
    }

    std::printf("\n%d rounds, each variant in its own process; times include reading the file; medians.\n"
                "  %-32s %10s %10s %10s\n", rounds, "", "wall ms", "CPU ms", "peak RSS");
    auto row = [&](const char* name, const Series& m, const QString& what) {
        std::printf("  %-32s %10.1f %10.1f %6.0f MiB = %.2fx file  %s\n", name, m.medianOf(&Run::ms), m.medianOf(&Run::cpuMs), m.peakMb(),
            m.peakMb() / fileMb, qPrintable(what));
    };
    row("QJsonDocument::fromJson", q, QStringLiteral("(%1 request headers)").arg(q.runs.first().count));
    row("bare simdjson walk, file read", s, QStringLiteral("(%1 request headers; simdjson::padded_string::load)").arg(s.runs.first().count));
    row("bare simdjson walk, file mmapped", sm, QStringLiteral("(same walk; the file mapped, no copy)"));
    row("HarReader -> exchanges (paired)", h,
        QStringLiteral("(%1 exchanges, %2 preflights paired)").arg(h.runs.first().count).arg(h.runs.first().paired));
    std::printf("  (%.1f MiB of the peak RSS is the process before parsing: Qt and libraries)\n", h.runs.first().baseMb);

    // Wall time is what a user waits; CPU time is what the parse costs when the machine is busy
    // with other work (a shared build box). Both must meet a time goal.
    const double speedup = median(vsQt);
    const double speedupCpu = median(vsQtCpu);
    const double overBare = median(vsBare);
    const double overBareCpu = median(vsBareCpu);
    const double mem = h.peakMb() / fileMb;
    auto verdict = [](bool ok) { return ok ? "met    " : "NOT MET"; };
    std::printf("\nGoals (issue #5); ratios are medians of the per-round ratios, wall / CPU time:\n");
    std::printf("  [%s] HarReader at least 10x faster than QJsonDocument:  %.1fx / %.1fx\n", verdict(speedup >= 10 && speedupCpu >= 10), speedup,
        speedupCpu);
    std::printf("  [%s] HarReader within 2x of the faster bare walk:      %.2fx / %.2fx its time\n", verdict(overBare <= 2 && overBareCpu <= 2),
        overBare, overBareCpu);
    std::printf("  [%s] HarReader peak RSS at most 1.7x the file size:     %.2fx (QJsonDocument %.2fx, bare walk %.2fx)\n", verdict(mem <= 1.7), mem,
        q.peakMb() / fileMb, qMin(s.peakMb(), sm.peakMb()) / fileMb);
    if (fileMb < 50)
        std::printf("  (a small file: the fixed %.0f MiB of Qt and libraries dominates the memory ratio; the goal is for ~100 MB)\n",
            h.runs.first().baseMb);
    return 0;
}
