// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Differential tests: the same application module runs in the real framework (Debian's packages,
// /usr/bin/python3, loopback: FastAPI, aiohttp_cors, flask-cors, Django + django-cors-headers) and through corsbench's parser + model; status, every CORS response
// header (name case-insensitively, value exactly, wire order) and the framework's refusal text
// must agree.
#include "framework_test_support.h"

#include "core/frameworks/config_parser.h"
#include "core/frameworks/server_model.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

using namespace corsbench;
using namespace corsbench::frameworks;

namespace {

const QString A = QStringLiteral("http://127.0.0.1:5173");

struct Req {
    QByteArray method;
    QString path;
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct AppSpec {
    QString id;
    QString source;
    QList<Req> requests;
};

QString fastapiApp(const QString& config, const QString& appLine = QStringLiteral("app = FastAPI()"))
{
    return QStringLiteral(R"(from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
import os

ALLOWED = ["http://127.0.0.1:5173", "https://app.example.com"]

%1


@app.get("/api/data")
def data_get():
    return {"ok": True}


@app.post("/api/data")
def data_post():
    return {"ok": True}


@app.put("/api/data")
def data_put():
    return {"ok": True}


@app.delete("/api/data")
def data_delete():
    return {"ok": True}


@app.patch("/api/data")
def data_patch():
    return {"ok": True}


@app.get("/api/get-only")
def get_only():
    return {"ok": True}


@app.get("/api/boom")
def boom():
    raise RuntimeError("boom")


@app.get("/api/http-error")
def http_error():
    raise HTTPException(status_code=403, detail="forbidden by route")


@app.post("/api/items/")
def items():
    return {"ok": True}


%2
)")
        .arg(appLine, config);
}

QString aiohttpApp(const QString& config)
{
    return QStringLiteral(R"(from aiohttp import web
import aiohttp_cors


async def ok(request):
    return web.json_response({"ok": True})


async def boom(request):
    raise RuntimeError("boom")


async def forbidden(request):
    raise web.HTTPForbidden(text="user forbidden")


app = web.Application()
app.router.add_route("GET", "/api/data", ok)
app.router.add_route("POST", "/api/data", ok)
app.router.add_route("PUT", "/api/data", ok)
app.router.add_route("DELETE", "/api/data", ok)
app.router.add_route("PATCH", "/api/data", ok)
app.router.add_get("/api/get-only", ok)
app.router.add_get("/api/boom", boom)
app.router.add_get("/api/http-error", forbidden)
app.router.add_post("/api/items/", ok)
%1
app.router.add_get("/api/unregistered", ok)
app.router.add_post("/api/unregistered", ok)
)")
        .arg(config);
}

QString flaskApp(const QString& config)
{
    return QStringLiteral(R"(from flask import Flask, abort, jsonify
from flask_cors import CORS, cross_origin
import re

app = Flask(__name__)


@app.route("/api/data", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def data():
    return jsonify(ok=True)


@app.route("/api/get-only")
def get_only():
    return jsonify(ok=True)


@app.route("/api/boom")
def boom():
    raise RuntimeError("boom")


@app.route("/api/http-error")
def http_error():
    abort(403)


@app.route("/api/items/", methods=["GET", "POST"])
def items():
    return jsonify(ok=True)


%1
)")
        .arg(config);
}

QList<Req> standardRequests(bool aiohttp, bool flask = false)
{
    QList<Req> out;
    const QStringList origins = { A, QStringLiteral("http://localhost:5173"), QStringLiteral("http://evil.example"),
        QStringLiteral("null"), QStringLiteral("https://app.example.com"), QStringLiteral("https://app.example.com.evil.net"),
        QStringLiteral("HTTP://127.0.0.1:5173") };
    auto o = [](const QString& v) { return QPair<QByteArray, QByteArray>("Origin", v.toUtf8()); };
    for (const QString& origin : origins) {
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { o(origin), { "Access-Control-Request-Method", "PUT" }, { "Access-Control-Request-Headers", "content-type" } } });
        out.append({ "GET", QStringLiteral("/api/data"), { o(origin) } });
    }
    for (const QString& origin : { A, QStringLiteral("http://evil.example") }) {
        const auto og = o(origin);
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Method", "GET" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type,x-token" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "DELETE" }, { "Access-Control-Request-Headers", "authorization" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Method", "patch" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "PATCH" }, { "Access-Control-Request-Headers", "X-Custom, Content-Type" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Private-Network", "true" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og } });
        out.append({ "GET", QStringLiteral("/api/data"), { og, { "Cookie", "session=abc" } } });
        out.append({ "PUT", QStringLiteral("/api/data"), { og, { "Content-Type", "application/json" } } });
        out.append({ "PUT", QStringLiteral("/api/get-only"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/get-only"), { og, { "Access-Control-Request-Method", "PUT" } } });
        out.append({ "GET", QStringLiteral("/api/boom"), { og } });
        out.append({ "GET", QStringLiteral("/api/http-error"), { og } });
        out.append({ "GET", QStringLiteral("/api/nope"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/nope"), { og, { "Access-Control-Request-Method", "PUT" } } });
        out.append({ "POST", QStringLiteral("/api/items"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/items"),
            { og, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type" } } });
        out.append({ "POST", QStringLiteral("/api/items/"), { og } });
        if (flask) {
            out.append({ "OPTIONS", QStringLiteral("/api/co"),
                { og, { "Access-Control-Request-Method", "PUT" }, { "Access-Control-Request-Headers", "x-token" } } });
            out.append({ "GET", QStringLiteral("/api/co"), { og } });
        }
        if (aiohttp) {
            out.append({ "OPTIONS", QStringLiteral("/api/unregistered"), { og, { "Access-Control-Request-Method", "POST" } } });
            out.append({ "GET", QStringLiteral("/api/unregistered"), { og } });
        }
    }
    // Header-name case variants and odd request-header lists.
    out.append({ "OPTIONS", QStringLiteral("/api/data"),
        { { "origin", A.toUtf8() }, { "access-control-request-method", "PUT" }, { "ACCESS-CONTROL-REQUEST-HEADERS", "Content-Type , X-TOKEN" } } });
    out.append({ "OPTIONS", QStringLiteral("/api/data"),
        { { "Origin", A.toUtf8() }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "" } } });
    out.append({ "OPTIONS", QStringLiteral("/api/data?x=1"),
        { { "Origin", A.toUtf8() }, { "Access-Control-Request-Method", "DELETE" }, { "Access-Control-Request-Headers", "accept,content-language" } } });
    out.append({ "GET", QStringLiteral("/api/data?q=%2F"), { { "ORIGIN", A.toUtf8() } } });
    out.append({ "GET", QStringLiteral("/api/data"), {} });
    out.append({ "OPTIONS", QStringLiteral("/api/data"), { { "Access-Control-Request-Method", "PUT" } } });
    return out;
}

struct RunResult {
    QString fatal;
    QJsonObject versions;
    QHash<QString, QJsonObject> apps;
};

RunResult runReal(const QString& framework, const QList<AppSpec>& apps)
{
    RunResult rr;
    QTemporaryDir dir;
    QJsonArray jApps;
    for (const AppSpec& a : apps) {
        QJsonArray reqs;
        for (const Req& r : a.requests) {
            QJsonArray hs;
            for (const auto& [n, v] : r.headers)
                hs.append(QJsonArray { QString::fromUtf8(n), QString::fromUtf8(v) });
            reqs.append(QJsonObject { { QStringLiteral("method"), QString::fromUtf8(r.method) },
                { QStringLiteral("path"), r.path }, { QStringLiteral("headers"), hs } });
        }
        jApps.append(QJsonObject { { QStringLiteral("id"), a.id }, { QStringLiteral("source"), a.source },
            { QStringLiteral("requests"), reqs } });
    }
    const QString jobPath = dir.filePath(QStringLiteral("job.json"));
    QFile job(jobPath);
    if (!job.open(QIODevice::WriteOnly)) {
        rr.fatal = QStringLiteral("cannot write %1").arg(jobPath);
        return rr;
    }
    job.write(QJsonDocument(QJsonObject { { QStringLiteral("framework"), framework }, { QStringLiteral("apps"), jApps } })
                  .toJson(QJsonDocument::Compact));
    job.close();
    if (!QFile::exists(QStringLiteral(CORSBENCH_SYSTEM_PYTHON))) {
        rr.fatal = QStringLiteral("%1 is missing: install python3").arg(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
        return rr;
    }
    QProcess p;
    p.setProgram(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
    p.setArguments({ QStringLiteral(CORSBENCH_FRAMEWORK_RUNNER), jobPath });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    p.setProcessEnvironment(env);
    p.start();
    if (!p.waitForStarted(10000)) {
        rr.fatal = QStringLiteral("cannot start %1").arg(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
        return rr;
    }
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished(5000);
        rr.fatal = QStringLiteral("the framework runner did not finish within 180 s");
        return rr;
    }
    const QByteArray out = p.readAllStandardOutput();
    const QJsonObject root = QJsonDocument::fromJson(out).object();
    if (root.contains(QStringLiteral("fatal"))) {
        rr.fatal = root.value(QStringLiteral("fatal")).toString();
        return rr;
    }
    if (root.isEmpty()) {
        rr.fatal = QStringLiteral("runner output is not JSON: %1 / stderr: %2")
                       .arg(QString::fromUtf8(out.left(500)), QString::fromUtf8(p.readAllStandardError().right(2000)));
        return rr;
    }
    rr.versions = root.value(QStringLiteral("versions")).toObject();
    for (const QJsonValue& v : root.value(QStringLiteral("apps")).toArray())
        rr.apps.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return rr;
}

QSet<QString> commaSet(const QString& v)
{
    QSet<QString> s;
    for (const QString& x : v.split(QLatin1Char(',')))
        s.insert(x.trimmed());
    return s;
}

bool valuesEqual(Framework fw, const QByteArray& name, const QString& real, const QString& model)
{
    if (real == model)
        return true;
    // aiohttp_cors joins Python frozensets: element order depends on string hashing.
    const QByteArray n = name.toLower();
    if (fw == Framework::Aiohttp && (n == "access-control-allow-headers" || n == "access-control-expose-headers"))
        return commaSet(real) == commaSet(model);
    return false;
}

bool bodiesEqual(Framework fw, const QString& real, const QString& model)
{
    if (real == model)
        return true;
    const QString prefix = QStringLiteral("CORS preflight request failed: headers are not allowed: ");
    if (fw == Framework::Aiohttp && real.startsWith(prefix) && model.startsWith(prefix))
        return commaSet(real.mid(prefix.size())) == commaSet(model.mid(prefix.size()));
    return false;
}

QString describeReq(const Req& r)
{
    QStringList hs;
    for (const auto& [n, v] : r.headers)
        hs << QString::fromUtf8(n + ": " + v);
    return QStringLiteral("%1 %2 [%3]").arg(QString::fromUtf8(r.method), r.path, hs.join(QStringLiteral("; ")));
}

QString renderCors(const QList<QPair<QByteArray, QString>>& hs)
{
    QStringList out;
    for (const auto& [n, v] : hs)
        out << QString::fromUtf8(n) + QStringLiteral(": ") + v;
    return out.join(QStringLiteral(" | "));
}

struct Comparison {
    int compared = 0;
    QStringList mismatches;
};

// Every request of every app through parser + model, against the real responses in `rr`.
Comparison compareWithModel(Framework fw, const QString& version, const QList<AppSpec>& apps, const RunResult& rr)
{
    QStringList mismatches;
    int compared = 0;
    for (const AppSpec& app : apps) {
        auto parsed = parseServerConfig(app.source, fw);
        if (!parsed) {
            mismatches << QStringLiteral("[%1] parse error: %2").arg(app.id, parsed.error().message);
            continue;
        }
        const ServerModel model = ServerModel::fromConfig(parsed.value(), version);
        const QJsonObject real = rr.apps.value(app.id);
        const QString startupError = real.value(QStringLiteral("error")).toString();
        const QJsonArray responses = real.value(QStringLiteral("responses")).toArray();
        for (qsizetype i = 0; i < app.requests.size(); ++i) {
            const Req& req = app.requests.at(i);
            ServerRequest sr;
            sr.method = req.method;
            sr.path = req.path;
            for (const auto& [n, v] : req.headers)
                sr.headers.append(n, v);
            sr.headers.append("Connection", "close");
            const ServerResponse m = simulateRequest(model, sr);
            if (!startupError.isEmpty()) {
                ++compared;
                if (!m.head.isNetworkError())
                    mismatches << QStringLiteral("[%1] %2: the real app fails to start (%3) but the model answers %4")
                                      .arg(app.id, describeReq(req), startupError)
                                      .arg(m.head.status);
                continue;
            }
            if (i >= responses.size()) {
                mismatches << QStringLiteral("[%1] missing real response %2").arg(app.id).arg(i);
                continue;
            }
            ++compared;
            const QJsonObject r = responses.at(i).toObject();
            const int status = r.value(QStringLiteral("status")).toInt();
            QList<QPair<QByteArray, QString>> realCors, modelCors;
            for (const QJsonValue& h : r.value(QStringLiteral("headers")).toArray()) {
                const QByteArray n = h.toArray().at(0).toString().toUtf8();
                if (isCorsResponseHeader(n))
                    realCors.append({ n, h.toArray().at(1).toString() });
            }
            for (const http::Header& h : m.head.headers) {
                if (isCorsResponseHeader(h.name))
                    modelCors.append({ h.name, QString::fromUtf8(h.value) });
            }
            bool same = status == m.head.status && realCors.size() == modelCors.size();
            for (qsizetype k = 0; same && k < realCors.size(); ++k) {
                same = realCors[k].first.toLower() == modelCors[k].first.toLower()
                    && valuesEqual(fw, realCors[k].first, realCors[k].second, modelCors[k].second);
            }
            const QString realBody = r.value(QStringLiteral("body")).toString();
            const bool frameworkText = realBody.startsWith(QStringLiteral("Disallowed CORS"))
                || realBody.startsWith(QStringLiteral("CORS preflight request failed"));
            if (same && frameworkText)
                same = bodiesEqual(fw, realBody, QString::fromUtf8(m.body));
            if (!same) {
                mismatches << QStringLiteral("[%1] %2\n      real : %3 %4 body=%5\n      model: %6 %7 body=%8 (%9)")
                                  .arg(app.id, describeReq(req))
                                  .arg(status)
                                  .arg(renderCors(realCors), realBody.left(120))
                                  .arg(m.head.status)
                                  .arg(renderCors(modelCors), QString::fromUtf8(m.body.left(120)), m.note);
            }
        }
    }
    return Comparison { compared, mismatches };
}

void expectAgreement(const Comparison& c, const QString& version, int appCount, int minimumRequests)
{
    ::testing::Test::RecordProperty("responses_compared", c.compared);
    ::testing::Test::RecordProperty("apps", appCount);
    EXPECT_GE(c.compared, minimumRequests);
    EXPECT_TRUE(c.mismatches.isEmpty()) << c.mismatches.size() << " of " << c.compared << " responses differ (framework "
                                        << version.toStdString() << "):\n"
                                        << c.mismatches.mid(0, 40).join(QLatin1Char('\n')).toStdString();
}

void runDifferential(Framework fw, const QString& name, const QList<AppSpec>& apps, int minimumRequests)
{
    const RunResult rr = runReal(name, apps);
    ASSERT_TRUE(rr.fatal.isEmpty()) << rr.fatal.toStdString();
    QString version;
    if (fw == Framework::FastApi)
        version = rr.versions.value(QStringLiteral("starlette")).toString();
    else if (fw == Framework::Aiohttp)
        version = rr.versions.value(QStringLiteral("aiohttp_cors")).toString();
    else
        version = rr.versions.value(QStringLiteral("flask_cors")).toString();
    expectAgreement(compareWithModel(fw, version, apps, rr), version, int(apps.size()), minimumRequests);
}

QList<AppSpec> specs(const QStringList& sources, bool aiohttp, bool flask = false)
{
    QList<AppSpec> out;
    const QList<Req> reqs = standardRequests(aiohttp, flask);
    for (qsizetype i = 0; i < sources.size(); ++i)
        out.append(AppSpec { QStringLiteral("app%1").arg(i), sources.at(i), reqs });
    return out;
}

} // namespace

TEST(FrameworkDifferential, FastApiMatchesRealStarlette)
{
    const QStringList configs = {
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://127.0.0.1:5173\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(\n    CORSMiddleware,\n    allow_origins=[\"http://127.0.0.1:5173\"],\n    allow_methods=[\"*\"],\n    allow_headers=[\"*\"],\n)")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"*\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"*\"], allow_credentials=True, allow_methods=[\"*\"], allow_headers=[\"*\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://127.0.0.1:5173/\"], allow_methods=[\"*\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://localhost:5173\", \"http://127.0.0.1:5173\"], allow_methods=[\"GET\", \"POST\"], allow_headers=[\"X-Token\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origin_regex=r\"https://[a-z]+\\.example\\.com\", allow_methods=[\"*\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=ALLOWED, allow_credentials=True, expose_headers=[\"X-Request-Id\", \"X-Total\"], max_age=100)")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware)")),
        fastapiApp(QStringLiteral("# no CORS at all")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=\"http://127.0.0.1:5173\", allow_methods=\"GET,PUT\")")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://127.0.0.1:5173\", \"null\"], allow_methods=[\"get\", \"PUT\", \"patch\"])")),
        fastapiApp(QStringLiteral("origins = os.environ.get(\"CORSBENCH_UNSET_ORIGINS\", \"http://127.0.0.1:5173,http://localhost:5173\").split(\",\")\n"
                                  "app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=[\"PUT\", \"GET\"], allow_headers=[\"content-type\"])")),
        fastapiApp(QStringLiteral("# middleware passed to the constructor"),
            QStringLiteral("app = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=ALLOWED, allow_methods=[\"*\"], allow_headers=[\"Authorization\"])])")),
        fastapiApp(QStringLiteral("app = CORSMiddleware(app, allow_origins=[\"http://127.0.0.1:5173\"], allow_methods=[\"*\"], allow_headers=[\"*\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://127.0.0.1:5173\"])"), QStringLiteral("app = FastAPI(redirect_slashes=False)")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://127.0.0.1:5173\"], allow_credentials=True, allow_headers=[\"Authorization\", \"content-type\"], allow_methods=[\"GET\", \"POST\", \"PUT\", \"DELETE\"])")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"*\"], allow_headers=[\"*\"], expose_headers=[\"X-A\"], max_age=0)")),
        fastapiApp(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[\"http://evil.example\"], allow_origin_regex=\".*localhost.*\", allow_credentials=True)")),
    };
    runDifferential(Framework::FastApi, QStringLiteral("fastapi"), specs(configs, false), 500);
}

TEST(FrameworkDifferential, AiohttpMatchesRealAiohttpCors)
{
    const QString loop = QStringLiteral("\nfor route in list(app.router.routes()):\n    cors.add(route)\n");
    const QStringList configs = {
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions()})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\n    \"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions(allow_headers=\"*\", allow_methods=\"*\"),\n})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"*\": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers=\"*\", allow_headers=\"*\")})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions(allow_headers=(\"Content-Type\", \"X-Token\"), expose_headers=(\"X-Request-Id\",), max_age=3600, allow_credentials=True)})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"http://localhost:5173\": aiohttp_cors.ResourceOptions(allow_headers=\"*\"), \"http://127.0.0.1:5173/\": aiohttp_cors.ResourceOptions()})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"http://127.0.0.1:5173\": {\"allow_headers\": \"*\", \"allow_credentials\": True}})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app)\nfor route in list(app.router.routes()):\n    cors.add(route, {\"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions(allow_headers=\"*\", expose_headers=(\"X-One\", \"X-Two\"))})\n")),
        aiohttpApp(QStringLiteral("# aiohttp_cors not used")),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions(allow_methods=[\"GET\", \"post\"], allow_headers=\"*\")})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={\"https://app.example.com\": aiohttp_cors.ResourceOptions(allow_headers=[\"authorization\"]), \"null\": aiohttp_cors.ResourceOptions()})") + loop),
        aiohttpApp(QStringLiteral("cors = aiohttp_cors.setup(app, defaults={})") + loop),
        aiohttpApp(QStringLiteral("app.router.add_route(\"*\", \"/api/star\", ok)\ncors = aiohttp_cors.setup(app, defaults={\"http://127.0.0.1:5173\": aiohttp_cors.ResourceOptions()})") + loop),
    };
    runDifferential(Framework::Aiohttp, QStringLiteral("aiohttp"), specs(configs, true), 300);
}

TEST(FrameworkDifferential, FlaskMatchesRealFlaskCors)
{
    const QStringList configs = {
        flaskApp(QStringLiteral("CORS(app)")),
        flaskApp(QStringLiteral("CORS(app, supports_credentials=True)")),
        flaskApp(QStringLiteral("CORS(app, send_wildcard=True)")),
        flaskApp(QStringLiteral("CORS(app, origins=[\"http://example.com\"])")),
        flaskApp(QStringLiteral("CORS(app, origins=[\"http://127.0.0.1:5173\"], methods=[\"GET\", \"POST\"])")),
        flaskApp(QStringLiteral("CORS(app, origins=\"http://127.0.0.1:5173\", allow_headers=[\"Content-Type\"])")),
        flaskApp(QStringLiteral("CORS(app, resources={r\"/v1/*\": {\"origins\": \"*\"}})")),
        flaskApp(QStringLiteral("CORS(app, origins=[r\"https://.*\\.example\\.com\", \"http://127.0.0.1:5173\"], expose_headers=[\"X-B\", \"X-A\"], max_age=600)")),
        flaskApp(QStringLiteral("CORS(app, resources={r\"/api/*\": {\"origins\": [\"http://127.0.0.1:5173\"], \"supports_credentials\": True}, r\"/api/boom\": {\"origins\": \"*\"}}, max_age=60)")),
        flaskApp(QStringLiteral("# no flask-cors")),
        flaskApp(QStringLiteral("CORS(app, origins=[\"http://127.0.0.1:5173/\", \"http://localhost:5173\"])")),
        flaskApp(QStringLiteral("CORS(app, vary_header=False, origins=[\"http://127.0.0.1:5173\", \"https://app.example.com\"])")),
        flaskApp(QStringLiteral("app.config[\"CORS_ORIGINS\"] = [\"http://127.0.0.1:5173\"]\napp.config[\"CORS_SUPPORTS_CREDENTIALS\"] = True\nCORS(app)")),
        flaskApp(QStringLiteral("CORS(app, send_wildcard=True, supports_credentials=True)")),
        flaskApp(QStringLiteral("CORS(app, always_send=False, origins=[\"http://127.0.0.1:5173\"], allow_headers=[\"x-.*\", \"authorization\"])")),
        flaskApp(QStringLiteral("CORS(app, origins=[re.compile(r\"http://127\\.0\\.0\\.1:\\d+\")], methods=\"GET, PUT\")")),
        flaskApp(QStringLiteral("@app.route(\"/api/co\", methods=[\"GET\", \"PUT\"])\n@cross_origin(origins=[\"http://127.0.0.1:5173\"], supports_credentials=True)\ndef co():\n    return jsonify(ok=True)\n")),
        flaskApp(QStringLiteral("CORS(app, origins=[\"https://app.example.com\"])\n\n\n@app.route(\"/api/co\", methods=[\"GET\", \"PUT\"])\n@cross_origin(origins=\"*\", allow_headers=[\"X-Token\"], max_age=30)\ndef co():\n    return jsonify(ok=True)\n")),
    };
    runDifferential(Framework::Flask, QStringLiteral("flask"), specs(configs, false, true), 400);
}

// ---------------------------------------------------------------------------------------------
// Django + django-cors-headers: servers/django_server.py keeps one Django process with one
// port per project (settings swapped per request); the requests are sent from here over raw
// loopback sockets, many per server start.

namespace {

QString djangoApp(const QString& settings)
{
    return QStringLiteral(R"(from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from corsheaders.defaults import default_headers, default_methods
import os
import re

%1


def data(request):
    return JsonResponse({"ok": True})


@require_http_methods(["GET", "HEAD"])
def get_only(request):
    return JsonResponse({"ok": True})


@require_POST
def post_only(request):
    return JsonResponse({"ok": True})


def boom(request):
    raise RuntimeError("boom")


def unauthorized(request):
    return JsonResponse({"detail": "authentication required"}, status=401)


def forbidden(request):
    raise PermissionDenied("no")


def items(request):
    return JsonResponse({"ok": True})


def item(request, pk):
    return JsonResponse({"id": pk})


@csrf_exempt
def webhook(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("api/data", data),
    path("api/get-only", get_only),
    path("api/post-only", post_only),
    path("api/boom", boom),
    path("api/unauthorized", unauthorized),
    path("api/forbidden", forbidden),
    path("api/items/", items),
    path("api/item/<int:pk>", item),
    path("api/webhook", webhook),
    path("other", data),
]
)")
        .arg(settings);
}

QList<Req> djangoRequests()
{
    QList<Req> out;
    using H = QPair<QByteArray, QByteArray>;
    auto o = [](const QString& v) { return H("Origin", v.toUtf8()); };
    const H put { "Access-Control-Request-Method", "PUT" };
    const QStringList origins = { A, QStringLiteral("http://localhost:5173"), QStringLiteral("http://LOCALHOST:5173"),
        QStringLiteral("http://evil.example"), QStringLiteral("null"), QStringLiteral("https://app.example.com"),
        QStringLiteral("https://app.example.com.evil.net"), QStringLiteral("HTTP://127.0.0.1:5173"),
        QStringLiteral("http://127.0.0.1:5173/"), QStringLiteral("127.0.0.1:5173"), QStringLiteral("http://[::1"),
        QStringLiteral("https://api.example.com") };
    for (const QString& origin : origins) {
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { o(origin), put, { "Access-Control-Request-Headers", "content-type" } } });
        out.append({ "GET", QStringLiteral("/api/data"), { o(origin) } });
    }
    for (const QString& origin : { A, QStringLiteral("http://evil.example") }) {
        const H og = o(origin);
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Method", "GET" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "DELETE" }, { "Access-Control-Request-Headers", "authorization,x-token" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Method", "patch" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Method", "" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"),
            { og, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Private-Network", "true" } } });
        out.append({ "GET", QStringLiteral("/api/data"), { og, { "Access-Control-Request-Private-Network", "true" } } });
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { og } }); // not a preflight: the view answers
        out.append({ "options", QStringLiteral("/api/data"), { og, put } });
        out.append({ "GET", QStringLiteral("/api/data"), { og, { "Cookie", "sessionid=abc" } } });
        out.append({ "PUT", QStringLiteral("/api/data"), { og, { "Content-Type", "application/json" } } });
        out.append({ "GET", QStringLiteral("/api/unauthorized"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/items"), { og, { "Access-Control-Request-Method", "POST" } } });
        if (origin != A)
            continue; // the routes below behave alike for a refused origin
        out.append({ "DELETE", QStringLiteral("/api/data"), { og } });
        out.append({ "POST", QStringLiteral("/api/get-only"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/get-only"), { og, put } });
        out.append({ "OPTIONS", QStringLiteral("/api/get-only"), { og } });
        out.append({ "GET", QStringLiteral("/api/post-only"), { og } });
        out.append({ "POST", QStringLiteral("/api/post-only"), { og } });
        out.append({ "GET", QStringLiteral("/api/boom"), { og } });
        out.append({ "GET", QStringLiteral("/api/forbidden"), { og } });
        out.append({ "GET", QStringLiteral("/api/nope"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/api/nope"), { og, put } });
        out.append({ "POST", QStringLiteral("/api/items"), { og } });
        out.append({ "GET", QStringLiteral("/api/items?page=2"), { og } });
        out.append({ "POST", QStringLiteral("/api/items/"), { og } });
        out.append({ "POST", QStringLiteral("/api/webhook"), { og, { "Content-Type", "application/json" } } });
        out.append({ "GET", QStringLiteral("/api/item/12"), { og } });
        out.append({ "GET", QStringLiteral("/api/item/abc"), { og } });
        out.append({ "GET", QStringLiteral("/other"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/other"), { og, put } });
        out.append({ "GET", QStringLiteral("/api/d%61ta"), { og } });
        out.append({ "OPTIONS", QStringLiteral("/API/data"), { og, put } });
    }
    // Header-name case, empty and missing Origin.
    out.append({ "OPTIONS", QStringLiteral("/api/data"),
        { { "origin", A.toUtf8() }, { "access-control-request-method", "PUT" }, { "ACCESS-CONTROL-REQUEST-HEADERS", "X-Token" } } });
    out.append({ "GET", QStringLiteral("/api/data?q=%2F"), { { "ORIGIN", A.toUtf8() } } });
    out.append({ "GET", QStringLiteral("/api/data"), { { "Origin", "" } } });
    out.append({ "GET", QStringLiteral("/api/data"), {} });
    out.append({ "OPTIONS", QStringLiteral("/api/data"), { put } });
    out.append({ "GET", QStringLiteral("/api/boom"), {} });
    return out;
}

QJsonObject sendRaw(quint16 port, const Req& r)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return QJsonObject { { QStringLiteral("status"), 0 }, { QStringLiteral("network_error"), s.errorString() } };
    QByteArray data = r.method + ' ' + r.path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    for (const auto& [n, v] : r.headers)
        data += n + ": " + v + "\r\n";
    const QByteArray upper = r.method.toUpper();
    if (upper == "POST" || upper == "PUT" || upper == "PATCH" || upper == "DELETE")
        data += "Content-Length: 0\r\n";
    data += "Connection: close\r\n\r\n";
    s.write(data);
    QByteArray raw;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && s.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
        raw += s.readAll();
    raw += s.readAll();
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (raw.isEmpty() || end < 0)
        return QJsonObject { { QStringLiteral("status"), 0 }, { QStringLiteral("network_error"), QStringLiteral("no complete response") } };
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    QJsonArray headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append(QJsonArray { QString::fromLatin1(line.left(colon)), QString::fromLatin1(line.mid(colon + 1).trimmed()) });
    }
    return QJsonObject { { QStringLiteral("status"), statusLine.size() > 1 ? statusLine.at(1).toInt() : 0 },
        { QStringLiteral("headers"), headers }, { QStringLiteral("body"), QString::fromUtf8(raw.mid(end + 4, 400)) } };
}

/// The requests sent to each generated project: fewer than djangoRequests(), every CORS branch.
QList<Req> djangoShortRequests()
{
    using H = QPair<QByteArray, QByteArray>;
    auto o = [](const char* v) { return H("Origin", v); };
    const H put { "Access-Control-Request-Method", "PUT" };
    QList<Req> out;
    for (const char* origin : { "http://127.0.0.1:5173", "http://localhost:5173", "null", "https://app.example.com.evil.net", "https://api.example.com" }) {
        out.append({ "OPTIONS", QStringLiteral("/api/data"), { o(origin), put, { "Access-Control-Request-Headers", "content-type,x-token" } } });
        out.append({ "GET", QStringLiteral("/api/data"), { o(origin) } });
    }
    const H a = o("http://127.0.0.1:5173");
    out.append({ "OPTIONS", QStringLiteral("/api/data"), { a } });
    out.append({ "PUT", QStringLiteral("/api/data"), { a, { "Cookie", "sessionid=abc" } } });
    out.append({ "POST", QStringLiteral("/api/webhook"), { a } });
    out.append({ "POST", QStringLiteral("/api/get-only"), { a } });
    out.append({ "GET", QStringLiteral("/api/boom"), { a } });
    out.append({ "GET", QStringLiteral("/api/unauthorized"), { a } });
    out.append({ "GET", QStringLiteral("/api/nope"), { a } });
    out.append({ "GET", QStringLiteral("/api/items"), { a } });
    out.append({ "OPTIONS", QStringLiteral("/api/items"), { a, put } });
    out.append({ "OPTIONS", QStringLiteral("/other"), { a, put } });
    out.append({ "GET", QStringLiteral("/other"), { a } });
    out.append({ "GET", QStringLiteral("/api/data"), {} });
    return out;
}

/// Deterministic combinations of the settings django-cors-headers reads, old and new names,
/// MIDDLEWARE orders (CorsMiddleware before/after CommonMiddleware and CsrfViewMiddleware, or
/// missing) and APPEND_SLASH.
QStringList generatedDjangoSettings(int count)
{
    const QString cors = QStringLiteral("\"corsheaders.middleware.CorsMiddleware\"");
    const QString common = QStringLiteral("\"django.middleware.common.CommonMiddleware\"");
    const QString csrf = QStringLiteral("\"django.middleware.csrf.CsrfViewMiddleware\"");
    const QString security = QStringLiteral("\"django.middleware.security.SecurityMiddleware\"");
    const QString frame = QStringLiteral("\"django.middleware.clickjacking.XFrameOptionsMiddleware\"");
    const QList<QStringList> choices = {
        { QString(), QStringLiteral("CORS_ALLOWED_ORIGINS = [\"http://127.0.0.1:5173\", \"https://app.example.com\"]\n"),
            QStringLiteral("CORS_ORIGIN_WHITELIST = [\"http://localhost:5173\"]\n"), QStringLiteral("CORS_ALLOWED_ORIGINS = [\"null\"]\n"),
            QStringLiteral("CORS_ALLOWED_ORIGINS = (\"http://127.0.0.1:5173/\",)\n") },
        { QString(), QString(), QStringLiteral("CORS_ALLOWED_ORIGIN_REGEXES = [r\"^https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?$\"]\n"),
            QStringLiteral("CORS_ORIGIN_REGEX_WHITELIST = [r\"https://.*\\.example\\.com\"]\n") },
        { QString(), QString(), QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\n"), QStringLiteral("CORS_ORIGIN_ALLOW_ALL = True\n"),
            QStringLiteral("CORS_ALLOW_ALL_ORIGINS = False\n") },
        { QString(), QStringLiteral("CORS_ALLOW_CREDENTIALS = True\n"), QStringLiteral("CORS_ALLOW_CREDENTIALS = False\n") },
        { QString(), QStringLiteral("CORS_ALLOW_METHODS = [\"GET\", \"OPTIONS\"]\n"),
            QStringLiteral("CORS_ALLOW_METHODS = list(default_methods) + [\"POKE\"]\n") },
        { QString(), QStringLiteral("CORS_ALLOW_HEADERS = [\"authorization\"]\n"),
            QStringLiteral("CORS_ALLOW_HEADERS = list(default_headers) + [\"x-token\"]\n"),
            QStringLiteral("CORS_ALLOW_HEADERS = (*default_headers, \"x-token\")\n") },
        { QString(), QStringLiteral("CORS_EXPOSE_HEADERS = [\"X-Total\", \"X-Page\"]\n") },
        { QString(), QStringLiteral("CORS_PREFLIGHT_MAX_AGE = 3600\n"), QStringLiteral("CORS_PREFLIGHT_MAX_AGE = 0\n") },
        { QString(), QString(), QStringLiteral("CORS_URLS_REGEX = r\"^/api/\"\n") },
        { QString(), QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(cors, common), QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(common, cors),
            QStringLiteral("MIDDLEWARE = [%1, %2, %3, %4, %5]\n").arg(security, cors, common, csrf, frame),
            QStringLiteral("MIDDLEWARE = [%1, %2, %3]\n").arg(security, csrf, cors), QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(common, csrf) },
        { QString(), QString(), QStringLiteral("APPEND_SLASH = False\n") },
    };
    quint32 state = 20260512u;
    auto rnd = [&](int n) {
        state = state * 1664525u + 1013904223u;
        return int((state >> 9) % quint32(n));
    };
    QStringList out;
    for (int i = 0; i < count; ++i) {
        QString settings;
        for (const QStringList& c : choices)
            settings += c.at(rnd(int(c.size())));
        out << settings;
    }
    return out;
}

enum class StopBy { StdinClose, Sigterm };

/// Starts servers/django_server.py for `apps`, sends every request, stops it (closing its stdin or
/// with SIGTERM) and checks that it exits. Missing Django packages come back as `fatal`
/// ("install ..."). `env` adds environment variables for the server.
RunResult runDjangoLive(const QList<AppSpec>& apps, StopBy stopBy = StopBy::StdinClose, const QHash<QString, QString>& extraEnv = {})
{
    RunResult rr;
    QTemporaryDir dir;
    QJsonArray jApps;
    for (const AppSpec& a : apps)
        jApps.append(QJsonObject { { QStringLiteral("id"), a.id }, { QStringLiteral("source"), a.source } });
    const QString jobPath = dir.filePath(QStringLiteral("job.json"));
    QFile job(jobPath);
    if (!job.open(QIODevice::WriteOnly)) {
        rr.fatal = QStringLiteral("cannot write %1").arg(jobPath);
        return rr;
    }
    job.write(QJsonDocument(QJsonObject { { QStringLiteral("apps"), jApps } }).toJson(QJsonDocument::Compact));
    job.close();
    if (!QFile::exists(QStringLiteral(CORSBENCH_SYSTEM_PYTHON))) {
        rr.fatal = QStringLiteral("%1 is missing: install python3").arg(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
        return rr;
    }
    QProcess p;
    p.setProgram(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
    p.setArguments({ QStringLiteral(CORSBENCH_DJANGO_SERVER), jobPath });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.remove(QStringLiteral("DJANGO_SETTINGS_MODULE"));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start();
    if (!p.waitForStarted(10000)) {
        rr.fatal = QStringLiteral("cannot start %1").arg(QStringLiteral(CORSBENCH_SYSTEM_PYTHON));
        return rr;
    }
    auto stop = [&p, stopBy] {
        if (stopBy == StopBy::Sigterm)
            p.terminate();
        else
            p.closeWriteChannel();
        if (!p.waitForFinished(10000)) {
            p.kill();
            p.waitForFinished(5000);
            return false;
        }
        return true;
    };
    QByteArray line;
    const QDeadlineTimer ready(60000);
    while (!line.contains('\n') && !ready.hasExpired() && p.state() == QProcess::Running) {
        p.waitForReadyRead(int(std::max<qint64>(1, ready.remainingTime())));
        line += p.readAllStandardOutput();
    }
    line += p.readAllStandardOutput();
    const QJsonObject hello = QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
    if (hello.contains(QStringLiteral("fatal")) || hello.isEmpty()) {
        rr.fatal = hello.contains(QStringLiteral("fatal"))
            ? hello.value(QStringLiteral("fatal")).toString()
            : QStringLiteral("django_server.py did not report its ports within 60 s: %1 / stderr: %2")
                  .arg(QString::fromUtf8(line.left(300)), QString::fromUtf8(p.readAllStandardError().right(2000)));
        stop();
        return rr;
    }
    rr.versions = hello.value(QStringLiteral("versions")).toObject();
    const QJsonObject ports = hello.value(QStringLiteral("ports")).toObject();
    const QJsonObject errors = hello.value(QStringLiteral("errors")).toObject();
    for (const AppSpec& a : apps) {
        QJsonObject entry { { QStringLiteral("id"), a.id } };
        if (errors.contains(a.id)) {
            entry.insert(QStringLiteral("error"), errors.value(a.id));
        } else {
            const auto port = quint16(ports.value(a.id).toInt());
            QJsonArray responses;
            for (const Req& r : a.requests)
                responses.append(port ? sendRaw(port, r) : QJsonObject {});
            entry.insert(QStringLiteral("responses"), responses);
        }
        rr.apps.insert(a.id, entry);
    }
    if (!stop())
        rr.fatal = QStringLiteral("django_server.py did not exit within 10 s of %1")
                       .arg(stopBy == StopBy::Sigterm ? QStringLiteral("SIGTERM") : QStringLiteral("its stdin closing"));
    return rr;
}

} // namespace

TEST(FrameworkDifferential, DjangoMatchesRealDjangoCorsHeaders)
{
    const QString cors = QStringLiteral("\"corsheaders.middleware.CorsMiddleware\"");
    const QString common = QStringLiteral("\"django.middleware.common.CommonMiddleware\"");
    const QString mw = QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(cors, common);
    const QString origins = QStringLiteral("CORS_ALLOWED_ORIGINS = [\"http://127.0.0.1:5173\"]\n");
    const QStringList settings = {
        mw + origins,
        mw + origins + QStringLiteral("CORS_ALLOW_CREDENTIALS = True\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n"),
        mw + QStringLiteral("CORS_ORIGIN_ALLOW_ALL = True\n"),
        mw + QStringLiteral("CORS_ORIGIN_WHITELIST = (\"http://localhost:5173\", \"https://app.example.com\")\n"),
        mw + QStringLiteral("CORS_ORIGIN_WHITELIST = [\"http://localhost:5173\"]\n") + origins,
        mw + QStringLiteral("CORS_ALLOWED_ORIGIN_REGEXES = [r\"^https://\\w+\\.example\\.com$\"]\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGIN_REGEXES = [r\"https://app\\.example\\.com\"]\nCORS_ALLOW_CREDENTIALS = True\n"),
        mw + QStringLiteral("CORS_ORIGIN_REGEX_WHITELIST = (r\"^http://(localhost|127\\.0\\.0\\.1):\\d+$\",)\n"),
        mw + origins + QStringLiteral("CORS_ALLOW_METHODS = [\"GET\", \"POST\"]\nCORS_ALLOW_HEADERS = [\"x-token\", \"content-type\"]\n"
                                      "CORS_EXPOSE_HEADERS = [\"X-Request-Id\", \"X-Total\"]\nCORS_PREFLIGHT_MAX_AGE = 600\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nCORS_PREFLIGHT_MAX_AGE = 0\nCORS_EXPOSE_HEADERS = (\"X-One\",)\n"),
        mw + origins + QStringLiteral("CORS_URLS_REGEX = r\"^/api/.*$\"\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nCORS_URLS_REGEX = r\"^/api/data\"\n"),
        QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(common, cors) + origins + QStringLiteral("CORS_ALLOW_CREDENTIALS = True\n"),
        QStringLiteral("MIDDLEWARE = [%1]\n").arg(common) + origins,
        origins + QStringLiteral("CORS_ALLOW_CREDENTIALS = True\n"),
        QStringLiteral("MIDDLEWARE = [\"django.middleware.security.SecurityMiddleware\", %1, %2]\nAPPEND_SLASH = False\n").arg(cors, common) + origins,
        QStringLiteral("MIDDLEWARE = [%1]\n").arg(cors) + origins,
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = [\"null\", \"http://127.0.0.1:5173/\"]\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = \"http://127.0.0.1:5173\"\n"),
        mw + origins + QStringLiteral("CORS_ALLOW_PRIVATE_NETWORK = True\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_HEADERS = \"x-token\"\nCORS_ALLOW_METHODS = (\"get\", \"put\")\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = [\"http://LOCALHOST:5173\", \"HTTP://127.0.0.1:5173\"]\n"),
        mw + QStringLiteral("CORS_ALLOW_CREDENTIALS = True\nCORS_EXPOSE_HEADERS = []\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = [\"example.com\"]\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = [\"http://127.0.0.1:5173\", \"http://[::1\"]\nCORS_ALLOW_CREDENTIALS = True\n"),
        mw + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n") + origins,
        mw + QStringLiteral("CORS_ALLOWED_ORIGIN_REGEXES = [re.compile(r\"^http://127\\.0\\.0\\.1:\\d+$\")]\n"),
        QStringLiteral("# plain Django, no django-cors-headers\nMIDDLEWARE = [%1]\n").arg(common),
        QStringLiteral("MIDDLEWARE = [\"django.middleware.security.SecurityMiddleware\", %1, %2, \"django.middleware.csrf.CsrfViewMiddleware\"]\n")
                .arg(cors, common)
            + origins + QStringLiteral("CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOW_HEADERS = list(default_headers) + [\"x-token\"]\n"),
        QStringLiteral("MIDDLEWARE = [\"django.middleware.csrf.CsrfViewMiddleware\", %1]\n").arg(cors)
            + QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_METHODS = [*default_methods, \"POKE\"]\n"),
        mw + QStringLiteral("CORS_ALLOWED_ORIGINS = os.environ.get(\"CORSBENCH_UNSET_ORIGINS\", "
                            "\"http://127.0.0.1:5173,https://app.example.com\").split(\",\")\n"),
    };
    QList<AppSpec> apps;
    const QList<Req> reqs = djangoRequests();
    for (qsizetype i = 0; i < settings.size(); ++i)
        apps.append(AppSpec { QStringLiteral("dj%1").arg(i), djangoApp(settings.at(i)), reqs });
    const QStringList generated = generatedDjangoSettings(48);
    const QList<Req> shortReqs = djangoShortRequests();
    for (qsizetype i = 0; i < generated.size(); ++i)
        apps.append(AppSpec { QStringLiteral("gen%1").arg(i), djangoApp(generated.at(i)), shortReqs });
    QElapsedTimer timer;
    timer.start();
    // Two server processes (config groups) served concurrently: one Django process is CPU bound.
    QList<AppSpec> groups[2];
    for (qsizetype i = 0; i < apps.size(); ++i)
        groups[i % 2].append(apps.at(i));
    RunResult results[2];
    {
        std::thread second([&] { results[1] = runDjangoLive(groups[1], StopBy::Sigterm); });
        results[0] = runDjangoLive(groups[0]);
        second.join();
    }
    RunResult rr = results[0];
    rr.fatal = results[0].fatal.isEmpty() ? results[1].fatal : results[0].fatal;
    for (auto it = results[1].apps.cbegin(); it != results[1].apps.cend(); ++it)
        rr.apps.insert(it.key(), it.value());
    const qint64 liveMs = timer.restart();
    ASSERT_TRUE(rr.fatal.isEmpty()) << rr.fatal.toStdString();
    EXPECT_EQ(results[1].versions, rr.versions);
    const QString version = rr.versions.value(QStringLiteral("corsheaders")).toString();
    // The model's default is the version Debian ships (the one running here).
    auto parsed = parseServerConfig(apps.first().source, Framework::Django);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(ServerModel::fromConfig(parsed.value()).effectiveVersion(), version);
    EXPECT_TRUE(parsed.value().routesKnown);
    const Comparison c = compareWithModel(Framework::Django, version, apps, rr);
    ::testing::Test::RecordProperty("live_ms", int(liveMs));
    ::testing::Test::RecordProperty("model_ms", int(timer.elapsed()));
    expectAgreement(c, version, int(apps.size()), 3000);
}

TEST(FrameworkDifferential, DjangoServerNamesTheMissingPackages)
{
    // A `django` package that fails to import stands in for a machine without python3-django.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("django")));
    QFile init(dir.filePath(QStringLiteral("django/__init__.py")));
    ASSERT_TRUE(init.open(QIODevice::WriteOnly));
    init.write("raise ImportError('simulated: not installed')\n");
    init.close();
    const RunResult rr = runDjangoLive({ AppSpec { QStringLiteral("a"), djangoApp(QString()), {} } }, StopBy::StdinClose,
        { { QStringLiteral("PYTHONPATH"), dir.path() } });
    EXPECT_TRUE(rr.fatal.contains(QStringLiteral("install python3-django python3-django-cors-headers"))) << rr.fatal.toStdString();
}
