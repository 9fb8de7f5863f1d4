// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md cause 23: pages from file://, data: URLs or sandboxed iframes have the opaque origin
// `null`; after a cross-origin redirect the origin becomes `null` too (browsers.md §5.10).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class NullOriginRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("null-origin"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("null-origin", QStringLiteral("The page has the opaque origin 'null'"), 0.0, QString());
        bool redirected = false;
        for (const Symptom& s : ctx.symptoms()) {
            if (s.origin != u"null" || s.corsError.contains(u"LocalNetwork") || s.corsError.contains(u"PrivateNetwork"))
                continue;
            c.confidence = qMax(c.confidence, 0.75);
            c.failedCheck = s.corsError;
            redirected = redirected || !s.redirectedFrom.isEmpty();
            addEvidence(c, ctx.quote(s));
        }
        if (c.confidence <= 0.0)
            return {};
        c.explanation = redirected
            ? QStringLiteral("After a redirect to another origin the browser sends Origin: null, and the server must answer "
                             "Access-Control-Allow-Origin: null (or * without credentials).")
            : QStringLiteral("Pages opened from file://, data: URLs and sandboxed iframes send Origin: null. Allowing \"null\" "
                             "would admit every such page, so it is unsafe.");
        c.whatToDo << (redirected ? QStringLiteral("Call the final URL directly so no cross-origin redirect happens.")
                                  : QStringLiteral("Serve the page from an HTTP dev server (python -m http.server, vite) and allow that origin."));
        c.failing = ctx.failingExchange();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeNullOriginRule() { return std::make_unique<NullOriginRule>(); }

} // namespace corsbench::diagnosis::rules
