// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 steps 5–6: Access-Control-Allow-Methods/-Headers must parse as a
// comma-separated list of tokens ("GET PUT" with a space does not).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class UnparsableAllowListRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("allow-list-unparsable"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "InvalidAllowMethodsPreflightResponse", "InvalidAllowHeadersPreflightResponse" });
        if (symptoms.isEmpty())
            return {};
        const bool methods = symptoms.first().corsError.contains(u"Methods");
        const QString header = methods ? QStringLiteral("Access-Control-Allow-Methods") : QStringLiteral("Access-Control-Allow-Headers");
        Cause c = makeCause("allow-list-unparsable", QStringLiteral("%1 is not a comma-separated list").arg(header), 0.9, symptoms.first().corsError);
        for (const Symptom& s : symptoms)
            addEvidence(c, ctx.quote(s));
        c.explanation = QStringLiteral("Browsers parse %1 as tokens separated by commas; a space-separated or otherwise malformed "
                                       "value%2 fails the whole preflight. This is hand-written header code, not a CORS library.")
                            .arg(header, symptoms.first().failedParameter.isEmpty() ? QString() : QStringLiteral(" ('%1')").arg(symptoms.first().failedParameter));
        c.whatToDo << QStringLiteral("Send %1: GET, POST, PUT (commas), or let the framework's CORS middleware write it.").arg(header);
        c.failing = ctx.failingExchange(&symptoms.first());
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeUnparsableAllowListRule() { return std::make_unique<UnparsableAllowListRule>(); }

} // namespace corsbench::diagnosis::rules
