// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md cause 11 / §2.4: aiohttp_cors is per-route opt-in; a route never passed to
// cors.add() answers OPTIONS with 405 and actual responses without ACAO.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class AiohttpRouteNotAddedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("aiohttp-route-not-added"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        if (ctx.framework() != u"aiohttp")
            return {};
        Cause c = makeCause("aiohttp-route-not-added", QStringLiteral("The route was never passed to cors.add()"), 0.0,
            QStringLiteral("PreflightMissingAllowOriginHeader"));
        double conf = 0.0;
        for (const auto& [idx, ev] : optionsEvents(ctx, [](int st) { return st == 405; })) {
            conf = qMax(conf, 0.85);
            addEvidence(c, ctx.quote(idx));
        }
        for (const auto& v : ctx.exchanges()) {
            if (v.verdict.allowed)
                continue;
            const bool preflight405 = v.exchange.preflight && v.exchange.preflight->response.status == 405;
            const bool actualNoAcao = !v.exchange.actual.isEmpty() && !v.exchange.actual.last().response.isNetworkError()
                && !v.exchange.actual.last().response.headers.contains("access-control-allow-origin");
            if (!preflight405 && !actualNoAcao)
                continue;
            conf = qMax(conf, preflight405 ? 0.85 : 0.55);
            addReportedCheck(ctx, c, v);
        }
        for (const Symptom& s : ctx.symptomsOf({ "PreflightInvalidStatus", "MissingAllowOriginHeader" })) {
            if (s.status.value_or(0) == 405 || (!s.preflight && s.status.value_or(0) == 200 && s.exchangeIndex < 0)) {
                conf = qMax(conf, s.status.value_or(0) == 405 ? 0.8 : 0.45);
                addEvidence(c, ctx.quote(s));
            }
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        addPreflightConsoleSupport(ctx, c);
        c.explanation = QStringLiteral(
            "aiohttp_cors only handles routes registered with cors.add(); others get no OPTIONS handler (the "
            "preflight is answered 405 Method Not Allowed) and their responses no Access-Control-Allow-Origin. "
            "Routes added after the cors.add loop, sub-apps and dynamically added routes are the usual misses.");
        c.whatToDo << QStringLiteral("After all routes are registered: for route in list(app.router.routes()): cors.add(route); "
                                     "call aiohttp_cors.setup() for each sub-app.");
        c.missingEvidence << QStringLiteral("the aiohttp setup code (aiohttp_cors.setup and the cors.add calls)");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeAiohttpRouteNotAddedRule() { return std::make_unique<AiohttpRouteNotAddedRule>(); }

} // namespace corsbench::diagnosis::rules
