// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/rule.h"

#include <QUrl>

#include <memory>

/// Small helpers shared by the rule implementations (not a public API).
namespace corsbench::diagnosis::rules {

inline Cause makeCause(const char* id, const QString& title, double confidence, const QString& failedCheck)
{
    Cause c;
    c.id = QLatin1String(id);
    c.title = title;
    c.confidence = confidence;
    c.failedCheck = failedCheck;
    return c;
}

/// Picks the advice for the framework in use; all of them (labelled) when it is unknown.
inline QStringList frameworkAdvice(const DiagnosisContext& ctx, const QString& fastapi, const QString& aiohttp,
                                   const QString& flask)
{
    const QString& fw = ctx.framework();
    if (fw == u"fastapi")
        return { fastapi };
    if (fw == u"aiohttp")
        return { aiohttp };
    if (fw == u"flask")
        return { flask };
    QStringList out;
    if (!fastapi.isEmpty())
        out << QStringLiteral("FastAPI/Starlette: ") + fastapi;
    if (!aiohttp.isEmpty())
        out << QStringLiteral("aiohttp_cors: ") + aiohttp;
    if (!flask.isEmpty())
        out << QStringLiteral("Flask-CORS: ") + flask;
    return out;
}

/// How a configured/returned origin differs from the page origin, in words ("" when equal or unrelated).
inline QString originDifference(const QString& configured, const QString& page)
{
    if (configured.isEmpty() || page.isEmpty() || configured == page)
        return {};
    if (configured == page + u'/')
        return QStringLiteral("'%1' has a trailing slash; an Origin never has one").arg(configured);
    if (configured.compare(page, Qt::CaseInsensitive) == 0)
        return QStringLiteral("'%1' differs from '%2' only in letter case; origins are compared byte for byte").arg(configured, page);
    const QUrl a(configured);
    const QUrl b(page);
    if (!a.isValid() || !b.isValid() || a.scheme().isEmpty())
        return {};
    if (!a.path().isEmpty() && a.path() != u"/")
        return QStringLiteral("'%1' carries a path; an origin is only scheme://host[:port]").arg(configured);
    const bool loopA = a.host() == u"localhost" || a.host() == u"127.0.0.1" || a.host() == u"[::1]" || a.host() == u"::1";
    const bool loopB = b.host() == u"localhost" || b.host() == u"127.0.0.1" || b.host() == u"[::1]" || b.host() == u"::1";
    if (a.host() != b.host() && loopA && loopB)
        return QStringLiteral("'%1' uses %2 but the page is on %3; localhost, 127.0.0.1 and [::1] are different origins")
            .arg(configured, a.host(), b.host());
    if (a.scheme() != b.scheme() && a.host() == b.host())
        return QStringLiteral("'%1' has scheme %2 but the page uses %3").arg(configured, a.scheme(), b.scheme());
    if (a.host() == b.host() && a.port() != b.port())
        return QStringLiteral("'%1' has port %2 but the page is on port %3 (dev servers move: Vite 5173, CRA 3000)")
            .arg(configured, a.port() < 0 ? QStringLiteral("(default)") : QString::number(a.port()),
                b.port() < 0 ? QStringLiteral("(default)") : QString::number(b.port()));
    return {};
}

inline bool isLoopbackOrigin(const QString& origin)
{
    const QUrl u(origin);
    return u.host() == u"localhost" || u.host() == u"127.0.0.1" || u.host() == u"::1";
}

inline QString otherLoopback(const QString& origin)
{
    QUrl u(origin);
    if (u.host() == u"localhost")
        u.setHost(QStringLiteral("127.0.0.1"));
    else if (u.host() == u"127.0.0.1")
        u.setHost(QStringLiteral("localhost"));
    else
        return {};
    return u.toString(QUrl::RemovePath);
}

/// Quotes the check the browser reports for `v` and keeps its exchange as the failing one.
inline void addReportedCheck(const DiagnosisContext& ctx, Cause& c, const ExchangeView& v)
{
    for (const auto& check : v.verdict.checks) {
        if (check.reported) {
            addEvidence(c, ctx.quoteCheck(v, check));
            break;
        }
    }
    if (!c.failing)
        c.failing = v.exchange;
}

/// The browser's console lines about the failed preflight support the cause and describe the
/// request; without any, the best-known failing request is used.
inline void addPreflightConsoleSupport(const DiagnosisContext& ctx, Cause& c)
{
    for (const Symptom& s : ctx.symptomsOf({ "PreflightMissingAllowOriginHeader", "PreflightInvalidStatus" }, false)) {
        if (s.exchangeIndex >= 0)
            continue;
        addEvidence(c, ctx.quote(s));
        if (!c.failing)
            c.failing = ctx.failingExchange(&s);
    }
    if (!c.failing)
        c.failing = ctx.failingExchange();
}

/// Server events whose CORS failure list names `what` ("origin", "method", "headers", ...).
inline QList<QPair<int, ingest::ServerEvent>> corsFailureEvents(const DiagnosisContext& ctx, const char* what)
{
    QList<QPair<int, ingest::ServerEvent>> out;
    for (const auto& p : ctx.serverEvents()) {
        if (p.second.corsFailures.contains(QLatin1String(what)))
            out.append(p);
    }
    return out;
}

/// Access-log / response evidence: OPTIONS answered with `status` (predicate).
template <typename Pred>
QList<QPair<int, ingest::ServerEvent>> optionsEvents(const DiagnosisContext& ctx, Pred pred)
{
    QList<QPair<int, ingest::ServerEvent>> out;
    for (const auto& p : ctx.serverEvents()) {
        if (p.second.method == u"OPTIONS" && pred(p.second.status))
            out.append(p);
    }
    return out;
}

std::unique_ptr<Rule> makeOriginNotAllowedRule();
std::unique_ptr<Rule> makeCredentialsWithWildcardRule();
std::unique_ptr<Rule> makeCredentialsModeMismatchRule();
std::unique_ptr<Rule> makeMethodsDefaultRule();
std::unique_ptr<Rule> makeMethodLowercaseRule();
std::unique_ptr<Rule> makeHeaderNotAllowedRule();
std::unique_ptr<Rule> makeAuthorizationNotAllowedRule();
std::unique_ptr<Rule> makeClientSendsCorsHeadersRule();
std::unique_ptr<Rule> makePreflightRedirectRule();
std::unique_ptr<Rule> makeMiddlewareMissingRule();
std::unique_ptr<Rule> makeAiohttpRouteNotAddedRule();
std::unique_ptr<Rule> makeErrorResponseWithoutCorsRule();
std::unique_ptr<Rule> makePreflightRejectedByAuthRule();
std::unique_ptr<Rule> makeDuplicateAcaoRule();
std::unique_ptr<Rule> makePrivateNetworkAccessRule();
std::unique_ptr<Rule> makeNetworkFailureRule();
std::unique_ptr<Rule> makeMixedContentRule();
std::unique_ptr<Rule> makeNonexistentExceptionRule();
std::unique_ptr<Rule> makeWorksInCurlRule();
std::unique_ptr<Rule> makeNullOriginRule();
std::unique_ptr<Rule> makeUnparsableAllowListRule();
std::unique_ptr<Rule> makePreflightStatusRule();
std::unique_ptr<Rule> makeRequestModeRule();
std::unique_ptr<Rule> makeConfigReplayRule();

} // namespace corsbench::diagnosis::rules
