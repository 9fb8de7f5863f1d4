// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/frameworks/framework.h"
#include "core/frameworks/python_source.h"
#include "core/support/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Reads server CORS configuration out of pasted Python (FastAPI/Starlette, aiohttp_cors,
/// Flask-CORS, django-cors-headers settings) without running it.
namespace corsbench::frameworks {

/// A Python value that is either a sequence of strings or a plain string; Starlette and
/// flask-cors treat a plain string differently (`origin in "http://a"` is a substring test).
struct StringSequence {
    QStringList items;
    bool isString = false; // the user passed a str, not a list: items holds it once
    bool contains(QStringView value) const; // Python `in`
    QString join(QStringView sep) const; // Python `sep.join(x)` (a str joins its characters)
    bool isEmpty() const { return items.isEmpty() || (isString && items.first().isEmpty()); }
    static StringSequence of(QStringList list) { return { std::move(list), false }; }
};

/// One keyword argument (or Django setting) as written, with where it is.
struct ConfigArgument {
    QString name; // "allow_origins", "CORS_ALLOWED_ORIGINS", "defaults"
    py::Value expression; // as written
    py::Value value; // evaluated
    py::SourceSpan span; // `name=value` (Django: the whole assignment)
    py::SourceSpan valueSpan; // where the value literal is written (may be an earlier binding)
    int line = 0;
    bool understood = true;
    bool environmentDependent = false;
};

/// Something in the snippet that matters but could not be evaluated; never guessed at.
struct ConfigIssue {
    int line = 0;
    QString message;
    QString excerpt;
};

struct StarletteOptions {
    StringSequence allowOrigins;
    StringSequence allowMethods = StringSequence::of({ QStringLiteral("GET") });
    StringSequence allowHeaders;
    bool allowCredentials = false;
    std::optional<QString> allowOriginRegex;
    StringSequence exposeHeaders;
    int maxAge = 600;
    bool allowPrivateNetwork = false; // Starlette >= 0.51
};

/// aiohttp_cors.ResourceOptions after its own normalisation.
struct AiohttpResourceOptions {
    bool allowCredentials = false;
    bool exposeAll = false;
    QStringList exposeHeaders;
    bool allowAllHeaders = false;
    QStringList allowHeaders; // upper-cased
    std::optional<qint64> maxAge;
    enum class Methods { None, All, Listed } methods = Methods::None;
    QStringList allowMethods; // upper-cased
    bool isMethodAllowed(QStringView method) const;
};

/// An aiohttp_cors config mapping: origin key (exact string or "*") -> options, in order.
struct AiohttpCorsConfig {
    QList<QPair<QString, AiohttpResourceOptions>> origins;
    const AiohttpResourceOptions* lookup(QStringView origin) const; // config.get(origin, config.get("*"))
    bool isEmpty() const { return origins.isEmpty(); }
};

/// flask-cors options by name ("origins", "methods", ...), values evaluated; merged
/// DEFAULT_OPTIONS <- app.config CORS_* <- CORS(...) kwargs <- resource dict at model time.
using FlaskOptionMap = QHash<QString, py::Value>;

struct FlaskResource {
    py::Value pattern; // str or re.compile
    FlaskOptionMap options;
};

struct RouteInfo {
    QString path; // as declared: "/api/items/{item_id}", "/api/<int:id>"
    QStringList methods; // upper-case; empty = framework default
    QString handler;
    int line = 0;
    enum class Behaviour { Ok, Raises, HttpError };
    Behaviour behaviour = Behaviour::Ok;
    int errorStatus = 0; // HttpError
    bool corsAdded = false; // aiohttp: passed to cors.add
    std::optional<AiohttpCorsConfig> corsConfig; // aiohttp: cors.add(route, {...})
    std::optional<FlaskOptionMap> crossOrigin; // Flask: @cross_origin(...)
    bool strictSlashes = true; // Flask
    bool csrfExempt = false; // Django: @csrf_exempt
};

struct ServerConfig {
    Framework framework = Framework::Unknown;
    QString source;
    /// FastAPI: CORSMiddleware added; aiohttp: aiohttp_cors.setup called; Flask: CORS()/cross_origin
    /// used; Django: corsheaders in MIDDLEWARE or CORS_* settings present.
    bool middlewarePresent = false;
    py::SourceSpan middlewareSpan; // the add_middleware / setup / CORS call or first setting
    int middlewareLine = 0;
    enum class Placement { None, AddMiddleware, MiddlewareParameter, Wrapped };
    Placement placement = Placement::None;

    StarletteOptions starlette;
    bool redirectSlashes = true; // FastAPI(redirect_slashes=...), app.router.redirect_slashes = ...
    /// Set through FastAPI(redirect_slashes=...), which FastAPI < 0.98 (Starlette < 0.27) ignores.
    bool redirectSlashesViaFastApiArgument = false;

    AiohttpCorsConfig aiohttpDefaults;

    FlaskOptionMap flaskKwargs; // CORS(app, ...) kwargs except resources
    FlaskOptionMap flaskAppConfig; // app.config["CORS_*"] as option names
    std::optional<QList<FlaskResource>> flaskResources; // CORS(app, resources=...)
    bool flaskExtension = false; // CORS(app) (vs only @cross_origin)
    bool flaskDebug = false; // app.run(debug=True)

    /// Django: CORS_* settings as evaluated, MIDDLEWARE (a literal list) and APPEND_SLASH; "NAME@4" is
    /// NAME read with django-cors-headers 4.x's corsheaders.defaults when it differs from the 3.x reading.
    QHash<QString, py::Value> djangoSettings;

    QList<RouteInfo> routes;
    bool routesKnown = false; // false: any path is assumed to exist for any method
    /// The app cannot start with this configuration (e.g. aiohttp_cors' ValueError for a '*' route).
    QString startupError;
    QList<ConfigArgument> arguments;
    QList<ConfigIssue> issues;
    QStringList notes;
    bool environmentDependent = false;
    /// The snippet is a whole application module (imports + app object), not a fragment.
    bool completeModule = false;
    QString appName = QStringLiteral("app");
};

/// Parses a snippet. `hint` forces the framework (Unknown = detect). Fails only on input that is
/// not Python source at all (binary, unterminated string, too large, nested too deeply); a
/// snippet without any CORS configuration parses with middlewarePresent == false.
[[nodiscard]] Result<ServerConfig> parseServerConfig(QStringView source, Framework hint = Framework::Unknown);

/// Converts aiohttp_cors options written as `ResourceOptions(...)`/dict into their normalised form.
[[nodiscard]] Result<AiohttpResourceOptions> aiohttpOptionsFromValue(const py::Value& value);

/// Human summary ("FastAPI CORSMiddleware (line 7): allow_origins=['http://a'] ...").
QString describe(const ServerConfig& config);

} // namespace corsbench::frameworks
