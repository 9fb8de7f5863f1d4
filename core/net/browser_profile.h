// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// The request heads a browser puts on the wire, modelled on Chromium 156 as recorded in the
/// shared corpus (header order included): the preflight per Fetch "CORS-preflight fetch" plus
/// the headers Chromium's network stack adds, and the actual request with the author headers
/// in Chromium's position.
namespace corsbench::net {

struct BrowserProfile {
    QByteArray userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                           "Chrome/156.0.0.0 Safari/537.36";
    QByteArray acceptLanguage = "en-US,en;q=0.9";
    QByteArray acceptEncoding = "gzip, deflate, br, zstd";
    QByteArray secChUa = "\"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\"";
    QByteArray secChUaPlatform = "\"Linux\"";
};

/// Where the request is going, as the browser sees it for one hop.
struct RequestContext {
    QString pageOrigin; // serialized page origin, or "null"
    QString pageUrl; // optional; defaults to pageOrigin + "/"
    bool taintedOrigin = false; // after a cross-origin redirect: Origin becomes "null"
};

/// `Host` value for a URL: host[:port], port only when not the scheme's default, IPv6 bracketed.
QByteArray hostHeaderValue(const QUrl& url);
/// `Sec-Fetch-Site` for a request from `pageOrigin` to `url` ("same-origin", "same-site",
/// "cross-site"; "cross-site" for opaque origins).
QByteArray secFetchSite(const QString& pageOrigin, const QUrl& url);
/// `Referer` under the default policy strict-origin-when-cross-origin; empty = not sent.
QByteArray refererFor(const RequestContext& context, const QUrl& url);

/// The OPTIONS preflight Chromium sends for `intent` at `url`. `acrm`/`acrh` are the
/// Access-Control-Request-Method/-Headers values (acrh empty = header omitted).
http::HttpRequestHead buildPreflightHead(const RequestContext& context, const QUrl& url, const QByteArray& acrm,
                                         const QByteArray& acrh, const BrowserProfile& profile = {});

/// The actual request head. Author headers a page cannot set (forbidden names) are left out
/// and listed in `dropped`. `cookie` is sent only when the credentials mode allows it.
http::HttpRequestHead buildActualHead(const RequestContext& context, const http::RequestIntent& intent,
                                      const QUrl& url, const QByteArray& body, const QByteArray& cookie,
                                      const BrowserProfile& profile = {}, QStringList* dropped = nullptr);

/// The Content-Type a browser adds for a body the script gave without one (text →
/// "text/plain;charset=UTF-8", ...); empty when none is added.
QByteArray impliedContentType(const http::RequestIntent& intent);

} // namespace corsbench::net
