// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.9 "CORS check": Access-Control-Allow-Origin must hold exactly one value;
// two layers (proxy add_header + app) each adding one yields "multiple values" (servers.md cause 13).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class DuplicateAcaoRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("duplicate-acao"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "MultipleAllowOriginValues" });
        if (symptoms.isEmpty())
            return {};
        Cause c = makeCause("duplicate-acao", QStringLiteral("Access-Control-Allow-Origin is sent more than once (proxy and app both add it)"),
            0.9, symptoms.first().corsError);
        for (const Symptom& s : symptoms)
            addEvidence(c, ctx.quote(s));
        c.failing = ctx.failingExchange(&symptoms.first());
        const QString values = symptoms.first().failedParameter;
        c.explanation = QStringLiteral(
            "The response carries several Access-Control-Allow-Origin values%1. Browsers join duplicate header lines "
            "and accept only a single origin. Typical source: nginx/Traefik add_header Access-Control-Allow-Origin "
            "in front of an app that already sets it, Socket.IO's own CORS, or a handler that sets the header by hand.")
                            .arg(values.isEmpty() ? QString() : QStringLiteral(" ('%1')").arg(values));
        c.whatToDo << QStringLiteral("Choose one layer: remove add_header Access-Control-* from the proxy (or proxy_hide_header them from the upstream), or remove the app's CORS middleware.")
                   << QStringLiteral("aiohttp: never set Access-Control-* in handlers of cors.add-ed routes (aiohttp_cors then aborts the connection).");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeDuplicateAcaoRule() { return std::make_unique<DuplicateAcaoRule>(); }

} // namespace corsbench::diagnosis::rules
