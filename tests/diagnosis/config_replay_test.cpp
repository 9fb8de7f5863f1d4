// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Diagnosis with the user's server code in the paste: the failing request is replayed against
// the framework model with that configuration, the option that refuses it is the cause, its
// line is quoted, and the fix shown is one the replay confirms.
#include "core/diagnosis/diagnosis.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace corsbench;

namespace {

const QByteArray kFastApiApp = R"(from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173"],
)


@app.api_route("/api/items/{item_id}", methods=["GET", "PUT", "DELETE"])
async def item(item_id: int):
    return {"id": item_id}
)";

const QByteArray kChrome = "Access to fetch at 'http://127.0.0.1:8000/api/items/7' from origin 'http://localhost:5173' has been blocked by CORS policy: ";

diagnosis::Diagnosis diagnoseText(const QByteArray& text)
{
    auto d = diagnosis::diagnoseText(text);
    EXPECT_TRUE(d) << (d ? std::string() : d.error().message.toStdString());
    return d ? d.value() : diagnosis::Diagnosis {};
}

int lineOf(const QByteArray& text, const char* needle)
{
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return i + 1;
    }
    return 0;
}

const diagnosis::EvidenceQuote* quoteFrom(const diagnosis::Cause& c, QStringView sourcePrefix)
{
    for (const auto& q : c.evidence) {
        if (q.source.startsWith(sourcePrefix))
            return &q;
    }
    return nullptr;
}

} // namespace

TEST(ConfigReplay, NotOkStatusWithDefaultMethodsRanksAllowMethodsFirstWithAVerifiedEdit)
{
    const QByteArray paste = kChrome + "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.\n\n" + kFastApiApp;
    const auto d = diagnoseText(paste);
    ASSERT_FALSE(d.causes.isEmpty());
    const auto& top = d.causes.first();
    EXPECT_EQ(top.id, u"methods-default") << diagnosis::toText(d).toStdString();
    EXPECT_TRUE(top.reproduced);
    EXPECT_GE(top.confidence, 0.7);
    EXPECT_TRUE(top.simulation.contains(u"400")) << top.simulation.toStdString();
    EXPECT_TRUE(top.simulation.contains(u"Disallowed CORS method")) << top.simulation.toStdString();
    // The console line names no method: the cause says so and asks for it.
    EXPECT_FALSE(top.missingEvidence.isEmpty());
    // Evidence: the console line (line 1) and the CORSMiddleware call in the paste, by its line there.
    bool consoleQuoted = false;
    for (const auto& q : top.evidence)
        consoleQuoted = consoleQuoted || (q.line == 1 && q.source == u"chrome-console");
    EXPECT_TRUE(consoleQuoted);
    const auto* cfg = quoteFrom(top, u"fastapi-config");
    ASSERT_NE(cfg, nullptr);
    EXPECT_EQ(cfg->line, lineOf(paste, "app.add_middleware("));
    // A verified edit of the user's own module that touches allow_methods.
    ASSERT_FALSE(top.fixes.isEmpty());
    EXPECT_TRUE(top.fixes.first().verified) << top.fixes.first().verification.toStdString();
    EXPECT_EQ(top.fixes.first().framework, u"fastapi");
    EXPECT_TRUE(top.fixes.first().diff.contains(u"+    allow_methods=")) << top.fixes.first().diff.toStdString();
    // The generic reading of the same line ranks below the replay.
    for (const auto& c : d.causes) {
        if (c.id == u"preflight-rejected") {
            EXPECT_LT(c.confidence, top.confidence);
        }
    }
}

TEST(ConfigReplay, EveryShownFixChangesTheCodeAndUnverifiedOnesAreFlagged)
{
    const QByteArray paste = kChrome + "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.\n\n" + kFastApiApp;
    const auto d = diagnoseText(paste);
    const QString app = QString::fromUtf8(kFastApiApp);
    for (const auto& c : d.causes) {
        for (const auto& f : c.fixes) {
            if (!f.verified) {
                EXPECT_FALSE(f.diff.isEmpty() && f.snippet.trimmed() == app.trimmed()) << c.id.toStdString() << ": unchanged snippet offered as a fix";
            }
        }
    }
    const QString text = diagnosis::toText(d);
    EXPECT_TRUE(text.contains(u"Reproduced with your own server code"));
}

TEST(ConfigReplay, OriginWithTrailingSlashInAllowOriginsIsQuotedAndExplained)
{
    QByteArray app = kFastApiApp;
    app.replace("allow_origins=[\"http://localhost:5173\"],", "allow_origins=[\"http://localhost:5173/\"],\n    allow_methods=[\"*\"],");
    const QByteArray paste = app + "\n" + kChrome + "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n";
    const auto d = diagnoseText(paste);
    ASSERT_FALSE(d.causes.isEmpty());
    const auto& top = d.causes.first();
    EXPECT_EQ(top.id, u"origin-not-allowed") << diagnosis::toText(d).toStdString();
    EXPECT_TRUE(top.reproduced);
    EXPECT_TRUE(top.explanation.contains(u"trailing slash")) << top.explanation.toStdString();
    const auto* cfg = quoteFrom(top, u"fastapi-config");
    ASSERT_NE(cfg, nullptr);
    EXPECT_EQ(cfg->line, lineOf(paste, "allow_origins="));
    EXPECT_TRUE(cfg->text.contains(u"http://localhost:5173/"));
    ASSERT_FALSE(top.fixes.isEmpty());
    EXPECT_TRUE(top.fixes.first().verified);
    EXPECT_TRUE(top.fixes.first().diff.contains(u"+    allow_origins=[\"http://localhost:5173\"]")) << top.fixes.first().diff.toStdString();
}

TEST(ConfigReplay, AiohttpRouteNotAddedIsFoundFromTheCode)
{
    const QByteArray app = R"(import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


async def health(request):
    return web.json_response({"ok": True})

app = web.Application()
cors = aiohttp_cors.setup(app, defaults={
    "http://localhost:5173": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
})
app.router.add_get("/api/items", items)
cors.add(app.router.add_get("/health", health))
)";
    const QByteArray paste = "Access to fetch at 'http://127.0.0.1:8080/api/items' from origin 'http://localhost:5173' has been blocked by CORS policy: "
                             "No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
        + app;
    const auto d = diagnoseText(paste);
    ASSERT_FALSE(d.causes.isEmpty());
    EXPECT_EQ(d.causes.first().id, u"aiohttp-route-not-added") << diagnosis::toText(d).toStdString();
    EXPECT_TRUE(d.causes.first().reproduced);
    const auto* cfg = quoteFrom(d.causes.first(), u"aiohttp-config");
    ASSERT_NE(cfg, nullptr);
    EXPECT_EQ(cfg->line, lineOf(paste, "app.router.add_get(\"/api/items\""));
}

TEST(ConfigReplay, ConfigThatAllowsTheRequestPointsAtTheRunningServer)
{
    QByteArray app = kFastApiApp;
    app.replace("allow_origins=[\"http://localhost:5173\"],", "allow_origins=[\"http://localhost:5173\"],\n    allow_methods=[\"*\"],\n    allow_headers=[\"*\"],");
    const QByteArray paste = kChrome + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.\n" + app;
    const auto d = diagnoseText(paste);
    bool found = false;
    for (const auto& c : d.causes) {
        if (c.id == u"config-not-what-runs") {
            found = true;
            EXPECT_GE(c.confidence, 0.5);
            EXPECT_TRUE(c.explanation.contains(u"not restarted"));
        }
    }
    EXPECT_TRUE(found) << diagnosis::toText(d).toStdString();
}

TEST(ConfigReplay, ServerCodeIsListedAsDetectedWithItsLines)
{
    const QByteArray paste = kChrome + "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.\n\n" + kFastApiApp;
    const auto d = diagnoseText(paste);
    const QJsonArray detected = diagnosis::toJson(d).value(QStringLiteral("detected")).toArray();
    bool found = false;
    for (const auto& v : detected) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("kind")).toString() != u"server-config")
            continue;
        found = true;
        EXPECT_EQ(o.value(QStringLiteral("lines")).toArray().at(0).toInt(), 3);
        EXPECT_EQ(o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("framework")).toString(), u"fastapi");
        EXPECT_TRUE(o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("options")).toObject().contains(QStringLiteral("allow_origins")));
    }
    EXPECT_TRUE(found);
}

TEST(ConfigReplay, EnvironmentDependentOriginsAreFlagged)
{
    const QByteArray app = R"(import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=os.environ.get("CORS_ORIGINS", "http://localhost:3000").split(","))
)";
    const auto d = diagnoseText(kChrome + "No 'Access-Control-Allow-Origin' header is present on the requested resource.\n" + app);
    bool flagged = false;
    for (const auto& e : d.input.evidence) {
        for (const QString& n : e.notes)
            flagged = flagged || (e.kind == ingest::EvidenceKind::ServerConfig && n.contains(u"environment"));
    }
    EXPECT_TRUE(flagged);
    ASSERT_FALSE(d.causes.isEmpty());
    EXPECT_EQ(d.causes.first().id, u"origin-not-allowed") << diagnosis::toText(d).toStdString();
}

TEST(ConfigReplay, FirefoxLineWithoutOriginUsesTheAllowListAndFirefoxsReason)
{
    const QByteArray paste = R"(Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:8000/api/items/7. (Reason: CORS preflight response did not succeed). Status code: 400.

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:5173"], allow_methods=["GET", "POST"])

@app.put("/api/items/{item_id}")
async def put_item(item_id: int):
    return {"id": item_id}
)";
    const auto d = diagnoseText(paste);
    ASSERT_FALSE(d.causes.isEmpty());
    const auto& top = d.causes.first();
    EXPECT_EQ(top.id, u"methods-default") << diagnosis::toText(d).toStdString();
    EXPECT_TRUE(top.reproduced);
    ASSERT_TRUE(top.failing.has_value());
    EXPECT_EQ(top.failing->pageOrigin, u"http://localhost:5173");
    EXPECT_EQ(top.failing->request.method, "PUT"); // the only method the route takes that fails
    bool asksForOrigin = false;
    for (const QString& m : top.missingEvidence)
        asksForOrigin = asksForOrigin || m.contains(u"page origin");
    EXPECT_TRUE(asksForOrigin);
    ASSERT_FALSE(top.fixes.isEmpty());
    EXPECT_TRUE(top.fixes.first().verified);
    EXPECT_TRUE(top.fixes.first().diff.contains(u"allow_methods=[\"GET\", \"POST\", \"PUT\"]")) << top.fixes.first().diff.toStdString();
}

namespace {

const QByteArray kAiohttpResourceApp = R"(import aiohttp_cors
from aiohttp import web

async def delete_item(request):
    return web.json_response({"deleted": True})

app = web.Application()
cors = aiohttp_cors.setup(app, defaults={
    "http://localhost:5173": aiohttp_cors.ResourceOptions(allow_credentials=True, allow_headers="*"),
})
resource = cors.add(app.router.add_resource("/api/items/{id}"))
cors.add(resource.add_route("GET", delete_item))
cors.add(resource.add_route("DELETE", delete_item))
)";

const QByteArray kAiohttpForbiddenDelete = R"(Error handling request
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/aiohttp/web_protocol.py", line 433, in _handle_request
    resp = await request_handler(request)
  File "/usr/lib/python3/dist-packages/aiohttp_cors/cors_config.py", line 171, in _preflight_handler
    raise web.HTTPForbidden(
aiohttp.web_exceptions.HTTPForbidden: CORS preflight request failed: request method 'DELETE' is not allowed for 'http://localhost:5173' origin
)";

} // namespace

TEST(ConfigReplay, ResourceStyleAiohttpRoutesAreRead)
{
    // aiohttp_cors' README style: routes added on a resource that cors.add() returned.
    const auto d = diagnoseText(kAiohttpForbiddenDelete + "\n" + kAiohttpResourceApp);
    for (const auto& e : d.input.evidence) {
        if (e.kind == ingest::EvidenceKind::ServerConfig) {
            for (const QString& n : e.notes)
                EXPECT_FALSE(n.contains(u"could not be identified")) << n.toStdString();
        }
    }
}

TEST(ConfigReplay, EvidenceTheCodeCannotProduceIsSaidSoAndNoEditIsOffered)
{
    // The DELETE route is passed to cors.add(), so aiohttp_cors allows DELETE (checked against the
    // real framework in tests/integration/diagnose_live_test.cpp): the 403 came from other code.
    const auto d = diagnoseText(kAiohttpForbiddenDelete + "\n" + kAiohttpResourceApp);
    ASSERT_FALSE(d.causes.isEmpty());
    EXPECT_EQ(d.causes.first().id, u"config-not-what-runs") << diagnosis::toText(d).toStdString();
    for (const auto& c : d.causes) {
        if (c.id == u"methods-default") {
            EXPECT_TRUE(c.fixes.isEmpty());
            EXPECT_TRUE(c.explanation.contains(u"already allows this request"));
            ASSERT_TRUE(c.failing.has_value());
            EXPECT_EQ(c.failing->request.url.path(), u"/api/items/1"); // a path the app answers DELETE on
        }
    }
}
