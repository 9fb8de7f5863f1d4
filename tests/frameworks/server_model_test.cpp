// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Model behaviour that the live differential tests cannot reach on this machine (other library
// versions, debug mode), checked against the transcripts in shared/reference/servers.md, plus
// simulateExchange and the `simulate` command.
#include "framework_test_support.h"

#include "core/cli/commands.h"
#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/server_model.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::frameworks;

namespace {

const QByteArray A = "http://127.0.0.1:5173";

ServerModel model(const QString& src, Framework fw, const QString& version = {})
{
    auto cfg = parseServerConfig(src, fw);
    EXPECT_TRUE(cfg);
    return ServerModel::fromConfig(cfg ? cfg.value() : ServerConfig {}, version);
}

ServerResponse send(const ServerModel& m, const QByteArray& method, const QString& path, http::HeaderList headers)
{
    ServerRequest r;
    r.method = method;
    r.path = path;
    r.headers = std::move(headers);
    return simulateRequest(m, r);
}

QStringList corsOf(const ServerResponse& r)
{
    QStringList out;
    for (const http::Header& h : r.head.headers) {
        if (isCorsResponseHeader(h.name))
            out << QString::fromUtf8(h.name + ": " + h.value);
    }
    return out;
}

const QString kStar = QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=['*'], allow_credentials=True, allow_methods=['*'], allow_headers=['*'])");

} // namespace

TEST(StarletteModel, WildcardWithCredentialsDependsOnVersionAndCookie)
{
    // FA05 (0.26.1): '*' + ACAC without a Cookie, echo with one.
    const ServerModel old = model(kStar, Framework::FastApi);
    EXPECT_EQ(corsOf(send(old, "GET", QStringLiteral("/api/data"), { { "Origin", A } })),
        (QStringList { QStringLiteral("access-control-allow-origin: *"), QStringLiteral("access-control-allow-credentials: true") }));
    EXPECT_EQ(corsOf(send(old, "GET", QStringLiteral("/api/data"), { { "Origin", A }, { "Cookie", "session=abc" } })),
        (QStringList { QStringLiteral("access-control-allow-origin: http://127.0.0.1:5173"),
            QStringLiteral("access-control-allow-credentials: true"), QStringLiteral("vary: Origin") }));
    // FN01 (1.3.1): always echoed.
    const ServerModel v1 = model(kStar, Framework::FastApi, QStringLiteral("1.3.1"));
    EXPECT_EQ(corsOf(send(v1, "GET", QStringLiteral("/api/data"), { { "Origin", A } })),
        (QStringList { QStringLiteral("access-control-allow-origin: http://127.0.0.1:5173"),
            QStringLiteral("access-control-allow-credentials: true"), QStringLiteral("vary: Origin") }));
    // FN02 (1.3.1): '*' without credentials stays '*' even with a Cookie.
    const ServerModel v1nc = model(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=['*'])"), Framework::FastApi, QStringLiteral("1.3.1"));
    EXPECT_EQ(corsOf(send(v1nc, "GET", QStringLiteral("/api/data"), { { "Origin", A }, { "Cookie", "a=b" } })),
        QStringList { QStringLiteral("access-control-allow-origin: *") });
}

TEST(StarletteModel, PrivateNetworkByVersion)
{
    const QString cfg = QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=['http://127.0.0.1:5173'], allow_methods=['*'], allow_headers=['*']%1)");
    const http::HeaderList pna { { "Origin", A }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Private-Network", "true" } };
    // FA31: 0.26.1 ignores it.
    const ServerResponse r0 = send(model(cfg.arg(QString()), Framework::FastApi), "OPTIONS", QStringLiteral("/api/data"), pna);
    EXPECT_EQ(r0.head.status, 200);
    // FN03: >= 0.51 refuses without allow_private_network.
    const ServerResponse r1 = send(model(cfg.arg(QString()), Framework::FastApi, QStringLiteral("1.3.1")), "OPTIONS", QStringLiteral("/api/data"), pna);
    EXPECT_EQ(r1.head.status, 400);
    EXPECT_EQ(r1.body, QByteArray("Disallowed CORS private-network"));
    EXPECT_EQ(corsOf(r1), (QStringList { QStringLiteral("vary: Origin"),
                            QStringLiteral("access-control-allow-methods: DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"),
                            QStringLiteral("access-control-max-age: 600"), QStringLiteral("access-control-allow-origin: http://127.0.0.1:5173") }));
    // FN04: allowed.
    const ServerResponse r2 = send(model(cfg.arg(QStringLiteral(", allow_private_network=True")), Framework::FastApi, QStringLiteral("1.3.1")),
        "OPTIONS", QStringLiteral("/api/data"), pna);
    EXPECT_EQ(r2.head.status, 200);
    EXPECT_EQ(corsOf(r2).last(), QStringLiteral("access-control-allow-private-network: true"));
}

TEST(StarletteModel, RegexWasAPrefixMatchBefore0131)
{
    const QString cfg = QStringLiteral("app.add_middleware(CORSMiddleware, allow_origin_regex=r'https://.*\\.example\\.com')");
    const http::HeaderList evil { { "Origin", "https://x.example.com.evil.net" } };
    EXPECT_TRUE(corsOf(send(model(cfg, Framework::FastApi), "GET", QStringLiteral("/x"), evil)).isEmpty());
    EXPECT_FALSE(corsOf(send(model(cfg, Framework::FastApi, QStringLiteral("0.13.0")), "GET", QStringLiteral("/x"), evil)).isEmpty());
}

TEST(FlaskModel, DebugModeDropsCorsOnErrors)
{
    const QString src = QStringLiteral("from flask import Flask\nfrom flask_cors import CORS\napp = Flask(__name__)\nCORS(app, origins=['http://127.0.0.1:5173'])\n\n"
                                       "@app.route('/api/boom')\ndef boom():\n    raise RuntimeError('boom')\n\napp.run(debug=True)\n");
    const ServerResponse r = send(model(src, Framework::Flask), "GET", QStringLiteral("/api/boom"), { { "Origin", A } });
    EXPECT_EQ(r.head.status, 500);
    EXPECT_TRUE(corsOf(r).isEmpty());
    QString nodebug = src;
    nodebug.replace(QStringLiteral("debug=True"), QStringLiteral("debug=False"));
    EXPECT_EQ(corsOf(send(model(nodebug, Framework::Flask), "GET", QStringLiteral("/api/boom"), { { "Origin", A } })),
        QStringList { QStringLiteral("Access-Control-Allow-Origin: http://127.0.0.1:5173") });
}

TEST(FlaskModel, PrivateNetworkOptionInNewerFlaskCors)
{
    const QString src = QStringLiteral("CORS(app, allow_private_network=True)");
    const http::HeaderList pna { { "Origin", A }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Private-Network", "true" } };
    EXPECT_FALSE(corsOf(send(model(src, Framework::Flask, QStringLiteral("3.0.10")), "OPTIONS", QStringLiteral("/x"), pna))
                     .contains(QStringLiteral("Access-Control-Allow-Private-Network: true")));
    EXPECT_TRUE(corsOf(send(model(src, Framework::Flask, QStringLiteral("6.0.2")), "OPTIONS", QStringLiteral("/x"), pna))
                    .contains(QStringLiteral("Access-Control-Allow-Private-Network: true")));
}

TEST(DjangoModel, PreflightAndVaryIn4x)
{
    // 4.x (adamchainz/django-cors-headers 4.9.0 middleware.py): lower-case names, `Vary: origin`.
    const QString src = QStringLiteral("MIDDLEWARE = ['corsheaders.middleware.CorsMiddleware']\nCORS_ALLOWED_ORIGINS = ['http://127.0.0.1:5173']\nCORS_ALLOW_CREDENTIALS = True\n");
    const ServerResponse r = send(model(src, Framework::Django, QStringLiteral("4.9.0")), "OPTIONS", QStringLiteral("/api"),
        { { "Origin", A }, { "Access-Control-Request-Method", "PUT" } });
    EXPECT_EQ(r.head.status, 200);
    EXPECT_EQ(corsOf(r),
        QStringList({ QStringLiteral("Vary: origin"), QStringLiteral("access-control-allow-origin: http://127.0.0.1:5173"),
            QStringLiteral("access-control-allow-credentials: true"),
            QStringLiteral("access-control-allow-headers: accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with"),
            QStringLiteral("access-control-allow-methods: DELETE, GET, OPTIONS, PATCH, POST, PUT"),
            QStringLiteral("access-control-max-age: 86400") }));
}

TEST(DjangoModel, CredentialsHeaderForRefusedOriginsUntil43)
{
    // 3.14.0 (Debian 12) sets Access-Control-Allow-Credentials before the origin check; 4.3.0 (#888) not.
    const QString src = QStringLiteral("CORS_ALLOWED_ORIGINS = ['http://127.0.0.1:5173']\nCORS_ALLOW_CREDENTIALS = True\n");
    const http::HeaderList evil { { "Origin", "http://evil.example" } };
    EXPECT_EQ(corsOf(send(model(src, Framework::Django), "GET", QStringLiteral("/api"), evil)),
        QStringList({ QStringLiteral("Vary: Origin"), QStringLiteral("Access-Control-Allow-Credentials: true") }));
    EXPECT_EQ(corsOf(send(model(src, Framework::Django, QStringLiteral("4.2.0")), "GET", QStringLiteral("/api"), evil)),
        QStringList({ QStringLiteral("Vary: origin"), QStringLiteral("access-control-allow-credentials: true") }));
    EXPECT_EQ(corsOf(send(model(src, Framework::Django, QStringLiteral("4.3.0")), "GET", QStringLiteral("/api"), evil)),
        QStringList({ QStringLiteral("Vary: origin") }));
    // Allowed origin: ACAC before ACAO in 3.x, after it since 4.3.0.
    const http::HeaderList ok { { "Origin", A } };
    EXPECT_EQ(corsOf(send(model(src, Framework::Django), "GET", QStringLiteral("/api"), ok)),
        QStringList({ QStringLiteral("Vary: Origin"), QStringLiteral("Access-Control-Allow-Credentials: true"),
            QStringLiteral("Access-Control-Allow-Origin: http://127.0.0.1:5173") }));
    EXPECT_EQ(corsOf(send(model(src, Framework::Django, QStringLiteral("4.9.0")), "GET", QStringLiteral("/api"), ok)),
        QStringList({ QStringLiteral("Vary: origin"), QStringLiteral("access-control-allow-origin: http://127.0.0.1:5173"),
            QStringLiteral("access-control-allow-credentials: true") }));
}

TEST(DjangoModel, PrivateNetworkOnlyFrom40)
{
    const QString src = QStringLiteral("CORS_ALLOWED_ORIGINS = ['http://127.0.0.1:5173']\nCORS_ALLOW_PRIVATE_NETWORK = True\n");
    const http::HeaderList pna { { "Origin", A }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Private-Network", "true" } };
    const ServerResponse old = send(model(src, Framework::Django), "OPTIONS", QStringLiteral("/x"), pna);
    EXPECT_FALSE(corsOf(old).join(u'|').contains(u"private-network", Qt::CaseInsensitive));
    EXPECT_TRUE(old.note.contains(u"4.0")) << old.note.toStdString();
    const QString pnaHeader = QStringLiteral("access-control-allow-private-network: true");
    EXPECT_TRUE(corsOf(send(model(src, Framework::Django, QStringLiteral("4.0.0")), "OPTIONS", QStringLiteral("/x"), pna)).contains(pnaHeader));
    // 4.x answers it outside the OPTIONS branch too.
    EXPECT_TRUE(corsOf(send(model(src, Framework::Django, QStringLiteral("4.9.0")), "GET", QStringLiteral("/x"),
                           { { "Origin", A }, { "Access-Control-Request-Private-Network", "true" } }))
                    .contains(pnaHeader));
}

TEST(DjangoModel, MiddlewareOrderDecidesTheSlashRedirect)
{
    const QString views = QStringLiteral("from django.urls import path\n\n\ndef items(request):\n    return JsonResponse({})\n\n\n"
                                         "urlpatterns = [path(\"api/items/\", items)]\nCORS_ALLOWED_ORIGINS = ['http://127.0.0.1:5173']\n");
    const QString corsFirst = QStringLiteral("MIDDLEWARE = ['corsheaders.middleware.CorsMiddleware', 'django.middleware.common.CommonMiddleware']\n");
    const QString commonFirst = QStringLiteral("MIDDLEWARE = ['django.middleware.common.CommonMiddleware', 'corsheaders.middleware.CorsMiddleware']\n");
    const http::HeaderList ok { { "Origin", A } };
    const ServerResponse inner = send(model(corsFirst + views, Framework::Django), "POST", QStringLiteral("/api/items?x=1"), ok);
    EXPECT_EQ(inner.head.status, 301);
    EXPECT_EQ(inner.head.headers.value("location").value_or(QByteArray()), QByteArray("/api/items/?x=1"));
    EXPECT_TRUE(corsOf(inner).contains(QStringLiteral("Access-Control-Allow-Origin: http://127.0.0.1:5173")));
    const ServerResponse outer = send(model(commonFirst + views, Framework::Django), "POST", QStringLiteral("/api/items"), ok);
    EXPECT_EQ(outer.head.status, 301);
    EXPECT_TRUE(corsOf(outer).isEmpty()) << outer.note.toStdString();
    EXPECT_EQ(send(model(corsFirst + views, Framework::Django), "GET", QStringLiteral("/api/nope"), ok).head.status, 404);
}

TEST(SimulateExchange, PreflightFailureStopsTheActualRequest)
{
    const ServerModel m = model(QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=['http://localhost:3000'])"), Framework::FastApi);
    http::Exchange ex;
    ex.pageOrigin = QStringLiteral("http://localhost:3000");
    ex.request.method = "PUT";
    ex.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/items/1"));
    const http::Exchange sim = simulateExchange(m, ex);
    ASSERT_TRUE(sim.preflight);
    EXPECT_EQ(sim.preflight->response.status, 400);
    EXPECT_TRUE(sim.actual.isEmpty());
    const cors::Verdict v = cors::CorsEngine().evaluate(sim);
    EXPECT_FALSE(v.allowed);
    ASSERT_TRUE(v.error);
    EXPECT_EQ(v.error->kind, QStringLiteral("PreflightInvalidStatus"));
}

TEST(SimulateExchange, FollowsStarletteTrailingSlashRedirect)
{
    const QString src = QStringLiteral("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\n"
                                       "app.add_middleware(CORSMiddleware, allow_origins=['http://localhost:3000'])\n\n"
                                       "@app.get('/api/items/')\ndef items():\n    return []\n");
    http::Exchange ex;
    ex.pageOrigin = QStringLiteral("http://localhost:3000");
    ex.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/items"));
    const http::Exchange sim = simulateExchange(model(src, Framework::FastApi), ex);
    ASSERT_EQ(sim.actual.size(), 2);
    EXPECT_EQ(sim.actual.at(0).response.status, 307);
    EXPECT_EQ(sim.actual.at(0).response.headers.value("location").value_or(QByteArray()), QByteArray("http://127.0.0.1:8000/api/items/"));
    EXPECT_EQ(sim.actual.at(1).response.status, 200);
    EXPECT_TRUE(cors::CorsEngine().evaluate(sim).allowed);
}

TEST(SimulateExchange, DjangoSlashRedirectNeedsCorsMiddlewareFirst)
{
    // CommonMiddleware's APPEND_SLASH redirect carries CORS headers only when CorsMiddleware is
    // listed before it (live-checked in the differential test).
    const QString rest = QStringLiteral("CORS_ALLOWED_ORIGINS = ['http://localhost:3000']\n\n\ndef items(request):\n"
                                        "    return JsonResponse([], safe=False)\n\n\nurlpatterns = [path('api/items/', items)]\n");
    const QString cors = QStringLiteral("'corsheaders.middleware.CorsMiddleware'");
    const QString common = QStringLiteral("'django.middleware.common.CommonMiddleware'");
    http::Exchange ex;
    ex.pageOrigin = QStringLiteral("http://localhost:3000");
    ex.request.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/items"));
    const http::Exchange good = simulateExchange(model(QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(cors, common) + rest, Framework::Django), ex);
    ASSERT_EQ(good.actual.size(), 2);
    EXPECT_EQ(good.actual.at(0).response.status, 301);
    EXPECT_EQ(good.actual.at(1).response.status, 200);
    EXPECT_TRUE(cors::CorsEngine().evaluate(good).allowed);
    const http::Exchange bad = simulateExchange(model(QStringLiteral("MIDDLEWARE = [%1, %2]\n").arg(common, cors) + rest, Framework::Django), ex);
    ASSERT_FALSE(bad.actual.isEmpty());
    EXPECT_EQ(bad.actual.at(0).response.status, 301);
    EXPECT_FALSE(bad.actual.at(0).response.headers.contains("access-control-allow-origin"));
    EXPECT_FALSE(cors::CorsEngine().evaluate(bad).allowed);
}

namespace {
struct CliRun {
    int code;
    QString out;
    QString err;
};
CliRun runCli(const QStringList& args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    cli::CommandIo io { o, e, nullptr };
    const int code = cli::runSimulate(args, io);
    o.flush();
    e.flush();
    return { code, out, err };
}
} // namespace

TEST(SimulateCommand, TextJsonAndExitCodes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("app.py"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=['http://localhost:3000'], allow_methods=['*'])\n");
    f.close();
    CliRun ok = runCli({ QStringLiteral("--config"), path, QStringLiteral("--origin"), QStringLiteral("http://localhost:3000"),
        QStringLiteral("-X"), QStringLiteral("DELETE"), QStringLiteral("--path"), QStringLiteral("/api/x") });
    EXPECT_EQ(ok.code, 0) << ok.out.toStdString() << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains(QStringLiteral("access-control-allow-origin: http://localhost:3000")));
    EXPECT_TRUE(ok.out.contains(QStringLiteral("Preflight response (modelled)")));

    CliRun blocked = runCli({ QStringLiteral("--config"), path, QStringLiteral("--origin"), QStringLiteral("http://localhost:5173"),
        QStringLiteral("-H"), QStringLiteral("X-Token: 1"), QStringLiteral("--json") });
    EXPECT_EQ(blocked.code, 1);
    const QJsonObject j = QJsonDocument::fromJson(blocked.out.toUtf8()).object();
    EXPECT_EQ(j.value(QStringLiteral("framework")).toString(), QStringLiteral("fastapi"));
    EXPECT_EQ(j.value(QStringLiteral("version")).toString(), QStringLiteral("0.26.1"));
    EXPECT_EQ(j.value(QStringLiteral("preflight")).toObject().value(QStringLiteral("body")).toString(),
        QStringLiteral("Disallowed CORS origin, headers"));
    EXPECT_FALSE(j.value(QStringLiteral("verdict")).toObject().value(QStringLiteral("allowed")).toBool(true));

    EXPECT_EQ(runCli({ QStringLiteral("--help") }).code, 0);
    EXPECT_EQ(runCli({ QStringLiteral("--origin"), QStringLiteral("http://a") }).code, 2);
    EXPECT_EQ(runCli({ QStringLiteral("--config"), path }).code, 2);
    EXPECT_EQ(runCli({ QStringLiteral("--config"), path, QStringLiteral("--origin"), QStringLiteral("http://a"), QStringLiteral("--framework"), QStringLiteral("rails") }).code, 2);
    EXPECT_EQ(runCli({ QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.py")), QStringLiteral("--origin"), QStringLiteral("http://a") }).code, 2);
    EXPECT_EQ(runCli({ QStringLiteral("--config"), path, QStringLiteral("--origin"), QStringLiteral("http://a"), QStringLiteral("-H"), QStringLiteral("nocolon") }).code, 2);
    EXPECT_EQ(runCli({ QStringLiteral("--config"), path, QStringLiteral("--origin"), QStringLiteral("http://a"), QStringLiteral("--bogus") }).code, 2);
    QFile bin(dir.filePath(QStringLiteral("bin.py")));
    ASSERT_TRUE(bin.open(QIODevice::WriteOnly));
    bin.write(QByteArray("\x00\x01\x02", 3));
    bin.close();
    const CliRun b = runCli({ QStringLiteral("--config"), bin.fileName(), QStringLiteral("--origin"), QStringLiteral("http://a") });
    EXPECT_EQ(b.code, 2);
    EXPECT_FALSE(b.err.isEmpty());
}

TEST(DjangoModel, DefaultHeadersImportFollowsTheVersion)
{
    const QString src = QStringLiteral("from corsheaders.defaults import default_headers\nCORS_ALLOW_ALL_ORIGINS = True\n"
                                       "CORS_ALLOW_HEADERS = (*default_headers, \"x-token\")\n");
    const http::HeaderList pre { { "Origin", A }, { "Access-Control-Request-Method", "PUT" } };
    EXPECT_TRUE(corsOf(send(model(src, Framework::Django), "OPTIONS", QStringLiteral("/x"), pre))
                    .contains(QStringLiteral("Access-Control-Allow-Headers: accept, accept-encoding, authorization, content-type, dnt, "
                                             "origin, user-agent, x-csrftoken, x-requested-with, x-token")));
    EXPECT_TRUE(corsOf(send(model(src, Framework::Django, QStringLiteral("4.9.0")), "OPTIONS", QStringLiteral("/x"), pre))
                    .contains(QStringLiteral("access-control-allow-headers: accept, authorization, content-type, user-agent, "
                                             "x-csrftoken, x-requested-with, x-token")));
}

TEST(DjangoModel, CsrfRefusesUnsafeMethodsWithCorsHeaders)
{
    const QString src = QStringLiteral(
        "MIDDLEWARE = ['corsheaders.middleware.CorsMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']\n"
        "CORS_ALLOWED_ORIGINS = ['http://127.0.0.1:5173']\n\n\ndef a(request):\n    return JsonResponse({})\n\n\n"
        "@csrf_exempt\ndef hook(request):\n    return JsonResponse({})\n\n\nurlpatterns = [path('a', a), path('hook', hook)]\n");
    const ServerModel m = model(src, Framework::Django);
    const ServerResponse post = send(m, "POST", QStringLiteral("/a"), { { "Origin", A } });
    EXPECT_EQ(post.head.status, 403);
    EXPECT_TRUE(corsOf(post).contains(QStringLiteral("Access-Control-Allow-Origin: http://127.0.0.1:5173")));
    EXPECT_EQ(send(m, "POST", QStringLiteral("/hook"), { { "Origin", A } }).head.status, 200);
    EXPECT_EQ(send(m, "GET", QStringLiteral("/a"), { { "Origin", A } }).head.status, 200);
    EXPECT_EQ(send(m, "POST", QStringLiteral("/a"), { { "Origin", A }, { "Cookie", "csrftoken=abc" } }).head.status, 200);
    EXPECT_EQ(send(m, "OPTIONS", QStringLiteral("/a"), { { "Origin", A }, { "Access-Control-Request-Method", "POST" } }).head.status, 200);
}
