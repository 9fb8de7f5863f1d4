// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cors/fetch_rules.h"

#include <algorithm>

namespace corsbench::cors::rules {
namespace {

bool isTChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool hasUnsafeByte(QByteArrayView v)
{
    return std::any_of(v.begin(), v.end(), isCorsUnsafeRequestHeaderByte);
}

bool isDecimal(QByteArrayView v, bool allowDot)
{
    if (v.isEmpty())
        return false;
    bool dot = false;
    for (char c : v) {
        if (c == '.' && allowDot && !dot) {
            dot = true;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Fetch: "simple range header value" — bytes=N- or bytes=N-M, a single range, no suffix.
bool isSimpleRangeHeaderValue(QByteArrayView v)
{
    if (!v.startsWith("bytes="))
        return false;
    v = v.sliced(6);
    const qsizetype dash = v.indexOf('-');
    if (dash <= 0)
        return false;
    const QByteArrayView start = v.first(dash);
    const QByteArrayView end = v.sliced(dash + 1);
    if (!isDecimal(start, false))
        return false;
    if (end.isEmpty())
        return true;
    if (!isDecimal(end, false))
        return false;
    return start.toULongLong() <= end.toULongLong();
}

} // namespace

QByteArray normalizeMethod(const QByteArray& method)
{
    static const QByteArray kNormalized[] = { "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT" };
    for (const auto& m : kNormalized)
        if (method.compare(m, Qt::CaseInsensitive) == 0)
            return m;
    return method;
}

bool isCorsSafelistedMethod(const QByteArray& m)
{
    return m == "GET" || m == "HEAD" || m == "POST";
}

bool isForbiddenMethod(const QByteArray& m)
{
    return m.compare("CONNECT", Qt::CaseInsensitive) == 0 || m.compare("TRACE", Qt::CaseInsensitive) == 0
        || m.compare("TRACK", Qt::CaseInsensitive) == 0;
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTChar);
}

bool isCorsUnsafeRequestHeaderByte(char ch)
{
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != 0x09)
        return true;
    switch (c) {
    case '"':
    case '(':
    case ')':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '{':
    case '}':
    case 0x7F:
        return true;
    default:
        return false;
    }
}

bool isForbiddenRequestHeaderName(QByteArrayView n)
{
    static const char* const kForbidden[] = { "accept-charset", "accept-encoding", "access-control-request-headers",
        "access-control-request-method", "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect",
        "host", "keep-alive", "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade",
        "via" };
    for (const char* f : kForbidden)
        if (n == QByteArrayView(f))
            return true;
    return n.startsWith("proxy-") || n.startsWith("sec-");
}

bool isForbiddenRequestHeader(const QByteArray& name, const QByteArray& value)
{
    const QByteArray lower = name.toLower();
    if (isForbiddenRequestHeaderName(lower))
        return true;
    if (lower == "x-http-method" || lower == "x-http-method-override" || lower == "x-method-override") {
        const QList<QByteArray> parts = value.split(',');
        return std::any_of(parts.begin(), parts.end(), [](const QByteArray& p) { return isForbiddenMethod(p.trimmed()); });
    }
    return false;
}

QByteArray mimeEssence(QByteArrayView contentType)
{
    qsizetype end = contentType.indexOf(';');
    if (end < 0)
        end = contentType.size();
    return QByteArray(contentType.first(end).data(), end).trimmed().toLower();
}

bool isCorsSafelistedRequestHeader(const QByteArray& name, const QByteArray& value)
{
    if (value.size() > 128)
        return false;
    const QByteArray n = name.toLower();
    if (n == "accept")
        return !hasUnsafeByte(value);
    if (n == "accept-language" || n == "content-language") {
        return std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '*'
                || c == ',' || c == '-' || c == '.' || c == ';' || c == '=';
        });
    }
    if (n == "content-type") {
        if (hasUnsafeByte(value))
            return false;
        const QByteArray essence = mimeEssence(value);
        return essence == "application/x-www-form-urlencoded" || essence == "multipart/form-data"
            || essence == "text/plain";
    }
    if (n == "range")
        return isSimpleRangeHeaderValue(value);
    // Chromium extras (client hints and friends), not in the Fetch standard.
    if (n == "save-data")
        return value == "on";
    if (n == "device-memory" || n == "dpr")
        return isDecimal(value, true);
    if (n == "width" || n == "viewport-width")
        return isDecimal(value, false);
    return false;
}

bool isNoCorsSafelistedRequestHeaderName(QByteArrayView n)
{
    return n == "accept" || n == "accept-language" || n == "content-language" || n == "content-type";
}

QList<QByteArray> corsUnsafeRequestHeaderNames(const HeaderList& headers)
{
    QList<QByteArray> unsafe;
    QList<QByteArray> safe;
    qsizetype safeSize = 0;
    for (const auto& h : headers) {
        if (isForbiddenRequestHeader(h.name, h.value))
            continue;
        if (isCorsSafelistedRequestHeader(h.name, h.value)) {
            safe.append(h.name.toLower());
            safeSize += h.value.size();
        } else {
            unsafe.append(h.name.toLower());
        }
    }
    if (safeSize > 1024)
        unsafe.append(safe);
    return unsafe;
}

QByteArray accessControlRequestHeadersValue(const HeaderList& headers)
{
    QList<QByteArray> names = corsUnsafeRequestHeaderNames(headers);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names.join(',');
}

std::optional<QList<QByteArray>> parseTokenList(QByteArrayView value)
{
    QList<QByteArray> out;
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        const QByteArray item = trimOws(value.sliced(start, comma - start));
        if (!item.isEmpty()) {
            if (!isToken(item))
                return std::nullopt;
            out.append(item);
        }
        start = comma + 1;
    }
    return out;
}

std::optional<QList<QByteArrayView>> parseTokenListViews(QByteArrayView value)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        qsizetype b = start;
        qsizetype e = comma;
        while (b < e && (value[b] == ' ' || value[b] == '\t'))
            ++b;
        while (e > b && (value[e - 1] == ' ' || value[e - 1] == '\t'))
            --e;
        if (e > b) {
            const QByteArrayView item = value.sliced(b, e - b);
            if (!isToken(item))
                return std::nullopt;
            out.append(item);
        }
        start = comma + 1;
    }
    return out;
}

bool isCorsSafelistedResponseHeaderName(QByteArrayView n)
{
    return n == "cache-control" || n == "content-language" || n == "content-length" || n == "content-type"
        || n == "expires" || n == "last-modified" || n == "pragma";
}

} // namespace corsbench::cors::rules
