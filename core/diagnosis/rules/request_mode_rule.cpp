// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.1 main fetch: mode "same-origin" forbids cross-origin URLs; non-HTTP(S)
// schemes cannot use CORS; redirect URLs may not carry credentials. Client-side causes.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class RequestModeRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("request-not-corsable"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "DisallowedByMode", "CorsDisabledScheme", "RedirectContainsCredentials" }, false);
        if (symptoms.isEmpty())
            return {};
        const Symptom& s = symptoms.first();
        Cause c = makeCause("request-not-corsable", QString(), 0.9, s.corsError);
        for (const Symptom& x : symptoms)
            addEvidence(c, ctx.quote(x));
        if (s.corsError == u"DisallowedByMode") {
            c.title = QStringLiteral("The request uses mode: 'same-origin' for a cross-origin URL");
            c.explanation = QStringLiteral("fetch(url, {mode: 'same-origin'}) refuses every cross-origin URL before sending.");
            c.whatToDo << QStringLiteral("Client: drop mode: 'same-origin' (the default 'cors' is what you want).");
        } else if (s.corsError == u"CorsDisabledScheme") {
            c.title = QStringLiteral("The URL's scheme cannot use CORS (file:// or a custom scheme)");
            c.explanation = QStringLiteral("Only http(s) (and a few browser-internal schemes) support CORS; a page opened from file:// "
                                           "cannot fetch other files either.");
            c.whatToDo << QStringLiteral("Serve the page and the data over http(s) (python -m http.server, vite).");
        } else {
            c.title = QStringLiteral("A redirect Location carries user:password@");
            c.explanation = QStringLiteral("Browsers refuse cross-origin redirects whose URL contains credentials.");
            c.whatToDo << QStringLiteral("Remove the credentials from the redirect target; use an Authorization header instead.");
        }
        c.failing = ctx.failingExchange(&s);
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeRequestModeRule() { return std::make_unique<RequestModeRule>(); }

} // namespace corsbench::diagnosis::rules
