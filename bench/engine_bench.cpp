// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// engine_bench: how much the CORS engine costs next to reading the JSON.
// Replicates the corpus to N exchanges (default 200,000), then times, in the same run and
// interleaved, parse-only (JSON -> Exchange) and parse + judge (JSON -> Exchange -> Verdict).
// Prints the ratio (goal <= 1.25) and absolute exchanges/s.
#include "core/cors/cors_engine.h"
#include "core/io/exchange_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <vector>

using namespace corsbench;

namespace {
// Thread CPU time: what this thread consumed, so other processes on a shared machine
// disturb both measurements much less than wall time would.
qint64 cpuNow()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qsizetype target = 200000;
    QString dir = QStringLiteral(CORSBENCH_TEST_DATA_DIR "/corpus");
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--count" && i + 1 < args.size())
            target = args[++i].toLongLong();
        else if (args[i] == u"--corpus" && i + 1 < args.size())
            dir = args[++i];
    }
    QTextStream out(stdout);
    // Inputs: the `exchange` member of each case, serialized alone (what `check` reads).
    std::vector<QByteArray> inputs;
    for (const QString& name : QDir(dir).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile f(dir + u'/' + name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        inputs.push_back(QJsonDocument(root.value(QStringLiteral("exchange")).toObject()).toJson(QJsonDocument::Compact));
    }
    if (inputs.empty()) {
        out << "engine_bench: no cases in " << dir << "\n";
        return 2;
    }
    const qsizetype n = std::max<qsizetype>(target, static_cast<qsizetype>(inputs.size()));
    qint64 bytes = 0;
    for (qsizetype i = 0; i < n; ++i)
        bytes += inputs[static_cast<size_t>(i) % inputs.size()].size();
    out << "engine_bench: " << n << " exchanges (" << inputs.size() << " distinct corpus cases, "
        << QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) << " MB of JSON)\n";
    out.flush();

    const cors::CorsEngine engine;
    qint64 sink = 0;
    auto parseOnly = [&]() {
        const qint64 t0 = cpuNow();
        for (qsizetype i = 0; i < n; ++i) {
            auto ex = io::parseExchange(inputs[static_cast<size_t>(i) % inputs.size()]);
            sink += ex ? ex->actual.size() : -1;
        }
        return cpuNow() - t0;
    };
    auto parseAndJudge = [&]() {
        const qint64 t0 = cpuNow();
        for (qsizetype i = 0; i < n; ++i) {
            auto ex = io::parseExchange(inputs[static_cast<size_t>(i) % inputs.size()]);
            if (ex) {
                const cors::Verdict v = engine.evaluate(ex.value());
                sink += v.allowed ? 1 : v.checks.size();
            }
        }
        return cpuNow() - t0;
    };
    // Judge alone, over exchanges parsed once (what the engine costs by itself).
    std::vector<http::Exchange> parsed;
    for (const auto& in : inputs)
        if (auto ex = io::parseExchange(in))
            parsed.push_back(ex.value());
    auto judgeOnly = [&]() {
        const qint64 t0 = cpuNow();
        for (qsizetype i = 0; i < n; ++i) {
            const cors::Verdict v = engine.evaluate(parsed[static_cast<size_t>(i) % parsed.size()]);
            sink += v.allowed ? 1 : v.checks.size();
        }
        return cpuNow() - t0;
    };
    // Interleave three rounds of each and keep the best, so machine noise hits both alike.
    qint64 bestParse = std::numeric_limits<qint64>::max();
    qint64 bestBoth = std::numeric_limits<qint64>::max();
    qint64 bestJudge = std::numeric_limits<qint64>::max();
    for (int round = 0; round < 3; ++round) {
        bestParse = std::min(bestParse, parseOnly());
        bestBoth = std::min(bestBoth, parseAndJudge());
        bestJudge = std::min(bestJudge, judgeOnly());
    }
    const double ratio = static_cast<double>(bestBoth) / static_cast<double>(bestParse);
    const double perSecParse = static_cast<double>(n) / (static_cast<double>(bestParse) / 1e9);
    const double perSecBoth = static_cast<double>(n) / (static_cast<double>(bestBoth) / 1e9);
    out << "(times are this thread's CPU time, best of 3 interleaved rounds)\n";
    out << "parse only:      " << QString::number(static_cast<double>(bestParse) / 1e6, 'f', 0) << " ms  ("
        << QString::number(perSecParse, 'f', 0) << " exchanges/s)\n";
    out << "parse + judge:   " << QString::number(static_cast<double>(bestBoth) / 1e6, 'f', 0) << " ms  ("
        << QString::number(perSecBoth, 'f', 0) << " exchanges/s)\n";
    out << "judge only:      " << QString::number(static_cast<double>(bestJudge) / 1e6, 'f', 0) << " ms  ("
        << QString::number(static_cast<double>(n) / (static_cast<double>(bestJudge) / 1e9), 'f', 0) << " exchanges/s)\n";
    out << "ratio (parse + judge) / parse = " << QString::number(ratio, 'f', 3) << "  (goal <= 1.25: "
        << (ratio <= 1.25 ? "met" : "NOT met") << ")\n";
    out << "(checksum " << sink << ")\n";
    return 0;
}
