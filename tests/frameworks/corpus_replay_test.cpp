// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Replays the recorded browser cases (tests/data/corpus, recorded against real FastAPI, aiohttp and
// Flask servers by shared/oracle/servers/serve.py): the app module serve.py builds is written out as
// Python, parsed, modelled, and every recorded request (preflight and actual hops, with the
// browser's complete heads) must get the recorded status and CORS headers. Then the model's
// exchange, judged by the engine, must reach the browser's recorded verdict.
#include "framework_test_support.h"

#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/python_source.h"
#include "core/frameworks/server_model.h"
#include "core/io/exchange_json.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::frameworks;

namespace {

QString pyLiteral(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: return QString::number(v.toInteger());
    case QJsonValue::String: return py::quote(v.toString());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& x : v.toArray())
            parts << pyLiteral(x);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << py::quote(it.key()) + QStringLiteral(": ") + pyLiteral(it.value());
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    default: return QStringLiteral("None");
    }
}

QString kwargs(const QJsonObject& o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << it.key() + QLatin1Char('=') + pyLiteral(it.value());
    return parts.join(QStringLiteral(", "));
}

const QStringList kAll = { QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("PATCH") };

struct OracleRoute {
    const char* path;
    const char* handler;
    bool getOnly;
};
const OracleRoute kRoutes[] = { { "/api/data", "data", false }, { "/api/nocors", "data", false }, { "/api/get-only", "data", true },
    { "/api/boom", "boom", false }, { "/api/http-error", "http_error", false }, { "/api/items/", "data", false },
    { "/api/header", "data", false } };

// The module serve.py builds for `cfg`, as Python source our parser reads.
QString oracleModule(const QString& fw, const QJsonObject& cfg)
{
    const QJsonValue cors = cfg.value(QStringLiteral("cors"));
    QString s;
    if (fw == QLatin1String("fastapi")) {
        s = QStringLiteral("from fastapi import FastAPI, HTTPException\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n\n");
        for (const OracleRoute& r : kRoutes) {
            if (QByteArray(r.path) == "/api/nocors")
                continue;
            s += r.getOnly ? QStringLiteral("@app.get(\"%1\")\n").arg(QLatin1String(r.path))
                           : QStringLiteral("@app.api_route(\"%1\", methods=%2)\n").arg(QLatin1String(r.path), pyLiteral(QJsonArray::fromStringList(kAll)));
            s += QStringLiteral("async def %1_%2():\n").arg(QLatin1String(r.handler)).arg(QString::number(qHash(QByteArray(r.path)) % 1000));
            if (QByteArray(r.handler) == "boom")
                s += QStringLiteral("    raise RuntimeError(\"boom\")\n\n");
            else if (QByteArray(r.handler) == "http_error")
                s += QStringLiteral("    raise HTTPException(status_code=403, detail=\"forbidden by route\")\n\n");
            else
                s += QStringLiteral("    return {\"ok\": True}\n\n");
        }
        if (cors.isObject())
            s += QStringLiteral("app.add_middleware(CORSMiddleware, %1)\n").arg(kwargs(cors.toObject()));
    } else if (fw == QLatin1String("aiohttp")) {
        s = QStringLiteral("import aiohttp_cors\nfrom aiohttp import web\n\n\nasync def data(request):\n    return web.json_response({})\n\n\n"
                           "async def boom(request):\n    raise RuntimeError(\"boom\")\n\n\n"
                           "async def http_error(request):\n    raise web.HTTPForbidden(text=\"forbidden by route\")\n\n\napp = web.Application()\n");
        const QJsonObject c = cors.toObject();
        QSet<QString> unregistered = { QStringLiteral("/api/nocors") };
        if (c.contains(QStringLiteral("unregistered_paths"))) {
            unregistered.clear();
            for (const QJsonValue& p : c.value(QStringLiteral("unregistered_paths")).toArray())
                unregistered.insert(p.toString());
        }
        const QJsonObject perRoute = c.value(QStringLiteral("routes")).toObject();
        auto addRoutes = [&](bool registered) {
            for (const OracleRoute& r : kRoutes) {
                const QString path = QLatin1String(r.path);
                const bool isReg = cors.isObject() && !unregistered.contains(path) && !perRoute.contains(path);
                if (isReg != registered)
                    continue;
                for (const QString& m : r.getOnly ? QStringList { QStringLiteral("GET") } : kAll) {
                    s += QStringLiteral("app.router.add_route(\"%1\", \"%2\", %3)\n").arg(m, path, QLatin1String(r.handler));
                }
            }
        };
        addRoutes(true);
        if (cors.isObject()) {
            QStringList entries;
            const QJsonObject d = c.value(QStringLiteral("defaults")).toObject();
            for (auto it = d.begin(); it != d.end(); ++it)
                entries << py::quote(it.key()) + QStringLiteral(": aiohttp_cors.ResourceOptions(%1)").arg(kwargs(it.value().toObject()));
            s += QStringLiteral("cors = aiohttp_cors.setup(app, defaults={%1})\nfor route in list(app.router.routes()):\n    cors.add(route)\n")
                     .arg(entries.join(QStringLiteral(", ")));
            for (auto it = perRoute.begin(); it != perRoute.end(); ++it) {
                QStringList cfgEntries;
                const QJsonObject o = it.value().toObject();
                for (auto jt = o.begin(); jt != o.end(); ++jt)
                    cfgEntries << py::quote(jt.key()) + QStringLiteral(": aiohttp_cors.ResourceOptions(%1)").arg(kwargs(jt.value().toObject()));
                for (const QString& m : kAll)
                    s += QStringLiteral("cors.add(app.router.add_route(\"%1\", \"%2\", data), {%3})\n").arg(m, it.key(), cfgEntries.join(QStringLiteral(", ")));
            }
        }
        addRoutes(false);
    } else {
        s = QStringLiteral("from flask import Flask, abort, jsonify\nfrom flask_cors import CORS\n\napp = Flask(__name__)\n\n");
        for (const OracleRoute& r : kRoutes) {
            if (QByteArray(r.path) == "/api/nocors")
                continue;
            s += QStringLiteral("@app.route(\"%1\", methods=%2)\n").arg(QLatin1String(r.path),
                r.getOnly ? QStringLiteral("[\"GET\"]") : pyLiteral(QJsonArray::fromStringList(kAll)));
            s += QStringLiteral("def %1_%2():\n").arg(QLatin1String(r.handler)).arg(QString::number(qHash(QByteArray(r.path)) % 1000));
            if (QByteArray(r.handler) == "boom")
                s += QStringLiteral("    raise RuntimeError(\"boom\")\n\n");
            else if (QByteArray(r.handler) == "http_error")
                s += QStringLiteral("    abort(403)\n\n");
            else
                s += QStringLiteral("    return jsonify(ok=True)\n\n");
        }
        if (cors.isObject())
            s += QStringLiteral("CORS(app, %1)\n").arg(kwargs(cors.toObject()));
    }
    return s;
}

QSet<QString> commaSet(const QString& v)
{
    QSet<QString> s;
    for (const QString& x : v.split(QLatin1Char(',')))
        s.insert(x.trimmed());
    return s;
}

QString compare(Framework fw, const http::HttpResponseHead& real, const http::HttpResponseHead& model)
{
    QStringList r, m;
    for (const http::Header& h : real.headers) {
        if (isCorsResponseHeader(h.name))
            r << QString::fromUtf8(h.name.toLower() + ": " + h.value);
    }
    for (const http::Header& h : model.headers) {
        if (isCorsResponseHeader(h.name))
            m << QString::fromUtf8(h.name.toLower() + ": " + h.value);
    }
    bool same = real.status == model.status && r.size() == m.size();
    for (qsizetype i = 0; same && i < r.size(); ++i) {
        if (r[i] == m[i])
            continue;
        const QString n = r[i].section(QLatin1Char(':'), 0, 0);
        same = fw == Framework::Aiohttp && n == m[i].section(QLatin1Char(':'), 0, 0)
            && (n == QLatin1String("access-control-allow-headers") || n == QLatin1String("access-control-expose-headers"))
            && commaSet(r[i].section(QLatin1Char(':'), 1)) == commaSet(m[i].section(QLatin1Char(':'), 1));
    }
    if (same)
        return {};
    return QStringLiteral("real %1 [%2] vs model %3 [%4]").arg(real.status).arg(r.join(QStringLiteral(" | "))).arg(model.status).arg(m.join(QStringLiteral(" | ")));
}

ServerRequest toRequest(const http::HttpRequestHead& h)
{
    ServerRequest r;
    r.method = h.method;
    r.path = h.url.path(QUrl::FullyEncoded);
    if (h.url.hasQuery())
        r.path += QLatin1Char('?') + h.url.query(QUrl::FullyEncoded);
    r.headers = h.headers;
    r.authority = h.url.authority();
    return r;
}

} // namespace

TEST(CorpusReplay, RecordedFrameworkResponsesAndVerdicts)
{
    const QDir dir(QStringLiteral(CORSBENCH_TEST_DATA_DIR "/corpus"));
    QStringList files = dir.entryList({ QStringLiteral("fa-*.json"), QStringLiteral("ah-*.json"), QStringLiteral("fl-*.json") }, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        // tests/data/corpus is maintained by the foundation; fall back to the shared copy.
        const QDir shared(QStringLiteral(CORSBENCH_TEST_DATA_DIR "/../../../shared/corpus"));
        files = shared.entryList({ QStringLiteral("fa-*.json"), QStringLiteral("ah-*.json"), QStringLiteral("fl-*.json") }, QDir::Files, QDir::Name);
        for (QString& f : files)
            f = shared.filePath(f);
    } else {
        for (QString& f : files)
            f = dir.filePath(f);
    }
    ASSERT_GE(files.size(), 50) << "corpus cases missing";
    QStringList mismatches;
    int responses = 0, verdicts = 0;
    for (const QString& path : files) {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        const QJsonObject root = QJsonDocument::fromJson(data).object();
        const QJsonObject server = root.value(QStringLiteral("server")).toObject();
        const QString fwName = server.value(QStringLiteral("framework")).toString();
        const QJsonObject cfg = server.value(QStringLiteral("config")).toObject();
        if (cfg.contains(QStringLiteral("redirect_to")) || cfg.contains(QStringLiteral("redirect_slashes")))
            continue;
        const Framework fw = *frameworkFromString(fwName);
        auto parsedCase = io::parseCase(data);
        ASSERT_TRUE(parsedCase) << path.toStdString();
        const http::Exchange& ex = parsedCase->exchange;
        const QString source = oracleModule(fwName, cfg);
        auto parsed = parseServerConfig(source, fw);
        ASSERT_TRUE(parsed) << source.toStdString();
        const QString version = fw == Framework::FastApi ? QStringLiteral("0.26.1") : QString();
        const ServerModel model = ServerModel::fromConfig(parsed.value(), version);
        const QString name = QFileInfo(path).fileName();
        if (ex.preflight && ex.preflight->request) {
            ++responses;
            const QString d = compare(fw, ex.preflight->response, simulateRequest(model, toRequest(*ex.preflight->request)).head);
            if (!d.isEmpty())
                mismatches << QStringLiteral("%1 preflight: %2").arg(name, d);
        }
        for (const http::Hop& hop : ex.actual) {
            if (!hop.request || hop.response.isNetworkError())
                continue;
            ++responses;
            const QString d = compare(fw, hop.response, simulateRequest(model, toRequest(*hop.request)).head);
            if (!d.isEmpty())
                mismatches << QStringLiteral("%1 %2 %3: %4").arg(name, QString::fromUtf8(hop.request->method), hop.request->url.path(), d);
        }
        // The whole fetch, from the intent alone.
        if (parsedCase->expect && !ex.request.url.path().startsWith(QLatin1String("/__"))) {
            SimulationOptions opts; // Cookie taken from the recording
            const http::Exchange sim = simulateExchange(model, ex, opts);
            const cors::Verdict v = cors::CorsEngine().evaluate(sim);
            ++verdicts;
            if (v.allowed != parsedCase->expect->allowed
                || (v.error ? v.error->kind : QString()) != parsedCase->expect->corsError)
                mismatches << QStringLiteral("%1 verdict: browser %2 %3, model+engine %4 %5")
                                  .arg(name, parsedCase->expect->allowed ? QStringLiteral("allowed") : QStringLiteral("blocked"),
                                      parsedCase->expect->corsError, v.allowed ? QStringLiteral("allowed") : QStringLiteral("blocked"),
                                      v.error ? v.error->kind : QString());
        }
    }
    RecordProperty("responses_compared", responses);
    RecordProperty("verdicts_compared", verdicts);
    EXPECT_GE(responses, 60);
    EXPECT_GE(verdicts, 50);
    EXPECT_TRUE(mismatches.isEmpty()) << mismatches.size() << " mismatches over " << responses << " responses and " << verdicts
                                      << " verdicts:\n"
                                      << mismatches.join(QLatin1Char('\n')).toStdString();
}
