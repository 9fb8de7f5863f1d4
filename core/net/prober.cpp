// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/net/prober.h"

#include "core/cors/cors_engine.h"
#include "core/cors/fetch_rules.h"
#include "core/http/origin.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <chrono>

namespace corsbench::net {

namespace {

bool stageFailed(const cors::Verdict& v, cors::Stage stage, int hop = -1)
{
    for (const cors::Check& c : v.checks) {
        if (c.stage == stage && c.status == cors::CheckStatus::Fail && (hop < 0 || c.hop == hop))
            return true;
    }
    return false;
}

QByteArray headerValue(const http::HttpRequestHead& head, QByteArrayView name)
{
    return head.headers.value(name).value_or(QByteArray());
}

// ACRM / ACRH for a request, from the engine's plan (falling back to the Fetch rules).
void preflightValues(const cors::PreflightPlan& plan, const http::RequestIntent& intent, QByteArray* acrm,
                     QByteArray* acrh)
{
    *acrm = headerValue(plan.request, "access-control-request-method");
    *acrh = headerValue(plan.request, "access-control-request-headers");
    if (acrm->isEmpty())
        *acrm = cors::rules::normalizeMethod(intent.method);
    if (acrh->isEmpty() && !plan.request.headers.contains("access-control-request-headers")) {
        http::HeaderList hs = intent.headers;
        const QByteArray implied = impliedContentType(intent);
        if (!implied.isEmpty() && !hs.contains("content-type"))
            hs.append("Content-Type", implied);
        *acrh = cors::rules::accessControlRequestHeadersValue(hs);
    }
}

bool isRequestBodyHeader(QByteArrayView name)
{
    return http::headerNameEquals(name, "content-type") || http::headerNameEquals(name, "content-encoding")
        || http::headerNameEquals(name, "content-language") || http::headerNameEquals(name, "content-location");
}

} // namespace

QString toString(StepKind kind)
{
    switch (kind) {
    case StepKind::Preflight:
        return QStringLiteral("preflight");
    case StepKind::Actual:
        return QStringLiteral("actual");
    case StepKind::RedirectPreflight:
        return QStringLiteral("redirect-preflight");
    case StepKind::SentAnyway:
        return QStringLiteral("sent-anyway");
    }
    return {};
}

QString ProbeResult::transport() const
{
    for (const ProbeStep& s : steps) {
        if (!s.transfer.transport.isEmpty())
            return s.transfer.transport;
    }
    return {};
}

QString ProbeResult::proxy() const
{
    return steps.isEmpty() ? QString() : steps.first().transfer.proxy;
}

Prober::Prober(ProbeOptions options)
    : m_options(std::move(options))
{
}

Result<ProbeResult> Prober::probe(const QString& pageOrigin, const http::RequestIntent& intentIn) const
{
    auto origin = http::Origin::parse(pageOrigin);
    if (!origin)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid page origin \"%1\": %2").arg(pageOrigin, origin.error().message));
    const QUrl& url = intentIn.url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot probe \"%1\": need an absolute http:// or https:// URL")
                             .arg(url.toString()));

    const auto epoch = std::chrono::steady_clock::now();
    auto sinceStart = [epoch] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - epoch).count();
    };
    const cors::CorsEngine engine;

    ProbeResult r;
    http::Exchange& ex = r.exchange;
    ex.pageOrigin = origin->serialize();
    ex.pageUrl = !m_options.pageUrl.isEmpty() ? m_options.pageUrl
        : origin->isOpaque()                  ? QString()
                                              : ex.pageOrigin + QLatin1Char('/');
    ex.request = intentIn;
    if (!ex.request.body.isEmpty() && ex.request.bodyKind == http::BodyKind::None)
        ex.request.bodyKind = http::BodyKind::Text;
    const http::RequestIntent& intent = ex.request;

    RequestContext ctx { ex.pageOrigin, ex.pageUrl, false };
    // One pool per probe: the actual request reuses the preflight's connection when a browser
    // would (same target; Chromium keeps credentialed requests in a separate pool).
    ConnectionPool pool;
    auto partitionFor = [&](const http::RequestIntent& req, const QUrl& target) -> QByteArray {
        const bool sameOrigin = !ctx.taintedOrigin && origin->isSameOrigin(http::Origin::fromUrl(target));
        const bool credentialed = req.credentials == http::CredentialsMode::Include
            || (req.credentials == http::CredentialsMode::SameOrigin && sameOrigin);
        return credentialed ? QByteArray("credentialed") : QByteArray("uncredentialed");
    };
    auto fail = [&](const Transfer& t) {
        r.networkFailure = true;
        r.networkError = t.response.networkError;
    };

    // 0. Would the browser refuse before sending anything (forbidden method, mode, LNA, ...)?
    {
        const cors::Verdict before = engine.evaluate(ex);
        if (stageFailed(before, cors::Stage::Request)) {
            r.verdict = before;
            if (!m_options.sendAnyway) {
                r.notes << QStringLiteral("nothing sent: a browser refuses this request before it reaches the network");
                r.totalMs = sinceStart();
                return r;
            }
        }
    }

    // 1. Preflight for the original URL.
    bool blockedBeforeActual = false;
    // Same-origin requests and no-cors mode never get a preflight (Fetch "main fetch" step 12).
    const bool corsApplies = intent.mode == http::RequestMode::Cors && !origin->isSameOrigin(http::Origin::fromUrl(url));
    const cors::PreflightPlan plan = cors::CorsEngine::planPreflight(ex);
    if (corsApplies && plan.required) {
        QByteArray acrm;
        QByteArray acrh;
        preflightValues(plan, intent, &acrm, &acrh);
        const http::HttpRequestHead head = buildPreflightHead(ctx, url, acrm, acrh, m_options.browser);
        Transfer t = sendRequest(head, {}, m_options.transport, epoch, &pool, "uncredentialed");
        ex.preflight = http::Preflight { head, t.response };
        r.steps.append(ProbeStep { StepKind::Preflight, -1, t });
        const cors::Verdict v = engine.evaluate(ex);
        if (!t.ok() || stageFailed(v, cors::Stage::Preflight)) {
            r.verdict = v;
            blockedBeforeActual = true;
            if (!t.ok())
                fail(t);
            r.notes << (t.ok() ? QStringLiteral("actual request not sent: the preflight failed, so a browser stops here")
                               : QStringLiteral("actual request not sent: the preflight got no HTTP response"));
            if (!m_options.sendAnyway || !t.ok()) {
                r.totalMs = sinceStart();
                return r;
            }
        }
    }

    // 2. The actual request, hop by hop.
    http::RequestIntent cur = intent;
    QUrl curUrl = url;
    bool legVerdictSet = false;
    for (int hop = 0;; ++hop) {
        QStringList dropped;
        const QByteArray body = cur.body;
        const http::HttpRequestHead head
            = buildActualHead(ctx, cur, curUrl, body, m_options.cookie, m_options.browser, &dropped);
        if (hop == 0 && !dropped.isEmpty())
            r.notes << QStringLiteral("not sent, as in a browser (forbidden request headers): %1")
                           .arg(dropped.join(QStringLiteral(", ")));
        Transfer t = sendRequest(head, body, m_options.transport, epoch, &pool, partitionFor(cur, curUrl));
        if (blockedBeforeActual) {
            r.steps.append(ProbeStep { StepKind::SentAnyway, hop, t });
            r.notes << QStringLiteral("--send-anyway: the actual request was sent to show the server's answer; it is "
                                      "not part of the saved exchange and does not change the verdict");
            break;
        }
        ex.actual.append(http::Hop { head, t.response });
        r.steps.append(ProbeStep { StepKind::Actual, hop, t });
        if (!t.ok()) {
            fail(t);
            break;
        }
        const http::HttpResponseHead& resp = t.response;
        const auto location = resp.headers.value("location");
        if (!resp.isRedirect() || !location || cur.redirect != http::RedirectMode::Follow)
            break;
        if (hop >= m_options.maxRedirects) {
            r.notes << QStringLiteral("stopped after %1 redirects (the browser limit)").arg(m_options.maxRedirects);
            break;
        }
        // The browser checks CORS on this hop before following it.
        const cors::Verdict vh = engine.evaluate(ex);
        if (stageFailed(vh, cors::Stage::Actual, hop)) {
            r.notes << QStringLiteral("redirect not followed: hop %1 fails the CORS check").arg(hop + 1);
            break;
        }
        const QUrl next = curUrl.resolved(QUrl::fromEncoded(http::trimOws(*location)));
        if (!next.isValid() || (next.scheme() != QLatin1String("http") && next.scheme() != QLatin1String("https"))) {
            r.notes << QStringLiteral("redirect not followed: Location \"%1\" is not an http(s) URL")
                           .arg(QString::fromLatin1(*location));
            break;
        }
        if (!next.userInfo().isEmpty()) {
            r.notes << QStringLiteral("redirect not followed: Location contains credentials");
            break;
        }
        // Fetch "HTTP-redirect fetch": taint the origin on a cross-origin hop from a URL the page
        // is not same-origin with.
        const http::Origin curOrigin = http::Origin::fromUrl(curUrl);
        const http::Origin nextOrigin = http::Origin::fromUrl(next);
        if (!nextOrigin.isSameOrigin(curOrigin) && !origin->isSameOrigin(curOrigin)) {
            if (!ctx.taintedOrigin)
                r.notes << QStringLiteral("cross-origin redirect to %1: the Origin header becomes \"null\"")
                               .arg(nextOrigin.serialize());
            ctx.taintedOrigin = true;
        }
        const QByteArray method = cors::rules::normalizeMethod(cur.method);
        if (((resp.status == 301 || resp.status == 302) && method == "POST")
            || (resp.status == 303 && method != "GET" && method != "HEAD")) {
            r.notes << QStringLiteral("%1 redirect: %2 becomes GET without a body").arg(resp.status).arg(QString::fromLatin1(method));
            cur.method = "GET";
            cur.body.clear();
            cur.bodyKind = http::BodyKind::None;
            http::HeaderList kept;
            for (const http::Header& h : cur.headers) {
                if (!isRequestBodyHeader(h.name))
                    kept.append(h);
            }
            cur.headers = kept;
        }
        cur.url = next;
        curUrl = next;

        // A preflighted request needs a new preflight for the new URL (Chromium's preflight cache is
        // keyed by URL, and a tainted origin changes the key too).
        http::Exchange leg;
        leg.pageOrigin = ctx.taintedOrigin ? QStringLiteral("null") : ex.pageOrigin;
        leg.pageUrl = ex.pageUrl;
        leg.request = cur;
        const cors::PreflightPlan legPlan = cors::CorsEngine::planPreflight(leg);
        const bool legCors = cur.mode == http::RequestMode::Cors
            && (ctx.taintedOrigin || !origin->isSameOrigin(http::Origin::fromUrl(curUrl)));
        if (legCors && legPlan.required) {
            QByteArray acrm;
            QByteArray acrh;
            preflightValues(legPlan, cur, &acrm, &acrh);
            const http::HttpRequestHead ph = buildPreflightHead(ctx, curUrl, acrm, acrh, m_options.browser);
            Transfer pt = sendRequest(ph, {}, m_options.transport, epoch, &pool, "uncredentialed");
            r.steps.append(ProbeStep { StepKind::RedirectPreflight, hop + 1, pt });
            leg.preflight = http::Preflight { ph, pt.response };
            const cors::Verdict lv = engine.evaluate(leg);
            if (!pt.ok() || stageFailed(lv, cors::Stage::Preflight)) {
                if (!pt.ok())
                    fail(pt);
                r.verdict = lv;
                legVerdictSet = true;
                r.notes << QStringLiteral("the new preflight after redirect %1 (to %2) failed; the verdict below is "
                                          "for that preflight")
                               .arg(hop + 1)
                               .arg(curUrl.toString());
                break;
            }
        }
    }

    if (!blockedBeforeActual && !legVerdictSet)
        r.verdict = engine.evaluate(ex);
    r.totalMs = sinceStart();
    return r;
}

Result<ReplayResult> Prober::replay(const http::Exchange& saved, const ReplayEdits& edits) const
{
    http::RequestIntent intent = saved.request;
    if (edits.method)
        intent.method = *edits.method;
    if (edits.url)
        intent.url = *edits.url;
    if (edits.body) {
        intent.body = *edits.body;
        if (intent.bodyKind == http::BodyKind::None && !intent.body.isEmpty())
            intent.bodyKind = http::BodyKind::Text;
    }
    if (edits.credentials)
        intent.credentials = *edits.credentials;
    for (const QByteArray& name : edits.removeHeaders)
        intent.headers.removeAll(name);
    for (const http::Header& h : edits.setHeaders)
        intent.headers.set(h.name, h.value);
    const QString pageOrigin = edits.pageOrigin.value_or(saved.pageOrigin);

    ProbeOptions opts = m_options;
    if (opts.pageUrl.isEmpty() && !edits.pageOrigin)
        opts.pageUrl = saved.pageUrl;
    auto probed = Prober(opts).probe(pageOrigin, intent);
    if (!probed)
        return probed.error();
    ReplayResult out;
    out.probe = std::move(probed.value());
    const cors::Verdict before = cors::CorsEngine().evaluate(saved);
    const cors::Verdict& after = out.probe.verdict;
    auto describe = [](const cors::Verdict& v) {
        if (v.allowed)
            return QStringLiteral("allowed");
        return v.error ? QStringLiteral("blocked (%1)").arg(v.error->kind.isEmpty() ? v.error->networkError : v.error->kind)
                       : QStringLiteral("blocked");
    };
    if (describe(before) != describe(after))
        out.diff << QStringLiteral("verdict: %1 → %2").arg(describe(before), describe(after));
    out.diff << diffExchanges(saved, out.probe.exchange);
    return out;
}

void probeAsync(const ProbeOptions& options, const QString& pageOrigin, const http::RequestIntent& intent,
                QObject* context, std::function<void(Result<ProbeResult>)> done)
{
    QPointer<QObject> guard(context);
    QThread* thread = QThread::create([options, pageOrigin, intent, guard, done = std::move(done)]() mutable {
        auto result = std::make_shared<Result<ProbeResult>>(Prober(options).probe(pageOrigin, intent));
        // Delivered through the application object (GUI thread); `guard` is only read there.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, result, done = std::move(done)] {
                if (guard)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace corsbench::net
