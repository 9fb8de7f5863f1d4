// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.9 "CORS check" step 5: with credentials mode "include",
// Access-Control-Allow-Credentials must be exactly `true` (servers.md cause 6).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class CredentialsModeMismatchRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("credentials-mode-mismatch"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "InvalidAllowCredentials" });
        if (symptoms.isEmpty())
            return {};
        const Symptom& s = symptoms.first();
        const bool absent = s.failedParameter.isEmpty();
        Cause c = makeCause("credentials-mode-mismatch",
            absent ? QStringLiteral("The request sends credentials but the server does not allow them")
                   : QStringLiteral("Access-Control-Allow-Credentials is '%1', not exactly 'true'").arg(s.failedParameter),
            0.92, s.corsError);
        for (const Symptom& x : symptoms)
            addEvidence(c, ctx.quote(x));
        c.failing = ctx.failingExchange(&s);
        c.explanation = absent
            ? QStringLiteral("The page asked for credentials (fetch credentials: 'include' or axios withCredentials: true) "
                             "but the response lacks Access-Control-Allow-Credentials: true — the frameworks leave it "
                             "off by default (allow_credentials=False, supports_credentials=False).")
            : QStringLiteral("Browsers accept only the exact lower-case value true; '%1' is refused.").arg(s.failedParameter);
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("allow_credentials=True together with explicit allow_origins"),
            QStringLiteral("aiohttp_cors.ResourceOptions(allow_credentials=True) for each origin key"),
            QStringLiteral("CORS(app, origins=[...], supports_credentials=True)"));
        c.whatToDo << QStringLiteral("Or stop sending credentials if the endpoint does not need cookies. Cross-site cookies also need SameSite=None; Secure.");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeCredentialsModeMismatchRule() { return std::make_unique<CredentialsModeMismatchRule>(); }

} // namespace corsbench::diagnosis::rules
