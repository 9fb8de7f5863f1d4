// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Each cause -> a fix of the user's own snippet (diff + full module) that the model and the CORS
// engine judge as allowed, plus complete examples when no snippet is given.
#include "framework_test_support.h"

#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/fix_generator.h"
#include "core/frameworks/server_model.h"
#include "core/frameworks/unified_diff.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::frameworks;

namespace {

http::Exchange intent(const QString& origin, const QByteArray& method, const QString& url,
    http::HeaderList headers = {}, http::CredentialsMode creds = http::CredentialsMode::SameOrigin)
{
    http::Exchange ex;
    ex.pageOrigin = origin;
    ex.request.method = method;
    ex.request.url = QUrl(url);
    ex.request.headers = std::move(headers);
    ex.request.credentials = creds;
    return ex;
}

bool allowedWith(const QString& snippet, Framework fw, const http::Exchange& ex, bool cookie = false)
{
    auto cfg = parseServerConfig(snippet, fw);
    if (!cfg)
        return false;
    SimulationOptions o;
    o.sendCookie = cookie;
    return cors::CorsEngine().evaluate(simulateExchange(ServerModel::fromConfig(cfg.value()), ex, o)).allowed;
}

const QString kFastApi = QStringLiteral(R"(from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

origins = [
    "http://localhost:3000",
]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=False,
)


@app.get("/api/items/")
def list_items():
    return []


@app.put("/api/items/{item_id}")
def update(item_id: int):
    return {"id": item_id}


@app.get("/api/boom")
def boom():
    raise RuntimeError("boom")
)");

const QString kAiohttp = QStringLiteral(R"(import aiohttp_cors
from aiohttp import web


async def handler(request):
    return web.json_response({"ok": True})


app = web.Application()
app.router.add_get("/api/data", handler)
app.router.add_put("/api/data", handler)

cors = aiohttp_cors.setup(app, defaults={
    "http://localhost:3000": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),
})
for route in list(app.router.routes()):
    cors.add(route)

app.router.add_post("/api/late", handler)

if __name__ == "__main__":
    web.run_app(app)
)");

const QString kFlask = QStringLiteral(R"(from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["http://localhost:3000"], methods=["GET", "POST"])


@app.route("/api/items/", methods=["GET", "POST", "PUT"])
def items():
    return jsonify([])
)");

struct CauseCase {
    const char* cause;
    Framework fw;
    const QString* snippet;
    http::Exchange failing;
};

void expectVerifiedEdit(const CauseCase& c)
{
    SCOPED_TRACE(c.cause);
    ASSERT_FALSE(allowedWith(*c.snippet, c.fw, c.failing)) << "the case must fail before the fix";
    FixRequest req;
    req.causeId = QString::fromLatin1(c.cause);
    req.failing = c.failing;
    req.userSnippet = *c.snippet;
    req.framework = c.fw;
    const QList<Fix> fixes = proposeFixes(req);
    ASSERT_FALSE(fixes.isEmpty());
    const Fix& f = fixes.first();
    EXPECT_EQ(f.framework, c.fw);
    EXPECT_TRUE(f.verified) << f.title.toStdString() << "\n" << f.verification.toStdString() << "\n" << f.diff.toStdString();
    EXPECT_FALSE(f.diff.isEmpty()) << f.title.toStdString();
    EXPECT_TRUE(f.diff.startsWith(QStringLiteral("--- a/app.py\n+++ b/app.py\n@@ ")));
    EXPECT_TRUE(f.verification.contains(QStringLiteral("CORS check passes"))) << f.verification.toStdString();
    EXPECT_FALSE(f.snippet.contains(QStringLiteral("allow_origins=[\"*\"]")));
    // The fixed module still parses, and still is a complete module.
    auto cfg = parseServerConfig(f.snippet, c.fw);
    ASSERT_TRUE(cfg);
    EXPECT_TRUE(cfg->completeModule);
    EXPECT_TRUE(cfg->issues.isEmpty()) << describe(cfg.value()).toStdString();
}

} // namespace

TEST(FixGenerator, FastApiOriginNotAllowed)
{
    expectVerifiedEdit({ "origin-not-allowed", Framework::FastApi, &kFastApi,
        intent(QStringLiteral("http://localhost:5173"), "GET", QStringLiteral("http://127.0.0.1:8000/api/items/")) });
}

TEST(FixGenerator, FastApiMethodsDefault)
{
    expectVerifiedEdit({ "methods-default", Framework::FastApi, &kFastApi,
        intent(QStringLiteral("http://localhost:3000"), "PUT", QStringLiteral("http://127.0.0.1:8000/api/items/7")) });
}

TEST(FixGenerator, FastApiHeaderAndAuthorization)
{
    http::HeaderList h { { "Authorization", "Bearer x" } };
    CauseCase c { "authorization-not-allowed", Framework::FastApi, &kFastApi,
        intent(QStringLiteral("http://localhost:3000"), "GET", QStringLiteral("http://127.0.0.1:8000/api/items/"), h) };
    expectVerifiedEdit(c);
    c.cause = "header-not-allowed";
    c.failing.request.headers = { { "X-Token", "1" } };
    expectVerifiedEdit(c);
}

TEST(FixGenerator, FastApiCredentialsModeMismatch)
{
    expectVerifiedEdit({ "credentials-mode-mismatch", Framework::FastApi, &kFastApi,
        intent(QStringLiteral("http://localhost:3000"), "GET", QStringLiteral("http://127.0.0.1:8000/api/items/"), {},
            http::CredentialsMode::Include) });
}

TEST(FixGenerator, FastApiCredentialsWithWildcard)
{
    QString wildcard = kFastApi;
    wildcard.replace(QStringLiteral("\"http://localhost:3000\""), QStringLiteral("\"*\""));
    wildcard.replace(QStringLiteral("allow_credentials=False"), QStringLiteral("allow_credentials=True"));
    CauseCase c { "credentials-with-wildcard", Framework::FastApi, &wildcard,
        intent(QStringLiteral("http://localhost:3000"), "GET", QStringLiteral("http://127.0.0.1:8000/api/items/"), {},
            http::CredentialsMode::Include) };
    expectVerifiedEdit(c);
    FixRequest req { QStringLiteral("credentials-with-wildcard"), c.failing, wildcard, Framework::FastApi, {} };
    const Fix f = proposeFixes(req).first();
    EXPECT_FALSE(f.snippet.contains(QStringLiteral("\"*\""))) << f.snippet.toStdString();
}

TEST(FixGenerator, FastApiErrorResponseWithoutCors)
{
    const http::Exchange ex = intent(QStringLiteral("http://localhost:3000"), "GET", QStringLiteral("http://127.0.0.1:8000/api/boom"));
    expectVerifiedEdit({ "error-response-without-cors", Framework::FastApi, &kFastApi, ex });
    FixRequest req { QStringLiteral("error-response-without-cors"), ex, kFastApi, Framework::FastApi, {} };
    const Fix f = proposeFixes(req).first();
    EXPECT_TRUE(f.snippet.contains(QStringLiteral("app = CORSMiddleware(app,")));
    EXPECT_FALSE(f.snippet.contains(QStringLiteral("app.add_middleware(")));
    EXPECT_TRUE(f.verification.contains(QStringLiteral("500"))) << f.verification.toStdString();
}

TEST(FixGenerator, FastApiTrailingSlashRedirect)
{
    // POST with JSON needs a preflight; the actual request is redirected 307 to /api/items/.
    QString s = kFastApi;
    s.replace(QStringLiteral("@app.get(\"/api/items/\")"), QStringLiteral("@app.post(\"/api/items/\")"));
    s.replace(QStringLiteral("allow_credentials=False,"), QStringLiteral("allow_credentials=False,\n    allow_methods=[\"*\"],\n    allow_headers=[\"*\"],"));
    http::HeaderList h { { "Content-Type", "application/json" } };
    const http::Exchange ex = intent(QStringLiteral("http://localhost:3000"), "POST", QStringLiteral("http://127.0.0.1:8000/api/items"), h);
    // With CORSMiddleware the preflight is answered before routing and the 307 carries CORS headers,
    // so browsers follow it; the fix (declare the called path too) must keep it working.
    EXPECT_TRUE(allowedWith(s, Framework::FastApi, ex));
    FixRequest req { QStringLiteral("preflight-redirect-trailing-slash"), ex, s, Framework::FastApi, {} };
    const Fix f = proposeFixes(req).first();
    EXPECT_TRUE(f.verified) << f.verification.toStdString();
    EXPECT_TRUE(f.diff.contains(QStringLiteral("+@app.post(\"/api/items\")"))) << f.diff.toStdString();
    // Without CORSMiddleware the preflight itself is redirected: a real failure, fixed by adding it.
    const QString noCors = QStringLiteral("from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post(\"/api/items/\")\ndef items():\n    return []\n");
    expectVerifiedEdit({ "middleware-missing", Framework::FastApi, &noCors, ex });
}

TEST(FixGenerator, FastApiMiddlewareMissing)
{
    const QString bare = QStringLiteral("from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/api/data\")\ndef data():\n    return {}\n");
    expectVerifiedEdit({ "middleware-missing", Framework::FastApi, &bare,
        intent(QStringLiteral("http://localhost:3000"), "DELETE", QStringLiteral("http://127.0.0.1:8000/api/data")) });
}

TEST(FixGenerator, AiohttpOriginHeaderCredentialsRouteNotAdded)
{
    expectVerifiedEdit({ "origin-not-allowed", Framework::Aiohttp, &kAiohttp,
        intent(QStringLiteral("http://127.0.0.1:5173"), "GET", QStringLiteral("http://127.0.0.1:8080/api/data")) });
    expectVerifiedEdit({ "header-not-allowed", Framework::Aiohttp, &kAiohttp,
        intent(QStringLiteral("http://localhost:3000"), "PUT", QStringLiteral("http://127.0.0.1:8080/api/data"),
            { { "Content-Type", "application/json" }, { "X-Token", "t" } }) });
    expectVerifiedEdit({ "credentials-mode-mismatch", Framework::Aiohttp, &kAiohttp,
        intent(QStringLiteral("http://localhost:3000"), "GET", QStringLiteral("http://127.0.0.1:8080/api/data"), {},
            http::CredentialsMode::Include) });
    expectVerifiedEdit({ "aiohttp-route-not-added", Framework::Aiohttp, &kAiohttp,
        intent(QStringLiteral("http://localhost:3000"), "POST", QStringLiteral("http://127.0.0.1:8080/api/late"),
            { { "Content-Type", "application/json" } }) });
}

TEST(FixGenerator, FlaskCauses)
{
    expectVerifiedEdit({ "origin-not-allowed", Framework::Flask, &kFlask,
        intent(QStringLiteral("http://127.0.0.1:3000"), "GET", QStringLiteral("http://127.0.0.1:5000/api/items/")) });
    expectVerifiedEdit({ "methods-default", Framework::Flask, &kFlask,
        intent(QStringLiteral("http://localhost:3000"), "PUT", QStringLiteral("http://127.0.0.1:5000/api/items/")) });
    expectVerifiedEdit({ "preflight-redirect-trailing-slash", Framework::Flask, &kFlask,
        intent(QStringLiteral("http://localhost:3000"), "POST", QStringLiteral("http://127.0.0.1:5000/api/items"),
            { { "Content-Type", "application/json" } }) });
}

TEST(FixGenerator, ExamplesWithoutSnippetAreVerifiedForFastApiAndAiohttp)
{
    const char* causes[] = { "origin-not-allowed", "credentials-with-wildcard", "methods-default", "header-not-allowed",
        "authorization-not-allowed", "middleware-missing", "credentials-mode-mismatch", "error-response-without-cors",
        "aiohttp-route-not-added", "preflight-redirect-trailing-slash", "something-else" };
    const http::Exchange ex = intent(QStringLiteral("http://localhost:3000"), "PATCH", QStringLiteral("https://api.example.com/v1/things/3"),
        { { "Authorization", "Bearer t" }, { "Content-Type", "application/json" } }, http::CredentialsMode::Include);
    for (const char* cause : causes) {
        SCOPED_TRACE(cause);
        FixRequest req;
        req.causeId = QString::fromLatin1(cause);
        req.failing = ex;
        const QList<Fix> fixes = proposeFixes(req);
        ASSERT_GE(fixes.size(), 2);
        QSet<Framework> seen;
        for (const Fix& f : fixes) {
            seen.insert(f.framework);
            EXPECT_TRUE(f.verified) << f.title.toStdString() << "\n" << f.verification.toStdString() << "\n" << f.snippet.toStdString();
            EXPECT_TRUE(f.diff.isEmpty());
            EXPECT_FALSE(f.snippet.isEmpty());
            EXPECT_FALSE(f.developmentOnly);
            EXPECT_FALSE(f.snippet.contains(QStringLiteral("\"*\"")));
        }
        EXPECT_TRUE(seen.contains(Framework::FastApi));
        EXPECT_TRUE(seen.contains(Framework::Aiohttp));
    }
}

TEST(FixGenerator, NullOriginIsDevelopmentOnly)
{
    FixRequest req;
    req.causeId = QStringLiteral("origin-not-allowed");
    req.failing = intent(QStringLiteral("null"), "GET", QStringLiteral("http://127.0.0.1:8000/api/data"));
    for (const Fix& f : proposeFixes(req)) {
        EXPECT_TRUE(f.developmentOnly);
        EXPECT_TRUE(f.title.contains(QStringLiteral("development only")));
    }
}

TEST(FixGenerator, DetectFramework)
{
    EXPECT_EQ(detectFramework(kFastApi), Framework::FastApi);
    EXPECT_EQ(detectFramework(kAiohttp), Framework::Aiohttp);
    EXPECT_EQ(detectFramework(kFlask), Framework::Flask);
    EXPECT_EQ(detectFramework(u"CORS_ALLOWED_ORIGINS = ['https://a.example']\nINSTALLED_APPS = ['corsheaders']"), Framework::Django);
    EXPECT_EQ(detectFramework(u"print('hello')"), Framework::Unknown);
}

TEST(UnifiedDiff, MinimalHunks)
{
    const QString a = QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    const QString b = QStringLiteral("1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n");
    EXPECT_EQ(unifiedDiff(a, b, QStringLiteral("x.py")),
        QStringLiteral("--- a/x.py\n+++ b/x.py\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n"));
    EXPECT_TRUE(unifiedDiff(a, a, QStringLiteral("x.py")).isEmpty());
}

TEST(FixGenerator, LowercaseMethodIsAClientFix)
{
    FixRequest req;
    req.causeId = QStringLiteral("method-lowercase");
    req.failing = intent(QStringLiteral("http://localhost:3000"), "patch", QStringLiteral("http://127.0.0.1:8000/api/items/1"));
    req.userSnippet = QStringLiteral("from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=[\"http://localhost:3000\"], allow_methods=[\"*\"])\n");
    const QList<Fix> fixes = proposeFixes(req);
    ASSERT_EQ(fixes.size(), 1);
    EXPECT_TRUE(fixes.first().snippet.contains(QStringLiteral("method: \"PATCH\""))) << fixes.first().snippet.toStdString();
    EXPECT_TRUE(fixes.first().verified) << fixes.first().verification.toStdString();
    EXPECT_FALSE(allowedWith(*req.userSnippet, Framework::FastApi, req.failing));
}

TEST(FixGenerator, PrivateNetworkAccess)
{
    const QString snippet = QStringLiteral("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n"
                                           "app.add_middleware(CORSMiddleware, allow_origins=[\"https://app.example.com\"], allow_methods=[\"*\"])\n");
    FixRequest req;
    req.causeId = QStringLiteral("private-network-access");
    req.failing = intent(QStringLiteral("https://app.example.com"), "PUT", QStringLiteral("http://127.0.0.1:8000/api/data"));
    req.userSnippet = snippet;
    req.framework = Framework::FastApi;
    const QList<Fix> fixes = proposeFixes(req);
    ASSERT_FALSE(fixes.isEmpty());
    EXPECT_TRUE(fixes.first().diff.contains(QStringLiteral("allow_private_network=True"))) << fixes.first().diff.toStdString();
    EXPECT_TRUE(fixes.first().title.contains(QStringLiteral("0.51")));
    EXPECT_TRUE(fixes.first().verification.contains(QStringLiteral("0.51.0"))) << fixes.first().verification.toStdString();
}
