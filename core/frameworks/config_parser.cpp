// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/frameworks/config_parser.h"

#include <QRegularExpression>
#include <QSet>

namespace corsbench::frameworks {

using py::Value;
using K = py::Value::Kind;

namespace {
QLatin1String L(const char* s) { return QLatin1String(s); }
} // namespace

// ---------------------------------------------------------------------------------------------
// Framework names and detection

QString toString(Framework framework)
{
    switch (framework) {
    case Framework::FastApi: return QStringLiteral("fastapi");
    case Framework::Aiohttp: return QStringLiteral("aiohttp");
    case Framework::Flask: return QStringLiteral("flask");
    case Framework::Django: return QStringLiteral("django");
    case Framework::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString displayName(Framework framework)
{
    switch (framework) {
    case Framework::FastApi: return QStringLiteral("FastAPI/Starlette CORSMiddleware");
    case Framework::Aiohttp: return QStringLiteral("aiohttp + aiohttp_cors");
    case Framework::Flask: return QStringLiteral("Flask + flask-cors");
    case Framework::Django: return QStringLiteral("Django + django-cors-headers");
    case Framework::Unknown: break;
    }
    return QStringLiteral("unknown framework");
}

std::optional<Framework> frameworkFromString(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t == L("fastapi") || t == L("starlette"))
        return Framework::FastApi;
    if (t == L("aiohttp") || t == L("aiohttp_cors") || t == L("aiohttp-cors"))
        return Framework::Aiohttp;
    if (t == L("flask") || t == L("flask-cors") || t == L("flask_cors"))
        return Framework::Flask;
    if (t == L("django") || t == L("django-cors-headers") || t == L("corsheaders"))
        return Framework::Django;
    if (t == L("auto") || t == L("unknown"))
        return Framework::Unknown;
    return std::nullopt;
}

Framework detectFramework(QStringView source)
{
    // Cheap textual scoring, robust to snippets that do not tokenize.
    struct Cue {
        const char* text;
        Framework fw;
        int weight;
    };
    static const Cue cues[] = {
        { "CORSMiddleware", Framework::FastApi, 5 },
        { "fastapi", Framework::FastApi, 3 },
        { "starlette", Framework::FastApi, 3 },
        { "allow_origins", Framework::FastApi, 2 },
        { "allow_origin_regex", Framework::FastApi, 2 },
        { "add_middleware", Framework::FastApi, 1 },
        { "FastAPI(", Framework::FastApi, 3 },
        { "aiohttp_cors", Framework::Aiohttp, 6 },
        { "ResourceOptions", Framework::Aiohttp, 4 },
        { "aiohttp", Framework::Aiohttp, 3 },
        { "web.Application", Framework::Aiohttp, 3 },
        { "add_get(", Framework::Aiohttp, 1 },
        { "flask_cors", Framework::Flask, 6 },
        { "cross_origin", Framework::Flask, 4 },
        { "supports_credentials", Framework::Flask, 3 },
        { "CORS(app", Framework::Flask, 4 },
        { "Flask(", Framework::Flask, 3 },
        { "from flask", Framework::Flask, 3 },
        { "corsheaders", Framework::Django, 6 },
        { "CORS_ALLOWED_ORIGINS", Framework::Django, 5 },
        { "CORS_ALLOW_ALL_ORIGINS", Framework::Django, 5 },
        { "CORS_ORIGIN_WHITELIST", Framework::Django, 5 },
        { "CORS_ALLOWED_ORIGIN_REGEXES", Framework::Django, 5 },
        { "CORS_ORIGIN_ALLOW_ALL", Framework::Django, 5 },
        { "INSTALLED_APPS", Framework::Django, 2 },
    };
    int score[5] = {};
    for (const Cue& c : cues) {
        if (source.contains(QLatin1String(c.text), Qt::CaseSensitive))
            score[int(c.fw)] += c.weight;
    }
    // "CORSMiddleware" also appears in Django's "corsheaders.middleware.CorsMiddleware" (different case).
    int best = 0;
    Framework fw = Framework::Unknown;
    for (int i = 1; i < 5; ++i) {
        if (score[i] > best) {
            best = score[i];
            fw = Framework(i);
        }
    }
    return fw;
}

// ---------------------------------------------------------------------------------------------
// Small value types

bool StringSequence::contains(QStringView value) const
{
    if (isString)
        return !items.isEmpty() && items.first().contains(value);
    for (const QString& s : items) {
        if (s == value)
            return true;
    }
    return false;
}

QString StringSequence::join(QStringView sep) const
{
    if (isString) {
        QStringList chars;
        if (!items.isEmpty()) {
            for (QChar c : items.first())
                chars << QString(c);
        }
        return chars.join(sep);
    }
    return items.join(sep);
}

bool AiohttpResourceOptions::isMethodAllowed(QStringView method) const
{
    switch (methods) {
    case Methods::None: return false;
    case Methods::All: return true;
    case Methods::Listed: return allowMethods.contains(method.toString().toUpper());
    }
    return false;
}

const AiohttpResourceOptions* AiohttpCorsConfig::lookup(QStringView origin) const
{
    for (const auto& [key, opts] : origins) {
        if (key == origin)
            return &opts;
    }
    for (const auto& [key, opts] : origins) {
        if (key == L("*"))
            return &opts;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Extraction helpers

namespace {

struct Ctx {
    const py::Module& mod;
    ServerConfig& cfg;

    int lineOf(const py::SourceSpan& sp) const { return sp.line > 0 ? sp.line : 0; }

    void issue(const py::SourceSpan& sp, const QString& message)
    {
        ConfigIssue i;
        i.line = lineOf(sp);
        i.message = message;
        if (sp.isValid())
            i.excerpt = mod.source().mid(sp.begin, std::min<qsizetype>(sp.end - sp.begin, 200));
        for (const ConfigIssue& existing : cfg.issues) {
            if (existing.line == i.line && existing.message == i.message)
                return;
        }
        cfg.issues.append(i);
    }

    // Records a keyword argument and returns its evaluated value.
    ConfigArgument argument(const Value& call, qsizetype offset, qsizetype index)
    {
        ConfigArgument a;
        a.name = call.keywordNames.at(index);
        a.expression = call.keywordValues[size_t(index)];
        a.value = mod.evaluate(a.expression, offset);
        a.span = call.keywordSpans[size_t(index)];
        a.valueSpan = a.value.span.isValid() ? a.value.span : a.expression.span;
        a.line = a.span.line;
        a.environmentDependent = a.value.environmentDependent;
        if (a.environmentDependent) {
            cfg.environmentDependent = true;
            cfg.notes << QStringLiteral("line %1: %2 depends on the environment variable %3; the default written in "
                                        "the snippet (%4) is assumed")
                             .arg(a.line)
                             .arg(a.name, a.value.environmentVariables.join(L(", ")), a.value.repr());
        }
        if (a.value.isFString) {
            cfg.notes << QStringLiteral("line %1: %2 uses an f-string; its {...} parts are taken literally").arg(a.line).arg(a.name);
        }
        return a;
    }
};

std::optional<StringSequence> toSequence(const Value& v)
{
    if (v.kind == K::Str) {
        StringSequence s;
        s.items = { v.text };
        s.isString = true;
        return s;
    }
    if (v.isSequence()) {
        StringSequence s;
        for (const Value& it : v.items) {
            if (it.kind != K::Str)
                return std::nullopt;
            s.items << it.text;
        }
        return s;
    }
    return std::nullopt;
}

std::optional<bool> toBool(const Value& v)
{
    switch (v.kind) {
    case K::Bool: return v.boolValue;
    case K::Int: return v.intValue != 0;
    case K::None: return false;
    case K::Str: {
        // os.getenv("X", "true") used directly is a non-empty string: truthy in Python.
        return !v.text.isEmpty();
    }
    case K::List:
    case K::Tuple:
    case K::Set:
    case K::Dict: return !v.items.empty();
    default: return std::nullopt;
    }
}

QString lastComponent(const QString& dotted)
{
    const qsizetype dot = dotted.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? dotted : dotted.mid(dot + 1);
}

QString objectOfCallee(const QString& dotted)
{
    const qsizetype dot = dotted.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : dotted.left(dot);
}

// ------------------------------------------------------------------ FastAPI / Starlette

void applyStarletteArgument(Ctx& ctx, const ConfigArgument& a)
{
    StarletteOptions& o = ctx.cfg.starlette;
    const Value& v = a.value;
    auto bad = [&](const QString& expected) {
        ctx.issue(a.span, QStringLiteral("%1: could not understand %2 (expected %3); the default is assumed")
                              .arg(a.name, a.expression.repr(), expected));
    };
    if (a.name == L("allow_origins") || a.name == L("allow_methods") || a.name == L("allow_headers")
        || a.name == L("expose_headers")) {
        auto seq = toSequence(v);
        if (!seq) {
            bad(QStringLiteral("a list of strings"));
            return;
        }
        if (seq->isString)
            ctx.cfg.notes << QStringLiteral("line %1: %2 is a plain string, not a list: Starlette then tests "
                                            "substrings (`origin in \"...\"`) and joins its characters")
                                 .arg(a.line)
                                 .arg(a.name);
        if (a.name == L("allow_origins"))
            o.allowOrigins = *seq;
        else if (a.name == L("allow_methods"))
            o.allowMethods = *seq;
        else if (a.name == L("allow_headers"))
            o.allowHeaders = *seq;
        else
            o.exposeHeaders = *seq;
    } else if (a.name == L("allow_credentials") || a.name == L("allow_private_network")) {
        auto b = toBool(v);
        if (!b) {
            bad(QStringLiteral("True or False"));
            return;
        }
        (a.name == L("allow_credentials") ? o.allowCredentials : o.allowPrivateNetwork) = *b;
    } else if (a.name == L("allow_origin_regex")) {
        if (v.kind == K::None)
            o.allowOriginRegex.reset();
        else if (v.kind == K::Str)
            o.allowOriginRegex = v.text;
        else
            bad(QStringLiteral("a regular expression string"));
    } else if (a.name == L("max_age")) {
        if (v.kind == K::Int)
            o.maxAge = int(v.intValue);
        else
            bad(QStringLiteral("an integer"));
    } else if (a.name == L("**")) {
        ctx.issue(a.span, QStringLiteral("keyword arguments unpacked from %1 cannot be read without running the code").arg(a.expression.text));
    } else {
        ctx.issue(a.span, QStringLiteral("CORSMiddleware has no parameter '%1' (TypeError at startup)").arg(a.name));
    }
}

void readStarletteCall(Ctx& ctx, const py::CallSite& cs, int firstKeywordIsOptions)
{
    Q_UNUSED(firstKeywordIsOptions);
    const Value& call = cs.call;
    ctx.cfg.middlewarePresent = true;
    ctx.cfg.middlewareSpan = call.span;
    ctx.cfg.middlewareLine = call.span.line;
    ctx.cfg.starlette = StarletteOptions {};
    // Drop arguments recorded for an earlier CORSMiddleware (the last one wins as outermost).
    ctx.cfg.arguments.clear();
    for (qsizetype i = 0; i < call.keywordNames.size(); ++i) {
        ConfigArgument a = ctx.argument(call, cs.offset, i);
        applyStarletteArgument(ctx, a);
        ctx.cfg.arguments.append(a);
    }
    if (call.items.size() > 1)
        ctx.issue(call.span, QStringLiteral("positional arguments after the middleware class are not understood"));
}

// ------------------------------------------------------------------ routes

QStringList methodsFrom(const Value& v)
{
    QStringList out;
    if (auto s = toSequence(v)) {
        for (const QString& m : s->items)
            out << m.toUpper();
    }
    return out;
}

RouteInfo::Behaviour behaviourOf(const py::Module& mod, const py::FunctionDef& f, int* status)
{
    // Flask's abort(403) at the top level of the body.
    const int bodyIndent = f.defLine + 1 < mod.lines().size() ? mod.lines().at(f.defLine + 1).indent : -1;
    for (const py::CallSite& cs : mod.calls()) {
        if (cs.logicalLine <= f.defLine || cs.logicalLine > f.bodyEndLine || cs.call.calleeName() != L("abort"))
            continue;
        if (mod.lines().at(cs.logicalLine).indent != bodyIndent)
            continue;
        if (const Value* sc = cs.call.argument(0); sc && sc->kind == K::Int)
            *status = int(sc->intValue);
        return RouteInfo::Behaviour::HttpError;
    }
    for (const Value& r : f.raises) {
        const QString callee = r.kind == K::Call ? r.calleeName() : r.dottedName();
        const QString last = lastComponent(callee);
        if (last.startsWith(L("HTTP")) || last == L("abort")) {
            if (r.kind == K::Call) {
                const Value* sc = r.keyword(u"status_code");
                if (!sc)
                    sc = r.argument(0);
                if (sc && sc->kind == K::Int)
                    *status = int(sc->intValue);
            }
            if (f.raisesUnconditionally)
                return RouteInfo::Behaviour::HttpError;
        } else if (f.raisesUnconditionally) {
            return RouteInfo::Behaviour::Raises;
        }
    }
    return RouteInfo::Behaviour::Ok;
}

const py::FunctionDef* functionForDecoratorAt(const py::Module& mod, qsizetype offset)
{
    for (const py::FunctionDef& f : mod.functions()) {
        for (const Value& d : f.decorators) {
            if (d.span.begin <= offset && offset < d.span.end)
                return &f;
        }
    }
    return nullptr;
}

/// `name` bound to `app.router.add_resource(path)` (possibly inside `cors.add(...)`): that call.
const Value* addResourceCall(const py::Module& mod, const QString& name, qsizetype offset)
{
    if (name.isEmpty() || name.contains(QLatin1Char('.')))
        return nullptr;
    const py::Binding* b = mod.bindingBefore(name, offset);
    if (!b || b->value.kind != K::Call)
        return nullptr;
    const Value* inner = &b->value;
    if (lastComponent(inner->calleeName()) == L("add") && inner->argument(0) && inner->argument(0)->kind == K::Call)
        inner = inner->argument(0);
    return lastComponent(inner->calleeName()) == L("add_resource") ? inner : nullptr;
}

void readRoutes(Ctx& ctx)
{
    const py::Module& mod = ctx.mod;
    static const QSet<QString> verbs = { QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
        QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("options"), QStringLiteral("head") };
    for (const py::CallSite& cs : mod.calls()) {
        const Value& call = cs.call;
        const QString callee = call.calleeName();
        const QString last = lastComponent(callee);
        const QString obj = objectOfCallee(callee);
        const py::FunctionDef* fn = functionForDecoratorAt(mod, cs.offset);
        RouteInfo r;
        r.line = call.span.line;
        const Value* pathArg = nullptr;
        if (ctx.cfg.framework == Framework::Aiohttp) {
            if (last == L("add_route") && obj.endsWith(L("router"))) {
                const Value* m = call.argument(0);
                pathArg = call.argument(1);
                if (const Value* h = call.argument(2))
                    r.handler = h->dottedName();
                if (m && m->kind == K::Str)
                    r.methods << m->text.toUpper();
            } else if (last.startsWith(L("add_")) && verbs.contains(last.mid(4)) && obj.endsWith(L("router"))) {
                pathArg = call.argument(0);
                if (const Value* h = call.argument(1))
                    r.handler = h->dottedName();
                r.methods << last.mid(4).toUpper();
                if (last == L("add_get")) {
                    const Value* ah = call.keyword(u"allow_head");
                    if (!ah || (ah->kind == K::Bool && ah->boolValue))
                        r.methods << QStringLiteral("HEAD");
                }
            } else if ((obj == L("web") || obj.isEmpty() || fn) && verbs.contains(last) && !callee.contains(L("app."))) {
                // web.get("/p", h) inside add_routes([...]) or @routes.get("/p")
                if (obj != L("web") && !fn)
                    continue;
                pathArg = call.argument(0);
                if (const Value* h = call.argument(1))
                    r.handler = h->dottedName();
                r.methods << last.toUpper();
                if (last == L("get")) {
                    const Value* ah = call.keyword(u"allow_head");
                    if (!ah || (ah->kind == K::Bool && ah->boolValue))
                        r.methods << QStringLiteral("HEAD");
                }
            } else if (last == L("route") && (obj == L("web") || fn)) {
                const Value* m = call.argument(0);
                pathArg = call.argument(1);
                if (m && m->kind == K::Str)
                    r.methods << m->text.toUpper();
            } else if (const Value* resource = last == L("add_route") ? addResourceCall(mod, obj, cs.offset) : nullptr) {
                // resource = [cors.add(]app.router.add_resource("/p")[)]; resource.add_route("GET", h)
                const Value* m = call.argument(0);
                pathArg = resource->argument(0);
                if (const Value* h = call.argument(1))
                    r.handler = h->dottedName();
                if (m && m->kind == K::Str)
                    r.methods << m->text.toUpper();
                if (r.methods == QStringList { QStringLiteral("GET") }) {
                    const Value* ah = call.keyword(u"allow_head");
                    if (!ah || (ah->kind == K::Bool && ah->boolValue))
                        r.methods << QStringLiteral("HEAD");
                }
            } else {
                continue;
            }
        } else if (ctx.cfg.framework == Framework::FastApi) {
            if (fn && (verbs.contains(last) || last == L("api_route") || last == L("route"))) {
                pathArg = call.argument(0);
                if (!pathArg)
                    pathArg = call.keyword(u"path");
                if (verbs.contains(last)) {
                    r.methods << last.toUpper();
                } else {
                    const Value* m = call.keyword(u"methods");
                    r.methods = m ? methodsFrom(ctx.mod.evaluate(*m, cs.offset)) : QStringList { QStringLiteral("GET") };
                }
            } else if (last == L("add_api_route") || last == L("add_route")) {
                pathArg = call.argument(0);
                const Value* m = call.keyword(u"methods");
                r.methods = m ? methodsFrom(ctx.mod.evaluate(*m, cs.offset)) : QStringList { QStringLiteral("GET") };
                if (const Value* h = call.argument(1))
                    r.handler = h->dottedName();
            } else if (last == L("Route")) {
                pathArg = call.argument(0);
                const Value* m = call.keyword(u"methods");
                r.methods = m ? methodsFrom(ctx.mod.evaluate(*m, cs.offset)) : QStringList { QStringLiteral("GET") };
                if (r.methods.contains(L("GET")) && !r.methods.contains(L("HEAD")))
                    r.methods << QStringLiteral("HEAD");
            } else {
                continue;
            }
        } else if (ctx.cfg.framework == Framework::Flask) {
            if (fn && (verbs.contains(last) || last == L("route"))) {
                pathArg = call.argument(0);
                if (verbs.contains(last)) {
                    r.methods << last.toUpper();
                } else {
                    const Value* m = call.keyword(u"methods");
                    r.methods = m ? methodsFrom(ctx.mod.evaluate(*m, cs.offset)) : QStringList { QStringLiteral("GET") };
                }
                if (const Value* ss = call.keyword(u"strict_slashes"); ss && ss->kind == K::Bool)
                    r.strictSlashes = ss->boolValue;
            } else if (last == L("add_url_rule")) {
                pathArg = call.argument(0);
                const Value* m = call.keyword(u"methods");
                r.methods = m ? methodsFrom(ctx.mod.evaluate(*m, cs.offset)) : QStringList { QStringLiteral("GET") };
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (!pathArg)
            continue;
        const Value path = ctx.mod.evaluate(*pathArg, cs.offset);
        if (path.kind != K::Str) {
            ctx.issue(call.span, QStringLiteral("route path %1 could not be read").arg(pathArg->repr()));
            continue;
        }
        r.path = path.text;
        if (!fn && !r.handler.isEmpty()) {
            for (const py::FunctionDef& f : mod.functions()) {
                if (f.name == lastComponent(r.handler))
                    fn = &f;
            }
            if (fn) {
                r.behaviour = behaviourOf(mod, *fn, &r.errorStatus);
                fn = nullptr; // not a decorator: no @cross_origin to read
            }
        }
        if (fn) {
            r.handler = fn->name;
            r.behaviour = behaviourOf(mod, *fn, &r.errorStatus);
            // Flask @cross_origin on the same function
            for (const Value& d : fn->decorators) {
                const QString dc = d.kind == K::Call ? d.calleeName() : d.dottedName();
                if (lastComponent(dc) == L("cross_origin")) {
                    FlaskOptionMap opts;
                    for (qsizetype i = 0; i < d.keywordNames.size(); ++i)
                        opts.insert(d.keywordNames.at(i), ctx.mod.evaluate(d.keywordValues[size_t(i)], d.span.begin));
                    r.crossOrigin = opts;
                    ctx.cfg.middlewarePresent = true;
                    if (ctx.cfg.middlewareLine == 0) {
                        ctx.cfg.middlewareLine = d.span.line;
                        ctx.cfg.middlewareSpan = d.span;
                    }
                }
            }
        }
        // Route registration order matters for aiohttp's `for route in app.router.routes()` loop.
        r.line = call.span.line;
        ctx.cfg.routes.append(r);
    }
    ctx.cfg.routesKnown = !ctx.cfg.routes.isEmpty();
}

// ------------------------------------------------------------------ aiohttp

AiohttpCorsConfig readAiohttpMapping(Ctx& ctx, const Value& v, const py::SourceSpan& where)
{
    AiohttpCorsConfig out;
    if (v.kind != K::Dict) {
        ctx.issue(where, QStringLiteral("aiohttp_cors configuration %1 is not a dict literal; not understood").arg(v.repr()));
        return out;
    }
    for (size_t i = 0; i < v.keys.size() && i < v.items.size(); ++i) {
        const Value& key = v.keys[i];
        if (key.kind != K::Str) {
            ctx.issue(key.span.isValid() ? key.span : where, QStringLiteral("origin key %1 could not be read").arg(key.repr()));
            continue;
        }
        auto opts = aiohttpOptionsFromValue(v.items[i]);
        if (!opts) {
            ctx.issue(v.items[i].span.isValid() ? v.items[i].span : where, opts.error().message);
            continue;
        }
        out.origins.append({ key.text, opts.value() });
    }
    return out;
}

void readAiohttp(Ctx& ctx)
{
    const py::Module& mod = ctx.mod;
    QString corsName;
    qsizetype setupOffset = -1;
    for (const py::CallSite& cs : mod.calls()) {
        const QString callee = cs.call.calleeName();
        if (!(callee == L("aiohttp_cors.setup") || (callee == L("setup") && mod.imports().join(L(" ")).contains(L("aiohttp_cors")))))
            continue;
        ctx.cfg.middlewarePresent = true;
        ctx.cfg.middlewareSpan = cs.call.span;
        ctx.cfg.middlewareLine = cs.call.span.line;
        ctx.cfg.placement = ServerConfig::Placement::AddMiddleware;
        setupOffset = cs.offset;
        ctx.cfg.arguments.clear();
        for (qsizetype i = 0; i < cs.call.keywordNames.size(); ++i) {
            ConfigArgument a = ctx.argument(cs.call, cs.offset, i);
            if (a.name == L("defaults")) {
                ctx.cfg.aiohttpDefaults = readAiohttpMapping(ctx, a.value, a.span);
            } else if (a.name != L("router_adapter")) {
                ctx.issue(a.span, QStringLiteral("aiohttp_cors.setup() argument '%1' is not understood").arg(a.name));
            }
            ctx.cfg.arguments.append(a);
        }
        // cors = aiohttp_cors.setup(...)
        for (const py::Binding& b : mod.bindings()) {
            if (b.value.kind == K::Call && b.value.span.begin <= cs.call.span.begin && cs.call.span.end <= b.value.span.end)
                corsName = b.target;
        }
    }
    if (!ctx.cfg.middlewarePresent)
        return;
    // Which routes are CORS-enabled.
    auto routeAt = [&](const py::SourceSpan& sp) -> RouteInfo* {
        for (RouteInfo& r : ctx.cfg.routes) {
            if (r.line == sp.line) // good enough: one route call per line in practice
                return &r;
        }
        return nullptr;
    };
    for (const py::CallSite& cs : mod.calls()) {
        const QString callee = cs.call.calleeName();
        if (lastComponent(callee) != L("add"))
            continue;
        const QString obj = objectOfCallee(callee);
        if (corsName.isEmpty() ? !obj.contains(L("cors")) : obj != corsName)
            continue;
        const Value* target = cs.call.argument(0);
        if (!target)
            continue;
        std::optional<AiohttpCorsConfig> routeConfig;
        if (const Value* c = cs.call.argument(1) ? cs.call.argument(1) : cs.call.keyword(u"config"))
            routeConfig = readAiohttpMapping(ctx, mod.evaluate(*c, cs.offset), c->span);
        auto mark = [&](RouteInfo& r) {
            if (r.methods.contains(L("*")) && ctx.cfg.startupError.isEmpty()) {
                ctx.cfg.startupError = QStringLiteral("ValueError: <PlainResource  %1> already has a '*' handler for all methods").arg(r.path);
                ctx.issue(cs.call.span, QStringLiteral("cors.add() raises at startup: %1 (use a class-based view with "
                                                       "aiohttp_cors.CorsViewMixin, or register explicit methods)").arg(ctx.cfg.startupError));
            }
            if (r.methods.contains(L("OPTIONS")) && ctx.cfg.startupError.isEmpty()) {
                ctx.cfg.startupError = QStringLiteral("ValueError: <PlainResource  %1> already has OPTIONS handler").arg(r.path);
                ctx.issue(cs.call.span, QStringLiteral("cors.add() raises at startup: %1 (aiohttp_cors cannot coexist with a user OPTIONS route)").arg(ctx.cfg.startupError));
            }
            r.corsAdded = true;
            if (routeConfig && !r.corsConfig)
                r.corsConfig = routeConfig;
        };
        if (target->kind == K::Call) {
            const QString tc = target->calleeName();
            if (lastComponent(tc) == L("add_resource")) {
                const Value* p = target->argument(0);
                const Value pv = p ? mod.evaluate(*p, cs.offset) : Value {};
                for (RouteInfo& r : ctx.cfg.routes) {
                    if (pv.kind == K::Str && r.path == pv.text)
                        mark(r);
                }
            } else if (RouteInfo* r = routeAt(target->span)) {
                mark(*r);
            } else {
                ctx.issue(cs.call.span, QStringLiteral("cors.add(%1): the route could not be identified").arg(target->repr()));
            }
            continue;
        }
        if (target->kind == K::Name) {
            // loop variable over app.router.routes()?
            bool handled = false;
            for (const py::ForLoop& loop : mod.forLoops()) {
                if (loop.variable != target->text || loop.offset > cs.offset)
                    continue;
                const QString it = loop.iterable.repr();
                if (it.contains(L("routes()")) || it.contains(L("resources()"))) {
                    for (RouteInfo& r : ctx.cfg.routes) {
                        if (mod.lineAt(loop.offset) > r.line)
                            mark(r);
                    }
                    handled = true;
                    if (setupOffset > loop.offset)
                        ctx.issue(cs.call.span, QStringLiteral("cors.add loop runs before aiohttp_cors.setup()"));
                }
            }
            if (handled)
                continue;
            if (const py::Binding* b = mod.bindingBefore(target->text, cs.offset)) {
                if (b->value.kind == K::Call) {
                    const QString tc = b->value.calleeName();
                    if (lastComponent(tc) == L("add_resource") || lastComponent(tc) == L("add")) {
                        const Value* inner = &b->value;
                        if (lastComponent(tc) == L("add") && inner->argument(0))
                            inner = inner->argument(0);
                        const Value* p = inner->argument(0);
                        const Value pv = p ? mod.evaluate(*p, b->offset) : Value {};
                        for (RouteInfo& r : ctx.cfg.routes) {
                            if (pv.kind == K::Str && r.path == pv.text)
                                mark(r);
                        }
                        continue;
                    }
                    if (RouteInfo* r = routeAt(b->value.span)) {
                        mark(*r);
                        continue;
                    }
                }
            }
        }
        ctx.issue(cs.call.span, QStringLiteral("cors.add(%1): could not tell which routes this enables").arg(target->repr()));
    }
    // Routes registered through resource.add_route after `resource = cors.add(app.router.add_resource(p))`
    // are covered by the resource; handled above by path.
}

// ------------------------------------------------------------------ Flask

void readFlask(Ctx& ctx)
{
    const py::Module& mod = ctx.mod;
    for (const py::CallSite& cs : mod.calls()) {
        const QString callee = cs.call.calleeName();
        const QString last = lastComponent(callee);
        const bool corsCall = last == L("CORS") || (last == L("init_app") && callee != L("init_app"));
        if (last == L("run")) {
            if (const Value* d = cs.call.keyword(u"debug")) {
                const Value dv = mod.evaluate(*d, cs.offset);
                if (auto b = toBool(dv))
                    ctx.cfg.flaskDebug = *b;
            }
            continue;
        }
        if (!corsCall)
            continue;
        if (last == L("CORS") && cs.call.items.empty() && cs.call.keywordNames.isEmpty()) {
            // cors = CORS(); cors.init_app(app, ...) later
            continue;
        }
        ctx.cfg.middlewarePresent = true;
        ctx.cfg.flaskExtension = true;
        ctx.cfg.middlewareSpan = cs.call.span;
        ctx.cfg.middlewareLine = cs.call.span.line;
        ctx.cfg.placement = ServerConfig::Placement::AddMiddleware;
        ctx.cfg.flaskKwargs.clear();
        ctx.cfg.arguments.clear();
        for (qsizetype i = 0; i < cs.call.keywordNames.size(); ++i) {
            ConfigArgument a = ctx.argument(cs.call, cs.offset, i);
            ctx.cfg.arguments.append(a);
            if (a.name == L("**")) {
                ctx.issue(a.span, QStringLiteral("keyword arguments unpacked from %1 cannot be read without running the code").arg(a.expression.text));
                continue;
            }
            if (a.name == L("resources")) {
                QList<FlaskResource> res;
                const Value& v = a.value;
                if (v.kind == K::Dict) {
                    for (size_t k = 0; k < v.keys.size(); ++k) {
                        FlaskResource r;
                        r.pattern = v.keys[k];
                        const Value& o = v.items[k];
                        if (o.kind == K::Dict) {
                            for (size_t j = 0; j < o.keys.size(); ++j) {
                                if (o.keys[j].kind == K::Str)
                                    r.options.insert(o.keys[j].text, o.items[j]);
                            }
                        } else {
                            ctx.issue(a.span, QStringLiteral("resource options %1 are not a dict literal").arg(o.repr()));
                        }
                        res.append(r);
                    }
                } else if (v.kind == K::Str || v.isSequence()) {
                    if (v.kind == K::Str) {
                        res.append(FlaskResource { v, {} });
                    } else {
                        for (const Value& it : v.items)
                            res.append(FlaskResource { it, {} });
                    }
                } else {
                    ctx.issue(a.span, QStringLiteral("resources=%1 could not be understood").arg(a.expression.repr()));
                    continue;
                }
                ctx.cfg.flaskResources = res;
                continue;
            }
            if (!a.value.isKnownLiteral() && !(a.value.kind == K::Str))
                ctx.issue(a.span, QStringLiteral("%1=%2 could not be evaluated; the flask-cors default is assumed").arg(a.name, a.expression.repr()));
            else
                ctx.cfg.flaskKwargs.insert(a.name, a.value);
        }
    }
    // app.config["CORS_ORIGINS"] = ...
    static const QRegularExpression configKey(QStringLiteral("^[A-Za-z_][A-Za-z_0-9.]*\\.config\\[(CORS_[A-Z_]+)\\]$"));
    for (const py::Binding& b : mod.bindings()) {
        const auto m = configKey.match(b.target);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).mid(5).toLower();
        const Value v = mod.evaluate(b.value, b.offset);
        ctx.cfg.flaskAppConfig.insert(key, v);
        ConfigArgument a;
        a.name = m.captured(1);
        a.expression = b.value;
        a.value = v;
        a.span = b.statementSpan;
        a.valueSpan = v.span;
        a.line = b.statementSpan.line;
        a.environmentDependent = v.environmentDependent;
        ctx.cfg.arguments.append(a);
    }
}

// ------------------------------------------------------------------ Django

// What a Django function view answers, from its body: an unconditional `raise` (Http404 -> 404,
// PermissionDenied -> 403, SuspiciousOperation/BadRequest -> 400, anything else -> 500) or its
// first top-level `return HttpResponse...(..., status=N)` / HttpResponseForbidden() etc.
RouteInfo::Behaviour djangoBehaviourOf(const py::Module& mod, const py::FunctionDef& f, int* status)
{
    if (f.raisesUnconditionally) {
        for (const Value& r : f.raises) {
            const QString last = lastComponent(r.kind == K::Call ? r.calleeName() : r.dottedName());
            if (last == L("Http404")) {
                *status = 404;
                return RouteInfo::Behaviour::HttpError;
            }
            if (last == L("PermissionDenied")) {
                *status = 403;
                return RouteInfo::Behaviour::HttpError;
            }
            if (last == L("SuspiciousOperation") || last == L("BadRequest") || last == L("DisallowedHost")) {
                *status = 400;
                return RouteInfo::Behaviour::HttpError;
            }
            return RouteInfo::Behaviour::Raises;
        }
    }
    static const QHash<QString, int> classes = {
        { QStringLiteral("HttpResponse"), 200 }, { QStringLiteral("JsonResponse"), 200 },
        { QStringLiteral("HttpResponseBadRequest"), 400 }, { QStringLiteral("HttpResponseForbidden"), 403 },
        { QStringLiteral("HttpResponseNotFound"), 404 }, { QStringLiteral("HttpResponseNotAllowed"), 405 },
        { QStringLiteral("HttpResponseGone"), 410 }, { QStringLiteral("HttpResponseServerError"), 500 },
    };
    // Token scan of `return Callee(... status=N ...)` lines (the call index only holds CORS calls).
    const QList<py::Token>& tokens = mod.tokens();
    const int bodyIndent = f.defLine + 1 < mod.lines().size() ? mod.lines().at(f.defLine + 1).indent : -1;
    for (int li = f.defLine + 1; li <= f.bodyEndLine && li < mod.lines().size(); ++li) {
        const py::LogicalLine& line = mod.lines().at(li);
        if (line.indent != bodyIndent || line.firstToken + 2 >= line.endToken || tokens.at(line.firstToken).text != L("return"))
            continue;
        int k = line.firstToken + 1;
        QString callee;
        while (k < line.endToken && tokens.at(k).type == py::Token::Type::Name) {
            callee = tokens.at(k).text;
            if (k + 1 < line.endToken && tokens.at(k + 1).type == py::Token::Type::Op && tokens.at(k + 1).text == L("."))
                k += 2;
            else
                break;
        }
        const auto it = classes.constFind(callee);
        if (it == classes.cend() || k + 1 >= line.endToken || tokens.at(k + 1).text != L("("))
            return RouteInfo::Behaviour::Ok; // returns something else: assume success
        int st = it.value();
        int depth = 0;
        for (int j = k + 1; j < line.endToken && st == 200; ++j) {
            const py::Token& t = tokens.at(j);
            if (t.type == py::Token::Type::Op && (t.text == L("(") || t.text == L("[") || t.text == L("{")))
                ++depth;
            else if (t.type == py::Token::Type::Op && (t.text == L(")") || t.text == L("]") || t.text == L("}")))
                --depth;
            else if (depth == 1 && t.type == py::Token::Type::Name && t.text == L("status") && j + 2 < line.endToken
                && tokens.at(j + 1).text == L("=")) {
                bool ok = false;
                const int v = tokens.at(j + 2).type == py::Token::Type::Number ? tokens.at(j + 2).text.toInt(&ok) : 0;
                if (!ok)
                    return RouteInfo::Behaviour::Ok; // not a literal: assume success
                st = v;
            }
        }
        if (st >= 200 && st < 300)
            return RouteInfo::Behaviour::Ok;
        *status = st;
        return RouteInfo::Behaviour::HttpError;
    }
    return RouteInfo::Behaviour::Ok;
}

// urlpatterns = [path("api/data", view), ...]: routes as "/api/data" (Django matches the path
// without its leading slash). Methods come from @require_http_methods/@require_GET/... as written
// (Django compares them case-sensitively with the upper-cased request method); none = any method.
void readDjangoRoutes(Ctx& ctx)
{
    const py::Module& mod = ctx.mod;
    bool understood = true;
    bool any = false;
    QHash<QString, const py::FunctionDef*> functions; // the last `def` of a name wins, as in Python
    for (const py::FunctionDef& f : mod.functions())
        functions.insert(f.name, &f);
    for (const py::Binding& b : mod.bindings()) {
        if (b.target != L("urlpatterns"))
            continue;
        any = true;
        if (!b.value.isSequence()) {
            understood = false;
            ctx.issue(b.statementSpan, QStringLiteral("urlpatterns = %1 is not a list literal; routes not understood").arg(b.value.repr()));
            continue;
        }
        for (const Value& entry : b.value.items) {
            const QString callee = entry.kind == K::Call ? lastComponent(entry.calleeName()) : QString();
            const Value* routeArg = entry.argument(0);
            const Value* viewArg = entry.argument(1);
            const Value route = routeArg ? mod.evaluate(*routeArg, b.offset) : Value {};
            if (callee != L("path") || route.kind != K::Str || !viewArg || viewArg->kind == K::Call) {
                understood = false;
                ctx.issue(entry.span.isValid() ? entry.span : b.statementSpan,
                    QStringLiteral("URL pattern %1 is not understood (only path(\"route\", view) is)").arg(entry.repr()));
                continue;
            }
            RouteInfo r;
            r.path = QLatin1Char('/') + route.text;
            r.handler = viewArg->dottedName();
            r.line = entry.span.line;
            if (const py::FunctionDef* fn = functions.value(lastComponent(r.handler))) {
                const py::FunctionDef& f = *fn;
                r.behaviour = djangoBehaviourOf(mod, f, &r.errorStatus);
                for (const Value& d : f.decorators) {
                    const QString dn = lastComponent(d.kind == K::Call ? d.calleeName() : d.dottedName());
                    if (dn == L("csrf_exempt"))
                        r.csrfExempt = true;
                    else if (dn == L("require_GET"))
                        r.methods = QStringList { QStringLiteral("GET") };
                    else if (dn == L("require_POST"))
                        r.methods = QStringList { QStringLiteral("POST") };
                    else if (dn == L("require_safe"))
                        r.methods = QStringList { QStringLiteral("GET"), QStringLiteral("HEAD") };
                    else if (dn == L("require_http_methods") && d.argument(0)) {
                        if (auto seq = toSequence(mod.evaluate(*d.argument(0), d.span.begin)); seq && !seq->isString)
                            r.methods = seq->items;
                        else
                            ctx.issue(d.span, QStringLiteral("@require_http_methods(%1) not understood").arg(d.argument(0)->repr()));
                    }
                }
            }
            ctx.cfg.routes.append(r);
        }
    }
    ctx.cfg.routesKnown = any && understood && !ctx.cfg.routes.isEmpty();
    if (!ctx.cfg.routesKnown)
        ctx.cfg.routes.clear();
}

// corsheaders.defaults, as imported by `CORS_ALLOW_HEADERS = (*default_headers, "x")` or
// `list(default_headers) + [...]`: 3.x, and 4.0+ (#851 dropped accept-encoding, dnt, origin).
const char* const kDjangoDefaults3 = "default_headers = (\"accept\", \"accept-encoding\", \"authorization\", \"content-type\", "
                                     "\"dnt\", \"origin\", \"user-agent\", \"x-csrftoken\", \"x-requested-with\")\n"
                                     "default_methods = (\"DELETE\", \"GET\", \"OPTIONS\", \"PATCH\", \"POST\", \"PUT\")\n";
const char* const kDjangoDefaults4 = "default_headers = (\"accept\", \"authorization\", \"content-type\", \"user-agent\", "
                                     "\"x-csrftoken\", \"x-requested-with\")\n"
                                     "default_methods = (\"DELETE\", \"GET\", \"OPTIONS\", \"PATCH\", \"POST\", \"PUT\")\n";

/// The module re-read with corsheaders' defaults bound in front of it.
struct DjangoDefaultsModule {
    std::optional<py::Module> mod;
    qsizetype shift = 0;
    QHash<qsizetype, qsizetype> byOffset; // statement offset -> binding index
    Value headers, methods;

    DjangoDefaultsModule(const py::Module& original, const char* prefix)
    {
        const QString p = QString::fromLatin1(prefix);
        auto parsed = py::Module::parse(p + original.source());
        if (!parsed)
            return;
        mod = std::move(parsed.value());
        shift = p.size();
        for (qsizetype i = 0; i < mod->bindings().size(); ++i)
            byOffset.insert(mod->bindings().at(i).offset, i);
        for (const py::Binding& b : mod->bindings()) {
            if (b.target == L("default_headers") && headers.kind == K::Unknown)
                headers = mod->evaluate(b.value, b.offset);
            else if (b.target == L("default_methods") && methods.kind == K::Unknown)
                methods = mod->evaluate(b.value, b.offset);
        }
    }

    // `*default_headers` inside a list/tuple is left by the reader as an Unknown item: splice it.
    Value expandStars(const Value& v) const
    {
        if (!v.isSequence())
            return v;
        Value out = v;
        out.items.clear();
        for (const Value& it : v.items) {
            const Value* d = it.kind != K::Unknown ? nullptr
                : it.text == L("*default_headers unpacking")           ? &headers
                : it.text == L("*default_methods unpacking")           ? &methods
                                                                        : nullptr;
            if (d && d->isSequence())
                out.items.insert(out.items.end(), d->items.begin(), d->items.end());
            else
                out.items.push_back(it);
        }
        return out;
    }

    std::optional<Value> evaluate(const py::Binding& original) const
    {
        if (!mod)
            return std::nullopt;
        const auto it = byOffset.constFind(original.offset + shift);
        if (it == byOffset.cend())
            return std::nullopt;
        const py::Binding& b = mod->bindings().at(*it);
        if (b.target != original.target)
            return std::nullopt;
        return expandStars(mod->evaluate(b.value, b.offset));
    }
};

void readDjango(Ctx& ctx)
{
    const py::Module& mod = ctx.mod;
    static const QStringList known = { QStringLiteral("CORS_ALLOWED_ORIGINS"), QStringLiteral("CORS_ORIGIN_WHITELIST"),
        QStringLiteral("CORS_ALLOWED_ORIGIN_REGEXES"), QStringLiteral("CORS_ORIGIN_REGEX_WHITELIST"),
        QStringLiteral("CORS_ALLOW_ALL_ORIGINS"), QStringLiteral("CORS_ORIGIN_ALLOW_ALL"), QStringLiteral("CORS_URLS_REGEX"),
        QStringLiteral("CORS_ALLOW_METHODS"), QStringLiteral("CORS_ALLOW_HEADERS"), QStringLiteral("CORS_EXPOSE_HEADERS"),
        QStringLiteral("CORS_PREFLIGHT_MAX_AGE"), QStringLiteral("CORS_ALLOW_CREDENTIALS"),
        QStringLiteral("CORS_ALLOW_PRIVATE_NETWORK"), QStringLiteral("CORS_REPLACE_HTTPS_REFERER") };
    static const QString corsMiddleware = QStringLiteral("corsheaders.middleware.CorsMiddleware");
    bool middleware = false;
    bool middlewareBound = false;
    bool anySetting = false;
    // A CORS_* value built from `from corsheaders.defaults import default_headers, default_methods`
    // (names not rebound in the snippet): read again with the defaults bound.
    bool usesDefaults = false;
    if (!mod.bindingBefore(u"default_headers", mod.source().size() + 1) && !mod.bindingBefore(u"default_methods", mod.source().size() + 1)) {
        for (const py::Binding& b : mod.bindings()) {
            if (!b.target.startsWith(L("CORS_")) || !b.statementSpan.isValid())
                continue;
            const QString text = mod.source().mid(b.statementSpan.begin, b.statementSpan.end - b.statementSpan.begin);
            if (text.contains(L("default_headers")) || text.contains(L("default_methods"))) {
                usesDefaults = true;
                break;
            }
        }
    }
    std::optional<DjangoDefaultsModule> defaults3, defaults4;
    if (usesDefaults) {
        defaults3.emplace(mod, kDjangoDefaults3);
        defaults4.emplace(mod, kDjangoDefaults4);
    }
    for (const py::Binding& b : mod.bindings()) {
        if (b.target == L("MIDDLEWARE") || b.target == L("MIDDLEWARE_CLASSES")) {
            const Value v = mod.evaluate(b.value, b.offset);
            middlewareBound = true;
            // MIDDLEWARE (order matters: the model runs CorsMiddleware and CommonMiddleware in it).
            if (b.target == L("MIDDLEWARE") && !b.augmented && v.isSequence() && v.isKnownLiteral())
                ctx.cfg.djangoSettings.insert(b.target, v);
            for (const Value& it : v.items) {
                if (it.kind == K::Str && it.text == corsMiddleware)
                    middleware = true;
            }
            continue;
        }
        if (b.target == L("APPEND_SLASH")) {
            ctx.cfg.djangoSettings.insert(b.target, mod.evaluate(b.value, b.offset));
            continue;
        }
        if (!b.target.startsWith(L("CORS_")))
            continue;
        anySetting = true;
        Value v = mod.evaluate(b.value, b.offset);
        if (defaults3) {
            if (auto d3 = defaults3->evaluate(b))
                v = *d3;
            // The 4.x reading, used by the model for django-cors-headers >= 4.0.
            if (auto d4 = defaults4->evaluate(b); d4 && d4->repr() != v.repr())
                ctx.cfg.djangoSettings.insert(b.target + QStringLiteral("@4"), *d4);
        }
        if (!known.contains(b.target))
            ctx.issue(b.statementSpan, QStringLiteral("%1 is not a django-cors-headers setting (typo?)").arg(b.target));
        ctx.cfg.djangoSettings.insert(b.target, v);
        ConfigArgument a;
        a.name = b.target;
        a.expression = b.value;
        a.value = v;
        a.span = b.statementSpan;
        a.valueSpan = v.span;
        a.line = b.statementSpan.line;
        a.environmentDependent = v.environmentDependent;
        if (!v.isKnownLiteral()) {
            a.understood = false;
            ctx.issue(b.statementSpan, QStringLiteral("%1 = %2 could not be evaluated").arg(b.target, b.value.repr()));
        }
        if (a.environmentDependent)
            ctx.cfg.environmentDependent = true;
        ctx.cfg.arguments.append(a);
        if (ctx.cfg.middlewareLine == 0) {
            ctx.cfg.middlewareLine = a.line;
            ctx.cfg.middlewareSpan = b.statementSpan;
        }
        // Django system checks (corsheaders.E013/E014).
        if ((b.target == L("CORS_ALLOWED_ORIGINS") || b.target == L("CORS_ORIGIN_WHITELIST")) && v.isSequence()) {
            for (const Value& o : v.items) {
                if (o.kind != K::Str)
                    continue;
                const qsizetype schemeEnd = o.text.indexOf(L("://"));
                if (schemeEnd <= 0 && o.text != L("null"))
                    ctx.issue(b.statementSpan, QStringLiteral("Origin '%1' in %2 is missing scheme or netloc (corsheaders.E013)").arg(o.text, b.target));
                else if (schemeEnd > 0 && o.text.indexOf(QLatin1Char('/'), schemeEnd + 3) >= 0)
                    ctx.issue(b.statementSpan, QStringLiteral("Origin '%1' in %2 should not have path (corsheaders.E014)").arg(o.text, b.target));
            }
        }
    }
    // CorsMiddleware added outside the MIDDLEWARE literal (MIDDLEWARE.insert(0, "corsheaders...")).
    if (!middleware && mod.source().contains(QLatin1Char('"') + corsMiddleware + QLatin1Char('"')))
        middleware = true;
    if (!middleware && mod.source().contains(QLatin1Char('\'') + corsMiddleware + QLatin1Char('\'')))
        middleware = true;
    // A fragment of CORS_* settings without MIDDLEWARE is taken as part of a project that installs
    // the middleware as documented (first in MIDDLEWARE).
    ctx.cfg.middlewarePresent = middleware || (anySetting && !middlewareBound);
    if (anySetting && !middleware && middlewareBound)
        ctx.cfg.notes << QStringLiteral("MIDDLEWARE does not list corsheaders.middleware.CorsMiddleware: the CORS_* settings have no effect");
    readDjangoRoutes(ctx);
}

} // namespace

// ---------------------------------------------------------------------------------------------

Result<AiohttpResourceOptions> aiohttpOptionsFromValue(const py::Value& value)
{
    AiohttpResourceOptions o;
    QStringList names;
    std::vector<Value> values;
    const bool isDict = value.kind == K::Dict;
    if (value.kind == K::Call && lastComponent(value.calleeName()) == L("ResourceOptions")) {
        if (!value.items.empty())
            return makeError(ErrorCode::InvalidFormat, QStringLiteral("ResourceOptions takes keyword arguments only"));
        names = value.keywordNames;
        values = value.keywordValues;
    } else if (isDict) {
        for (size_t i = 0; i < value.keys.size(); ++i) {
            if (value.keys[i].kind != K::Str)
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("option key %1 is not a string").arg(value.keys[i].repr()));
            names << value.keys[i].text;
            values.push_back(value.items[i]);
        }
    } else {
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("origin options %1 are neither aiohttp_cors.ResourceOptions(...) nor a dict").arg(value.repr()));
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString& n = names.at(i);
        const Value& v = values[size_t(i)];
        if (isDict && n == L("allow_methods"))
            return makeError(ErrorCode::InvalidFormat,
                QStringLiteral("ValueError at startup: Unexpected keywords in resource options: allow_methods (use "
                               "aiohttp_cors.ResourceOptions(allow_methods=...) instead of a dict)"));
        if (n == L("allow_credentials")) {
            if (v.kind != K::Bool)
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("'allow_credentials' must be boolean, got %1").arg(v.repr()));
            o.allowCredentials = v.boolValue;
        } else if (n == L("expose_headers") || n == L("allow_headers") || n == L("allow_methods")) {
            if (v.kind == K::Str && v.text == L("*")) {
                if (n == L("expose_headers"))
                    o.exposeAll = true;
                else if (n == L("allow_headers"))
                    o.allowAllHeaders = true;
                else
                    o.methods = AiohttpResourceOptions::Methods::All;
                continue;
            }
            if (n == L("allow_methods") && v.kind == K::None) {
                o.methods = AiohttpResourceOptions::Methods::None;
                continue;
            }
            if (!v.isSequence() && !(v.kind == K::Str))
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("'%1' must be either '*', or sequence of strings, got %2").arg(n, v.repr()));
            if (v.kind == K::Str)
                return makeError(ErrorCode::InvalidFormat,
                    QStringLiteral("ValueError at startup: '%1' must be either '*', or sequence of strings, got %2").arg(n, v.repr()));
            QStringList list;
            for (const Value& it : v.items) {
                if (it.kind != K::Str)
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1 item %2 could not be read").arg(n, it.repr()));
                list << it.text;
            }
            if (n == L("expose_headers")) {
                o.exposeHeaders = list;
            } else if (n == L("allow_headers")) {
                for (const QString& h : list)
                    o.allowHeaders << h.toUpper();
                o.allowHeaders.removeDuplicates();
            } else {
                o.methods = AiohttpResourceOptions::Methods::Listed;
                for (const QString& m : list)
                    o.allowMethods << m.toUpper();
            }
        } else if (n == L("max_age")) {
            if (v.kind == K::None)
                o.maxAge.reset();
            else if (v.kind == K::Int && v.intValue >= 0)
                o.maxAge = v.intValue;
            else
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("'max_age' must be non-negative integer, got %1").arg(v.repr()));
        } else {
            return makeError(ErrorCode::InvalidFormat, QStringLiteral("unknown ResourceOptions parameter '%1'").arg(n));
        }
    }
    return o;
}

Result<ServerConfig> parseServerConfig(QStringView source, Framework hint)
{
    auto parsed = py::Module::parse(source);
    if (!parsed)
        return parsed.error();
    const py::Module& mod = parsed.value();
    ServerConfig cfg;
    cfg.source = mod.source();
    cfg.framework = hint != Framework::Unknown ? hint : detectFramework(source);
    for (const QString& w : mod.warnings())
        cfg.issues.append(ConfigIssue { 0, QStringLiteral("not understood: %1").arg(w), {} });
    Ctx ctx { mod, cfg };

    // Application object and complete-module detection.
    bool appCreated = false;
    for (const py::Binding& b : mod.bindings()) {
        if (b.value.kind != K::Call)
            continue;
        const QString last = lastComponent(b.value.calleeName());
        if (last == L("FastAPI") || last == L("Starlette") || last == L("Flask") || last == L("Application")) {
            appCreated = true;
            cfg.appName = b.target;
            if (last == L("FastAPI") || last == L("Starlette")) {
                if (const Value* rs = b.value.keyword(u"redirect_slashes")) {
                    const Value v = mod.evaluate(*rs, b.offset);
                    if (auto bv = toBool(v)) {
                        cfg.redirectSlashes = *bv;
                        cfg.redirectSlashesViaFastApiArgument = last == L("FastAPI");
                    }
                }
            }
        }
    }
    cfg.completeModule = appCreated && !mod.imports().isEmpty();
    if (const py::Binding* b = mod.bindingBefore(cfg.appName + QStringLiteral(".router.redirect_slashes"), mod.source().size() + 1)) {
        if (auto bv = toBool(mod.evaluate(b->value, b->offset))) {
            cfg.redirectSlashes = *bv;
            cfg.redirectSlashesViaFastApiArgument = false;
        }
    }

    switch (cfg.framework) {
    case Framework::FastApi: {
        for (const py::CallSite& cs : mod.calls()) {
            const QString callee = cs.call.calleeName();
            const QString last = lastComponent(callee);
            const Value* first = cs.call.argument(0);
            const QString firstName = first ? lastComponent(first->dottedName()) : QString();
            if (last == L("add_middleware") && firstName == L("CORSMiddleware")) {
                readStarletteCall(ctx, cs, 1);
                cfg.placement = ServerConfig::Placement::AddMiddleware;
            } else if (last == L("Middleware") && firstName == L("CORSMiddleware")) {
                readStarletteCall(ctx, cs, 1);
                cfg.placement = ServerConfig::Placement::MiddlewareParameter;
            } else if (last == L("CORSMiddleware") && first) {
                readStarletteCall(ctx, cs, 1);
                cfg.placement = ServerConfig::Placement::Wrapped;
            } else if (last == L("add_middleware") && first && firstName != L("CORSMiddleware")) {
                cfg.notes << QStringLiteral("line %1: another middleware (%2) is added; the last add_middleware() is the "
                                            "outermost, so one added after CORSMiddleware answers before it")
                                 .arg(cs.call.span.line)
                                 .arg(first->repr());
            }
        }
        readRoutes(ctx);
        break;
    }
    case Framework::Aiohttp:
        readRoutes(ctx);
        readAiohttp(ctx);
        break;
    case Framework::Flask:
        readRoutes(ctx);
        readFlask(ctx);
        break;
    case Framework::Django:
        readDjango(ctx);
        break;
    case Framework::Unknown:
        break;
    }
    if (!cfg.middlewarePresent && cfg.framework != Framework::Unknown)
        cfg.notes << QStringLiteral("no %1 CORS configuration found in the snippet").arg(displayName(cfg.framework));
    return cfg;
}

QString describe(const ServerConfig& config)
{
    QStringList lines;
    lines << QStringLiteral("%1: %2").arg(displayName(config.framework),
        config.middlewarePresent ? QStringLiteral("CORS configured (line %1)").arg(config.middlewareLine)
                                 : QStringLiteral("no CORS configuration found"));
    for (const ConfigArgument& a : config.arguments)
        lines << QStringLiteral("  line %1: %2 = %3%4")
                     .arg(a.line)
                     .arg(a.name, a.value.repr(), a.environmentDependent ? QStringLiteral("  (environment dependent)") : QString());
    for (const RouteInfo& r : config.routes)
        lines << QStringLiteral("  route %1 %2%3").arg(r.methods.join(QLatin1Char(',')), r.path,
            config.framework == Framework::Aiohttp && !r.corsAdded ? QStringLiteral("  (not passed to cors.add)") : QString());
    for (const ConfigIssue& i : config.issues)
        lines << QStringLiteral("  not understood (line %1): %2").arg(i.line).arg(i.message);
    for (const QString& n : config.notes)
        lines << QStringLiteral("  note: %1").arg(n);
    return lines.join(QLatin1Char('\n'));
}

} // namespace corsbench::frameworks
