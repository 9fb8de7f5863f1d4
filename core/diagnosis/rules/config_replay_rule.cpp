// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// When the user gave their server code, the strongest evidence is a replay: run the failing
// request through the framework model (core/frameworks/server_model) with their configuration
// and the CORS engine, and keep the requests that fail the way the browser said. The option
// that makes them fail is the cause; the console line alone often names neither the method nor
// the headers, so plausible requests are tried and the ones that reproduce the symptom win.
#include "core/cors/cors_engine.h"
#include "core/diagnosis/rules/rule_support.h"
#include "core/frameworks/server_model.h"

#include <QMap>

namespace corsbench::diagnosis::rules {
namespace {

using frameworks::Framework;
using frameworks::ServerConfig;

struct Candidate {
    http::Exchange intent;
    bool cookie = false;
    bool guessed = false; // method/headers invented because the evidence does not name them
    bool originGuessed = false; // page origin taken from the configuration's list
};

struct Replay {
    Candidate candidate;
    http::Exchange simulated;
    cors::Verdict verdict;
    QString causeId;
    QString detail; // what the modelled server did, one line
    QString answer; // its status and body: 400 "Disallowed CORS method"
    int configLine = 0; // snippet line of the option responsible (0 = none)
    /// The app has a route for this method and path (a guessed PATCH on a GET/PUT route is not
    /// what the page sent).
    bool routeExists = true;
};

QString family(const QString& kind)
{
    const QString base = baseKind(kind);
    if (base == u"AllowOriginMismatch" || base == u"MissingAllowOriginHeader" || base == u"MultipleAllowOriginValues"
        || base == u"InvalidAllowOriginValue" || base == u"WildcardOriginNotAllowed")
        return QStringLiteral("origin");
    if (base == u"InvalidAllowCredentials")
        return QStringLiteral("credentials");
    return base;
}

/// Does the simulated outcome show the symptom the browser (or the recorded exchange) showed?
bool reproduces(const Symptom& s, const http::Exchange& sim, const cors::Verdict& v)
{
    if (!v.error || v.error->kind.isEmpty())
        return false;
    const QString& kind = v.error->kind;
    const bool exact = s.browser == u"chrome" || s.browser == u"engine";
    if (!s.firefoxReasonKey.isEmpty()) {
        // Firefox's own reason, as the engine predicts Firefox would print it.
        if (v.firefox.errorKind != s.firefoxReasonKey)
            return false;
    } else if (exact && !s.ambiguous) {
        if (kind != s.corsError)
            return false;
    } else if (family(kind) != family(s.corsError) || isPreflightKind(kind) != isPreflightKind(s.corsError)) {
        return false;
    }
    if (s.status) {
        int status = 0;
        if (isPreflightKind(kind) && sim.preflight)
            status = sim.preflight->response.status;
        else if (!sim.actual.isEmpty())
            status = sim.actual.last().response.status;
        if (status != *s.status)
            return false;
    }
    return true;
}

const frameworks::ConfigArgument* argument(const ServerConfig& cfg, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        for (const auto& a : cfg.arguments) {
            if (a.name == QLatin1String(n))
                return &a;
        }
    }
    return nullptr;
}

QString firstAuthorHeader(const http::Exchange& ex, bool authorizationOnly)
{
    for (const auto& h : ex.request.headers) {
        const QByteArray n = h.name.toLower();
        if (authorizationOnly ? n == "authorization" : n != "accept")
            return QString::fromUtf8(n);
    }
    return {};
}

/// Names the option that makes the replay fail, from the modelled server's answer.
void classify(const frameworks::ServerModel& model, Replay& r)
{
    const ServerConfig& cfg = model.config;
    const QString kind = r.verdict.error->kind;
    const QString base = baseKind(kind);
    const bool preflight = isPreflightKind(kind);
    std::optional<frameworks::ServerResponse> resp;
    if (preflight && r.simulated.preflight && r.simulated.preflight->request)
        resp = frameworks::simulateRequest(model, frameworks::toServerRequest(*r.simulated.preflight->request));
    else if (!preflight && !r.simulated.actual.isEmpty() && r.simulated.actual.last().request)
        resp = frameworks::simulateRequest(model, frameworks::toServerRequest(*r.simulated.actual.last().request));
    const QString body = resp ? QString::fromUtf8(resp->body).toLower() : QString();
    const QString note = resp ? resp->note : QString();
    const int status = resp ? resp->head.status : 0;
    const QString method = QString::fromUtf8(r.candidate.intent.request.method);
    const QString stage = preflight ? QStringLiteral("OPTIONS preflight") : QStringLiteral("%1 request").arg(method);
    r.answer = QStringLiteral("%1%2").arg(status).arg(resp && !resp->body.isEmpty() ? QStringLiteral(" \"%1\"").arg(QString::fromUtf8(resp->body.left(100)).trimmed()) : QString());
    r.detail = QStringLiteral("%1 → %2%3").arg(stage, r.answer, note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(note));

    auto headerCause = [&](const QString& header) {
        r.causeId = header == u"authorization" ? QStringLiteral("authorization-not-allowed") : QStringLiteral("header-not-allowed");
        if (const auto* a = argument(cfg, { "allow_headers", "headers", "CORS_ALLOW_HEADERS" }))
            r.configLine = a->line;
    };
    auto methodCause = [&] {
        r.causeId = QStringLiteral("methods-default");
        if (const auto* a = argument(cfg, { "allow_methods", "methods", "CORS_ALLOW_METHODS" }))
            r.configLine = a->line;
    };
    auto originCause = [&] {
        r.causeId = QStringLiteral("origin-not-allowed");
        if (const auto* a = argument(cfg, { "allow_origins", "allow_origin_regex", "origins", "defaults", "CORS_ALLOWED_ORIGINS",
                                            "CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_WHITELIST" }))
            r.configLine = a->line;
    };

    if (!cfg.middlewarePresent) {
        r.causeId = QStringLiteral("middleware-missing");
        return;
    }
    if (note.contains(QLatin1String("not passed to cors.add"))) {
        r.causeId = QStringLiteral("aiohttp-route-not-added");
        for (const auto& route : cfg.routes) {
            if (!route.corsAdded && route.line > 0) {
                r.configLine = route.line;
                break;
            }
        }
        return;
    }
    if (base == u"PreflightInvalidStatus") {
        if (status == 405 && cfg.framework == Framework::Aiohttp) {
            r.causeId = QStringLiteral("aiohttp-route-not-added");
        } else if (body.contains(QLatin1String("method"))) {
            methodCause();
        } else if (body.contains(QLatin1String("header"))) {
            headerCause(firstAuthorHeader(r.candidate.intent, true).isEmpty() ? QString() : QStringLiteral("authorization"));
        } else if (body.contains(QLatin1String("origin"))) {
            originCause();
        } else if (status >= 300 && status < 400) {
            r.causeId = QStringLiteral("preflight-redirect-trailing-slash");
        }
        return;
    }
    if (base == u"MethodDisallowedByPreflightResponse") {
        methodCause();
    } else if (base == u"HeaderDisallowedByPreflightResponse") {
        headerCause(r.verdict.error->failedParameter.toLower());
    } else if (base == u"WildcardOriginNotAllowed") {
        r.causeId = QStringLiteral("credentials-with-wildcard");
        if (const auto* a = argument(cfg, { "allow_origins", "origins", "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL" }))
            r.configLine = a->line;
    } else if (base == u"InvalidAllowCredentials") {
        r.causeId = QStringLiteral("credentials-mode-mismatch");
        if (const auto* a = argument(cfg, { "allow_credentials", "supports_credentials", "CORS_ALLOW_CREDENTIALS" }))
            r.configLine = a->line;
    } else if (family(kind) == u"origin") {
        if (status >= 500 || note.contains(QLatin1String("exception")))
            r.causeId = QStringLiteral("error-response-without-cors");
        else if (note.startsWith(QLatin1String("no route")))
            r.causeId.clear(); // a 404 is not a CORS configuration problem the model can name
        else
            originCause();
    } else if (base.contains(QLatin1String("Redirect"))) {
        r.causeId = QStringLiteral("preflight-redirect-trailing-slash");
    } else if (base.contains(QLatin1String("PrivateNetwork")) || base.contains(QLatin1String("LocalNetwork"))) {
        r.causeId = QStringLiteral("private-network-access");
    }
}

http::Exchange withoutResponses(http::Exchange ex)
{
    ex.preflight.reset();
    ex.actual.clear();
    return ex;
}

QList<Candidate> candidatesFrom(const DiagnosisContext& ctx, const Symptom& s, const http::Exchange& base);

/// The requests worth replaying for one symptom: the recorded one when known, otherwise the
/// plausible ones its kind allows.
QList<Candidate> candidatesFor(const DiagnosisContext& ctx, const Symptom& s)
{
    const QList<Candidate> out = candidatesFrom(ctx, s, withoutResponses(ctx.failingExchange(&s)));
    if (!s.origin.isEmpty() || !ctx.anyOrigin().isEmpty())
        return out;
    // The evidence never names the page origin (Firefox does not print it): the page is most
    // likely one the configuration lists.
    QList<Candidate> listed;
    int n = 0;
    for (const QString& origin : ctx.snippet()->allowedOrigins()) {
        if (!origin.startsWith(QLatin1String("http")) || ++n > 3)
            continue;
        http::Exchange base = withoutResponses(ctx.failingExchange(&s));
        base.pageOrigin = origin;
        for (Candidate c : candidatesFrom(ctx, s, base)) {
            c.originGuessed = true;
            listed.append(c);
        }
    }
    return listed.isEmpty() ? out : listed;
}

QList<Candidate> candidatesFrom(const DiagnosisContext& ctx, const Symptom& s, const http::Exchange& base)
{
    bool known = s.exchangeIndex >= 0;
    for (const auto& e : ctx.input().evidence)
        known = known || e.intent.has_value() || e.requestHead.has_value();
    const QString kindBase = baseKind(s.corsError);
    known = known || (kindBase == u"MethodDisallowedByPreflightResponse" && !s.failedParameter.isEmpty())
        || (kindBase == u"HeaderDisallowedByPreflightResponse" && !s.failedParameter.isEmpty()) || !s.method.isEmpty();
    for (const auto& [idx, ev] : ctx.serverEvents()) {
        if (!ev.method.isEmpty() && ev.method != u"OPTIONS" && (ev.path.isEmpty() || base.request.url.path() == ev.path))
            known = true;
    }

    QList<Candidate> out;
    auto add = [&](http::Exchange ex, bool guessed) {
        const bool include = ex.request.credentials == http::CredentialsMode::Include;
        out.append({ ex, false, guessed });
        if (include)
            out.append({ ex, true, guessed }); // with a cookie stored for the API's site
    };
    if (known) {
        add(base, false);
        return out;
    }
    QList<http::Exchange> shapes;
    auto shape = [&](const char* method, std::initializer_list<std::pair<const char*, const char*>> headers) {
        http::Exchange ex = base;
        ex.request.method = method;
        ex.request.headers = {};
        for (const auto& [n, v] : headers)
            ex.request.headers.append(n, v);
        shapes.append(ex);
    };
    if (s.preflight || isPreflightKind(s.corsError)) {
        // A preflight was sent: a non-safelisted method or header. The usual suspects, in the
        // order they appear in real applications.
        shape("POST", { { "Content-Type", "application/json" } });
        shape("PUT", { { "Content-Type", "application/json" } });
        shape("PATCH", { { "Content-Type", "application/json" } });
        shape("DELETE", {});
        shape("GET", { { "Authorization", "Bearer token" } });
        shape("POST", { { "Content-Type", "application/json" }, { "Authorization", "Bearer token" } });
        shape("GET", { { "X-Requested-With", "XMLHttpRequest" } });
    } else {
        shape("GET", {});
        shape("POST", { { "Content-Type", "text/plain;charset=UTF-8" } });
    }
    for (http::Exchange& ex : shapes) {
        if (family(s.corsError) == u"credentials" || baseKind(s.corsError) == u"WildcardOriginNotAllowed") {
            ex.request.credentials = http::CredentialsMode::Include;
            add(ex, true);
        } else {
            add(ex, true);
            if (family(s.corsError) == u"origin" && ex.request.credentials != http::CredentialsMode::Include) {
                http::Exchange withCredentials = ex;
                withCredentials.request.credentials = http::CredentialsMode::Include;
                add(withCredentials, true);
            }
        }
    }
    return out;
}

/// Whether the app itself (`bare`: the model without its CORS layer) has a handler for the
/// request's method and path.
bool routeAnswers(const frameworks::ServerModel& bare, const http::Exchange& intent)
{
    http::HttpRequestHead head;
    head.method = intent.request.method.toUpper();
    head.url = intent.request.url;
    head.headers = intent.request.headers;
    const frameworks::ServerResponse resp = frameworks::simulateRequest(bare, frameworks::toServerRequest(head));
    return resp.head.status != 404 && resp.head.status != 405;
}

QString libraryName(Framework f)
{
    switch (f) {
    case Framework::FastApi: return QStringLiteral("Starlette");
    case Framework::Aiohttp: return QStringLiteral("aiohttp_cors");
    case Framework::Flask: return QStringLiteral("Flask-CORS");
    case Framework::Django: return QStringLiteral("django-cors-headers");
    case Framework::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString requestLabel(const http::Exchange& ex)
{
    QString label = QString::fromUtf8(ex.request.method);
    QStringList headers;
    for (const auto& h : ex.request.headers)
        headers << QString::fromUtf8(h.name);
    if (!headers.isEmpty())
        label += QStringLiteral(" with ") + headers.join(QStringLiteral(", "));
    if (ex.request.credentials == http::CredentialsMode::Include)
        label += QStringLiteral(" (credentials: include)");
    return label;
}

QString titleFor(const QString& id, const Replay& r, const ServerConfig& cfg, const QString& fw, const QStringList& methods)
{
    const QString method = methods.size() > 1 ? QStringLiteral("%1 and %2").arg(methods.mid(0, methods.size() - 1).join(QStringLiteral(", ")), methods.last())
                                              : QString::fromUtf8(r.candidate.intent.request.method);
    const QString verb = methods.size() > 1 ? QStringLiteral("are") : QStringLiteral("is");
    const bool set = r.configLine > 0;
    if (id == u"methods-default")
        return set ? QStringLiteral("%1 %2 not in your allow_methods").arg(method, verb)
                   : QStringLiteral("%1 %2 not allowed: allow_methods is left at its default (%3)")
                         .arg(method, verb, cfg.framework == Framework::FastApi ? QStringLiteral("only GET") : QStringLiteral("only the routes' own methods"));
    if (id == u"header-not-allowed" || id == u"authorization-not-allowed") {
        const QString h = r.verdict.error->failedParameter.isEmpty() ? firstAuthorHeader(r.candidate.intent, false) : r.verdict.error->failedParameter;
        return set ? QStringLiteral("The %1 header is not in your allow_headers").arg(h)
                   : QStringLiteral("The %1 header is not allowed: allow_headers is not set").arg(h);
    }
    if (id == u"origin-not-allowed")
        return QStringLiteral("%1 is not an allowed origin in your %2 configuration").arg(r.candidate.intent.pageOrigin, fw);
    if (id == u"credentials-with-wildcard")
        return QStringLiteral("Credentialed request answered with Access-Control-Allow-Origin: *");
    if (id == u"credentials-mode-mismatch")
        return QStringLiteral("Credentials are sent but your configuration does not allow them");
    if (id == u"middleware-missing")
        return QStringLiteral("Your %1 code sets up no CORS handling").arg(fw);
    if (id == u"aiohttp-route-not-added")
        return QStringLiteral("The route is not passed to cors.add()");
    if (id == u"error-response-without-cors")
        return QStringLiteral("The route fails and the error response carries no CORS headers");
    if (id == u"preflight-redirect-trailing-slash")
        return QStringLiteral("The preflight is redirected (trailing slash)");
    return QStringLiteral("Your configuration refuses this request");
}

class ConfigReplayRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("config-replay"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        if (!ctx.snippet() || ctx.snippet()->config.framework == Framework::Unknown)
            return {};
        const ServerSnippet& snippet = *ctx.snippet();
        const frameworks::ServerModel model = frameworks::ServerModel::fromConfig(snippet.config);
        frameworks::ServerModel bare = model; // CORS aside: which routes the app answers
        bare.config.middlewarePresent = false;
        const QString fw = frameworks::displayName(snippet.config.framework);
        const cors::CorsEngine engine;

        QList<Cause> causes;
        QStringList seen;
        for (const Symptom& s : ctx.symptoms()) {
            if (s.secondary || s.warningOnly || s.corsError.isEmpty())
                continue;
            const QString key = s.corsError + u'|' + s.url + u'|' + s.origin;
            if (seen.contains(key) || seen.size() >= 4)
                continue;
            seen << key;

            const QList<Candidate> candidates = candidatesFor(ctx, s);
            QList<Replay> hits;
            int allowed = 0;
            for (const Candidate& cand : candidates) {
                frameworks::SimulationOptions so;
                so.sendCookie = cand.cookie;
                Replay r;
                r.candidate = cand;
                r.simulated = frameworks::simulateExchange(model, cand.intent, so);
                r.verdict = engine.evaluate(r.simulated);
                if (r.verdict.allowed)
                    ++allowed;
                if (!reproduces(s, r.simulated, r.verdict))
                    continue;
                classify(model, r);
                if (r.causeId.isEmpty())
                    continue;
                if (cand.guessed && snippet.config.routesKnown)
                    r.routeExists = routeAnswers(bare, cand.intent);
                hits.append(r);
            }
            // Guesses the app has no route for are not what the page sent, unless nothing else fits.
            if (std::any_of(hits.begin(), hits.end(), [](const Replay& r) { return r.routeExists; }))
                hits.removeIf([](const Replay& r) { return !r.routeExists; });
            if (hits.isEmpty()) {
                if (allowed == candidates.size() && !candidates.isEmpty())
                    causes.append(notRunning(ctx, s, candidates, fw));
                continue;
            }
            QMap<QString, QList<const Replay*>> byCause;
            QStringList order;
            for (const Replay& r : hits) {
                if (!order.contains(r.causeId))
                    order << r.causeId;
                byCause[r.causeId].append(&r);
            }
            std::stable_sort(order.begin(), order.end(), [&](const QString& a, const QString& b) { return byCause[a].size() > byCause[b].size(); });
            for (const QString& id : order)
                causes.append(makeReplayCause(ctx, s, id, byCause[id], int(hits.size()), fw, model.effectiveVersion()));
        }
        return causes;
    }

private:
    static Cause makeReplayCause(const DiagnosisContext& ctx, const Symptom& s, const QString& id, const QList<const Replay*>& replays,
                                 int hitCount, const QString& fw, const QString& version)
    {
        const ServerSnippet& snippet = *ctx.snippet();
        const Replay& r = *replays.first();
        const bool guessed = r.candidate.guessed;
        const double share = double(replays.size()) / double(hitCount);
        QStringList methods;
        if (id == u"methods-default") {
            for (const Replay* x : replays) {
                const QString m = QString::fromUtf8(x->candidate.intent.request.method.toUpper());
                if (!methods.contains(m))
                    methods << m;
            }
        }
        Cause c = makeCause("config-replay", titleFor(id, r, snippet.config, fw, methods), guessed ? 0.6 + 0.3 * share : 0.93, r.verdict.error->kind);
        if (methods.size() > 1)
            c.extraMethods = methods.mid(1);
        c.id = id;
        c.reproduced = true;
        addEvidence(c, ctx.quote(s));
        if (r.configLine > 0)
            addEvidence(c, { snippet.quote(r.configLine) });
        else if (snippet.config.middlewareLine > 0)
            addEvidence(c, { snippet.quote(snippet.config.middlewareLine) });
        QStringList labels;
        for (const Replay* x : replays) {
            const QString l = requestLabel(x->candidate.intent);
            if (!labels.contains(l))
                labels << l;
        }
        c.simulation = QStringLiteral("Replayed against your %1 configuration (%2 %3): %4 → %5")
                           .arg(fw, libraryName(snippet.config.framework), version,
                               requestLabel(r.candidate.intent), r.detail);
        c.evidence.append(EvidenceQuote { 0, c.simulation, QStringLiteral("simulation") });
        c.explanation = explanationFor(id, r, snippet.config, fw);
        if (r.candidate.originGuessed) {
            c.missingEvidence << QStringLiteral("the page origin (Firefox does not print it; Chrome's line or the request's Origin header shows it) — %1 from your allow-list was assumed")
                                     .arg(r.candidate.intent.pageOrigin);
            c.confidence = qMin(c.confidence, 0.75);
        }
        if (guessed) {
            c.explanation += QStringLiteral(" The evidence does not name the request's method or headers; of the common requests tried against your routes, these fail exactly as reported: %1.")
                                 .arg(labels.mid(0, 4).join(QStringLiteral("; ")));
            c.missingEvidence << QStringLiteral("the request's method and headers (DevTools → Network → the OPTIONS or failed request → Headers)");
            c.probeCommand = DiagnosisContext::probeCommandFor(r.candidate.intent);
        }
        c.whatToDo << QStringLiteral("Apply the fix below; it was checked by replaying the same request against your configuration with the change.");
        c.failing = r.candidate.intent;
        c.fixCauseId = id;
        return c;
    }

    static QString explanationFor(const QString& id, const Replay& r, const ServerConfig& cfg, const QString& fw)
    {
        const QString origin = r.candidate.intent.pageOrigin;
        if (id == u"origin-not-allowed") {
            QString hint;
            for (const QString& o : ServerSnippet::allowedOrigins(cfg)) {
                hint = originDifference(o, origin);
                if (!hint.isEmpty())
                    break;
            }
            const QStringList listed = ServerSnippet::allowedOrigins(cfg);
            QString text = QStringLiteral("The page origin %1 is not among the origins your configuration allows (%2), so the answer carries no matching Access-Control-Allow-Origin.")
                               .arg(origin, listed.isEmpty() ? QStringLiteral("none listed") : listed.join(QStringLiteral(", ")));
            if (!hint.isEmpty())
                text += QStringLiteral(" Closest entry: %1.").arg(hint);
            return text;
        }
        if (id == u"methods-default")
            return QStringLiteral("The preflight asks Access-Control-Request-Method: %1 and your configuration does not allow that method, so the "
                                  "preflight is refused (%2).%3")
                .arg(QString::fromUtf8(r.candidate.intent.request.method), r.answer,
                    cfg.framework == Framework::FastApi && r.configLine == 0 ? QStringLiteral(" Starlette's CORSMiddleware allows only GET unless allow_methods is given.")
                                                                            : QString());
        if (id == u"header-not-allowed" || id == u"authorization-not-allowed")
            return QStringLiteral("The preflight lists the request's own headers in Access-Control-Request-Headers and your configuration does not "
                                  "allow them, so the preflight is refused (%1).")
                .arg(r.answer);
        if (id == u"middleware-missing")
            return QStringLiteral("Nothing in your %1 code adds CORS headers, so no cross-origin answer can pass (%2).").arg(fw, r.answer);
        return QStringLiteral("The modelled server answers: %1.").arg(r.detail);
    }

    static Cause notRunning(const DiagnosisContext& ctx, const Symptom& s, const QList<Candidate>& candidates, const QString& fw)
    {
        const bool guessed = candidates.first().guessed;
        Cause c = makeCause("config-not-what-runs", QStringLiteral("Your %1 configuration would allow this request: the server that answered is not running it").arg(fw),
                            guessed ? 0.3 : 0.55, s.corsError);
        addEvidence(c, ctx.quote(s));
        if (ctx.snippet()->config.middlewareLine > 0)
            addEvidence(c, { ctx.snippet()->quote(ctx.snippet()->config.middlewareLine) });
        c.explanation = QStringLiteral("Replaying %1 against the configuration you gave lets the browser read the response, yet the browser reported %2. "
                                       "Usual reasons: the server was not restarted after the change, another process (or an old container) "
                                       "answers on that port, a proxy or gateway in front answers the OPTIONS request itself, or an environment "
                                       "variable gives the allow-list a different value in that deployment.")
                            .arg(requestLabel(candidates.first().intent), s.corsError);
        if (guessed)
            c.explanation += QStringLiteral(" The evidence names no method or headers, so only common requests were tried.");
        c.whatToDo << QStringLiteral("Probe the running server and compare its answer with the simulated one (`corsbench-cli simulate` on the same file).");
        c.probeCommand = ctx.probeCommand(&s);
        return c;
    }
};

} // namespace

std::unique_ptr<Rule> makeConfigReplayRule() { return std::make_unique<ConfigReplayRule>(); }

} // namespace corsbench::diagnosis::rules
