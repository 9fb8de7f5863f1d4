// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.9 "CORS check" step 3: with credentials mode "include" the value `*` never
// matches (servers.md cause 5: allow_origins=["*"] + allow_credentials=True on Starlette < 1.0).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class CredentialsWithWildcardRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("credentials-with-wildcard"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "WildcardOriginNotAllowed" });
        if (symptoms.isEmpty())
            return {};
        Cause c = makeCause("credentials-with-wildcard",
            QStringLiteral("Access-Control-Allow-Origin: * on a request sent with credentials"), 0.95, symptoms.first().corsError);
        for (const Symptom& s : symptoms)
            addEvidence(c, ctx.quote(s));
        c.failing = ctx.failingExchange(&symptoms.first());
        c.explanation = QStringLiteral(
            "The request carries credentials (fetch credentials: 'include' / axios withCredentials), and browsers "
            "refuse the wildcard * in Access-Control-Allow-Origin for such requests. Starlette before 1.0 "
            "answers allow_origins=[\"*\"] + allow_credentials=True with a literal * on actual responses that "
            "carry no Cookie header (first login, token in a header), so the preflight passes and the request "
            "fails. Echoing every origin with credentials would \"work\" but lets any site act as the user.");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("list the real origins: allow_origins=[\"%1\"], allow_credentials=True (never [\"*\"] with credentials)").arg(ctx.anyOrigin()),
            QStringLiteral("replace the \"*\" key with one key per real origin, each ResourceOptions(allow_credentials=True)"),
            QStringLiteral("CORS(app, origins=[\"%1\"], supports_credentials=True)").arg(ctx.anyOrigin()));
        c.whatToDo << QStringLiteral("Or, if the request does not need cookies, drop credentials: 'include' on the client.");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeCredentialsWithWildcardRule() { return std::make_unique<CredentialsWithWildcardRule>(); }

} // namespace corsbench::diagnosis::rules
