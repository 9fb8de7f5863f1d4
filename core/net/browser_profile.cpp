// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/net/browser_profile.h"

#include "core/cors/fetch_rules.h"
#include "core/http/origin.h"

#include <QHostAddress>

namespace corsbench::net {

namespace {

bool isIpLiteral(const QString& host)
{
    QHostAddress a;
    return a.setAddress(host);
}

// Registrable domain without a public-suffix list: the last two labels (good enough for
// loopback, IPs and the usual example.com / api.example.com pairs).
QString siteOf(const QString& host)
{
    if (isIpLiteral(host))
        return host;
    const QStringList labels = host.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return host.toLower();
    return (labels.at(labels.size() - 2) + QLatin1Char('.') + labels.last()).toLower();
}

bool isPotentiallyTrustworthy(const QUrl& url)
{
    if (url.scheme() == QLatin1String("https"))
        return true;
    const QString h = url.host().toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress a;
    return a.setAddress(h) && a.isLoopback();
}

bool sameOriginAs(const QString& pageOrigin, const QUrl& url)
{
    auto page = http::Origin::parse(pageOrigin);
    if (!page || page->isOpaque())
        return false;
    return page->isSameOrigin(http::Origin::fromUrl(url));
}

} // namespace

QByteArray hostHeaderValue(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int def = http::defaultPortForScheme(url.scheme().toLower());
    if (url.port() != -1 && url.port() != def)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray secFetchSite(const QString& pageOrigin, const QUrl& url)
{
    auto page = http::Origin::parse(pageOrigin);
    if (!page || page->isOpaque())
        return "cross-site";
    const http::Origin target = http::Origin::fromUrl(url);
    if (page->isSameOrigin(target))
        return "same-origin";
    if (page->scheme() == target.scheme() && siteOf(page->host()) == siteOf(target.host()))
        return "same-site";
    return "cross-site";
}

QByteArray refererFor(const RequestContext& context, const QUrl& url)
{
    auto page = http::Origin::parse(context.pageOrigin);
    if (!page || page->isOpaque())
        return {};
    const QUrl pageUrl = context.pageUrl.isEmpty() ? QUrl(context.pageOrigin + QLatin1Char('/')) : QUrl(context.pageUrl);
    if (pageUrl.scheme() != QLatin1String("http") && pageUrl.scheme() != QLatin1String("https"))
        return {};
    // strict-origin-when-cross-origin: no referrer on an https -> http downgrade
    if (pageUrl.scheme() == QLatin1String("https") && url.scheme() == QLatin1String("http"))
        return {};
    if (!context.taintedOrigin && sameOriginAs(context.pageOrigin, url))
        return pageUrl.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo).toEncoded();
    return page->serialize().toUtf8() + '/';
}

QByteArray impliedContentType(const http::RequestIntent& intent)
{
    switch (intent.bodyKind) {
    case http::BodyKind::None:
        return {};
    case http::BodyKind::Text:
    case http::BodyKind::Json: // JSON.stringify(...) is a string body
        return "text/plain;charset=UTF-8";
    case http::BodyKind::UrlSearchParams:
        return "application/x-www-form-urlencoded;charset=UTF-8";
    case http::BodyKind::FormData:
        return "multipart/form-data; boundary=----WebKitFormBoundaryCorsbench0000";
    case http::BodyKind::Blob:
        return intent.blobType;
    }
    return {};
}

http::HttpRequestHead buildPreflightHead(const RequestContext& context, const QUrl& url, const QByteArray& acrm,
                                         const QByteArray& acrh, const BrowserProfile& profile)
{
    http::HttpRequestHead head;
    head.method = "OPTIONS";
    head.url = url;
    http::HeaderList& h = head.headers;
    h.append("Host", hostHeaderValue(url));
    h.append("Connection", "keep-alive");
    h.append("Accept", "*/*");
    h.append("Access-Control-Request-Method", acrm);
    if (!acrh.isEmpty())
        h.append("Access-Control-Request-Headers", acrh);
    h.append("Origin", context.taintedOrigin ? QByteArray("null") : context.pageOrigin.toUtf8());
    h.append("User-Agent", profile.userAgent);
    h.append("Sec-Fetch-Mode", "cors");
    h.append("Sec-Fetch-Site", context.taintedOrigin ? QByteArray("cross-site") : secFetchSite(context.pageOrigin, url));
    h.append("Sec-Fetch-Dest", "empty");
    const QByteArray referer = refererFor(context, url);
    if (!referer.isEmpty())
        h.append("Referer", referer);
    h.append("Accept-Encoding", profile.acceptEncoding);
    h.append("Accept-Language", profile.acceptLanguage);
    return head;
}

http::HttpRequestHead buildActualHead(const RequestContext& context, const http::RequestIntent& intent,
                                      const QUrl& url, const QByteArray& body, const QByteArray& cookie,
                                      const BrowserProfile& profile, QStringList* dropped)
{
    http::HttpRequestHead head;
    head.method = cors::rules::normalizeMethod(intent.method);
    head.url = url;
    const bool sameOrigin = !context.taintedOrigin && sameOriginAs(context.pageOrigin, url);

    // Author headers the page may set, in the order the script gave them.
    http::HeaderList author;
    QByteArray authorAccept;
    QByteArray authorUa;
    QByteArray authorAcceptLanguage;
    for (const http::Header& a : intent.headers) {
        if (cors::rules::isForbiddenRequestHeader(a.name, a.value)) {
            if (dropped)
                *dropped << QString::fromLatin1(a.name);
            continue;
        }
        if (http::headerNameEquals(a.name, "accept"))
            authorAccept = a.value;
        else if (http::headerNameEquals(a.name, "user-agent"))
            authorUa = a.value;
        else if (http::headerNameEquals(a.name, "accept-language"))
            authorAcceptLanguage = a.value;
        else
            author.append(a);
    }
    if (!body.isEmpty() || intent.bodyKind != http::BodyKind::None) {
        const QByteArray implied = impliedContentType(intent);
        if (!author.contains("content-type") && !implied.isEmpty())
            author.append("Content-Type", implied);
    }

    const bool trustworthy = isPotentiallyTrustworthy(url);
    http::HeaderList& h = head.headers;
    h.append("Host", hostHeaderValue(url));
    h.append("Connection", "keep-alive");
    if (!body.isEmpty() || head.method == "POST" || head.method == "PUT")
        h.append("Content-Length", QByteArray::number(body.size()));
    if (trustworthy)
        h.append("sec-ch-ua-platform", profile.secChUaPlatform);
    // Chromium 156 puts Authorization before User-Agent and the other author headers after
    // sec-ch-ua (corpus raw-preflight-acah-star-authorization, fa-allow-headers-explicit-xtoken).
    for (const http::Header& a : author) {
        if (http::headerNameEquals(a.name, "authorization"))
            h.append(a);
    }
    h.append("User-Agent", authorUa.isEmpty() ? profile.userAgent : authorUa);
    if (trustworthy)
        h.append("sec-ch-ua", profile.secChUa);
    for (const http::Header& a : author) {
        if (!http::headerNameEquals(a.name, "authorization"))
            h.append(a);
    }
    if (trustworthy)
        h.append("sec-ch-ua-mobile", "?0");
    h.append("Accept", authorAccept.isEmpty() ? QByteArray("*/*") : authorAccept);
    // Fetch "append a request Origin header": always for CORS requests; for same-origin ones only
    // when the method is neither GET nor HEAD.
    const bool corsRequest = intent.mode == http::RequestMode::Cors && !sameOrigin;
    if (corsRequest || (head.method != "GET" && head.method != "HEAD"))
        h.append("Origin", context.taintedOrigin ? QByteArray("null") : context.pageOrigin.toUtf8());
    h.append("Sec-Fetch-Site", context.taintedOrigin ? QByteArray("cross-site") : secFetchSite(context.pageOrigin, url));
    QByteArray mode = "cors";
    if (intent.mode == http::RequestMode::NoCors)
        mode = "no-cors";
    else if (intent.mode == http::RequestMode::SameOrigin)
        mode = "same-origin";
    h.append("Sec-Fetch-Mode", mode);
    h.append("Sec-Fetch-Dest", "empty");
    const QByteArray referer = refererFor(context, url);
    if (!referer.isEmpty())
        h.append("Referer", referer);
    h.append("Accept-Encoding", profile.acceptEncoding);
    h.append("Accept-Language", authorAcceptLanguage.isEmpty() ? profile.acceptLanguage : authorAcceptLanguage);
    const bool sendCookie = intent.credentials == http::CredentialsMode::Include
        || (intent.credentials == http::CredentialsMode::SameOrigin && sameOrigin);
    if (sendCookie && !cookie.isEmpty())
        h.append("Cookie", cookie);
    return head;
}

} // namespace corsbench::net
