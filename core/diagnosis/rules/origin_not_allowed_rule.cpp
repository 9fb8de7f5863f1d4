// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.9 "CORS check": Access-Control-Allow-Origin must equal the request's
// serialized origin byte for byte (or be `*` without credentials). Frameworks compare configured
// origins as exact strings (servers.md causes 3, 4, 14).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class OriginNotAllowedRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("origin-not-allowed"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("origin-not-allowed", QStringLiteral("The page's origin is not in the server's allowed origins"), 0.0,
            QStringLiteral("MissingAllowOriginHeader"));
        double conf = 0.0;
        QString origin;
        QString difference;
        // 1. ACAO present but naming another origin.
        for (const Symptom& s : ctx.symptomsOf({ "AllowOriginMismatch", "InvalidAllowOriginValue" })) {
            if (s.origin == u"null" || s.failedParameter == u"null")
                continue;
            conf = qMax(conf, 0.9);
            c.failedCheck = s.corsError;
            origin = s.origin;
            addEvidence(c, ctx.quote(s));
            const QString d = originDifference(s.failedParameter, s.origin);
            if (!d.isEmpty())
                difference = d;
            c.title = QStringLiteral("Access-Control-Allow-Origin is '%1', not the page's origin %2").arg(s.failedParameter, s.origin);
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        // 2. A framework said so (Starlette "Disallowed CORS origin", aiohttp_cors "origin '…' is not allowed").
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "origin")) {
            conf = qMax(conf, ev.nonexistentName ? 0.6 : 0.88);
            addEvidence(c, ctx.quote(idx));
            if (origin.isEmpty())
                origin = ev.origin;
            if (ev.framework == u"aiohttp" && ev.message.contains(u"CORS preflight request failed"))
                c.failedCheck = QStringLiteral("PreflightMissingAllowOriginHeader");
        }
        for (const auto& [idx, ev] : corsFailureEvents(ctx, "no-origins")) {
            conf = qMax(conf, 0.9);
            addEvidence(c, ctx.quote(idx));
            c.title = QStringLiteral("No origin is allowed at all (empty CORS configuration)");
        }
        // 3. ACAO missing: most often the origin is not listed, but errors, auth and missing
        //    middleware look the same, so confidence depends on the status.
        bool sawError = false;
        for (const auto& [idx, ev] : ctx.serverEvents()) {
            if (ev.status >= 500)
                sawError = true;
        }
        for (const Symptom& s : ctx.symptomsOf({ "MissingAllowOriginHeader" })) {
            if (s.origin == u"null" || s.warningOnly)
                continue;
            double k = 0.5;
            const int status = s.status.value_or(0);
            if (s.preflight) {
                if (status == 400 && (ctx.framework() == u"fastapi" || ctx.framework().isEmpty()))
                    k = 0.75; // Starlette rejects a preflight from an unknown origin with 400
                else if (status == 403 && ctx.framework() == u"aiohttp")
                    k = 0.6;
                else if (status == 401 || status == 405 || status == 404 || status >= 500)
                    k = 0.25;
                else
                    k = 0.5;
            } else {
                if (status >= 500 || status == 401 || status == 403)
                    k = 0.2;
                else if (status >= 200 && status < 300)
                    k = 0.65; // the server answered normally, just without ACAO
                else
                    k = 0.5;
            }
            if (s.ambiguous)
                k = qMin(k, 0.5);
            if (sawError)
                k -= 0.2;
            if (s.exchangeIndex >= 0) {
                // A recorded response with CORS headers for other things but no ACAO points at the list.
                const auto& ex = ctx.exchanges().at(s.exchangeIndex).exchange;
                const http::HttpResponseHead* r = s.preflight && ex.preflight ? &ex.preflight->response : (!ex.actual.isEmpty() ? &ex.actual.last().response : nullptr);
                if (r && (r->headers.contains("access-control-max-age") || r->headers.contains("access-control-allow-methods") || r->headers.contains("vary")))
                    k = qMax(k, 0.75);
            }
            if (k > conf) {
                conf = k;
                c.failedCheck = s.corsError;
            }
            if (origin.isEmpty())
                origin = s.origin;
            addEvidence(c, ctx.quote(s));
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        if (conf <= 0.0)
            return {};
        c.confidence = conf;
        if (origin.isEmpty())
            origin = ctx.anyOrigin();
        if (!c.failing)
            c.failing = ctx.failingExchange();
        c.explanation = QStringLiteral(
            "The browser sends Origin: %1 and only lets the page read the response when "
            "Access-Control-Allow-Origin repeats exactly that string. CORS libraries compare the configured "
            "origins as exact strings: a trailing slash, another scheme or port, or localhost instead of "
            "127.0.0.1 is a different origin, so the server leaves the header off (Starlette answers the "
            "preflight with 400 \"Disallowed CORS origin\", aiohttp_cors with 403).")
                            .arg(origin.isEmpty() ? QStringLiteral("<page origin>") : origin);
        if (!difference.isEmpty())
            c.explanation += QStringLiteral(" Here: %1.").arg(difference);
        const QString o = origin.isEmpty() ? QStringLiteral("https://app.example.com") : origin;
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("allow_origins=[\"%1\"] (exact, no trailing slash); for development allow_origin_regex=r\"http://(localhost|127\\.0\\.0\\.1):\\d+\"").arg(o),
            QStringLiteral("aiohttp_cors.setup(app, defaults={\"%1\": aiohttp_cors.ResourceOptions(...)}) — keys are exact origins").arg(o),
            QStringLiteral("CORS(app, origins=[\"%1\"])").arg(o));
        if (isLoopbackOrigin(o) && !otherLoopback(o).isEmpty())
            c.whatToDo << QStringLiteral("If the page is opened both as %1 and %2, list both.").arg(o, otherLoopback(o));
        if (conf < 0.8) {
            c.missingEvidence << QStringLiteral("the server's CORS configuration (the add_middleware/setup/CORS(...) call) or the preflight response status and body");
            c.probeCommand = ctx.probeCommand();
        }
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeOriginNotAllowedRule() { return std::make_unique<OriginNotAllowedRule>(); }

} // namespace corsbench::diagnosis::rules
