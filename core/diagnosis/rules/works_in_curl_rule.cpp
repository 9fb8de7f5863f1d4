// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md causes 15/16: curl and Postman do not enforce CORS and usually send no Origin, so
// the server's CORS layer is not even exercised; only browsers block reading the response.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class WorksInCurlRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("works-in-curl-not-in-browser"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("works-in-curl-not-in-browser", QStringLiteral("Works in curl/Postman, fails in the browser"), 0.0, QString());
        bool withoutOrigin = false;
        for (int i = 0; i < ctx.input().evidence.size(); ++i) {
            const auto& e = ctx.input().evidence.at(i);
            if (e.kind == ingest::EvidenceKind::Curl) {
                addEvidence(c, ctx.quote(i));
                withoutOrigin = withoutOrigin || e.pageOrigin.isEmpty();
            }
        }
        for (const auto& l : ctx.input().nonBrowserClientMentions)
            addEvidence(c, { EvidenceQuote { l.number, l.text, QStringLiteral("text") } });
        if (c.evidence.isEmpty())
            return {};
        c.confidence = withoutOrigin || !ctx.input().nonBrowserClientMentions.isEmpty() ? 0.3 : 0.2;
        c.explanation = QStringLiteral(
            "CORS is enforced by browsers only: curl and Postman read every response. They also send no Origin header "
            "unless told to, and Starlette/aiohttp_cors/flask-cors add CORS headers only when Origin is present, so a "
            "curl test shows neither the headers nor the problem. Add the page's Origin (and for non-simple requests "
            "replay the preflight) to see what the browser sees.");
        const QString origin = ctx.anyOrigin().isEmpty() ? QStringLiteral("http://localhost:3000") : ctx.anyOrigin();
        const QString url = ctx.anyUrl();
        c.whatToDo << QStringLiteral("curl -i -X OPTIONS '%1' -H 'Origin: %2' -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type'")
                          .arg(url.isEmpty() ? QStringLiteral("URL") : url, origin);
        c.probeCommand = ctx.probeCommand();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeWorksInCurlRule() { return std::make_unique<WorksInCurlRule>(); }

} // namespace corsbench::diagnosis::rules
