// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Not CORS: an https page may not load http:// resources (Mixed Content); the request never leaves
// the browser. Often caused by a redirect to http:// behind a TLS proxy (servers.md cause 10).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class MixedContentRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("mixed-content"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("mixed-content", QString(), 0.0, QStringLiteral("mixed-content"));
        c.notCors = true;
        QString url;
        for (int i = 0; i < ctx.input().evidence.size(); ++i) {
            const auto& e = ctx.input().evidence.at(i);
            if (e.kind == ingest::EvidenceKind::MixedContent) {
                c.confidence = 0.95;
                url = e.console->insecureUrl;
                addEvidence(c, ctx.quote(i));
            }
        }
        if (c.confidence <= 0.0)
            return {};
        c.title = QStringLiteral("Mixed content: an https page requests %1 — not a CORS problem").arg(url.isEmpty() ? QStringLiteral("an http:// URL") : url);
        c.explanation = QStringLiteral("Browsers block http:// requests from https pages before sending them. A common source "
                                       "is a redirect (trailing slash, login) whose Location is http:// because the app behind "
                                       "a TLS-terminating proxy does not know the original scheme.");
        c.whatToDo << QStringLiteral("Call the API over https; behind a proxy run uvicorn --proxy-headers --forwarded-allow-ips=<proxy> (gunicorn: forwarded_allow_ips) so redirects keep https, and call the exact path to avoid the redirect.");
        c.failing = ctx.failingExchange();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeMixedContentRule() { return std::make_unique<MixedContentRule>(); }

} // namespace corsbench::diagnosis::rules
