// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/header_list.h"

#include <QByteArray>
#include <QList>

#include <optional>

/// Fetch-standard predicates (https://fetch.spec.whatwg.org/#cors-safelisted-method and
/// following), with Chromium's deviations where it has them (services/network/public/cpp/cors/cors.cc).
namespace corsbench::cors::rules {

using http::HeaderList;
using http::trimOws;

/// fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT (case-insensitively);
/// every other method keeps the script's spelling (so `patch` stays `patch`).
QByteArray normalizeMethod(const QByteArray& method);
bool isCorsSafelistedMethod(const QByteArray& normalizedMethod);
bool isForbiddenMethod(const QByteArray& method);
bool isToken(QByteArrayView s);

/// A CORS-unsafe request-header byte (0x00-0x08, 0x0A-0x1F, "():<>?@[\]{} and DEL).
bool isCorsUnsafeRequestHeaderByte(char c);
bool isForbiddenRequestHeader(const QByteArray& name, const QByteArray& value);
/// Names a script may not set and the browser controls. Checked per name only.
bool isForbiddenRequestHeaderName(QByteArrayView lowerName);
bool isCorsSafelistedRequestHeader(const QByteArray& name, const QByteArray& value);
bool isNoCorsSafelistedRequestHeaderName(QByteArrayView lowerName);

/// The lower-cased names of the CORS-unsafe, non-forbidden request headers, in request
/// order, with Chromium's 1024-byte rule applied (all safelisted names become unsafe when
/// their values add up to more than 1024 bytes). May contain duplicates.
QList<QByteArray> corsUnsafeRequestHeaderNames(const HeaderList& headers);
/// The Access-Control-Request-Headers value: unique, sorted, comma-joined without spaces.
QByteArray accessControlRequestHeadersValue(const HeaderList& headers);

/// Parses a comma-separated list of HTTP tokens (empty items skipped, OWS trimmed).
/// nullopt when an item is not a token.
std::optional<QList<QByteArray>> parseTokenList(QByteArrayView value);

/// The same, without copying: the views point into `value`, which must outlive them.
std::optional<QList<QByteArrayView>> parseTokenListViews(QByteArrayView value);

bool isCorsSafelistedResponseHeaderName(QByteArrayView lowerName);

/// MIME essence of a Content-Type value (type/subtype, lower-cased, parameters dropped).
QByteArray mimeEssence(QByteArrayView contentType);

} // namespace corsbench::cors::rules
