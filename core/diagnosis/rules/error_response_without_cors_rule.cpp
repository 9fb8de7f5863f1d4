// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// servers.md cause 1 (and 2 for actual requests): an unhandled exception becomes a 500 written by
// Starlette's ServerErrorMiddleware outside CORSMiddleware, so it has no ACAO; auth that runs
// before CORS answers 401/403 without it. The browser reports CORS; the real failure is the server.
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class ErrorResponseWithoutCorsRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("error-response-without-cors"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("error-response-without-cors", QString(), 0.0, QStringLiteral("MissingAllowOriginHeader"));
        double conf = 0.0;
        int status = 0;
        bool traceback = false;
        for (const auto& [idx, ev] : ctx.serverEvents()) {
            if (ev.method == u"OPTIONS" || ev.nonexistentName || !ev.corsFailures.isEmpty())
                continue;
            if (ev.status >= 500) {
                status = qMax(status, ev.status);
                traceback = traceback || !ev.exceptionType.isEmpty();
                conf = qMax(conf, 0.55);
                addEvidence(c, ctx.quote(idx));
            }
        }
        // Chrome's "Failed to load resource: the server responded with a status of 500 (…)".
        for (int i = 0; i < ctx.input().evidence.size(); ++i) {
            const auto& e = ctx.input().evidence.at(i);
            if (e.console && e.console->netError == u"http-status" && e.console->status.value_or(0) >= 500) {
                status = qMax(status, *e.console->status);
                conf = qMax(conf, 0.55);
                addEvidence(c, ctx.quote(i));
            }
        }
        for (const auto& v : ctx.exchanges()) {
            if (v.exchange.actual.isEmpty() || v.verdict.allowed)
                continue;
            const auto& r = v.exchange.actual.last().response;
            if ((r.status >= 500 || r.status == 401 || r.status == 403) && !r.headers.contains("access-control-allow-origin")) {
                status = r.status;
                conf = qMax(conf, r.status >= 500 ? 0.85 : 0.75);
                addReportedCheck(ctx, c, v);
            }
        }
        const auto missing = ctx.symptomsOf({ "MissingAllowOriginHeader" }, false);
        for (const Symptom& s : missing) {
            const int st = s.status.value_or(0);
            if (st >= 500 || st == 401 || st == 403) {
                status = st;
                conf = qMax(conf, st >= 500 ? 0.85 : 0.7);
                addEvidence(c, ctx.quote(s));
            } else if (conf > 0 && s.exchangeIndex < 0) {
                addEvidence(c, ctx.quote(s));
            }
        }
        if (conf <= 0.0)
            return {};
        if (traceback && !missing.isEmpty())
            conf = qMax(conf, 0.9);
        else if (!missing.isEmpty() && conf < 0.7)
            conf = 0.72;
        c.confidence = conf;
        if (!c.failing)
            c.failing = ctx.failingExchange(missing.isEmpty() ? nullptr : &missing.first());
        if (status >= 500 || status == 0) {
            c.notCors = true;
            c.title = QStringLiteral("The server failed (%1) and its error response has no CORS headers — not really a CORS problem")
                          .arg(status ? QString::number(status) : QStringLiteral("500"));
            c.explanation = QStringLiteral(
                "The request reached the server and crashed. In Starlette/FastAPI an unhandled exception is turned into "
                "a 500 by ServerErrorMiddleware, which sits outside CORSMiddleware, so the 500 carries no "
                "Access-Control-Allow-Origin and the browser reports a CORS error instead of the crash. "
                "@app.exception_handler(Exception) does not change that. Fix the exception first (see the traceback).");
            c.whatToDo = frameworkAdvice(ctx,
                QStringLiteral("fix the exception; to keep error responses readable wrap the whole app: app = CORSMiddleware(app, allow_origins=[...]) or catch exceptions in a middleware added before CORSMiddleware"),
                QStringLiteral("aiohttp_cors adds ACAO to 500s; look for a proxy or a handler that closes the connection"),
                QStringLiteral("flask-cors covers 500s except with debug=True; read the server console"));
        } else {
            c.title = QStringLiteral("An auth/permission layer answers %1 without CORS headers").arg(status);
            c.fixCauseId = QStringLiteral("error-response-without-cors");
            c.explanation = QStringLiteral(
                "The actual request is rejected with %1 by a middleware or dependency that runs outside the CORS "
                "layer, so the rejection has no Access-Control-Allow-Origin and the page cannot even read the 401/403.")
                                .arg(status);
            c.whatToDo = frameworkAdvice(ctx,
                QStringLiteral("call app.add_middleware(CORSMiddleware, ...) last so it is the outermost middleware"),
                QStringLiteral("aiohttp_cors decorates 401/403 from handlers; check proxies in front"),
                QStringLiteral("CORS(app) before registering before_request auth hooks"));
        }
        if (!traceback)
            c.missingEvidence << QStringLiteral("the server log/traceback for the same request");
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makeErrorResponseWithoutCorsRule() { return std::make_unique<ErrorResponseWithoutCorsRule>(); }

} // namespace corsbench::diagnosis::rules
