// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/frameworks/server_model.h"

#include "core/cors/cors_engine.h"
#include "core/http/origin.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace corsbench::frameworks {

using http::HeaderList;
using K = py::Value::Kind;

namespace {

QLatin1String L(const char* s) { return QLatin1String(s); }
QByteArray B(const QString& s) { return s.toUtf8(); }
QString S(const QByteArray& b) { return QString::fromUtf8(b); }

struct Version {
    int major = 0, minor = 0, patch = 0;
    static Version parse(const QString& text)
    {
        Version v;
        const QStringList parts = text.split(QLatin1Char('.'));
        auto num = [](const QString& s) {
            QString d;
            for (QChar c : s) {
                if (!c.isDigit())
                    break;
                d += c;
            }
            return d.toInt();
        };
        if (parts.size() > 0)
            v.major = num(parts[0]);
        if (parts.size() > 1)
            v.minor = num(parts[1]);
        if (parts.size() > 2)
            v.patch = num(parts[2]);
        return v;
    }
    bool atLeast(int ma, int mi, int pa = 0) const
    {
        if (major != ma)
            return major > ma;
        if (minor != mi)
            return minor > mi;
        return patch >= pa;
    }
};

/// Python's MutableHeaders-style set: replace the first occurrence in place, drop the others,
/// or append.
void setHeader(HeaderList& h, const QByteArray& name, const QByteArray& value)
{
    HeaderList out;
    bool done = false;
    for (const http::Header& x : h) {
        if (http::headerNameEquals(x.name, name)) {
            if (!done) {
                out.append(x.name, value);
                done = true;
            }
            continue;
        }
        out.append(x);
    }
    if (!done)
        out.append(name, value);
    h = out;
}

QString pathOnly(const QString& pathAndQuery)
{
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    return q < 0 ? pathAndQuery : pathAndQuery.left(q);
}

QString queryPart(const QString& pathAndQuery)
{
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    return q < 0 ? QString() : pathAndQuery.mid(q);
}

// Route path templates of all three frameworks to a regex: {id}, {p:path}, <id>, <int:id>, <path:p>.
QRegularExpression routeRegex(const QString& templ)
{
    QString rx = QStringLiteral("\\A");
    for (qsizetype i = 0; i < templ.size();) {
        const QChar c = templ[i];
        if (c == QLatin1Char('{') || c == QLatin1Char('<')) {
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char('>');
            const qsizetype e = templ.indexOf(close, i);
            if (e > i) {
                const QString inner = templ.mid(i + 1, e - i - 1);
                const bool path = inner.endsWith(L(":path")) || inner.startsWith(L("path:"));
                rx += path ? QStringLiteral(".+") : QStringLiteral("[^/]+");
                i = e + 1;
                continue;
            }
        }
        rx += QRegularExpression::escape(QString(c));
        ++i;
    }
    rx += QStringLiteral("\\z");
    return QRegularExpression(rx);
}

struct RouteMatch {
    QList<const RouteInfo*> atPath; // every route declared for this path
    const RouteInfo* forMethod = nullptr;
};

RouteMatch matchRoutes(const ServerConfig& cfg, const QString& path, const QByteArray& method, bool headFromGet)
{
    RouteMatch m;
    const QString upper = S(method).toUpper();
    for (const RouteInfo& r : cfg.routes) {
        if (!routeRegex(r.path).match(path).hasMatch())
            continue;
        m.atPath.append(&r);
        QStringList methods = r.methods.isEmpty() ? QStringList { QStringLiteral("GET") } : r.methods;
        if (headFromGet && methods.contains(L("GET")))
            methods << QStringLiteral("HEAD");
        if (!m.forMethod && methods.contains(S(method)))
            m.forMethod = &r;
    }
    Q_UNUSED(upper);
    return m;
}

// Python `re.match` / `re.fullmatch` with a Python pattern.
bool pyRegexMatch(const QString& pattern, const QString& value, bool full, bool ignoreCase)
{
    QRegularExpression::PatternOptions opts = QRegularExpression::NoPatternOption;
    if (ignoreCase)
        opts |= QRegularExpression::CaseInsensitiveOption;
    const QString p = full ? QStringLiteral("\\A(?:%1)\\z").arg(pattern) : QStringLiteral("\\A(?:%1)").arg(pattern);
    QRegularExpression rx(p, opts);
    if (!rx.isValid())
        return false;
    return rx.match(value).hasMatch();
}

struct AppResult {
    int status = 200;
    QByteArray reason;
    HeaderList headers;
    QByteArray body;
    bool raised = false; // unhandled exception (500 produced outside/inside the CORS layer)
    QString note;
};

QByteArray reasonPhrase(int status, bool upper)
{
    static const QHash<int, QByteArray> reasons = {
        { 200, "OK" }, { 204, "No Content" }, { 301, "Moved Permanently" }, { 302, "Found" },
        { 307, "Temporary Redirect" }, { 308, "Permanent Redirect" }, { 400, "Bad Request" },
        { 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
        { 422, "Unprocessable Entity" }, { 500, "Internal Server Error" },
    };
    const QByteArray r = reasons.value(status, "Unknown");
    return upper ? r.toUpper() : r;
}

// ============================================================================== Starlette

AppResult starletteApp(const ServerConfig& cfg, const ServerRequest& req, const QString& version)
{
    AppResult r;
    const QString path = pathOnly(req.path);
    auto json = [&](int status, const QByteArray& body) {
        r.status = status;
        r.body = body;
        r.headers.append("content-length", QByteArray::number(body.size()));
        r.headers.append("content-type", "application/json");
    };
    if (!cfg.routesKnown) {
        json(200, "{\"ok\":true}");
        r.note = QStringLiteral("route assumed to exist (the snippet declares no routes)");
        return r;
    }
    RouteMatch m = matchRoutes(cfg, path, req.method, false);
    if (m.forMethod) {
        switch (m.forMethod->behaviour) {
        case RouteInfo::Behaviour::Ok:
            json(200, "{\"ok\":true}");
            break;
        case RouteInfo::Behaviour::HttpError:
            json(m.forMethod->errorStatus > 0 ? m.forMethod->errorStatus : 400, "{\"detail\":\"error\"}");
            r.note = QStringLiteral("route raises HTTPException (handled inside CORSMiddleware)");
            break;
        case RouteInfo::Behaviour::Raises:
            r.status = 500;
            r.body = "Internal Server Error";
            r.headers.append("content-length", "21");
            r.headers.append("content-type", "text/plain; charset=utf-8");
            r.raised = true;
            r.note = QStringLiteral("route raises an unhandled exception: ServerErrorMiddleware answers 500 outside CORSMiddleware");
            break;
        }
        return r;
    }
    if (!m.atPath.isEmpty()) {
        QStringList allow;
        for (const RouteInfo* ri : m.atPath)
            allow << ri->methods;
        json(405, "{\"detail\":\"Method Not Allowed\"}");
        r.headers.append("allow", B(allow.join(L(", "))));
        r.note = QStringLiteral("route exists but not for %1").arg(S(req.method));
        return r;
    }
    bool redirectSlashes = cfg.redirectSlashes;
    if (cfg.redirectSlashesViaFastApiArgument && !Version::parse(version).atLeast(0, 27))
        redirectSlashes = true; // FastAPI < 0.98 takes redirect_slashes into **extra and ignores it
    if (redirectSlashes && path != L("/")) {
        const QString alt = path.endsWith(QLatin1Char('/')) ? path.chopped(1) : path + QLatin1Char('/');
        RouteMatch am = matchRoutes(cfg, alt, req.method, false);
        if (!am.atPath.isEmpty()) {
            r.status = 307;
            r.headers.append("content-length", "0");
            r.headers.append("location", B(req.scheme + L("://") + req.authority + alt + queryPart(req.path)));
            r.note = QStringLiteral("redirect_slashes: %1 is declared as %2").arg(path, alt);
            return r;
        }
    }
    json(404, "{\"detail\":\"Not Found\"}");
    r.note = QStringLiteral("no route for %1").arg(path);
    return r;
}

ServerResponse simulateStarlette(const ServerModel& model, const ServerRequest& req)
{
    const ServerConfig& cfg = model.config;
    const StarletteOptions& o = cfg.starlette;
    const Version ver = Version::parse(model.effectiveVersion());
    ServerResponse out;
    auto finish = [&](const AppResult& a) {
        out.head.status = a.status;
        out.head.reason = reasonPhrase(a.status, false);
        out.head.headers = a.headers;
        out.body = a.body;
        if (!a.note.isEmpty())
            out.note = a.note;
    };
    const auto origin = req.headers.value("origin");
    if (!cfg.middlewarePresent || !origin) {
        AppResult a = starletteApp(cfg, req, model.effectiveVersion());
        // Without CORSMiddleware a preflight is routed like any OPTIONS request.
        finish(a);
        if (!cfg.middlewarePresent)
            out.note = QStringLiteral("no CORSMiddleware: %1").arg(out.note.isEmpty() ? QStringLiteral("the app answers alone") : out.note);
        else
            out.note = QStringLiteral("no Origin header: CORSMiddleware passes the request through untouched");
        return out;
    }

    const bool allowAllOrigins = o.allowOrigins.contains(u"*");
    const bool allowAllHeaders = o.allowHeaders.contains(u"*");
    const bool explicitOrigin = !allowAllOrigins || o.allowCredentials;
    static const QStringList allMethods = { QStringLiteral("DELETE"), QStringLiteral("GET"), QStringLiteral("HEAD"),
        QStringLiteral("OPTIONS"), QStringLiteral("PATCH"), QStringLiteral("POST"), QStringLiteral("PUT") };
    const StringSequence methods = o.allowMethods.contains(u"*") ? StringSequence::of(allMethods) : o.allowMethods;
    auto originAllowed = [&](const QString& value) {
        if (allowAllOrigins)
            return true;
        if (o.allowOriginRegex) {
            // fullmatch since 0.13.1, match before.
            if (pyRegexMatch(*o.allowOriginRegex, value, ver.atLeast(0, 13, 1), false))
                return true;
        }
        return o.allowOrigins.contains(value);
    };
    const QString originText = S(*origin);

    const auto acrm = req.headers.value("access-control-request-method");
    if (req.method == "OPTIONS" && acrm) {
        // Preflight answered by the middleware itself.
        HeaderList h;
        if (explicitOrigin)
            h.append("vary", "Origin");
        else
            h.append("access-control-allow-origin", "*");
        h.append("access-control-allow-methods", B(methods.join(u", ")));
        h.append("access-control-max-age", QByteArray::number(o.maxAge));
        QSet<QString> union_ = { QStringLiteral("Accept"), QStringLiteral("Accept-Language"),
            QStringLiteral("Content-Language"), QStringLiteral("Content-Type") };
        if (o.allowHeaders.isString) {
            for (QChar c : o.allowHeaders.items.value(0))
                union_.insert(QString(c));
        } else {
            for (const QString& x : o.allowHeaders.items)
                union_.insert(x);
        }
        QStringList sortedHeaders = union_.values();
        std::sort(sortedHeaders.begin(), sortedHeaders.end());
        if (!sortedHeaders.isEmpty() && !allowAllHeaders)
            h.append("access-control-allow-headers", B(sortedHeaders.join(L(", "))));
        if (o.allowCredentials)
            h.append("access-control-allow-credentials", "true");
        QStringList lowerAllowed;
        for (const QString& x : sortedHeaders)
            lowerAllowed << x.toLower();

        QStringList failures;
        if (originAllowed(originText)) {
            if (explicitOrigin)
                setHeader(h, "access-control-allow-origin", *origin);
        } else {
            failures << QStringLiteral("origin");
        }
        if (!methods.contains(S(*acrm)))
            failures << QStringLiteral("method");
        const auto acrh = req.headers.value("access-control-request-headers");
        if (allowAllHeaders && acrh) {
            setHeader(h, "access-control-allow-headers", *acrh);
        } else if (acrh) {
            for (const QString& x : S(*acrh).toLower().split(QLatin1Char(','))) {
                if (!lowerAllowed.contains(x.trimmed())) {
                    failures << QStringLiteral("headers");
                    break;
                }
            }
        }
        if (ver.atLeast(0, 51)) {
            const auto pna = req.headers.value("access-control-request-private-network");
            if (pna) {
                if (o.allowPrivateNetwork)
                    h.append("access-control-allow-private-network", "true");
                else
                    failures << QStringLiteral("private-network");
            }
        }
        QByteArray body = "OK";
        int status = 200;
        if (!failures.isEmpty()) {
            status = 400;
            body = "Disallowed CORS " + B(failures.join(L(", ")));
        }
        h.append("content-length", QByteArray::number(body.size()));
        h.append("content-type", "text/plain; charset=utf-8");
        out.head.status = status;
        out.head.reason = reasonPhrase(status, false);
        out.head.headers = h;
        out.body = body;
        out.note = failures.isEmpty() ? QStringLiteral("preflight answered by CORSMiddleware")
                                      : QStringLiteral("preflight refused by CORSMiddleware: %1").arg(failures.join(L(", ")));
        return out;
    }

    AppResult a = starletteApp(cfg, req, model.effectiveVersion());
    finish(a);
    if (a.raised && cfg.placement != ServerConfig::Placement::Wrapped)
        return out; // ServerErrorMiddleware answered outside CORSMiddleware: no CORS headers.
    HeaderList& h = out.head.headers;
    if (allowAllOrigins)
        setHeader(h, "access-control-allow-origin", "*");
    if (o.allowCredentials)
        setHeader(h, "access-control-allow-credentials", "true");
    if (!o.exposeHeaders.isEmpty())
        setHeader(h, "access-control-expose-headers", B(o.exposeHeaders.join(u", ")));
    const bool hasCookie = req.headers.contains("cookie");
    const bool echoForWildcard = ver.atLeast(1, 0) ? o.allowCredentials : hasCookie;
    bool echo = false;
    if (allowAllOrigins && echoForWildcard)
        echo = true;
    else if (!allowAllOrigins && originAllowed(originText))
        echo = true;
    if (echo) {
        setHeader(h, "access-control-allow-origin", *origin);
        const auto vary = h.value("vary");
        setHeader(h, "vary", vary ? *vary + ", Origin" : QByteArray("Origin"));
    }
    return out;
}

// ============================================================================== aiohttp_cors

const AiohttpResourceOptions* chainLookup(const QList<const AiohttpCorsConfig*>& chain, const QString& origin)
{
    for (const AiohttpCorsConfig* c : chain) {
        for (const auto& [k, v] : c->origins) {
            if (k == origin)
                return &v;
        }
    }
    for (const AiohttpCorsConfig* c : chain) {
        for (const auto& [k, v] : c->origins) {
            if (k == L("*"))
                return &v;
        }
    }
    return nullptr;
}

ServerResponse simulateAiohttp(const ServerModel& model, const ServerRequest& req)
{
    const ServerConfig& cfg = model.config;
    ServerResponse out;
    const QString path = pathOnly(req.path);
    const auto origin = req.headers.value("origin");
    auto text = [&](int status, const QByteArray& body, const QByteArray& ctype = "text/plain; charset=utf-8") {
        out.head.status = status;
        out.head.reason = reasonPhrase(status, false);
        out.body = body;
        out.head.headers.append("Content-Type", ctype);
        out.head.headers.append("Content-Length", QByteArray::number(body.size()));
    };

    // Resource routes at this path.
    QList<RouteInfo> routes;
    if (cfg.routesKnown) {
        for (const RouteInfo& r : cfg.routes) {
            if (routeRegex(r.path).match(path).hasMatch())
                routes.append(r);
        }
    } else {
        RouteInfo r;
        r.path = path;
        QByteArray m = req.method;
        if (m == "OPTIONS")
            m = req.headers.value("access-control-request-method").value_or("GET");
        r.methods = { S(m).toUpper() };
        if (r.methods.first() != L("GET"))
            r.methods << QStringLiteral("GET");
        r.methods << QStringLiteral("HEAD");
        r.corsAdded = cfg.middlewarePresent;
        routes.append(r);
        out.note = QStringLiteral("route assumed to exist and to be passed to cors.add (the snippet declares no routes)");
    }
    if (routes.isEmpty()) {
        text(404, "404: Not Found");
        out.note = QStringLiteral("no resource for %1 (aiohttp_cors does not decorate 404s)").arg(path);
        return out;
    }
    bool corsEnabled = false;
    const AiohttpCorsConfig* resourceDefault = nullptr;
    QHash<QString, const AiohttpCorsConfig*> methodConfig;
    static const AiohttpCorsConfig empty;
    for (const RouteInfo& r : routes) {
        if (!r.corsAdded || !cfg.middlewarePresent)
            continue;
        corsEnabled = true;
        const AiohttpCorsConfig* c = r.corsConfig ? &*r.corsConfig : &empty;
        if (!resourceDefault)
            resourceDefault = c;
        for (const QString& m : r.methods) {
            if (!methodConfig.contains(m))
                methodConfig.insert(m, c);
        }
    }
    if (!resourceDefault)
        resourceDefault = &empty;
    QStringList allowed;
    for (const RouteInfo& r : routes)
        allowed << r.methods;
    if (corsEnabled)
        allowed << QStringLiteral("OPTIONS");

    if (req.method == "OPTIONS" && corsEnabled) {
        auto forbid = [&](const QByteArray& msg, const QString& note) {
            text(403, msg);
            out.note = note;
            return out;
        };
        if (!origin)
            return forbid("CORS preflight request failed: origin header is not specified in the request",
                QStringLiteral("aiohttp_cors preflight without Origin"));
        const auto acrm = req.headers.value("access-control-request-method");
        if (!acrm)
            return forbid("CORS preflight request failed: 'Access-Control-Request-Method' header is not specified",
                QStringLiteral("aiohttp_cors: OPTIONS without Access-Control-Request-Method"));
        const QString o = S(*origin);
        const QString m = S(*acrm);
        QList<const AiohttpCorsConfig*> chain = { resourceDefault, &cfg.aiohttpDefaults };
        const AiohttpResourceOptions* pre = chainLookup(chain, o);
        const AiohttpCorsConfig* routeConfig = nullptr;
        if (pre && pre->isMethodAllowed(m)) {
            routeConfig = methodConfig.value(m, &empty);
        } else {
            if (!methodConfig.contains(m)) {
                // Python: repr() of both strings.
                auto pyrepr = [](const QString& s) {
                    return s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"')) ? QLatin1Char('"') + s + QLatin1Char('"')
                                                                                            : QLatin1Char('\'') + s + QLatin1Char('\'');
                };
                return forbid("CORS preflight request failed: request method " + B(pyrepr(m)) + " is not allowed for "
                        + B(pyrepr(o)) + " origin",
                    QStringLiteral("aiohttp_cors: no route for %1 was passed to cors.add and allow_methods does not list it").arg(m));
            }
            routeConfig = methodConfig.value(m);
        }
        chain.prepend(routeConfig);
        bool anyConfig = false;
        for (const AiohttpCorsConfig* c : chain)
            anyConfig = anyConfig || !c->isEmpty();
        if (!anyConfig)
            return forbid("CORS preflight request failed: no origins are allowed", QStringLiteral("aiohttp_cors: empty configuration"));
        const AiohttpResourceOptions* opts = chainLookup(chain, o);
        if (!opts)
            return forbid("CORS preflight request failed: origin '" + *origin + "' is not allowed",
                QStringLiteral("aiohttp_cors: origin is not a key of the configuration (exact string compare)"));
        QStringList requested;
        if (const auto acrh = req.headers.value("access-control-request-headers")) {
            for (const QString& x : S(*acrh).split(QLatin1Char(','))) {
                QString t = x;
                while (!t.isEmpty() && (t.front() == QLatin1Char(' ') || t.front() == QLatin1Char('\t')))
                    t.remove(0, 1);
                while (!t.isEmpty() && (t.back() == QLatin1Char(' ') || t.back() == QLatin1Char('\t')))
                    t.chop(1);
                t = t.toUpper();
                if (!t.isEmpty() && !requested.contains(t))
                    requested << t;
            }
        }
        if (!opts->allowAllHeaders) {
            QStringList disallowed;
            for (const QString& x : requested) {
                if (!opts->allowHeaders.contains(x))
                    disallowed << x;
            }
            if (!disallowed.isEmpty())
                return forbid("CORS preflight request failed: headers are not allowed: " + B(disallowed.join(L(", "))),
                    QStringLiteral("aiohttp_cors: requested headers not in allow_headers (Content-Type is not implicit)"));
        }
        HeaderList& h = out.head.headers;
        h.append("Access-Control-Allow-Origin", *origin);
        if (opts->allowCredentials)
            h.append("Access-Control-Allow-Credentials", "true");
        if (opts->maxAge)
            h.append("Access-Control-Max-Age", QByteArray::number(*opts->maxAge));
        h.append("Access-Control-Allow-Methods", *acrm);
        if (!requested.isEmpty())
            h.append("Access-Control-Allow-Headers", B(requested.join(QLatin1Char(','))));
        h.append("Content-Length", "0");
        h.append("Content-Type", "application/octet-stream");
        out.head.status = 200;
        out.head.reason = "OK";
        out.note = QStringLiteral("preflight answered by aiohttp_cors");
        return out;
    }

    const RouteInfo* route = nullptr;
    for (const RouteInfo& r : routes) {
        if (r.methods.contains(S(req.method))) {
            route = &r;
            break;
        }
    }
    if (!route) {
        QStringList uniq;
        for (const QString& m : allowed) {
            if (!uniq.contains(m))
                uniq << m;
        }
        std::sort(uniq.begin(), uniq.end());
        out.head.headers.append("Allow", B(uniq.join(QLatin1Char(','))));
        text(405, "405: Method Not Allowed");
        out.note = corsEnabled ? QStringLiteral("no route for %1 on this resource (aiohttp answers 405 without CORS headers)").arg(S(req.method))
                               : QStringLiteral("route not passed to cors.add: aiohttp answers 405 without CORS headers");
        return out;
    }
    switch (route->behaviour) {
    case RouteInfo::Behaviour::Ok:
        text(200, "{\"ok\": true}", "application/json; charset=utf-8");
        break;
    case RouteInfo::Behaviour::HttpError: {
        const int st = route->errorStatus > 0 ? route->errorStatus : 403;
        text(st, QByteArray::number(st) + ": " + reasonPhrase(st, false));
        break;
    }
    case RouteInfo::Behaviour::Raises:
        text(500, "500 Internal Server Error\n\nServer got itself in trouble");
        out.head.headers.append("Connection", "close");
        break;
    }
    if (route->behaviour != RouteInfo::Behaviour::Raises
        && req.headers.value("connection").value_or(QByteArray()).toLower() == "close")
        out.head.headers.append("Connection", "close");
    if (!corsEnabled || !origin) {
        out.note = !corsEnabled ? QStringLiteral("route not passed to cors.add: no CORS headers")
                                : QStringLiteral("no Origin header: aiohttp_cors adds nothing");
        return out;
    }
    const AiohttpCorsConfig* mc = methodConfig.value(S(req.method), &empty);
    const QList<const AiohttpCorsConfig*> chain = { mc, resourceDefault, &cfg.aiohttpDefaults };
    const AiohttpResourceOptions* opts = chainLookup(chain, S(*origin));
    if (!opts) {
        out.note = QStringLiteral("origin is not a key of the aiohttp_cors configuration: response untouched");
        return out;
    }
    HeaderList& h = out.head.headers;
    if (opts->exposeAll) {
        static const QStringList simple = { QStringLiteral("cache-control"), QStringLiteral("content-language"),
            QStringLiteral("content-type"), QStringLiteral("expires"), QStringLiteral("last-modified"), QStringLiteral("pragma") };
        QStringList names;
        // Date and Server are already set when on_response_prepare runs (not modelled as headers here).
        HeaderList present = h;
        present.append("Date", {});
        present.append("Server", {});
        for (const http::Header& x : present) {
            if (!simple.contains(S(x.name).toLower()) && !names.contains(S(x.name)))
                names << S(x.name);
        }
        h.append("Access-Control-Expose-Headers", B(names.join(QLatin1Char(','))));
    } else if (!opts->exposeHeaders.isEmpty()) {
        QStringList uniq = opts->exposeHeaders;
        uniq.removeDuplicates();
        h.append("Access-Control-Expose-Headers", B(uniq.join(QLatin1Char(','))));
    }
    h.append("Access-Control-Allow-Origin", *origin);
    if (opts->allowCredentials)
        h.append("Access-Control-Allow-Credentials", "true");
    out.note = route->behaviour == RouteInfo::Behaviour::Ok ? QStringLiteral("actual response decorated by aiohttp_cors")
                                                            : QStringLiteral("error response, still decorated by aiohttp_cors (on_response_prepare)");
    return out;
}

// ============================================================================== flask-cors

struct FlaskOpts {
    QStringList origins; // after sanitize_regex_param
    QList<bool> originIsRegexObject;
    QString methods; // serialized
    bool methodsNone = false;
    QStringList allowHeaders;
    std::optional<QString> exposeHeaders;
    bool supportsCredentials = false;
    std::optional<QString> maxAge;
    bool sendWildcard = false;
    bool automaticOptions = true;
    bool varyHeader = true;
    bool interceptExceptions = true;
    bool alwaysSend = true;
    bool allowPrivateNetwork = false;
    QString error; // ValueError at startup
};

bool pyTruthy(const py::Value& v)
{
    switch (v.kind) {
    case K::None: return false;
    case K::Bool: return v.boolValue;
    case K::Int: return v.intValue != 0;
    case K::Float: return v.floatValue != 0;
    case K::Str: return !v.text.isEmpty();
    case K::List:
    case K::Tuple:
    case K::Set:
    case K::Dict: return !v.items.empty();
    default: return true;
    }
}

bool probablyRegex(const QString& s)
{
    static const QString chars = QStringLiteral("*\\]?$^[()");
    for (QChar c : s) {
        if (chars.contains(c))
            return true;
    }
    return false;
}

QString pyStr(const py::Value& v)
{
    switch (v.kind) {
    case K::Str: return v.text;
    case K::Int: return QString::number(v.intValue);
    case K::Bool: return v.boolValue ? QStringLiteral("True") : QStringLiteral("False");
    case K::None: return QStringLiteral("None");
    default: return v.repr();
    }
}

// ensure_iterable + re_fix
QStringList sanitizeRegexParam(const py::Value& v, QList<bool>* regexObjects = nullptr)
{
    QStringList out;
    auto add = [&](const py::Value& x) {
        QString s = pyStr(x);
        if (s == L("*"))
            s = QStringLiteral(".*");
        out << s;
        if (regexObjects)
            regexObjects->append(x.regex);
    };
    if (v.isSequence()) {
        for (const py::Value& x : v.items)
            add(x);
    } else {
        add(v);
    }
    return out;
}

std::optional<QString> flexibleStr(const py::Value& v)
{
    if (v.kind == K::None)
        return std::nullopt;
    if (v.isSequence()) {
        QStringList parts;
        for (const py::Value& x : v.items)
            parts << pyStr(x);
        std::sort(parts.begin(), parts.end());
        return parts.join(L(", "));
    }
    return pyStr(v);
}

FlaskOptionMap flaskDefaults(const Version& ver)
{
    auto str = [](const char* s) {
        py::Value v;
        v.kind = K::Str;
        v.text = QLatin1String(s);
        return v;
    };
    auto boolean = [](bool b) {
        py::Value v;
        v.kind = K::Bool;
        v.boolValue = b;
        return v;
    };
    py::Value none;
    none.kind = K::None;
    py::Value methods;
    methods.kind = K::List;
    for (const char* m : { "GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE" })
        methods.items.push_back(str(m));
    FlaskOptionMap d;
    d.insert(QStringLiteral("origins"), str("*"));
    d.insert(QStringLiteral("methods"), methods);
    d.insert(QStringLiteral("allow_headers"), str("*"));
    d.insert(QStringLiteral("expose_headers"), none);
    d.insert(QStringLiteral("supports_credentials"), boolean(false));
    d.insert(QStringLiteral("max_age"), none);
    d.insert(QStringLiteral("send_wildcard"), boolean(false));
    d.insert(QStringLiteral("automatic_options"), boolean(true));
    d.insert(QStringLiteral("vary_header"), boolean(true));
    d.insert(QStringLiteral("resources"), str("/*"));
    d.insert(QStringLiteral("intercept_exceptions"), boolean(true));
    d.insert(QStringLiteral("always_send"), boolean(true));
    // 4.0.2 added the option (default True); 5.0 flipped it to False.
    d.insert(QStringLiteral("allow_private_network"), boolean(ver.major == 4));
    return d;
}

FlaskOpts serializeFlask(const FlaskOptionMap& m)
{
    FlaskOpts o;
    o.origins = sanitizeRegexParam(m.value(QStringLiteral("origins")), &o.originIsRegexObject);
    o.allowHeaders = sanitizeRegexParam(m.value(QStringLiteral("allow_headers")));
    o.supportsCredentials = pyTruthy(m.value(QStringLiteral("supports_credentials")));
    o.sendWildcard = pyTruthy(m.value(QStringLiteral("send_wildcard")));
    if (o.origins.contains(L(".*")) && o.supportsCredentials && o.sendWildcard)
        o.error = QStringLiteral("ValueError: Cannot use supports_credentials in conjunction withan origin string of '*'. "
                                 "See: http://www.w3.org/TR/cors/#resource-requests");
    o.exposeHeaders = flexibleStr(m.value(QStringLiteral("expose_headers")));
    const auto methods = flexibleStr(m.value(QStringLiteral("methods")));
    o.methodsNone = !methods;
    o.methods = methods.value_or(QString()).toUpper();
    const py::Value ma = m.value(QStringLiteral("max_age"));
    if (pyTruthy(ma))
        o.maxAge = pyStr(ma);
    o.automaticOptions = pyTruthy(m.value(QStringLiteral("automatic_options")));
    o.varyHeader = pyTruthy(m.value(QStringLiteral("vary_header")));
    o.interceptExceptions = pyTruthy(m.value(QStringLiteral("intercept_exceptions")));
    o.alwaysSend = pyTruthy(m.value(QStringLiteral("always_send")));
    o.allowPrivateNetwork = pyTruthy(m.value(QStringLiteral("allow_private_network")));
    return o;
}

bool flaskTryMatch(const QString& value, const QString& pattern, bool caseSensitive, bool regexObject = false)
{
    if (regexObject)
        return pyRegexMatch(pattern, value, false, false);
    if (probablyRegex(pattern))
        return pyRegexMatch(pattern, value, false, !caseSensitive);
    return caseSensitive ? value == pattern : value.toCaseFolded() == pattern.toCaseFolded();
}

HeaderList flaskCorsHeaders(const FlaskOpts& o, const ServerRequest& req, const Version& ver)
{
    HeaderList h;
    const auto originHdr = req.headers.value("origin");
    const QString origin = originHdr ? S(*originHdr) : QString();
    const bool wildcard = o.origins.contains(L(".*"));
    QStringList toSet;
    bool any = false;
    if (!origin.isEmpty()) {
        if (wildcard && o.sendWildcard) {
            toSet = { QStringLiteral("*") };
            any = true;
        } else {
            for (qsizetype i = 0; i < o.origins.size(); ++i) {
                if (flaskTryMatch(origin, o.origins.at(i), false, o.originIsRegexObject.value(i))) {
                    toSet = { origin };
                    any = true;
                    break;
                }
            }
        }
    } else if (o.alwaysSend) {
        if (wildcard) {
            if (!o.supportsCredentials) {
                toSet = { QStringLiteral("*") };
                any = true;
            }
        } else {
            for (const QString& x : o.origins) {
                if (!probablyRegex(x))
                    toSet << x;
            }
            std::sort(toSet.begin(), toSet.end());
            any = !toSet.isEmpty();
        }
    }
    if (!any)
        return h;
    // werkzeug MultiDict.items() keeps only the first of several origins (always_send without Origin).
    h.append("Access-Control-Allow-Origin", B(toSet.first()));
    if (o.exposeHeaders && !o.exposeHeaders->isEmpty())
        h.append("Access-Control-Expose-Headers", B(*o.exposeHeaders));
    if (o.supportsCredentials)
        h.append("Access-Control-Allow-Credentials", "true");
    if (req.method == "OPTIONS") {
        const QString acrm = S(req.headers.value("access-control-request-method").value_or(QByteArray())).toUpper();
        if (!acrm.isEmpty() && !o.methodsNone && o.methods.contains(acrm)) {
            if (const auto acrh = req.headers.value("access-control-request-headers"); acrh && !acrh->isEmpty()) {
                QStringList matching;
                for (const QString& x : S(*acrh).split(QLatin1Char(','))) {
                    const QString t = x.trimmed();
                    for (const QString& p : o.allowHeaders) {
                        if (flaskTryMatch(t, p, false)) {
                            matching << t;
                            break;
                        }
                    }
                }
                std::sort(matching.begin(), matching.end());
                const QString joined = matching.join(L(", "));
                if (!joined.isEmpty())
                    h.append("Access-Control-Allow-Headers", B(joined));
            }
            if (o.maxAge)
                h.append("Access-Control-Max-Age", B(*o.maxAge));
            if (!o.methods.isEmpty())
                h.append("Access-Control-Allow-Methods", B(o.methods));
            if (ver.atLeast(3, 1, 1) && o.allowPrivateNetwork
                && req.headers.value("access-control-request-private-network").value_or(QByteArray()) == "true")
                h.append("Access-Control-Allow-Private-Network", "true");
        }
    }
    if (o.varyHeader && toSet.first() != L("*")) {
        bool anyRegex = false;
        for (const QString& x : o.origins)
            anyRegex = anyRegex || probablyRegex(x);
        if (o.origins.size() > 1 || toSet.size() > 1 || anyRegex)
            h.append("Vary", "Origin");
    }
    return h;
}

QList<QPair<QString, FlaskOptionMap>> flaskResources(const ServerConfig& cfg, QList<bool>* regexObjects)
{
    QList<QPair<QString, FlaskOptionMap>> res;
    if (cfg.flaskResources) {
        for (const FlaskResource& r : *cfg.flaskResources) {
            QString p = pyStr(r.pattern);
            if (p == L("*"))
                p = QStringLiteral(".*");
            res.append({ p, r.options });
            regexObjects->append(r.pattern.regex);
        }
        // Debian 3.0.10 / 6.x: literal paths before regexes, then by '/' count and length (descending).
        QList<int> idx;
        for (int i = 0; i < res.size(); ++i)
            idx << i;
        auto key = [&](int i) {
            const QString& p = res.at(i).first;
            const bool rxObj = regexObjects->at(i);
            const int a = rxObj || probablyRegex(p) ? 1 : 0;
            const int b = rxObj ? 0 : (probablyRegex(p) ? 1 : 0);
            return std::make_tuple(a, b, -int(p.count(QLatin1Char('/'))), -int(p.size()));
        };
        std::stable_sort(idx.begin(), idx.end(), [&](int x, int y) { return key(x) < key(y); });
        QList<QPair<QString, FlaskOptionMap>> sorted;
        QList<bool> sortedRx;
        for (int i : idx) {
            sorted << res.at(i);
            sortedRx << regexObjects->at(i);
        }
        *regexObjects = sortedRx;
        return sorted;
    }
    const py::Value rv = cfg.flaskKwargs.value(QStringLiteral("resources"));
    res.append({ QStringLiteral("/*"), {} });
    regexObjects->append(false);
    Q_UNUSED(rv);
    return res;
}

ServerResponse simulateFlask(const ServerModel& model, const ServerRequest& req)
{
    const ServerConfig& cfg = model.config;
    const Version ver = Version::parse(model.effectiveVersion());
    ServerResponse out;
    const QString path = pathOnly(req.path);
    auto html = [&](int status, const QByteArray& body) {
        out.head.status = status;
        out.head.reason = reasonPhrase(status, true);
        out.body = body;
        out.head.headers.append("Content-Type", "text/html; charset=utf-8");
        out.head.headers.append("Content-Length", QByteArray::number(body.size()));
    };
    // Routing (werkzeug): methods + automatic HEAD/OPTIONS; strict_slashes redirects.
    const RouteInfo* route = nullptr;
    QList<const RouteInfo*> atPath;
    RouteInfo assumed;
    if (cfg.routesKnown) {
        for (const RouteInfo& r : cfg.routes) {
            // strict_slashes=False: "/items/" also matches "/items"
            if (routeRegex(r.path).match(path).hasMatch()
                || (!r.strictSlashes && r.path.endsWith(QLatin1Char('/')) && routeRegex(r.path).match(path + QLatin1Char('/')).hasMatch()))
                atPath << &r;
        }
    } else {
        assumed.path = path;
        assumed.methods = { S(req.method).toUpper(), QStringLiteral("GET") };
        atPath << &assumed;
        out.note = QStringLiteral("route assumed to exist (the snippet declares no routes)");
    }
    auto methodsOf = [](const RouteInfo* r) {
        QStringList m = r->methods.isEmpty() ? QStringList { QStringLiteral("GET") } : r->methods;
        if (m.contains(L("GET")) && !m.contains(L("HEAD")))
            m << QStringLiteral("HEAD");
        if (!m.contains(L("OPTIONS")))
            m << QStringLiteral("OPTIONS");
        return m;
    };
    for (const RouteInfo* r : atPath) {
        if (methodsOf(r).contains(S(req.method))) {
            route = r;
            break;
        }
    }
    bool debugRaised = false;
    bool viewRan = false;
    if (atPath.isEmpty()) {
        // strict_slashes: a rule declared with a trailing slash redirects the slash-less path.
        const RouteInfo* redirectTo = nullptr;
        if (!path.endsWith(QLatin1Char('/'))) {
            for (const RouteInfo& r : cfg.routes) {
                if (r.strictSlashes && r.path.endsWith(QLatin1Char('/')) && routeRegex(r.path).match(path + QLatin1Char('/')).hasMatch()
                    && methodsOf(&r).contains(S(req.method))) {
                    redirectTo = &r;
                    break;
                }
            }
        }
        if (redirectTo) {
            const QByteArray loc = B(req.scheme + L("://") + req.authority + path + QLatin1Char('/') + queryPart(req.path));
            html(308, "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n");
            out.head.headers.append("Location", loc);
            out.note = QStringLiteral("werkzeug strict_slashes: %1 is declared as %1/ (308)").arg(path);
        } else {
            html(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n");
            out.note = QStringLiteral("no route for %1").arg(path);
        }
    } else if (!route) {
        QStringList allow;
        for (const RouteInfo* r : atPath)
            allow << methodsOf(r);
        allow.removeDuplicates();
        html(405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n");
        out.head.headers.append("Allow", B(allow.join(L(", "))));
        out.note = QStringLiteral("route exists but not for %1").arg(S(req.method));
    } else if (req.method == "OPTIONS" && !route->methods.contains(L("OPTIONS"))) {
        html(200, "");
        out.head.headers.append("Allow", B(methodsOf(route).join(L(", "))));
        out.note = QStringLiteral("Flask's automatic OPTIONS response");
    } else {
        viewRan = true;
        switch (route->behaviour) {
        case RouteInfo::Behaviour::Ok:
            out.head.status = 200;
            out.head.reason = "OK";
            out.body = "{\"ok\":true}\n";
            out.head.headers.append("Content-Type", "application/json");
            out.head.headers.append("Content-Length", QByteArray::number(out.body.size()));
            break;
        case RouteInfo::Behaviour::HttpError: {
            const int st = route->errorStatus > 0 ? route->errorStatus : 403;
            html(st, "<!doctype html>\n<html lang=en>\n<title>" + QByteArray::number(st) + "</title>\n");
            break;
        }
        case RouteInfo::Behaviour::Raises:
            if (cfg.flaskDebug) {
                html(500, "<!doctype html>\n<html lang=en>\n  <head>\n    <title>Werkzeug Debugger</title>\n");
                debugRaised = true;
                out.note = QStringLiteral("debug mode: the Werkzeug debugger answers the exception without CORS headers");
            } else {
                html(500, "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n");
                out.note = QStringLiteral("unhandled exception: 500, flask-cors still adds its headers (intercept_exceptions)");
            }
            break;
        }
    }
    if (debugRaised || !cfg.middlewarePresent) {
        if (!cfg.middlewarePresent)
            out.note = QStringLiteral("no flask-cors configuration: no CORS headers");
        return out;
    }
    const FlaskOptionMap defaults = flaskDefaults(ver);
    // @cross_origin on the matched view
    if (route && route->crossOrigin && (viewRan || req.method == "OPTIONS")) {
        FlaskOptionMap m = defaults;
        for (auto it = cfg.flaskAppConfig.begin(); it != cfg.flaskAppConfig.end(); ++it)
            m.insert(it.key(), it.value());
        for (auto it = route->crossOrigin->begin(); it != route->crossOrigin->end(); ++it)
            m.insert(it.key(), it.value());
        const FlaskOpts o = serializeFlask(m);
        if (!o.error.isEmpty()) {
            out = ServerResponse {};
            out.connectionDropped = true;
            out.head.networkError = QStringLiteral("connection refused");
            out.note = o.error;
            return out;
        }
        const HeaderList add = flaskCorsHeaders(o, req, ver);
        for (const http::Header& x : add)
            out.head.headers.append(x);
        if (!add.isEmpty() || !cfg.flaskExtension) {
            if (out.note.isEmpty())
                out.note = QStringLiteral("headers from @cross_origin");
            return out;
        }
    }
    if (!cfg.flaskExtension)
        return out;
    if (out.head.headers.contains("access-control-allow-origin"))
        return out;
    QList<bool> rx;
    const auto resources = flaskResources(cfg, &rx);
    // flask-cors matches resources against the unquoted path, case-sensitively (Debian 3.0.10, >= 6.0).
    const QString unquoted = QUrl::fromPercentEncoding(path.toUtf8());
    for (qsizetype i = 0; i < resources.size(); ++i) {
        if (!flaskTryMatch(unquoted, resources.at(i).first, true, rx.at(i)))
            continue;
        FlaskOptionMap m = defaults;
        for (auto it = cfg.flaskAppConfig.begin(); it != cfg.flaskAppConfig.end(); ++it)
            m.insert(it.key(), it.value());
        for (auto it = cfg.flaskKwargs.begin(); it != cfg.flaskKwargs.end(); ++it)
            m.insert(it.key(), it.value());
        for (auto it = resources.at(i).second.begin(); it != resources.at(i).second.end(); ++it)
            m.insert(it.key(), it.value());
        const FlaskOpts o = serializeFlask(m);
        if (!o.error.isEmpty()) {
            out = ServerResponse {};
            out.connectionDropped = true;
            out.head.networkError = QStringLiteral("connection refused");
            out.note = QStringLiteral("the app does not start: %1").arg(o.error);
            return out;
        }
        for (const http::Header& x : flaskCorsHeaders(o, req, ver))
            out.head.headers.append(x);
        return out;
    }
    if (out.note.isEmpty())
        out.note = QStringLiteral("no flask-cors resource pattern matches %1: no CORS headers").arg(path);
    return out;
}

// ============================================================================== django-cors-headers
//
// Django (DEBUG=False, function views, path() routes) with django-cors-headers. Default: Debian 12's
// 3.14.0 (on Django 3.2.25), checked live by tests/frameworks/differential_test.cpp. Upstream 4.x
// differences (adamchainz/django-cors-headers CHANGELOG), kept behind the version:
//   4.0.0 (#853)  header names are lower-case and `Vary: origin` (3.x: `Access-Control-*`, `Vary: Origin`);
//   4.0.0 (#851)  accept-encoding, dnt and origin dropped from the default CORS_ALLOW_HEADERS;
//   4.0.0 (#833)  CORS_ALLOW_PRIVATE_NETWORK (3.x ignores it), answered on any request;
//   4.0.0 (#536)  CORS_REPLACE_HTTPS_REFERER / CorsPostCsrfMiddleware removed (request-side only);
//   4.3.0 (#888)  Access-Control-Allow-Credentials only for allowed origins and after the ACAO
//                 (3.x sends it, before ACAO, for every request with an Origin on an enabled path).
// Unchanged: preflight answered 200 with an empty body, `*` only without credentials (else the
// origin is echoed), prefix `re.match` for regexes and CORS_URLS_REGEX, scheme+netloc comparison.
// Not modelled: receivers of the corsheaders.signals.check_request_enabled signal (code, not
// settings), CORS_REPLACE_HTTPS_REFERER (rewrites the request's Referer on HTTPS only), middleware
// other than CorsMiddleware, CommonMiddleware and CsrfViewMiddleware (assumed to pass requests
// through), CSRF token validation (a csrftoken cookie is assumed to come with a valid token).

/// Python's urllib.parse.urlsplit, the parts django-cors-headers compares.
struct PySplit {
    QString scheme; // lower-cased
    QString netloc; // as written
    bool valueError = false; // "Invalid IPv6 URL"
};

PySplit pyUrlSplit(const QString& url)
{
    PySplit out;
    QString rest = url;
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    if (colon > 0 && rest.at(0).isLetter() && rest.at(0).unicode() < 128) {
        bool ok = true;
        for (qsizetype i = 0; i < colon && ok; ++i) {
            const QChar c = rest.at(i);
            ok = c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('.'));
        }
        if (ok) {
            out.scheme = rest.left(colon).toLower();
            rest = rest.mid(colon + 1);
        }
    }
    if (rest.startsWith(L("//"))) {
        qsizetype end = rest.size();
        for (const char d : { '/', '?', '#' }) {
            const qsizetype i = rest.indexOf(QLatin1Char(d), 2);
            if (i >= 0 && i < end)
                end = i;
        }
        out.netloc = rest.mid(2, end - 2);
        const bool open = out.netloc.contains(QLatin1Char('[')), close = out.netloc.contains(QLatin1Char(']'));
        out.valueError = open != close;
    }
    return out;
}

/// Python `", ".join(x)` of a setting value: a str joins its characters.
QString pyJoin(const py::Value& v)
{
    QStringList parts;
    if (v.kind == K::Str) {
        for (QChar c : v.text)
            parts << QString(c);
    } else {
        for (const py::Value& x : v.items)
            parts << pyStr(x);
    }
    return parts.join(L(", "));
}

py::Value emptyTuple()
{
    py::Value v;
    v.kind = K::Tuple;
    return v;
}

qsizetype pyLen(const py::Value& v) { return v.kind == K::Str ? v.text.size() : qsizetype(v.items.size()); }

/// Python `needle in haystack` for a setting value (substring test on a str).
bool pyIn(const QString& needle, const py::Value& haystack)
{
    if (haystack.kind == K::Str)
        return haystack.text.contains(needle);
    for (const py::Value& x : haystack.items) {
        if (x.kind == K::Str && x.text == needle)
            return true;
    }
    return false;
}

/// Compiled patterns per thread, bounded: a model run resolves the same few patterns many times.
const QRegularExpression& cachedRegex(const QString& pattern)
{
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.constFind(pattern);
    if (it != cache.cend())
        return *it;
    if (cache.size() > 512)
        cache.clear();
    return *cache.insert(pattern, QRegularExpression(pattern));
}

/// Python `re.match(pattern, value)` (a prefix match, case-sensitive), cached.
bool djangoReMatch(const QString& pattern, const QString& value)
{
    const QRegularExpression& rx = cachedRegex(QStringLiteral("\\A(?:%1)").arg(pattern));
    return rx.isValid() && rx.match(value).hasMatch();
}

/// Django's path() route to a regex: "<int:pk>" -> [0-9]+, "<path:p>" -> .+, "<x>"/"<str:x>" -> [^/]+.
const QRegularExpression& djangoRouteRegex(const QString& route)
{
    QString rx = QStringLiteral("\\A");
    for (qsizetype i = 0; i < route.size();) {
        if (route.at(i) == QLatin1Char('<')) {
            const qsizetype e = route.indexOf(QLatin1Char('>'), i);
            if (e > i) {
                const QString inner = route.mid(i + 1, e - i - 1);
                const QString conv = inner.contains(QLatin1Char(':')) ? inner.section(QLatin1Char(':'), 0, 0) : QStringLiteral("str");
                if (conv == L("int"))
                    rx += QStringLiteral("[0-9]+");
                else if (conv == L("path"))
                    rx += QStringLiteral(".+");
                else if (conv == L("slug"))
                    rx += QStringLiteral("[-a-zA-Z0-9_]+");
                else if (conv == L("uuid"))
                    rx += QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                else
                    rx += QStringLiteral("[^/]+");
                i = e + 1;
                continue;
            }
        }
        rx += QRegularExpression::escape(QString(route.at(i)));
        ++i;
    }
    return cachedRegex(rx + QStringLiteral("\\z"));
}

const RouteInfo* djangoResolve(const ServerConfig& cfg, const QString& pathInfo)
{
    for (const RouteInfo& r : cfg.routes) {
        if (djangoRouteRegex(r.path).match(pathInfo).hasMatch())
            return &r;
    }
    return nullptr;
}

/// The view (or Django's 404/405/500 handling) for a request that CorsMiddleware did not answer.
AppResult djangoView(const ServerConfig& cfg, const QByteArray& method, const QString& pathInfo)
{
    AppResult r;
    auto html = [&](int status, const QByteArray& body) {
        r.status = status;
        r.body = body;
        r.headers.append("Content-Type", "text/html");
    };
    if (!cfg.routesKnown) {
        r.body = "{\"ok\": true}";
        r.headers.append("Content-Type", "application/json");
        r.note = QStringLiteral("view response (the snippet declares no urlpatterns: route assumed)");
        return r;
    }
    const RouteInfo* route = djangoResolve(cfg, pathInfo);
    if (!route) {
        html(404, "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n");
        r.note = QStringLiteral("no URL pattern matches %1: 404").arg(pathInfo);
        return r;
    }
    if (!route->methods.isEmpty() && !route->methods.contains(S(method))) {
        r.status = 405;
        r.headers.append("Content-Type", "text/html; charset=utf-8");
        r.headers.append("Allow", B(route->methods.join(L(", "))));
        r.note = QStringLiteral("@require_http_methods: %1 not allowed (405)").arg(S(method));
        return r;
    }
    switch (route->behaviour) {
    case RouteInfo::Behaviour::Ok:
        r.body = "{\"ok\": true}";
        r.headers.append("Content-Type", "application/json");
        r.note = QStringLiteral("view %1").arg(route->handler);
        break;
    case RouteInfo::Behaviour::HttpError:
        r.status = route->errorStatus > 0 ? route->errorStatus : 400;
        r.headers.append("Content-Type", "text/html; charset=utf-8");
        r.note = QStringLiteral("view %1 answers %2 (still passes through every middleware)").arg(route->handler).arg(r.status);
        break;
    case RouteInfo::Behaviour::Raises:
        html(500, "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)</title>\n");
        r.raised = true;
        r.note = QStringLiteral("view %1 raises: Django turns it into a 500 inside the middleware chain, so CorsMiddleware "
                                "still adds its headers")
                     .arg(route->handler);
        break;
    }
    return r;
}

ServerResponse simulateDjango(const ServerModel& model, const ServerRequest& req)
{
    const ServerConfig& cfg = model.config;
    const Version ver = Version::parse(model.effectiveVersion());
    const bool v4 = ver.atLeast(4, 0);
    ServerResponse out;
    const auto& s = cfg.djangoSettings;
    // "NAME@4": the setting read with 4.x's corsheaders.defaults (see readDjango).
    auto lookup = [&](const char* name) -> std::optional<py::Value> {
        const QString key = QLatin1String(name);
        if (v4 && s.contains(key + QStringLiteral("@4")))
            return s.value(key + QStringLiteral("@4"));
        if (s.contains(key))
            return s.value(key);
        return std::nullopt;
    };
    auto setting = [&](const char* name, const char* old = nullptr) -> std::optional<py::Value> {
        if (auto v = lookup(name))
            return v;
        return old ? lookup(old) : std::nullopt;
    };
    auto truthy = [&](const char* name, const char* old = nullptr) {
        const auto v = setting(name, old);
        return v && pyTruthy(*v);
    };
    // Django decodes PATH_INFO; CORS_URLS_REGEX and the URL patterns see the decoded path.
    const QString pathInfo = QUrl::fromPercentEncoding(pathOnly(req.path).toUtf8());
    const QByteArray method = req.method.toUpper(); // WSGIRequest upper-cases REQUEST_METHOD

    // MIDDLEWARE order: CorsMiddleware and CommonMiddleware (APPEND_SLASH) are the ones that matter.
    static const QString corsName = QStringLiteral("corsheaders.middleware.CorsMiddleware");
    static const QString commonName = QStringLiteral("django.middleware.common.CommonMiddleware");
    qsizetype corsIndex = -1, commonIndex = -1;
    if (const auto mw = setting("MIDDLEWARE")) {
        for (size_t i = 0; i < mw->items.size(); ++i) {
            const QString name = pyStr(mw->items[i]);
            if (name == corsName && corsIndex < 0)
                corsIndex = qsizetype(i);
            else if (name == commonName && commonIndex < 0)
                commonIndex = qsizetype(i);
        }
        if (cfg.middlewarePresent && corsIndex < 0)
            corsIndex = -2; // added outside the literal: assumed outermost
    } else if (cfg.middlewarePresent) {
        corsIndex = 0; // a settings fragment: the documented [CorsMiddleware, CommonMiddleware, ...]
        commonIndex = 1;
    }
    const bool corsInstalled = cfg.middlewarePresent && corsIndex != -1;
    const bool commonOutside = corsInstalled && commonIndex >= 0 && commonIndex < corsIndex && corsIndex >= 0;

    const QString urlsRegex = setting("CORS_URLS_REGEX") ? pyStr(*setting("CORS_URLS_REGEX")) : QStringLiteral("^.*$");
    const bool enabled = corsInstalled && djangoReMatch(urlsRegex, pathInfo);
    const auto originHdr = req.headers.value("origin");
    const bool preflight = method == "OPTIONS" && req.headers.contains("access-control-request-method");

    // CsrfViewMiddleware.process_view rejects unsafe methods without a CSRF cookie with a 403 before
    // the view runs (Django 3.2 checks no Origin header; @csrf_exempt views are skipped). Only with
    // known routes: whether an unknown view is exempt (DRF's APIView is) cannot be told.
    static const QString csrfName = QStringLiteral("django.middleware.csrf.CsrfViewMiddleware");
    const bool csrfInstalled = setting("MIDDLEWARE") && pyIn(csrfName, *setting("MIDDLEWARE"));
    // CommonMiddleware.process_request (Django 3.2) redirects to the slash URL before the view, for
    // every method, when only the path with a slash resolves (APPEND_SLASH, default True).
    const bool appendSlash = setting("APPEND_SLASH") ? pyTruthy(*setting("APPEND_SLASH")) : true;
    const bool slashRedirect = commonIndex >= 0 && appendSlash && cfg.routesKnown && !pathInfo.endsWith(QLatin1Char('/'))
        && !djangoResolve(cfg, pathInfo) && djangoResolve(cfg, pathInfo + QLatin1Char('/'));
    AppResult app;
    bool corsRuns = enabled;
    if (enabled && preflight && !(slashRedirect && commonOutside)) {
        app.headers.append("Content-Type", "text/html; charset=utf-8");
        app.headers.append(v4 ? "content-length" : "Content-Length", "0");
        app.note = QStringLiteral("preflight answered 200 by CorsMiddleware.process_request (before any view)");
    } else if (slashRedirect) {
        app.status = 301;
        app.headers.append("Content-Type", "text/html; charset=utf-8");
        app.headers.append("Location", B(pathOnly(req.path) + QLatin1Char('/') + queryPart(req.path)));
        app.note = QStringLiteral("CommonMiddleware (APPEND_SLASH): 301 to %1/").arg(pathInfo);
        if (commonOutside) {
            corsRuns = false;
            app.note += QStringLiteral(", answered before CorsMiddleware runs (CommonMiddleware is listed first): no CORS headers");
        }
    } else {
        const RouteInfo* route = cfg.routesKnown ? djangoResolve(cfg, pathInfo) : nullptr;
        static const QList<QByteArray> safe = { "GET", "HEAD", "OPTIONS", "TRACE" };
        const bool csrfCookie = req.headers.value("cookie").value_or(QByteArray()).contains("csrftoken=");
        if (csrfInstalled && route && !route->csrfExempt && !safe.contains(method) && !csrfCookie) {
            app.status = 403;
            app.headers.append("Content-Type", "text/html");
            app.note = QStringLiteral("CsrfViewMiddleware: %1 without a CSRF cookie is refused with 403 before the view "
                                      "(CORS headers still added)")
                           .arg(S(method));
        } else {
            app = djangoView(cfg, method, pathInfo);
            if (csrfInstalled && !cfg.routesKnown && !safe.contains(method))
                app.note += QStringLiteral("; CsrfViewMiddleware would answer 403 unless the view is @csrf_exempt (views unknown)");
        }
    }
    out.head.status = app.status;
    out.head.reason = reasonPhrase(app.status, false);
    out.head.headers = app.headers;
    out.body = app.body;
    out.note = app.note;
    if (!corsInstalled) {
        out.note = QStringLiteral("CorsMiddleware not in MIDDLEWARE: no CORS headers; ") + out.note;
        return out;
    }
    if (!enabled) {
        out.note = QStringLiteral("path does not match CORS_URLS_REGEX: no CORS headers; ") + out.note;
        return out;
    }
    if (!corsRuns)
        return out;

    HeaderList& h = out.head.headers;
    auto set = [&](const char* title, const QByteArray& value) {
        const QByteArray name = v4 ? QByteArray(title).toLower() : QByteArray(title);
        setHeader(h, name, value);
    };
    // patch_vary_headers(response, ("Origin",)) ("origin" since 4.0)
    {
        const QByteArray add = v4 ? "origin" : "Origin";
        const auto existing = h.value("vary");
        QStringList parts;
        if (existing && !existing->isEmpty()) {
            for (const QString& p : S(*existing).split(QRegularExpression(QStringLiteral("\\s*,\\s*"))))
                parts << p;
        }
        bool present = false;
        for (const QString& p : parts)
            present = present || p.compare(L("origin"), Qt::CaseInsensitive) == 0;
        if (!present)
            parts << S(add);
        setHeader(h, "Vary", parts.contains(L("*")) ? QByteArray("*") : B(parts.join(L(", "))));
    }
    if (!originHdr || originHdr->isEmpty()) {
        out.note += QStringLiteral("; no Origin: only Vary");
        return out;
    }
    const QString origin = S(*originHdr);
    const PySplit url = pyUrlSplit(origin);
    if (url.valueError) {
        out.note += QStringLiteral("; urlsplit() rejects the Origin: only Vary");
        return out;
    }
    const bool allowAll = truthy("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL");
    const bool creds = truthy("CORS_ALLOW_CREDENTIALS");
    if (creds && !ver.atLeast(4, 3))
        set("Access-Control-Allow-Credentials", "true"); // before the origin check until 4.3.0
    bool allowed = allowAll;
    if (!allowed) {
        const py::Value origins = setting("CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST").value_or(emptyTuple());
        if (origin == L("null") && pyIn(origin, origins))
            allowed = true;
        const auto each = [&](const py::Value& v, auto&& fn) {
            if (v.kind == K::Str) {
                for (QChar c : v.text)
                    fn(QString(c));
            } else {
                for (const py::Value& x : v.items)
                    fn(pyStr(x));
            }
        };
        bool crashed = false;
        if (!allowed) {
            // _url_in_whitelist splits every configured origin: one urlsplit() ValueError is an
            // exception in process_response, which Django turns into a fresh 500 (no CORS headers).
            each(origins, [&](const QString& o) {
                const PySplit c = pyUrlSplit(o);
                crashed = crashed || c.valueError;
                allowed = allowed || (c.scheme == url.scheme && c.netloc == url.netloc);
            });
        }
        if (crashed) {
            out.head.status = 500;
            out.head.reason = reasonPhrase(500, false);
            out.head.headers = { { "Content-Type", "text/html" } };
            out.body = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)</title>\n";
            out.note = QStringLiteral("a configured origin makes urlsplit() raise ValueError inside CorsMiddleware: 500 without CORS headers");
            return out;
        }
        each(setting("CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST").value_or(emptyTuple()),
            [&](const QString& rx) { allowed = allowed || djangoReMatch(rx, origin); });
    }
    if (!allowed) {
        out.note += QStringLiteral("; origin %1 not allowed: no Access-Control-Allow-Origin").arg(origin);
        return out;
    }
    set("Access-Control-Allow-Origin", allowAll && !creds ? QByteArray("*") : *originHdr);
    if (creds && ver.atLeast(4, 3))
        set("Access-Control-Allow-Credentials", "true");
    if (const auto expose = setting("CORS_EXPOSE_HEADERS"); expose && pyLen(*expose) > 0)
        set("Access-Control-Expose-Headers", B(pyJoin(*expose)));
    if (method == "OPTIONS") {
        static const QStringList headers3 = { QStringLiteral("accept"), QStringLiteral("accept-encoding"), QStringLiteral("authorization"),
            QStringLiteral("content-type"), QStringLiteral("dnt"), QStringLiteral("origin"), QStringLiteral("user-agent"),
            QStringLiteral("x-csrftoken"), QStringLiteral("x-requested-with") };
        static const QStringList headers4 = { QStringLiteral("accept"), QStringLiteral("authorization"), QStringLiteral("content-type"),
            QStringLiteral("user-agent"), QStringLiteral("x-csrftoken"), QStringLiteral("x-requested-with") };
        static const QStringList methods = { QStringLiteral("DELETE"), QStringLiteral("GET"), QStringLiteral("OPTIONS"),
            QStringLiteral("PATCH"), QStringLiteral("POST"), QStringLiteral("PUT") };
        const auto ah = setting("CORS_ALLOW_HEADERS");
        set("Access-Control-Allow-Headers", B(ah ? pyJoin(*ah) : (v4 ? headers4 : headers3).join(L(", "))));
        const auto am = setting("CORS_ALLOW_METHODS");
        set("Access-Control-Allow-Methods", B(am ? pyJoin(*am) : methods.join(L(", "))));
        const auto maxAge = setting("CORS_PREFLIGHT_MAX_AGE");
        if (!maxAge)
            set("Access-Control-Max-Age", "86400");
        else if (pyTruthy(*maxAge))
            set("Access-Control-Max-Age", B(pyStr(*maxAge)));
    }
    if (truthy("CORS_ALLOW_PRIVATE_NETWORK")) {
        if (v4 && req.headers.value("access-control-request-private-network").value_or(QByteArray()) == "true")
            set("Access-Control-Allow-Private-Network", "true");
        else if (!v4)
            out.note += QStringLiteral("; CORS_ALLOW_PRIVATE_NETWORK needs django-cors-headers >= 4.0 (ignored by %1)").arg(model.effectiveVersion());
    }
    if (out.note.isEmpty() || !out.note.contains(L("CORS")))
        out.note += QStringLiteral("; CORS headers added by CorsMiddleware");
    return out;
}

} // namespace

// ============================================================================== public API

ServerModel ServerModel::fromConfig(ServerConfig config, QString version)
{
    ServerModel m;
    m.config = std::move(config);
    m.version = std::move(version);
    return m;
}

QString ServerModel::effectiveVersion() const
{
    if (!version.isEmpty())
        return version;
    switch (config.framework) {
    case Framework::FastApi: return QStringLiteral("0.26.1");
    case Framework::Aiohttp: return QStringLiteral("0.7.0");
    case Framework::Flask: return QStringLiteral("3.0.10");
    case Framework::Django: return QStringLiteral("3.14.0");
    case Framework::Unknown: break;
    }
    return QStringLiteral("0");
}

bool isCorsResponseHeader(QByteArrayView name)
{
    const QByteArray n = name.toByteArray().toLower();
    return n.startsWith("access-control-") || n == "vary";
}

ServerResponse simulateRequest(const ServerModel& model, const ServerRequest& request)
{
    if (!model.config.startupError.isEmpty()) {
        ServerResponse r;
        r.connectionDropped = true;
        r.head.networkError = QStringLiteral("connection refused");
        r.note = QStringLiteral("the app does not start: %1").arg(model.config.startupError);
        return r;
    }
    switch (model.config.framework) {
    case Framework::FastApi: return simulateStarlette(model, request);
    case Framework::Aiohttp: return simulateAiohttp(model, request);
    case Framework::Flask: return simulateFlask(model, request);
    case Framework::Django: return simulateDjango(model, request);
    case Framework::Unknown: break;
    }
    ServerResponse r;
    r.head.status = 200;
    r.head.reason = "OK";
    r.note = QStringLiteral("unknown framework: a server without CORS support is assumed");
    return r;
}

ServerRequest toServerRequest(const http::HttpRequestHead& head)
{
    ServerRequest r;
    r.method = head.method;
    r.path = head.url.path(QUrl::FullyEncoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    if (head.url.hasQuery())
        r.path += QLatin1Char('?') + head.url.query(QUrl::FullyEncoded);
    r.headers = head.headers;
    r.scheme = head.url.scheme().isEmpty() ? QStringLiteral("http") : head.url.scheme();
    r.authority = head.url.authority(QUrl::FullyEncoded);
    return r;
}

http::Exchange simulateExchange(const ServerModel& model, const http::Exchange& intent, const SimulationOptions& options)
{
    http::Exchange ex = intent;
    ex.preflight.reset();
    ex.actual.clear();
    const cors::PreflightPlan plan = cors::CorsEngine::planPreflight(intent);
    const http::Origin target = http::Origin::fromUrl(intent.request.url);
    const auto page = http::Origin::parse(intent.pageOrigin);
    const bool sameOrigin = page && !page->isOpaque() && page->isSameOrigin(target);
    const bool cors = intent.request.mode == http::RequestMode::Cors && !sameOrigin;

    bool sendCookie = false;
    if (options.sendCookie) {
        sendCookie = *options.sendCookie;
    } else {
        for (const http::Hop& hop : intent.actual) {
            if (hop.request && hop.request->headers.contains("cookie"))
                sendCookie = true;
        }
    }
    const bool credentialsSent = intent.request.credentials == http::CredentialsMode::Include
        || (intent.request.credentials == http::CredentialsMode::SameOrigin && sameOrigin);

    if (cors && plan.required) {
        http::Preflight pf;
        pf.request = plan.request;
        pf.response = simulateRequest(model, toServerRequest(plan.request)).head;
        ex.preflight = pf;
        const cors::Verdict v = cors::CorsEngine().evaluate(ex);
        if (v.error) {
            for (const cors::Check& c : v.checks) {
                if (c.reported && c.stage == cors::Stage::Preflight)
                    return ex; // the browser stops here
            }
        }
    }

    http::HttpRequestHead req;
    req.method = intent.request.method;
    const QByteArray upper = intent.request.method.toUpper();
    if (upper == "DELETE" || upper == "GET" || upper == "HEAD" || upper == "OPTIONS" || upper == "POST" || upper == "PUT")
        req.method = upper;
    req.url = intent.request.url;
    QByteArray host = intent.request.url.host(QUrl::FullyEncoded).toUtf8();
    if (intent.request.url.port() != -1)
        host += ':' + QByteArray::number(intent.request.url.port());
    req.headers.append("Host", host);
    for (const http::Header& h : intent.request.headers)
        req.headers.append(h);
    if (cors || (req.method != "GET" && req.method != "HEAD"))
        req.headers.append("Origin", intent.pageOrigin.toUtf8());
    if (credentialsSent && sendCookie)
        req.headers.append("Cookie", "session=simulated");

    QByteArray originValue = intent.pageOrigin.toUtf8();
    for (int hop = 0; hop < 6; ++hop) {
        http::Hop h;
        h.request = req;
        const ServerResponse resp = simulateRequest(model, toServerRequest(req));
        h.response = resp.head;
        ex.actual.append(h);
        if (!resp.head.isRedirect() || intent.request.redirect != http::RedirectMode::Follow)
            break;
        const QUrl next = req.url.resolved(QUrl(QString::fromUtf8(*resp.head.headers.value("location"))));
        if (!http::Origin::fromUrl(next).isSameOrigin(http::Origin::fromUrl(req.url)))
            originValue = "null";
        http::HttpRequestHead nr;
        nr.method = req.method;
        if ((resp.head.status == 303 && req.method != "HEAD") || ((resp.head.status == 301 || resp.head.status == 302) && req.method == "POST"))
            nr.method = "GET";
        nr.url = next;
        for (const http::Header& x : req.headers) {
            if (http::headerNameEquals(x.name, "origin"))
                nr.headers.append(x.name, originValue);
            else if (http::headerNameEquals(x.name, "host"))
                nr.headers.append(x.name, next.authority(QUrl::FullyEncoded).toUtf8());
            else
                nr.headers.append(x);
        }
        req = nr;
    }
    return ex;
}

} // namespace corsbench::frameworks
