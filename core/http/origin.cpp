// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
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
    const QString scheme = url.scheme().toLower();
    if (scheme == u"blob") {
        const QUrl inner(url.path());
        const QString innerScheme = inner.scheme().toLower();
        if (innerScheme == u"http" || innerScheme == u"https")
            return fromUrl(inner);
        return {};
    }
    const int def = defaultPortForScheme(scheme);
    if (def < 0 || url.host().isEmpty())
        return {};
    Origin o;
    o.m_opaque = false;
    o.m_scheme = scheme;
    o.m_host = url.host(QUrl::FullyEncoded).toLower();
    o.m_port = url.port(def);
    return o;
}

Result<Origin> Origin::parse(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed == u"null")
        return Origin {};
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
    QString out = m_scheme + QStringLiteral("://");
    if (m_host.contains(u':'))
        out += u'[' + m_host + u']';
    else
        out += m_host;
    if (m_port != defaultPortForScheme(m_scheme))
        out += u':' + QString::number(m_port);
    return out;
}

bool Origin::isSameOrigin(const Origin& other) const
{
    if (m_opaque || other.m_opaque)
        return false;
    return m_scheme == other.m_scheme && m_host == other.m_host && m_port == other.m_port;
}

} // namespace corsbench::http
