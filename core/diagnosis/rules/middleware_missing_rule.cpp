// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md causes 15/17: no CORS layer answers (OPTIONS 405 from the router, no
// Access-Control-* header on any response) — the middleware is missing or wraps another object.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

bool hasAnyCorsHeader(const http::HttpResponseHead& r)
{
    for (const auto& h : r.headers) {
        if (h.name.toLower().startsWith("access-control-"))
            return true;
    }
    return false;
}

class MiddlewareMissingRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("middleware-missing"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        if (ctx.framework() == u"aiohttp")
            return {}; // aiohttp-route-not-added explains the same symptoms there
        Cause c = makeCause("middleware-missing", QStringLiteral("No CORS middleware answers the request"), 0.0,
            QStringLiteral("PreflightMissingAllowOriginHeader"));
        double conf = 0.0;
        // OPTIONS answered 405 by the router: nothing handled the preflight.
        for (const auto& [idx, ev] : optionsEvents(ctx, [](int st) { return st == 405; })) {
            conf = qMax(conf, 0.75);
            addEvidence(c, ctx.quote(idx));
        }
        for (const auto& v : ctx.exchanges()) {
            bool anyCors = false;
            bool anyResponse = false;
            if (v.exchange.preflight && !v.exchange.preflight->response.isNetworkError()) {
                anyResponse = true;
                anyCors = hasAnyCorsHeader(v.exchange.preflight->response);
            }
            for (const auto& hop : v.exchange.actual) {
                if (!hop.response.isNetworkError()) {
                    anyResponse = true;
                    anyCors = anyCors || hasAnyCorsHeader(hop.response);
                }
            }
            if (!anyResponse || anyCors || v.verdict.allowed)
                continue;
            double k = 0.5;
            if (v.exchange.preflight && v.exchange.preflight->response.status == 405)
                k = 0.8;
            if (!v.exchange.actual.isEmpty() && v.exchange.actual.last().response.status >= 500)
                k = 0.25; // error-response-without-cors
            conf = qMax(conf, k);
            addReportedCheck(ctx, c, v);
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        addPreflightConsoleSupport(ctx, c);
        c.explanation = QStringLiteral(
            "No response carries any Access-Control-* header and the OPTIONS preflight is answered like an unknown "
            "method (405). Either no CORS middleware is installed on the object that serves requests (e.g. the app "
            "was re-wrapped or mounted after add_middleware), or the request never reaches it.");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("app.add_middleware(CORSMiddleware, allow_origins=[...], ...) on the final app object uvicorn serves (after any re-wrapping)"),
            QString(),
            QStringLiteral("CORS(app, origins=[...]) on the Flask app that is actually run"));
        c.missingEvidence << QStringLiteral("the application module (where the app object and the middleware are created)");
        c.probeCommand = ctx.probeCommand();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeMiddlewareMissingRule() { return std::make_unique<MiddlewareMissingRule>(); }

} // namespace corsbench::diagnosis::rules
