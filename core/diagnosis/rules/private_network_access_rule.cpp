// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Chromium Private Network Access / Local Network Access (browsers.md §5.12; servers.md cause 24).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class PrivateNetworkAccessRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("private-network-access"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        const auto symptoms = ctx.symptomsOf({ "InsecureLocalNetwork", "InsecurePrivateNetwork", "InvalidLocalNetworkAccess",
            "InvalidPrivateNetworkAccess", "UnexpectedPrivateNetworkAccess", "LocalNetworkAccessPermissionDenied",
            "PrivateNetworkAccessPermissionDenied", "PrivateNetworkAccessPermissionUnavailable",
            "PreflightMissingAllowPrivateNetwork", "PreflightInvalidAllowPrivateNetwork", "PreflightMissingPrivateNetworkAccessId",
            "PreflightMissingPrivateNetworkAccessName", "PreflightMissingAllowExternal", "PreflightInvalidAllowExternal" }, false);
        bool serverSide = false;
        Cause c = makeCause("private-network-access", QString(), 0.0, QString());
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "private-network")) {
            serverSide = true;
            addEvidence(c, ctx.quote(idx));
        }
        for (const auto& [idx, ev] : ctx.serverEvents()) {
            if (ev.message.contains(u"ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS") || ev.message.contains(u"PRIVATE_NETWORK_ACCESS"))
                addEvidence(c, ctx.quote(idx));
        }
        for (int i = 0; i < ctx.input().evidence.size(); ++i) {
            const auto& e = ctx.input().evidence.at(i);
            if (e.console && (e.console->netError.contains(u"LOCAL_NETWORK_ACCESS") || e.console->netError.contains(u"PRIVATE_NETWORK_ACCESS")))
                addEvidence(c, ctx.quote(i));
        }
        if (symptoms.isEmpty() && c.evidence.isEmpty())
            return {};
        c.confidence = 0.9;
        QString kind = symptoms.isEmpty() ? QStringLiteral("LocalNetworkAccess") : symptoms.first().corsError;
        c.failedCheck = kind;
        for (const Symptom& s : symptoms)
            addEvidence(c, ctx.quote(s));
        const QString space = symptoms.isEmpty() ? QString() : ctx.input().evidence.at(symptoms.first().evidenceIndex).console->addressSpace;
        if (kind.contains(u"Insecure")) {
            c.title = QStringLiteral("A non-secure page may not call a more-private address (%1)").arg(space.isEmpty() ? QStringLiteral("local network") : space);
            c.explanation = QStringLiteral("Chrome blocks requests from a non-secure context (http: page, data: URL, sandboxed "
                                           "iframe) to loopback or LAN addresses before sending them. CORS headers cannot fix it.");
            c.whatToDo << QStringLiteral("Serve the page over https (or from localhost itself) or from the same address space as the API.");
        } else if (kind.contains(u"AllowPrivateNetwork") || kind.contains(u"External") || serverSide) {
            c.title = QStringLiteral("The private-network preflight is not answered with Access-Control-Allow-Private-Network: true");
            c.explanation = QStringLiteral("Older Chrome (2021–2025) sent Access-Control-Request-Private-Network: true on preflights "
                                           "to private/loopback targets and wanted Access-Control-Allow-Private-Network: true back. "
                                           "Starlette ≥ 0.51 answers 400 \"Disallowed CORS private-network\" unless allow_private_network=True.");
            c.whatToDo = frameworkAdvice(ctx, QStringLiteral("CORSMiddleware(..., allow_private_network=True) (Starlette ≥ 0.51)"),
                QStringLiteral("add Access-Control-Allow-Private-Network: true in an on_response_prepare hook for preflights"),
                QStringLiteral("CORS(app, allow_private_network=True) (flask-cors ≥ 5.0)"));
            c.whatToDo << QStringLiteral("Current Chrome replaced the header with a Local Network Access permission prompt; see below.");
        } else {
            c.title = QStringLiteral("Chrome's Local Network Access permission blocks the request");
            c.explanation = QStringLiteral("Current Chrome (142+) asks the user before a public page may reach loopback or LAN "
                                           "addresses; denied, dismissed or impossible (workers) permission blocks the request. "
                                           "Server headers (including Access-Control-Allow-Private-Network) do not help.");
            c.whatToDo << QStringLiteral("Allow \"Local network access\" in the site settings, serve the page from the same address space, "
                                         "or fetch(url, {targetAddressSpace: \"loopback\"|\"local\"}) from a secure page.");
        }
        c.fixCauseId = QStringLiteral("private-network-access");
        c.failing = ctx.failingExchange(symptoms.isEmpty() ? nullptr : &symptoms.first());
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makePrivateNetworkAccessRule() { return std::make_unique<PrivateNetworkAccessRule>(); }

} // namespace corsbench::diagnosis::rules
