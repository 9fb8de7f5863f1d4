// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 "CORS-preflight fetch" step 7: a non-safelisted method must be listed in
// Access-Control-Allow-Methods (servers.md cause 7: Starlette's default allow_methods=("GET",)).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

bool isLower(const QString& m)
{
    return !m.isEmpty() && m != m.toUpper();
}

class MethodsDefaultRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("methods-default"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("methods-default", QString(), 0.0, QStringLiteral("MethodDisallowedByPreflightResponse"));
        QString method;
        double conf = 0.0;
        for (const Symptom& s : ctx.symptomsOf({ "MethodDisallowedByPreflightResponse" })) {
            if (isLower(s.failedParameter))
                continue; // method-lowercase
            conf = qMax(conf, s.secondary ? 0.8 : 0.88);
            method = s.failedParameter.isEmpty() ? method : s.failedParameter;
            addEvidence(c, ctx.quote(s));
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "method")) {
            if (isLower(ev.method))
                continue;
            conf = qMax(conf, ev.nonexistentName ? 0.6 : 0.88);
            if (method.isEmpty())
                method = ev.method;
            addEvidence(c, ctx.quote(idx));
        }
        if (conf <= 0.0)
            return {};
        if (method.isEmpty())
            method = QStringLiteral("PUT");
        c.confidence = conf;
        c.title = QStringLiteral("%1 is not in the allowed methods (allow_methods left at its default?)").arg(method);
        if (!c.failing)
            c.failing = ctx.failingExchange();
        c.explanation = QStringLiteral(
            "The preflight asks Access-Control-Request-Method: %1 and the answer does not list it. Starlette's "
            "CORSMiddleware allows only GET unless allow_methods is set (its preflight then answers 400 "
            "\"Disallowed CORS method\"); aiohttp_cors allows only the methods of routes passed to cors.add() "
            "unless allow_methods is set (403 \"request method '%1' is not allowed\"). A JSON POST is preflighted "
            "too.").arg(method);
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("allow_methods=[\"GET\", \"POST\", \"PUT\", \"PATCH\", \"DELETE\"] (or [\"*\"], which Starlette expands to a list)"),
            QStringLiteral("aiohttp_cors.ResourceOptions(allow_methods=\"*\") (a plain dict rejects allow_methods), or cors.add() the %1 route").arg(method),
            QStringLiteral("flask-cors allows every method by default; check methods=[...] in CORS(...)"));
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeMethodsDefaultRule() { return std::make_unique<MethodsDefaultRule>(); }

} // namespace corsbench::diagnosis::rules
