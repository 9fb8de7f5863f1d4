// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 step 8 and "CORS non-wildcard request-header name": Authorization must be
// listed by name; `*` does not cover it in the spec (Chromium/Firefox still warn only).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class AuthorizationNotAllowedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("authorization-not-allowed"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("authorization-not-allowed", QStringLiteral("The Authorization header is not allowed by the preflight answer"), 0.0,
            QStringLiteral("HeaderDisallowedByPreflightResponse"));
        double conf = 0.0;
        bool warning = false;
        for (const Symptom& s : ctx.symptomsOf({ "HeaderDisallowedByPreflightResponse" })) {
            if (s.failedParameter.compare(u"authorization", Qt::CaseInsensitive) != 0)
                continue;
            conf = qMax(conf, s.warningOnly ? 0.4 : 0.9);
            warning = warning || s.warningOnly;
            addEvidence(c, ctx.quote(s));
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "headers")) {
            if (ev.headers.contains(QStringLiteral("authorization"))) {
                conf = qMax(conf, 0.85);
                addEvidence(c, ctx.quote(idx));
            }
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        if (!c.failing)
            c.failing = ctx.failingExchange();
        c.explanation = warning
            ? QStringLiteral("Access-Control-Allow-Headers: * does not cover Authorization in the Fetch standard; Firefox and "
                             "Chromium still let it pass with a deprecation warning, and will stop.")
            : QStringLiteral("The page sends an Authorization header (Bearer token), which needs its own entry in "
                             "Access-Control-Allow-Headers; the framework's allowed headers do not include it.");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("allow_headers=[\"Authorization\", \"Content-Type\"]"),
            QStringLiteral("aiohttp_cors.ResourceOptions(allow_headers=(\"Authorization\", \"Content-Type\"))"),
            QStringLiteral("CORS(app, allow_headers=[\"Authorization\", \"Content-Type\"])"));
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeAuthorizationNotAllowedRule() { return std::make_unique<AuthorizationNotAllowedRule>(); }

} // namespace corsbench::diagnosis::rules
