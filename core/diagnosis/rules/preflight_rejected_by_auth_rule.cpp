// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md cause 2: browsers never send credentials on a preflight; an auth/CSRF/rate-limit
// layer in front of CORS answers the OPTIONS with 401/403.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class PreflightRejectedByAuthRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("preflight-rejected-by-auth"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("preflight-rejected-by-auth", QStringLiteral("Authentication rejects the preflight before CORS answers it"), 0.0,
            QStringLiteral("PreflightMissingAllowOriginHeader"));
        double conf = 0.0;
        auto isAuth = [](int st) { return st == 401 || st == 403; };
        // aiohttp_cors answers its own refusals with 403; those are not auth.
        bool frameworkRefusal = false;
        for (const auto& [idx, ev] : ctx.serverEvents())
            frameworkRefusal = frameworkRefusal || !ev.corsFailures.isEmpty();
        for (const auto& [idx, ev] : optionsEvents(ctx, isAuth)) {
            if (!ev.corsFailures.isEmpty())
                continue; // aiohttp_cors's own 403
            conf = qMax(conf, frameworkRefusal ? 0.2 : ctx.framework() == u"aiohttp" ? 0.6 : 0.8);
            addEvidence(c, ctx.quote(idx));
        }
        for (const auto& v : ctx.exchanges()) {
            if (!v.exchange.preflight || v.verdict.allowed)
                continue;
            const auto& r = v.exchange.preflight->response;
            if (isAuth(r.status) && !r.headers.contains("access-control-allow-origin")) {
                conf = qMax(conf, 0.8);
                addReportedCheck(ctx, c, v);
            }
        }
        for (const Symptom& s : ctx.symptomsOf({ "PreflightMissingAllowOriginHeader", "PreflightInvalidStatus" }, false)) {
            if (isAuth(s.status.value_or(0)) && s.exchangeIndex < 0 && ctx.framework() != u"aiohttp") {
                conf = qMax(conf, 0.75);
                addEvidence(c, ctx.quote(s));
            }
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        addPreflightConsoleSupport(ctx, c);
        c.fixCauseId = QStringLiteral("middleware-missing");
        c.explanation = QStringLiteral(
            "A preflight never carries cookies or Authorization, so an auth, CSRF or rate-limit layer that runs before "
            "the CORS layer rejects it (401/403) without CORS headers. In Starlette the last add_middleware call is the "
            "outermost, so an auth middleware added after CORSMiddleware sees the OPTIONS first.");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("call app.add_middleware(CORSMiddleware, ...) last (outermost), or let OPTIONS with Access-Control-Request-Method through the auth middleware"),
            QStringLiteral("in the auth middleware: if request.method == \"OPTIONS\" and \"Access-Control-Request-Method\" in request.headers: return await handler(request)"),
            QStringLiteral("@app.before_request def auth(): if request.method == \"OPTIONS\": return None"));
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makePreflightRejectedByAuthRule() { return std::make_unique<PreflightRejectedByAuthRule>(); }

} // namespace corsbench::diagnosis::rules
