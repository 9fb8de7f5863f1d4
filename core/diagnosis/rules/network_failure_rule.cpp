// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Not CORS: the request got no HTTP answer (refused, DNS, TLS, reset, empty reply). Browsers
// still word it as a CORS/network failure (Firefox "CORS request did not succeed").
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class NetworkFailureRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("network-failure"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("network-failure", QString(), 0.0, QStringLiteral("network"));
        c.notCors = true;
        QString error;
        bool generic = false;
        for (int i = 0; i < ctx.input().evidence.size(); ++i) {
            const auto& e = ctx.input().evidence.at(i);
            if (!e.console)
                continue;
            const auto& m = *e.console;
            if (m.firefoxReasonKey == u"CORSDidNotSucceed") {
                c.confidence = qMax(c.confidence, m.status ? 0.5 : 0.8);
                error = error.isEmpty() ? QStringLiteral("CORS request did not succeed") : error;
                addEvidence(c, ctx.quote(i));
            } else if (e.kind == ingest::EvidenceKind::BrowserNetworkError || (e.kind == ingest::EvidenceKind::ChromeConsole && !m.netError.isEmpty())) {
                if (m.netError == u"net::ERR_FAILED" || m.netError == u"http-status")
                    continue; // Chrome's companion line for a CORS failure / a status line
                if (m.netError.contains(u"LOCAL_NETWORK") || m.netError.contains(u"PRIVATE_NETWORK"))
                    continue;
                if (m.netError.startsWith(u"TypeError") || m.netError.contains(u"Network Error")) {
                    generic = true;
                    addEvidence(c, ctx.quote(i));
                    continue;
                }
                error = m.netError;
                c.confidence = qMax(c.confidence, 0.85);
                addEvidence(c, ctx.quote(i));
            }
        }
        for (const auto& v : ctx.exchanges()) {
            const http::HttpResponseHead* r = nullptr;
            if (v.exchange.preflight && v.exchange.preflight->response.isNetworkError())
                r = &v.exchange.preflight->response;
            else if (!v.exchange.actual.isEmpty() && v.exchange.actual.last().response.isNetworkError())
                r = &v.exchange.actual.last().response;
            if (!r || r->networkError.startsWith(u"no response recorded"))
                continue;
            error = r->networkError;
            c.confidence = qMax(c.confidence, 0.85);
            addEvidence(c, { EvidenceQuote { v.line, QStringLiteral("%1 %2: %3").arg(QString::fromUtf8(v.exchange.request.method), v.exchange.request.url.toString(), r->networkError), QStringLiteral("exchange") } });
        }
        if (c.confidence <= 0.0) {
            if (!generic)
                return {};
            // "TypeError: Failed to fetch" alone: CORS and network failures look identical to script.
            c.confidence = 0.3;
            c.title = QStringLiteral("\"Failed to fetch\" alone does not say whether CORS or the network failed");
            c.explanation = QStringLiteral("Script sees the same TypeError for CORS refusals, refused connections, DNS and TLS "
                                           "errors. The console line above it (or the Network panel) tells which.");
            c.missingEvidence << QStringLiteral("the browser console line printed next to the error (\"Access to fetch at … has been blocked by CORS policy: …\")");
            c.probeCommand = ctx.probeCommand();
            return { c };
        }
        const bool tls = error.contains(u"CERT") || error.contains(u"SSL") || error.contains(u"SEC_ERROR") || error.contains(u"certificate");
        const bool empty = error.contains(u"EMPTY_RESPONSE") || error.contains(u"Empty reply");
        c.title = tls ? QStringLiteral("TLS/certificate failure (%1) — not a CORS problem").arg(error)
                      : QStringLiteral("The server gave no HTTP answer (%1) — not a CORS problem").arg(error);
        c.explanation = QStringLiteral("No response arrived, so no CORS header could be checked. Firefox still words this as "
                                       "\"CORS request did not succeed\" and script sees a generic network error.");
        if (tls)
            c.whatToDo << QStringLiteral("Fix the certificate (or trust the dev CA); open the API URL directly in the browser to see the TLS error.");
        else if (empty && ctx.framework() == u"aiohttp")
            c.whatToDo << QStringLiteral("aiohttp_cors aborts the connection when a handler of a cors.add-ed route sets Access-Control-Allow-Origin itself (AssertionError): remove the manual header.");
        else
            c.whatToDo << QStringLiteral("Check the API is running and reachable at that host and port (wrong port, server down, DNS, firewall, proxy).");
        c.failing = ctx.failingExchange();
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeNetworkFailureRule() { return std::make_unique<NetworkFailureRule>(); }

} // namespace corsbench::diagnosis::rules
