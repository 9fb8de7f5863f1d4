// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 step 7 + method normalisation (§2.2.1 "normalize a method"): only
// DELETE/GET/HEAD/OPTIONS/POST/PUT are upper-cased, and Access-Control-Allow-Methods matching is
// case-sensitive (servers.md cause 19).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

bool isLower(const QString& m)
{
    return !m.isEmpty() && m != m.toUpper();
}

class MethodLowercaseRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("method-lowercase"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("method-lowercase", QString(), 0.0, QStringLiteral("MethodDisallowedByPreflightResponse"));
        QString method;
        for (const Symptom& s : ctx.symptomsOf({ "MethodDisallowedByPreflightResponse" })) {
            if (!isLower(s.failedParameter))
                continue;
            method = s.failedParameter;
            addEvidence(c, ctx.quote(s));
            c.failing = ctx.failingExchange(&s);
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "method")) {
            if (!isLower(ev.method))
                continue;
            method = ev.method;
            addEvidence(c, ctx.quote(idx));
        }
        if (method.isEmpty())
            return {};
        c.confidence = 0.93;
        c.title = QStringLiteral("The page sends method '%1' in lower case").arg(method);
        c.explanation = QStringLiteral(
            "fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT; method: '%1' goes out as "
            "Access-Control-Request-Method: %1 and browsers compare methods case-sensitively, so even "
            "allow_methods=[\"*\"] does not help (Starlette answers 400, flask-cors lists %2).")
                            .arg(method, method.toUpper());
        c.whatToDo << QStringLiteral("Client: write method: \"%1\" in fetch/axios. Nothing to change on the server.").arg(method.toUpper());
        c.fixCauseId = QStringLiteral("method-lowercase");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeMethodLowercaseRule() { return std::make_unique<MethodLowercaseRule>(); }

} // namespace corsbench::diagnosis::rules
