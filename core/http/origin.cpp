// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#define QT_USE_QSTRINGBUILDER
#include "core/http/origin.h"

namespace corsbench::http {

int defaultPortForScheme(QStringView scheme)
{
    if (scheme == u"http" || scheme == u"ws")
        return 80;
    if (scheme == u"https" || scheme == u"wss")
        return 443;
    if (scheme == u"ftp")
        return 21;
    return -1;
}

Origin Origin::fromUrl(const QUrl& url)
{
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme(); // QUrl lower-cases schemes
    if (scheme == u"blob") {
        const QUrl inner(url.path());
        const QString innerScheme = inner.scheme().toLower();
        if (innerScheme == u"http" || innerScheme == u"https")
            return fromUrl(inner);
        return {};
    }
    const int def = defaultPortForScheme(scheme);
    if (def < 0)
        return {};
    QString host = url.host(QUrl::FullyEncoded);
    if (host.isEmpty())
        return {};
    Origin o;
    o.m_opaque = false;
    o.m_scheme = scheme;
    o.m_host = std::move(host); // QUrl lower-cases registered names
    o.m_port = url.port(def);
    return o;
}

namespace {

bool isDottedDecimal(QStringView host)
{
    int parts = 0;
    for (QStringView part : host.tokenize(u'.')) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part[0] == u'0'))
            return false;
        for (QChar c : part)
            if (c < u'0' || c > u'9')
                return false;
        if (part.toInt() > 255)
            return false;
        ++parts;
    }
    return parts == 4;
}

/// The common case `scheme://host[:port]` in plain ASCII, without QUrl. Returns false when
/// anything is unusual, and the caller falls back to the full URL parser.
bool parseSimpleOrigin(QStringView t, QString& scheme, QString& host, int& port)
{
    const qsizetype sep = t.indexOf(u"://");
    if (sep <= 0)
        return false;
    const QStringView s = t.first(sep);
    if (s != u"http" && s != u"https" && s != u"ws" && s != u"wss" && s != u"ftp")
        return false;
    QStringView rest = t.sliced(sep + 3);
    if (rest.endsWith(u'/'))
        rest.chop(1);
    qsizetype colon = rest.lastIndexOf(u':');
    QStringView h = colon >= 0 ? rest.first(colon) : rest;
    int p = defaultPortForScheme(s);
    if (colon >= 0) {
        const QStringView digits = rest.sliced(colon + 1);
        if (digits.isEmpty() || digits.size() > 5)
            return false;
        for (QChar c : digits)
            if (c < u'0' || c > u'9')
                return false;
        p = digits.toInt();
        if (p > 65535)
            return false;
    }
    if (h.isEmpty() || h.startsWith(u'.') || h.startsWith(u'-'))
        return false;
    bool lastLabelNumeric = true;
    for (QChar c : h) {
        const char16_t u = c.unicode();
        if (u == u'.') {
            lastLabelNumeric = true;
            continue;
        }
        const bool lower = u >= u'a' && u <= u'z';
        const bool upper = u >= u'A' && u <= u'Z';
        const bool digit = u >= u'0' && u <= u'9';
        if (!(lower || upper || digit || u == u'-' || u == u'_'))
            return false;
        if (!digit)
            lastLabelNumeric = false;
    }
    if (lastLabelNumeric && !isDottedDecimal(h))
        return false; // IPv4 shorthand and friends: let QUrl normalise them
    scheme = s.toString();
    host = h.toString().toLower();
    port = p;
    return true;
}

} // namespace

Result<Origin> Origin::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t == u"null")
        return Origin {};
    {
        Origin o;
        if (parseSimpleOrigin(t, o.m_scheme, o.m_host, o.m_port)) {
            o.m_opaque = false;
            return o;
        }
    }
    const QString trimmed = t.toString();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("empty origin"));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("'%1' is not an origin (expected scheme://host[:port] or null)").arg(trimmed));
    if (defaultPortForScheme(url.scheme().toLower()) < 0)
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("'%1' has scheme '%2', whose origin is opaque; write null instead").arg(trimmed, url.scheme()));
    if (url.host().isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("'%1' has no host").arg(trimmed));
    if ((!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("'%1' is a URL, not an origin: an origin has no user, path, query or fragment").arg(trimmed));
    return fromUrl(url);
}

QString Origin::serialize() const
{
    if (m_opaque)
        return QStringLiteral("null");
    const bool v6 = m_host.contains(u':');
    const bool port = m_port != defaultPortForScheme(m_scheme);
    return m_scheme % QLatin1String("://") % (v6 ? QStringLiteral("[") : QString()) % m_host % (v6 ? QStringLiteral("]") : QString())
        % (port ? u':' % QString::number(m_port) : QString());
}

bool Origin::isSameOrigin(const Origin& other) const
{
    if (m_opaque || other.m_opaque)
        return false;
    return m_scheme == other.m_scheme && m_host == other.m_host && m_port == other.m_port;
}

} // namespace corsbench::http
