// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/header_list.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace corsbench::http {

enum class CredentialsMode { Omit, SameOrigin, Include };
enum class RequestMode { Cors, NoCors, SameOrigin, Navigate };
enum class RedirectMode { Follow, Error, Manual };
enum class BodyKind { None, Text, Json, UrlSearchParams, FormData, Blob };

/// One request head as it went on the wire (or as a browser would send it).
struct HttpRequestHead {
    QByteArray method;
    QUrl url;
    HeaderList headers;
    friend bool operator==(const HttpRequestHead&, const HttpRequestHead&) = default;
};

/// One response head, or a transport failure in place of it.
struct HttpResponseHead {
    int status = 0;
    QByteArray reason;
    HeaderList headers;
    /// Non-empty when the server gave no HTTP answer ("connection refused", "timeout", ...).
    QString networkError;

    bool isNetworkError() const { return !networkError.isEmpty(); }
    bool isRedirect() const;
    friend bool operator==(const HttpResponseHead&, const HttpResponseHead&) = default;
};

/// What the page's script asked for: `fetch(url, init)`.
struct RequestIntent {
    QByteArray method = "GET"; // as the script wrote it
    QUrl url;
    HeaderList headers; // author headers only
    CredentialsMode credentials = CredentialsMode::SameOrigin;
    RequestMode mode = RequestMode::Cors;
    RedirectMode redirect = RedirectMode::Follow;
    BodyKind bodyKind = BodyKind::None;
    QByteArray blobType; // Content-Type a Blob body implies
    QByteArray body; // optional, for probing
    friend bool operator==(const RequestIntent&, const RequestIntent&) = default;
};

struct Preflight {
    std::optional<HttpRequestHead> request; // optional on input
    HttpResponseHead response;
    friend bool operator==(const Preflight&, const Preflight&) = default;
};

/// One hop of the actual request; a 3xx hop is followed by the next one.
struct Hop {
    std::optional<HttpRequestHead> request;
    HttpResponseHead response;
    friend bool operator==(const Hop&, const Hop&) = default;
};

/// One cross-origin fetch as a browser saw it (format corsbench.exchange/1).
struct Exchange {
    QString pageOrigin = QStringLiteral("null"); // serialized origin or "null"
    QString pageUrl; // optional
    RequestIntent request;
    std::optional<Preflight> preflight;
    QList<Hop> actual;
    friend bool operator==(const Exchange&, const Exchange&) = default;
};

QString toString(CredentialsMode m);
QString toString(RequestMode m);
QString toString(RedirectMode m);
QString toString(BodyKind k);
std::optional<CredentialsMode> credentialsModeFromString(QStringView s);
std::optional<RequestMode> requestModeFromString(QStringView s);
std::optional<RedirectMode> redirectModeFromString(QStringView s);
std::optional<BodyKind> bodyKindFromString(QStringView s);

} // namespace corsbench::http
