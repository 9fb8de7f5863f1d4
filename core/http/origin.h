// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/support/result.h"

#include <QString>
#include <QUrl>

namespace corsbench::http {

/// A web origin per the URL standard: a (scheme, host, port) tuple or an opaque origin.
/// Tuple origins serialize as `scheme://host[:port]` with the default port dropped,
/// scheme and host lower-cased and IPv6 hosts bracketed; opaque origins as `null`.
class Origin {
public:
    Origin() = default; // opaque
    static Origin opaque() { return {}; }
    /// The origin of a URL. http(s)/ws(s)/ftp give a tuple origin; blob: uses its inner URL;
    /// everything else (data:, file:, about:, invalid URLs) is opaque.
    static Origin fromUrl(const QUrl& url);
    /// Parses a serialized origin as found in `Origin:` or `page_origin` (`null` → opaque).
    /// A single trailing `/` is tolerated; any other path, query or fragment is an error.
    static Result<Origin> parse(QStringView text);

    bool isOpaque() const { return m_opaque; }
    const QString& scheme() const { return m_scheme; }
    const QString& host() const { return m_host; }
    /// Effective port (the scheme's default when the URL had none).
    int port() const { return m_port; }
    QString serialize() const;

    /// Same origin: tuple origins compare all three parts; opaque origins never match anything
    /// (each opaque origin is unique), except that `isSameOrigin` of a copy of itself is not
    /// modelled: two opaque origins are treated as different.
    bool isSameOrigin(const Origin& other) const;

    friend bool operator==(const Origin&, const Origin&) = default;

private:
    QString m_scheme;
    QString m_host;
    int m_port = -1;
    bool m_opaque = true;
};

/// Default port for a special scheme, or -1.
int defaultPortForScheme(QStringView scheme);

} // namespace corsbench::http
