// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// From a pasted console line plus the user's own application module to a fix the real framework
// agrees with: the original module is served by FastAPI / aiohttp / Flask (Debian packages) and
// blocks the request the way the console line says; `diagnose` names the cause and writes the
// fixed module; that module, served as it stands, lets the same request through.
#include "python_server.h"

#include "core/diagnosis/diagnosis.h"
#include "core/net/probe_report.h"
#include "core/net/prober.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace corsbench;
using corsbench::itest::PythonServer;

namespace {

struct LiveCase {
    const char* name;
    const char* module; // complete application module
    const char* method;
    const char* path;
    QList<QPair<QByteArray, QByteArray>> headers;
    const char* consoleTail; // after "has been blocked by CORS policy: "
    const char* expectedKind; // what the original server makes Chromium report
    const char* expectedCause;
};

const char* const kOrigin = "http://localhost:5173";

std::vector<LiveCase> liveCases()
{
    return {
        { "fastapi-default-methods",
            R"(from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173"],
)


@app.api_route("/api/items/{item_id}", methods=["GET", "PUT", "DELETE"])
async def item(item_id: int):
    return {"id": item_id}
)",
            "PUT", "/api/items/7", { { "Content-Type", "application/json" } },
            "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
            "PreflightInvalidStatus", "methods-default" },
        { "fastapi-trailing-slash-origin",
            R"(from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173/"],
    allow_methods=["*"],
)


@app.get("/api/items")
async def items():
    return []
)",
            "GET", "/api/items", {}, "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "MissingAllowOriginHeader", "origin-not-allowed" },
        { "aiohttp-route-not-added",
            R"(import aiohttp_cors
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
)",
            "GET", "/api/items", {}, "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "MissingAllowOriginHeader", "aiohttp-route-not-added" },
        { "flask-header-not-allowed",
            R"(from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["http://localhost:5173"], allow_headers=["Content-Type"])


@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])
)",
            "GET", "/api/items", { { "X-Api-Key", "k" } },
            "Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
            "HeaderDisallowedByPreflightResponse", "header-not-allowed" },
    };
}

Result<net::ProbeResult> probeLive(const PythonServer& server, const LiveCase& c)
{
    http::RequestIntent intent;
    intent.method = c.method;
    intent.url = QUrl(server.baseUrl() + QLatin1String(c.path));
    for (const auto& [n, v] : c.headers)
        intent.headers.append(n, v);
    net::ProbeOptions options;
    options.transport.totalTimeoutMs = 20000;
    return net::Prober(options).probe(QLatin1String(kOrigin), intent);
}

QString writeModule(const QTemporaryDir& dir, const QString& name, const QString& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

} // namespace

TEST(DiagnoseLive, FixedModuleLetsTheRequestThroughOnTheRealFramework)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const LiveCase& c : liveCases()) {
        SCOPED_TRACE(c.name);
        // 1. The original app really fails this way.
        PythonServer original;
        const QString originalPath = writeModule(dir, QStringLiteral("%1_original.py").arg(QString::fromLatin1(c.name).replace(u'-', u'_')), QLatin1String(c.module));
        ASSERT_FALSE(originalPath.isEmpty());
        const QString err = original.startModule(originalPath);
        ASSERT_TRUE(err.isEmpty()) << err.toStdString();
        auto before = probeLive(original, c);
        ASSERT_TRUE(before) << before.error().message.toStdString();
        ASSERT_FALSE(before->verdict.allowed);
        ASSERT_TRUE(before->verdict.error.has_value());
        EXPECT_EQ(before->verdict.error->kind, QLatin1String(c.expectedKind));

        // 2. What the user pastes: Chrome's line for that request, then the module.
        const QByteArray paste = "Access to fetch at '" + original.baseUrl().toUtf8() + c.path + "' from origin '" + kOrigin
            + "' has been blocked by CORS policy: " + c.consoleTail + "\n\n" + c.module;
        original.stop();
        auto d = diagnosis::diagnoseText(paste);
        ASSERT_TRUE(d) << d.error().message.toStdString();
        ASSERT_FALSE(d->causes.isEmpty());
        const diagnosis::Cause& top = d->causes.first();
        EXPECT_EQ(top.id, QLatin1String(c.expectedCause)) << diagnosis::toText(d.value()).toStdString();
        ASSERT_FALSE(top.fixes.isEmpty());
        const diagnosis::FixProposal& fix = top.fixes.first();
        ASSERT_TRUE(fix.verified) << fix.verification.toStdString();
        ASSERT_FALSE(fix.diff.isEmpty()) << "expected an edit of the pasted module";

        // 3. The fixed module, run as it stands by the real framework, lets the request through.
        PythonServer fixed;
        const QString fixedPath = writeModule(dir, QStringLiteral("%1_fixed.py").arg(QString::fromLatin1(c.name).replace(u'-', u'_')), fix.snippet);
        const QString err2 = fixed.startModule(fixedPath);
        ASSERT_TRUE(err2.isEmpty()) << err2.toStdString() << "\n" << fix.snippet.toStdString();
        auto after = probeLive(fixed, c);
        ASSERT_TRUE(after) << after.error().message.toStdString();
        EXPECT_TRUE(after->verdict.allowed) << net::probeResultToText(after.value()).toStdString() << "\n" << fix.snippet.toStdString();
    }
}

TEST(DiagnoseLive, CodeThatAlreadyAllowsTheRequestReallyDoes)
{
    // The diagnosis says "your code allows DELETE; the failing server runs something else"
    // (tests/diagnosis ConfigReplay.EvidenceTheCodeCannotProduce...): the real aiohttp_cors agrees.
    const char* module = R"(import aiohttp_cors
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
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    PythonServer server;
    const QString err = server.startModule(writeModule(dir, QStringLiteral("resource_app.py"), QLatin1String(module)));
    ASSERT_TRUE(err.isEmpty()) << err.toStdString();
    const LiveCase c { "aiohttp-resource", module, "DELETE", "/api/items/1", {}, "", "", "" };
    auto r = probeLive(server, c);
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_TRUE(r->verdict.allowed) << net::probeResultToText(r.value()).toStdString();

    const QByteArray paste = QByteArray("aiohttp.web_exceptions.HTTPForbidden: CORS preflight request failed: request method 'DELETE' is not allowed for "
                                        "'http://localhost:5173' origin\n")
        + module;
    auto d = diagnosis::diagnoseText(paste);
    ASSERT_TRUE(d);
    ASSERT_FALSE(d->causes.isEmpty());
    EXPECT_EQ(d->causes.first().id, u"config-not-what-runs") << diagnosis::toText(d.value()).toStdString();
}
