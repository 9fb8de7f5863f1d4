// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md cause 9: the front end sets Access-Control-Allow-* on the *request*; they become
// CORS-unsafe request headers the server was never meant to allow.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class ClientSendsCorsHeadersRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("client-sends-cors-response-headers"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("client-sends-cors-response-headers", QString(), 0.0, QStringLiteral("HeaderDisallowedByPreflightResponse"));
        QString header;
        for (const Symptom& s : ctx.symptomsOf({ "HeaderDisallowedByPreflightResponse" })) {
            if (s.failedParameter.startsWith(u"access-control-", Qt::CaseInsensitive)) {
                header = s.failedParameter;
                addEvidence(c, ctx.quote(s));
            }
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "headers")) {
            for (const QString& h : ev.headers) {
                if (h.startsWith(u"access-control-")) {
                    header = h;
                    addEvidence(c, ctx.quote(idx));
                }
            }
        }
        if (header.isEmpty())
            return {};
        c.confidence = 0.92;
        c.title = QStringLiteral("The page sends the response header %1 as a request header").arg(header);
        c.explanation = QStringLiteral("Access-Control-Allow-* are response headers. Setting them in fetch/axios "
                                       "\"to fix CORS\" only adds a non-safelisted request header that the server "
                                       "must now allow, which makes things worse.");
        c.whatToDo << QStringLiteral("Client: delete the %1 header from the request; nothing to change on the server for it.").arg(header);
        c.failing = ctx.failingExchange();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeClientSendsCorsHeadersRule() { return std::make_unique<ClientSendsCorsHeadersRule>(); }

} // namespace corsbench::diagnosis::rules
