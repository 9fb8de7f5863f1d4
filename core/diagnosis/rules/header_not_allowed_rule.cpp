// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 "CORS-preflight fetch" step 8: every CORS-unsafe request header must be
// listed in Access-Control-Allow-Headers (servers.md cause 8).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

bool isSpecial(const QString& h)
{
    return h.compare(u"authorization", Qt::CaseInsensitive) == 0 || h.startsWith(u"access-control-", Qt::CaseInsensitive);
}

class HeaderNotAllowedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("header-not-allowed"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("header-not-allowed", QString(), 0.0, QStringLiteral("HeaderDisallowedByPreflightResponse"));
        QStringList headers;
        double conf = 0.0;
        for (const Symptom& s : ctx.symptomsOf({ "HeaderDisallowedByPreflightResponse" })) {
            if (isSpecial(s.failedParameter) || s.warningOnly)
                continue;
            // Starlette always allows the safelisted names (Content-Type included) since 0.13.3; a
            // later check of a refused preflight is not evidence against it.
            if (s.secondary && ctx.framework() == u"fastapi" && s.failedParameter == u"content-type")
                continue;
            conf = qMax(conf, s.secondary ? 0.7 : 0.88);
            if (!s.failedParameter.isEmpty() && !headers.contains(s.failedParameter))
                headers << s.failedParameter;
            addEvidence(c, ctx.quote(s));
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "headers")) {
            bool onlySpecial = !ev.headers.isEmpty();
            for (const QString& h : ev.headers) {
                if (!isSpecial(h) && !headers.contains(h))
                    headers << h;
                onlySpecial = onlySpecial && isSpecial(h);
            }
            if (onlySpecial)
                continue;
            conf = qMax(conf, ev.nonexistentName ? 0.6 : 0.85);
            addEvidence(c, ctx.quote(idx));
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        const QString list = headers.isEmpty() ? QStringLiteral("a custom request header") : headers.join(QStringLiteral(", "));
        c.title = QStringLiteral("Request header %1 is not in the allowed headers").arg(list);
        if (!c.failing)
            c.failing = ctx.failingExchange();
        c.explanation = QStringLiteral(
            "The page sets %1, which is not CORS-safelisted, so the browser asks in "
            "Access-Control-Request-Headers and needs it back in Access-Control-Allow-Headers. Starlette allows "
            "only the safelisted names by default (preflight 400 \"Disallowed CORS headers\"); aiohttp_cors allows "
            "none by default, not even Content-Type (403 \"headers are not allowed: CONTENT-TYPE\").").arg(list);
        const QString quoted = headers.isEmpty() ? QStringLiteral("\"X-Custom\"") : QStringLiteral("\"") + headers.join(QStringLiteral("\", \"")) + QStringLiteral("\"");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("allow_headers=[%1] (or [\"*\"], which Starlette answers by echoing the requested names)").arg(quoted),
            QStringLiteral("aiohttp_cors.ResourceOptions(allow_headers=(%1,)) or allow_headers=\"*\"").arg(quoted),
            QStringLiteral("CORS(app, allow_headers=[%1]) (the default \"*\" already allows it)").arg(quoted));
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeHeaderNotAllowedRule() { return std::make_unique<HeaderNotAllowedRule>(); }

} // namespace corsbench::diagnosis::rules
