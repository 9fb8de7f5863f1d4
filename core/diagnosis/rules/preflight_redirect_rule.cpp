// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Fetch standard §4.8 "CORS-preflight fetch": a preflight response may not be a redirect
// (servers.md cause 10: trailing-slash 307/308, HTTP→HTTPS, login redirects).
#include "core/diagnosis/rules/rule_support.h"

namespace corsbench::diagnosis::rules {
namespace {

class PreflightRedirectRule final : public Rule {
public:
    QString id() const override { return QStringLiteral("preflight-redirect-trailing-slash"); }

    QList<Cause> evaluate(const DiagnosisContext& ctx) const override
    {
        Cause c = makeCause("preflight-redirect-trailing-slash", QStringLiteral("The preflight is redirected"), 0.0,
            QStringLiteral("PreflightDisallowedRedirect"));
        double conf = 0.0;
        QString location;
        QString url;
        for (const Symptom& s : ctx.symptomsOf({ "PreflightDisallowedRedirect" })) {
            conf = qMax(conf, 0.8);
            url = s.url;
            addEvidence(c, ctx.quote(s));
            if (s.exchangeIndex >= 0) {
                const auto& ex = ctx.exchanges().at(s.exchangeIndex).exchange;
                if (ex.preflight)
                    location = QString::fromUtf8(ex.preflight->response.headers.value("location").value_or(QByteArray()));
            }
            if (!c.failing)
                c.failing = ctx.failingExchange(&s);
        }
        for (const auto& [idx, ev] : optionsEvents(ctx, [](int st) { return st == 301 || st == 302 || st == 307 || st == 308; })) {
            conf = qMax(conf, 0.75);
            addEvidence(c, ctx.quote(idx));
            if (url.isEmpty())
                url = ev.path;
        }
        if (conf <= 0.0)
            return {};
        const QUrl target(url);
        const QUrl loc = target.resolved(QUrl(location));
        if (!location.isEmpty() && loc.path() == target.path() + u'/') {
            c.title = QStringLiteral("The preflight is redirected to the same path with a trailing slash");
            conf = 0.93;
        } else if (!location.isEmpty() && loc.path() + u'/' == target.path()) {
            c.title = QStringLiteral("The preflight is redirected to the same path without the trailing slash");
            conf = 0.93;
        } else if (!location.isEmpty() && loc.scheme() != target.scheme()) {
            c.title = QStringLiteral("The preflight is redirected from %1 to %2").arg(target.scheme(), loc.scheme());
            conf = 0.9;
        } else if (!location.isEmpty()) {
            c.title = QStringLiteral("The preflight is redirected to %1").arg(location);
        } else {
            c.title = QStringLiteral("The preflight is redirected (trailing slash or HTTP→HTTPS?)");
            c.missingEvidence << QStringLiteral("the preflight response's Location header");
            c.probeCommand = ctx.probeCommand();
        }
        c.confidence = conf;
        if (!c.failing)
            c.failing = ctx.failingExchange();
        c.explanation = QStringLiteral(
            "Browsers never follow a redirect on a preflight. Frameworks redirect between /items and /items/ "
            "(FastAPI redirect_slashes answers 307 when no CORSMiddleware answers the OPTIONS first, Flask "
            "strict_slashes 308, aiohttp normalize_path_middleware), and proxies redirect http→https.");
        c.whatToDo = frameworkAdvice(ctx,
            QStringLiteral("call the exact route path (with or without the slash as declared); FastAPI(redirect_slashes=False) if clients vary; behind TLS run uvicorn --proxy-headers so Location keeps https"),
            QStringLiteral("register both paths, or drop normalize_path_middleware for the API"),
            QStringLiteral("@app.route(\"/api/items/\", strict_slashes=False) or app.url_map.strict_slashes = False"));
        return { c };
    }
};

} // namespace

std::unique_ptr<Rule> makePreflightRedirectRule() { return std::make_unique<PreflightRedirectRule>(); }

} // namespace corsbench::diagnosis::rules
