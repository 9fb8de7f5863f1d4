// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The Python reader and the configuration extractor: real-world snippets, idioms, and hostile input.
#include "framework_test_support.h"

#include "core/frameworks/config_parser.h"
#include "core/frameworks/python_source.h"
#include "core/frameworks/server_model.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::frameworks;
using K = py::Value::Kind;

namespace {

py::Value expr(const char* text)
{
    auto v = py::parseExpression(QString::fromUtf8(text));
    EXPECT_TRUE(v) << text << ": " << (v ? std::string() : v.error().message.toStdString());
    return v ? v.value() : py::Value {};
}

ServerConfig parse(const QString& src, Framework fw = Framework::Unknown)
{
    auto cfg = parseServerConfig(src, fw);
    EXPECT_TRUE(cfg) << (cfg ? std::string() : cfg.error().message.toStdString());
    return cfg ? cfg.value() : ServerConfig {};
}

} // namespace

TEST(PythonLiterals, StringsOfEveryKind)
{
    EXPECT_EQ(expr(R"("a\tb")").text, QStringLiteral("a\tb"));
    EXPECT_EQ(expr(R"('it\'s')").text, QStringLiteral("it's"));
    EXPECT_EQ(expr(R"(r"^https://.*\.example\.com$")").text, QStringLiteral("^https://.*\\.example\\.com$"));
    EXPECT_TRUE(expr(R"(r"x")").isRaw);
    EXPECT_TRUE(expr(R"(b"bytes")").isBytes);
    EXPECT_EQ(expr(R"("""triple
line""")").text, QStringLiteral("triple\nline"));
    EXPECT_EQ(expr(R"('''x''')").text, QStringLiteral("x"));
    EXPECT_EQ(expr(R"("a" 'b' "c")").text, QStringLiteral("abc"));
    EXPECT_EQ(expr(R"("\d+")").text, QStringLiteral("\\d+")); // unknown escape kept
    EXPECT_EQ(expr(R"("\u00e9\x41")").text, QStringLiteral("\u00e9A"));
    const py::Value f = expr(R"(f"http://{host}:3000")");
    EXPECT_TRUE(f.isFString);
    EXPECT_EQ(f.text, QStringLiteral("http://{host}:3000"));
    EXPECT_EQ(expr("Rb'x'").kind, K::Str);
}

TEST(PythonLiterals, ContainersNumbersConstants)
{
    const py::Value l = expr(R"(["a", 'b', ("c",), {"k": [1, 2.5, -3]}, None, True, False,])");
    ASSERT_EQ(l.kind, K::List);
    ASSERT_EQ(l.items.size(), 7u);
    EXPECT_EQ(l.items[2].kind, K::Tuple);
    EXPECT_EQ(l.items[3].kind, K::Dict);
    EXPECT_EQ(l.items[3].items[0].items[2].intValue, -3);
    EXPECT_DOUBLE_EQ(l.items[3].items[0].items[1].floatValue, 2.5);
    EXPECT_EQ(l.items[4].kind, K::None);
    EXPECT_TRUE(l.items[5].boolValue);
    EXPECT_EQ(expr("0x1F").intValue, 31);
    EXPECT_EQ(expr("1_000").intValue, 1000);
    EXPECT_EQ(expr("{'a', 'b'}").kind, K::Set);
    EXPECT_EQ(expr("()").kind, K::Tuple);
    EXPECT_EQ(expr("('x')").kind, K::Str);
    EXPECT_TRUE(expr("[1, 2]").isKnownLiteral());
    EXPECT_FALSE(expr("[f(1)]").isKnownLiteral());
}

TEST(PythonLiterals, CallsKeepTheirArguments)
{
    const py::Value c = expr(R"(app.add_middleware(CORSMiddleware, allow_origins=["x"], **extra))");
    ASSERT_EQ(c.kind, K::Call);
    EXPECT_EQ(c.calleeName(), QStringLiteral("app.add_middleware"));
    EXPECT_EQ(c.argument(0)->dottedName(), QStringLiteral("CORSMiddleware"));
    ASSERT_NE(c.keyword(u"allow_origins"), nullptr);
    EXPECT_EQ(c.keywordNames.last(), QStringLiteral("**"));
    EXPECT_EQ(c.keywordValues.back().kind, K::Unknown);
}

TEST(PythonLiterals, SyntaxErrorsAreValuesWithLines)
{
    auto bad = py::parseExpression(u"[1, 2");
    EXPECT_FALSE(bad);
    auto unterminated = py::Module::parse(u"x = 1\norigins = [\"http://a\n]\n");
    ASSERT_FALSE(unterminated);
    EXPECT_TRUE(unterminated.error().message.contains(QStringLiteral("line 2"))) << unterminated.error().message.toStdString();
    EXPECT_TRUE(unterminated.error().message.contains(QStringLiteral("unterminated")));
    auto tripleOpen = py::Module::parse(u"doc = \"\"\"never closed\n\n");
    EXPECT_FALSE(tripleOpen);
}

TEST(PythonLiterals, HostileInputIsRefusedQuickly)
{
    QElapsedTimer t;
    t.start();
    // Deep nesting: bounded, clear error, no stack overflow.
    const QString deep = QStringLiteral("x = ") + QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']'));
    auto d = parseServerConfig(deep);
    ASSERT_FALSE(d);
    EXPECT_TRUE(d.error().message.contains(QStringLiteral("nested"))) << d.error().message.toStdString();
    // Deep call nesting inside the limit per bracket but many levels of parentheses in calls.
    QString calls = QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=");
    for (int i = 0; i < 60; ++i)
        calls += QStringLiteral("f(");
    calls += QStringLiteral("1") + QString(60, QLatin1Char(')')) + QStringLiteral(")");
    auto c = parseServerConfig(calls, Framework::FastApi);
    ASSERT_TRUE(c);
    EXPECT_FALSE(c->issues.isEmpty());
    // Binary data.
    QString binary = QStringLiteral("CORS(app)\n");
    binary += QChar(0);
    auto b = parseServerConfig(binary);
    ASSERT_FALSE(b);
    EXPECT_EQ(b.error().code, ErrorCode::BinaryInput);
    auto invalidUtf8 = parseServerConfig(QString::fromUtf8("x = '\xff\xfe'"));
    ASSERT_FALSE(invalidUtf8);
    // Huge input.
    auto huge = parseServerConfig(QString(5 * 1024 * 1024, QLatin1Char('#')));
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().code, ErrorCode::TooLarge);
    // Large but legal: a 2 MB list literal parses in well under a second.
    QString big = QStringLiteral("origins = [");
    for (int i = 0; i < 60000; ++i)
        big += QStringLiteral("\"http://host%1.example\", ").arg(i);
    big += QStringLiteral("]\napp.add_middleware(CORSMiddleware, allow_origins=origins)\n");
    auto ok = parseServerConfig(big, Framework::FastApi);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->starlette.allowOrigins.items.size(), 60000);
    // Random garbage never crashes.
    QString garbage;
    for (int i = 0; i < 20000; ++i)
        garbage += QChar(char16_t(33 + (i * 7919) % 90));
    (void)parseServerConfig(garbage);
    // About 1 s in a Debug build on an idle core; the bound catches hangs and quadratic
    // blow-ups (minutes), not load on a shared CI machine.
    EXPECT_LT(t.elapsed(), 15000);
}

TEST(ConfigParser, FastApiAddMiddlewareWithNamesAndEnvironment)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="demo")

origins = [
    "http://localhost:3000",
    "http://localhost:5173",  # vite
]
origins += [os.getenv("EXTRA_ORIGIN", "https://staging.example.com")]
regex = os.environ.get("CORS_REGEX")

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_origin_regex=regex or r"https://.*\.example\.com",
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
    max_age=int(os.getenv("CORS_MAX_AGE", "3600")),
)
)"));
    EXPECT_EQ(cfg.framework, Framework::FastApi);
    EXPECT_TRUE(cfg.middlewarePresent);
    EXPECT_EQ(cfg.placement, ServerConfig::Placement::AddMiddleware);
    EXPECT_EQ(cfg.middlewareLine, 14);
    EXPECT_EQ(cfg.starlette.allowOrigins.items,
        (QStringList { QStringLiteral("http://localhost:3000"), QStringLiteral("http://localhost:5173"), QStringLiteral("https://staging.example.com") }));
    ASSERT_TRUE(cfg.starlette.allowOriginRegex);
    EXPECT_EQ(*cfg.starlette.allowOriginRegex, QStringLiteral("https://.*\\.example\\.com"));
    EXPECT_TRUE(cfg.starlette.allowCredentials);
    EXPECT_EQ(cfg.starlette.maxAge, 3600);
    EXPECT_TRUE(cfg.environmentDependent);
    EXPECT_TRUE(cfg.completeModule);
    EXPECT_TRUE(cfg.issues.isEmpty()) << describe(cfg).toStdString();
    // line numbers of each argument, for diffs
    QHash<QString, int> lines;
    for (const ConfigArgument& a : cfg.arguments)
        lines.insert(a.name, a.line);
    EXPECT_EQ(lines.value(QStringLiteral("allow_origins")), 16);
    EXPECT_EQ(lines.value(QStringLiteral("max_age")), 21);
    const QString text = describe(cfg);
    EXPECT_TRUE(text.contains(QStringLiteral("EXTRA_ORIGIN"))) << text.toStdString();
}

TEST(ConfigParser, FastApiSplitComprehensionAndMiddlewareList)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
import os

ALLOWED = [o.strip() for o in os.environ.get("ALLOWED_ORIGINS", "http://a.example , http://b.example,").split(",") if o]
middleware = [Middleware(CORSMiddleware, allow_origins=ALLOWED, expose_headers=("X-Total",))]
app = Starlette(middleware=middleware)
)"));
    EXPECT_EQ(cfg.placement, ServerConfig::Placement::MiddlewareParameter);
    EXPECT_EQ(cfg.starlette.allowOrigins.items, (QStringList { QStringLiteral("http://a.example"), QStringLiteral("http://b.example") }));
    EXPECT_EQ(cfg.starlette.exposeHeaders.items, QStringList { QStringLiteral("X-Total") });
    EXPECT_TRUE(cfg.environmentDependent);
}

TEST(ConfigParser, FastApiReportsWhatItCannotRead)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(from fastapi.middleware.cors import CORSMiddleware
from .settings import settings
app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=get_methods(), allow_credentials=True, allow_headres=["x"], **extra)
)"));
    EXPECT_TRUE(cfg.middlewarePresent);
    EXPECT_GE(cfg.issues.size(), 4) << describe(cfg).toStdString();
    bool sawOrigins = false, sawTypo = false, sawUnpack = false;
    for (const ConfigIssue& i : cfg.issues) {
        EXPECT_EQ(i.line, 3);
        sawOrigins = sawOrigins || i.message.contains(QStringLiteral("allow_origins"));
        sawTypo = sawTypo || i.message.contains(QStringLiteral("allow_headres"));
        sawUnpack = sawUnpack || i.message.contains(QStringLiteral("extra"));
    }
    EXPECT_TRUE(sawOrigins && sawTypo && sawUnpack);
    EXPECT_TRUE(cfg.starlette.allowOrigins.items.isEmpty()); // not guessed
    EXPECT_TRUE(cfg.starlette.allowCredentials);
}

TEST(ConfigParser, FastApiWithoutMiddleware)
{
    const ServerConfig cfg = parse(QStringLiteral("from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/x')\nasync def x():\n    return 1\n"));
    EXPECT_EQ(cfg.framework, Framework::FastApi);
    EXPECT_FALSE(cfg.middlewarePresent);
    ASSERT_EQ(cfg.routes.size(), 1);
    EXPECT_EQ(cfg.routes.first().path, QStringLiteral("/x"));
    EXPECT_EQ(cfg.routes.first().methods, QStringList { QStringLiteral("GET") });
}

TEST(ConfigParser, AiohttpSetupRoutesAndCorsAdd)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(import aiohttp_cors
from aiohttp import web

async def h(request):
    return web.Response(text="hi")

async def crash(request):
    raise ValueError("x")

app = web.Application()
app.router.add_get("/a", h)
res = app.router.add_post("/b", crash)
cors = aiohttp_cors.setup(app, defaults={
    "http://localhost:3000": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers=("X-Requested-With", "Content-Type"), max_age=3600),
    "*": {"allow_headers": "*"},
})
for route in list(app.router.routes()):
    cors.add(route)
cors.add(app.router.add_put("/c", h), {"https://x.example": aiohttp_cors.ResourceOptions(allow_methods=["PUT"])})
app.router.add_delete("/late", h)
)"));
    EXPECT_EQ(cfg.framework, Framework::Aiohttp);
    ASSERT_EQ(cfg.aiohttpDefaults.origins.size(), 2);
    const AiohttpResourceOptions& o = cfg.aiohttpDefaults.origins.first().second;
    EXPECT_TRUE(o.allowCredentials);
    EXPECT_TRUE(o.exposeAll);
    EXPECT_EQ(o.allowHeaders, (QStringList { QStringLiteral("X-REQUESTED-WITH"), QStringLiteral("CONTENT-TYPE") }));
    EXPECT_EQ(o.maxAge.value_or(0), 3600);
    EXPECT_TRUE(cfg.aiohttpDefaults.origins.at(1).second.allowAllHeaders);
    QHash<QString, const RouteInfo*> byPath;
    for (const RouteInfo& r : cfg.routes)
        byPath.insert(r.path, &r);
    ASSERT_EQ(byPath.size(), 4);
    EXPECT_TRUE(byPath.value(QStringLiteral("/a"))->corsAdded);
    EXPECT_TRUE(byPath.value(QStringLiteral("/a"))->methods.contains(QStringLiteral("HEAD")));
    EXPECT_TRUE(byPath.value(QStringLiteral("/b"))->corsAdded);
    EXPECT_EQ(byPath.value(QStringLiteral("/b"))->behaviour, RouteInfo::Behaviour::Raises);
    EXPECT_TRUE(byPath.value(QStringLiteral("/c"))->corsAdded);
    ASSERT_TRUE(byPath.value(QStringLiteral("/c"))->corsConfig);
    EXPECT_FALSE(byPath.value(QStringLiteral("/late"))->corsAdded);
    EXPECT_TRUE(describe(cfg).contains(QStringLiteral("/late  (not passed to cors.add)")));
}

TEST(ConfigParser, AiohttpDictWithAllowMethodsIsAStartupError)
{
    const ServerConfig cfg = parse(QStringLiteral("import aiohttp_cors\ncors = aiohttp_cors.setup(app, defaults={'http://a': {'allow_methods': '*'}})\n"));
    ASSERT_FALSE(cfg.issues.isEmpty());
    EXPECT_TRUE(cfg.issues.first().message.contains(QStringLiteral("Unexpected keywords in resource options: allow_methods")));
}

TEST(ConfigParser, FlaskExtensionResourcesDecoratorAndConfig)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
app.config["CORS_SUPPORTS_CREDENTIALS"] = True
CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com", r"https://.*\.preview\.example\.com"]}}, max_age=600)


@app.route("/api/items/", methods=["GET", "POST"], strict_slashes=False)
def items():
    return []


@app.route("/public")
@cross_origin(origins="*", send_wildcard=True)
def public():
    return "ok"


if __name__ == "__main__":
    app.run(debug=True, port=5000)
)"));
    EXPECT_EQ(cfg.framework, Framework::Flask);
    EXPECT_TRUE(cfg.flaskExtension);
    ASSERT_TRUE(cfg.flaskResources);
    ASSERT_EQ(cfg.flaskResources->size(), 1);
    EXPECT_EQ(cfg.flaskResources->first().pattern.text, QStringLiteral("/api/*"));
    EXPECT_EQ(cfg.flaskKwargs.value(QStringLiteral("max_age")).intValue, 600);
    EXPECT_TRUE(cfg.flaskAppConfig.value(QStringLiteral("supports_credentials")).boolValue);
    EXPECT_TRUE(cfg.flaskDebug);
    ASSERT_EQ(cfg.routes.size(), 2);
    EXPECT_FALSE(cfg.routes.at(0).strictSlashes);
    ASSERT_TRUE(cfg.routes.at(1).crossOrigin);
    EXPECT_TRUE(cfg.routes.at(1).crossOrigin->value(QStringLiteral("send_wildcard")).boolValue);
}

TEST(ConfigParser, DjangoSettings)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(INSTALLED_APPS = ["django.contrib.admin", "corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com", "https://bad.example.com/"]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\w+\.example\.com$"]
CORS_ALLOW_CREDENTIALS = True
CORS_ALOW_HEADERS = ["x"]
)"));
    EXPECT_EQ(cfg.framework, Framework::Django);
    EXPECT_TRUE(cfg.middlewarePresent);
    EXPECT_EQ(cfg.djangoSettings.value(QStringLiteral("CORS_ALLOWED_ORIGINS")).items.size(), 2u);
    bool e014 = false, typo = false;
    for (const ConfigIssue& i : cfg.issues) {
        e014 = e014 || i.message.contains(QStringLiteral("E014"));
        typo = typo || i.message.contains(QStringLiteral("CORS_ALOW_HEADERS"));
    }
    EXPECT_TRUE(e014);
    EXPECT_TRUE(typo);
}

TEST(ConfigParser, DjangoUrlpatternsAndMiddlewareOrder)
{
    const ServerConfig cfg = parse(QStringLiteral(R"(from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST

MIDDLEWARE = ["django.middleware.common.CommonMiddleware", "corsheaders.middleware.CorsMiddleware"]
CORS_ALLOW_ALL_ORIGINS = True


@require_http_methods(["GET", "head"])
def a(request):
    return JsonResponse({"ok": True})


@require_POST
def b(request):
    return JsonResponse({"detail": "no"}, status=401)


def c(request):
    raise PermissionDenied


def d(request):
    raise ValueError("x")


def e(request):
    return HttpResponseNotFound("gone")


urlpatterns = [path("api/a", a), path("api/b/<int:pk>", b), path("c/", c), path("d", d), path("e", e)]
)"), Framework::Django);
    EXPECT_TRUE(cfg.middlewarePresent);
    ASSERT_TRUE(cfg.djangoSettings.contains(QStringLiteral("MIDDLEWARE")));
    EXPECT_EQ(cfg.djangoSettings.value(QStringLiteral("MIDDLEWARE")).items.size(), 2u);
    ASSERT_TRUE(cfg.routesKnown);
    ASSERT_EQ(cfg.routes.size(), 5);
    EXPECT_EQ(cfg.routes.at(0).path, QStringLiteral("/api/a"));
    EXPECT_EQ(cfg.routes.at(0).methods, QStringList({ QStringLiteral("GET"), QStringLiteral("head") })); // as written
    EXPECT_EQ(cfg.routes.at(1).methods, QStringList({ QStringLiteral("POST") }));
    EXPECT_EQ(cfg.routes.at(1).behaviour, RouteInfo::Behaviour::HttpError);
    EXPECT_EQ(cfg.routes.at(1).errorStatus, 401);
    EXPECT_EQ(cfg.routes.at(2).behaviour, RouteInfo::Behaviour::HttpError);
    EXPECT_EQ(cfg.routes.at(2).errorStatus, 403);
    EXPECT_EQ(cfg.routes.at(3).behaviour, RouteInfo::Behaviour::Raises);
    EXPECT_EQ(cfg.routes.at(4).errorStatus, 404);

    // re_path/include are not understood: routes unknown (any path assumed), with an issue.
    const ServerConfig partial = parse(QStringLiteral("CORS_ALLOW_ALL_ORIGINS = True\nurlpatterns = [re_path(r'^api/', v), path('x', include('y'))]\n"), Framework::Django);
    EXPECT_FALSE(partial.routesKnown);
    EXPECT_TRUE(partial.routes.isEmpty());
    EXPECT_FALSE(partial.issues.isEmpty());
    // MIDDLEWARE without CorsMiddleware switches the settings off; no MIDDLEWARE at all assumes it.
    EXPECT_FALSE(parse(QStringLiteral("MIDDLEWARE = []\nCORS_ALLOW_ALL_ORIGINS = True\n"), Framework::Django).middlewarePresent);
    EXPECT_TRUE(parse(QStringLiteral("# MIDDLEWARE is elsewhere\nCORS_ALLOW_ALL_ORIGINS = True\n"), Framework::Django).middlewarePresent);
    EXPECT_TRUE(parse(QStringLiteral("MIDDLEWARE = []\nMIDDLEWARE.insert(0, \"corsheaders.middleware.CorsMiddleware\")\nCORS_ALLOW_ALL_ORIGINS = True\n"),
        Framework::Django)
                    .middlewarePresent);
}

TEST(ConfigParser, DjangoDefaultsImports)
{
    // README idioms of django-cors-headers: star-unpacking and list() + [...] of corsheaders.defaults.
    const ServerConfig cfg = parse(QStringLiteral("from corsheaders.defaults import default_headers, default_methods\n"
                                                  "CORS_ALLOW_HEADERS = (\n    *default_headers,\n    \"my-custom-header\",\n)\n"
                                                  "CORS_ALLOW_METHODS = list(default_methods) + [\"POKE\"]\n"),
        Framework::Django);
    const py::Value h3 = cfg.djangoSettings.value(QStringLiteral("CORS_ALLOW_HEADERS"));
    ASSERT_EQ(h3.items.size(), 10u) << h3.repr().toStdString();
    EXPECT_EQ(h3.items.at(1).text, QStringLiteral("accept-encoding"));
    EXPECT_EQ(h3.items.back().text, QStringLiteral("my-custom-header"));
    EXPECT_TRUE(h3.isKnownLiteral());
    const py::Value h4 = cfg.djangoSettings.value(QStringLiteral("CORS_ALLOW_HEADERS@4")); // 4.0 dropped three
    EXPECT_EQ(h4.items.size(), 7u) << h4.repr().toStdString();
    const py::Value m = cfg.djangoSettings.value(QStringLiteral("CORS_ALLOW_METHODS"));
    ASSERT_EQ(m.items.size(), 7u) << m.repr().toStdString();
    EXPECT_EQ(m.items.back().text, QStringLiteral("POKE"));
    EXPECT_FALSE(cfg.djangoSettings.contains(QStringLiteral("CORS_ALLOW_METHODS@4"))); // the same in 4.x
    bool unevaluated = false;
    for (const ConfigIssue& i : cfg.issues)
        unevaluated = unevaluated || i.message.contains(QStringLiteral("could not be evaluated"));
    EXPECT_FALSE(unevaluated);
}

TEST(ConfigParser, FrameworkNames)
{
    EXPECT_EQ(frameworkFromString(u"Starlette"), Framework::FastApi);
    EXPECT_EQ(frameworkFromString(u"auto"), Framework::Unknown);
    EXPECT_FALSE(frameworkFromString(u"rails"));
    EXPECT_EQ(toString(Framework::Aiohttp), QStringLiteral("aiohttp"));
}

TEST(ConfigParser, MutatedSnippetsNeverCrash)
{
    // Deterministic mutation fuzzing over real snippets: truncations, deletions, bracket and quote
    // insertions. Every input either parses or fails with a message; the model runs on what parses.
    const QStringList seeds = {
        QStringLiteral("from fastapi.middleware.cors import CORSMiddleware\norigins = ['http://a', \"http://b\"]\n"
                       "app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=['*'], allow_credentials=True)\n"),
        QStringLiteral("import aiohttp_cors\ncors = aiohttp_cors.setup(app, defaults={'*': aiohttp_cors.ResourceOptions(allow_headers='*')})\n"
                       "for r in list(app.router.routes()):\n    cors.add(r)\n"),
        QStringLiteral("from flask_cors import CORS\nCORS(app, resources={r'/api/*': {'origins': [r'https://.*\\.x\\.com']}}, supports_credentials=True)\n"
                       "@app.route('/a/<int:id>', methods=['GET'])\n@cross_origin(origins='*')\ndef a(id):\n    abort(404)\n"),
        QStringLiteral("from corsheaders.defaults import default_headers\nMIDDLEWARE = ['corsheaders.middleware.CorsMiddleware', "
                       "'django.middleware.csrf.CsrfViewMiddleware']\nCORS_ALLOWED_ORIGINS = ['http://a']\nCORS_ALLOW_HEADERS = (*default_headers, 'x')\n"
                       "@require_http_methods(['GET'])\ndef a(request, id):\n    return JsonResponse({}, status=401)\n"
                       "urlpatterns = [path('a/<int:id>', a)]\n"),
    };
    const char inserts[] = { '(', ')', '[', ']', '{', '}', '"', '\'', '\\', '\n', ',', '=', '#', ':', '*', '@' };
    quint32 state = 12345;
    auto rnd = [&](quint32 n) {
        state = state * 1103515245u + 12345u;
        return n ? (state >> 8) % n : 0;
    };
    int parsed = 0;
    for (int i = 0; i < 3000; ++i) {
        QString s = seeds.at(i % seeds.size());
        const int edits = 1 + int(rnd(4));
        for (int e = 0; e < edits && !s.isEmpty(); ++e) {
            const int pos = int(rnd(quint32(s.size())));
            switch (rnd(3)) {
            case 0: s.truncate(pos); break;
            case 1: s.remove(pos, 1 + int(rnd(5))); break;
            default: s.insert(pos, QLatin1Char(inserts[rnd(sizeof inserts)])); break;
            }
        }
        auto cfg = parseServerConfig(s);
        if (!cfg) {
            EXPECT_FALSE(cfg.error().message.isEmpty());
            continue;
        }
        ++parsed;
        (void)describe(cfg.value());
        ServerConfig c = cfg.value();
        if (c.framework == Framework::Unknown)
            c.framework = Framework(1 + i % 4);
        const ServerModel m = ServerModel::fromConfig(c);
        ServerRequest pre;
        pre.method = "OPTIONS";
        pre.path = QStringLiteral("/a/7");
        pre.headers = { { "Origin", "http://a" }, { "Access-Control-Request-Method", "PUT" }, { "Access-Control-Request-Headers", "x-y" } };
        (void)simulateRequest(m, pre);
        pre.method = "GET";
        (void)simulateRequest(m, pre);
    }
    EXPECT_GT(parsed, 100);
}
