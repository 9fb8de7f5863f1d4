// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 step 7: the preflight response must be 2xx ("It does not have HTTP ok
// status"). With ACAO present, Starlette's 400 means method or headers were refused; which one
// the body says ("Disallowed CORS method|headers").
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class PreflightStatusRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("preflight-rejected"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "PreflightInvalidStatus" }, false);
        if (symptoms.isEmpty())
            return {};
        // When a framework line already names the refused part, the specific rules cover it.
        for (const auto& [idx, ev] : ctx.serverEvents()) {
            if (ev.corsFailures.contains(QStringLiteral("method")) || ev.corsFailures.contains(QStringLiteral("headers")))
                return {};
        }
        if (!ctx.symptomsOf({ "MethodDisallowedByPreflightResponse", "HeaderDisallowedByPreflightResponse" }).isEmpty())
            return {}; // the exchange itself shows which part was refused
        const Symptom& s = symptoms.first();
        const int status = s.status.value_or(0);
        Cause c = makeCause("preflight-rejected", QString(), 0.45, s.corsError);
        for (const Symptom& x : symptoms)
            addEvidence(c, ctx.quote(x));
        c.failing = ctx.failingExchange(&s);
        if (status == 400 && ctx.framework() != u"aiohttp") {
            c.title = QStringLiteral("The CORS middleware refused the preflight's method or headers (400)");
            c.confidence = 0.6;
            c.explanation = QStringLiteral("A 400 preflight that still carries Access-Control-Allow-Origin is Starlette's "
                                           "CORSMiddleware accepting the origin but refusing the requested method or headers "
                                           "(body \"Disallowed CORS method\" / \"Disallowed CORS headers\"); Firefox and Safari "
                                           "print this as \"preflight did not succeed\".");
            c.whatToDo << QStringLiteral("Set allow_methods and allow_headers to cover the request (the body of the 400 names which).");
            c.fixCauseId = QStringLiteral("methods-default");
        } else if (status == 405) {
            c.title = QStringLiteral("Nothing handles OPTIONS for this URL (405)");
            c.confidence = 0.55;
            c.explanation = QStringLiteral("The router answers the preflight like an unknown method: no CORS layer handles it "
                                           "(aiohttp: route not passed to cors.add(); others: middleware missing).");
            c.fixCauseId = QStringLiteral("middleware-missing");
        } else if (status == 404) {
            c.title = QStringLiteral("The preflight URL does not exist (404)");
            c.confidence = 0.55;
            c.explanation = QStringLiteral("The path is wrong or the route is not registered (aiohttp_cors does not cover unknown paths).");
        } else if (status >= 500) {
            c.title = QStringLiteral("The server fails on the preflight (%1)").arg(status);
            c.notCors = true;
            c.confidence = 0.6;
            c.explanation = QStringLiteral("The OPTIONS request crashes the server before a CORS answer is made; read the server log.");
        } else {
            c.title = QStringLiteral("The preflight is answered with a non-2xx status%1").arg(status ? QStringLiteral(" (%1)").arg(status) : QString());
            c.explanation = QStringLiteral("Browsers require a 2xx answer to OPTIONS. Which layer refuses it (CORS middleware, auth, "
                                           "router) shows in the preflight response body and the server log.");
        }
        c.missingEvidence << QStringLiteral("the preflight response body and the server's OPTIONS log line");
        c.probeCommand = ctx.probeCommand(&s);
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makePreflightStatusRule() { return std::make_unique<PreflightStatusRule>(); }

} // namespace corsbench::diagnosis::rules
