// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Shared helpers for the core tests: readable gtest output for Qt types, a small builder for
// hand-made exchanges, and look-ups into a Verdict's check list.
#pragma once

#include "core/cors/cors_engine.h"
#include "core/cors/verdict.h"
#include "core/http/exchange.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <gtest/gtest.h>

#include <optional>
#include <ostream>

// gtest finds these by argument-dependent lookup (Qt types live in the global namespace).
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}
inline void PrintTo(const QByteArray& b, std::ostream* os)
{
    *os << "b\"" << b.toStdString() << '"';
}
inline void PrintTo(const QStringList& l, std::ostream* os)
{
    *os << '[';
    for (qsizetype i = 0; i < l.size(); ++i)
        *os << (i ? ", " : "") << '"' << l.at(i).toStdString() << '"';
    *os << ']';
}
inline void PrintTo(const QList<QByteArray>& l, std::ostream* os)
{
    *os << '[';
    for (qsizetype i = 0; i < l.size(); ++i)
        *os << (i ? ", " : "") << '"' << l.at(i).toStdString() << '"';
    *os << ']';
}
inline void PrintTo(const QUrl& u, std::ostream* os)
{
    *os << u.toString().toStdString();
}

namespace corsbench::test {

inline const QString kPage = QStringLiteral("http://127.0.0.1:5173");
inline const QString kApi = QStringLiteral("http://127.0.0.1:8000/api/data");

inline QString testDataDir()
{
    return QStringLiteral(CORSBENCH_TEST_DATA_DIR);
}

inline QByteArray readTestFile(const QString& relative)
{
    QFile f(QDir(testDataDir()).filePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/// Builds an Exchange the way a test reads: the script's intent, then what came back.
/// Defaults: page http://127.0.0.1:5173, GET http://127.0.0.1:8000/api/data, mode cors,
/// credentials same-origin, redirect follow.
class ExchangeBuilder {
public:
    explicit ExchangeBuilder(const QString& pageOrigin = kPage, const QString& url = kApi)
    {
        m_ex.pageOrigin = pageOrigin;
        m_ex.request.url = QUrl(url);
    }

    ExchangeBuilder& pageUrl(const QString& url)
    {
        m_ex.pageUrl = url;
        return *this;
    }
    ExchangeBuilder& method(const QByteArray& m)
    {
        m_ex.request.method = m;
        return *this;
    }
    ExchangeBuilder& header(const QByteArray& name, const QByteArray& value)
    {
        m_ex.request.headers.append(name, value);
        return *this;
    }
    ExchangeBuilder& credentials(http::CredentialsMode c)
    {
        m_ex.request.credentials = c;
        return *this;
    }
    ExchangeBuilder& include() { return credentials(http::CredentialsMode::Include); }
    ExchangeBuilder& mode(http::RequestMode m)
    {
        m_ex.request.mode = m;
        return *this;
    }
    ExchangeBuilder& redirect(http::RedirectMode r)
    {
        m_ex.request.redirect = r;
        return *this;
    }
    ExchangeBuilder& body(http::BodyKind kind, const QByteArray& blobType = {})
    {
        m_ex.request.bodyKind = kind;
        m_ex.request.blobType = blobType;
        return *this;
    }
    /// A recorded preflight response (its request part left for the engine to compute).
    ExchangeBuilder& preflight(int status, http::HeaderList headers)
    {
        http::Preflight pf;
        pf.response.status = status;
        pf.response.headers = std::move(headers);
        m_ex.preflight = pf;
        return *this;
    }
    ExchangeBuilder& preflightNetworkError(const QString& error)
    {
        http::Preflight pf;
        pf.response.networkError = error;
        m_ex.preflight = pf;
        return *this;
    }
    /// One actual hop. `url` defaults to the request URL for the first hop; later hops must
    /// name their URL (the redirect target).
    ExchangeBuilder& hop(int status, http::HeaderList headers, const QString& url = {})
    {
        http::Hop h;
        if (!url.isEmpty() || m_ex.actual.isEmpty()) {
            http::HttpRequestHead req;
            req.method = m_ex.request.method;
            req.url = url.isEmpty() ? m_ex.request.url : QUrl(url);
            h.request = req;
        }
        h.response.status = status;
        h.response.headers = std::move(headers);
        m_ex.actual.append(h);
        return *this;
    }
    ExchangeBuilder& hopNetworkError(const QString& error)
    {
        http::Hop h;
        h.response.networkError = error;
        m_ex.actual.append(h);
        return *this;
    }
    /// Shorthand: a 200 whose only CORS header is ACAO = `acao`.
    ExchangeBuilder& ok(const QByteArray& acao)
    {
        return hop(200, { { "Access-Control-Allow-Origin", acao }, { "Vary", "Origin" } });
    }

    http::Exchange build() const { return m_ex; }
    cors::Verdict judge() const { return cors::CorsEngine().evaluate(m_ex); }

private:
    http::Exchange m_ex;
};

/// The `nth` check with this id, or nullptr.
inline const cors::Check* findCheck(const cors::Verdict& v, const QString& id, int nth = 0)
{
    for (const auto& c : v.checks) {
        if (c.id == id && nth-- == 0)
            return &c;
    }
    return nullptr;
}

inline QStringList checkIds(const cors::Verdict& v)
{
    QStringList ids;
    for (const auto& c : v.checks)
        ids.append(c.id);
    return ids;
}

inline QStringList reportedIds(const cors::Verdict& v)
{
    QStringList ids;
    for (const auto& c : v.checks)
        if (c.reported)
            ids.append(c.id);
    return ids;
}

inline QString describe(const cors::Verdict& v)
{
    QString out;
    for (const auto& c : v.checks)
        out += QStringLiteral("  %1 [%2]%3 %4\n").arg(c.id, cors::toString(c.status), c.reported ? QStringLiteral(" REPORTED") : QString(), c.explanation);
    if (v.error)
        out += QStringLiteral("  error: %1 (%2) %3\n").arg(v.error->kind, v.error->failedParameter, v.error->chromeMessage);
    return out;
}

} // namespace corsbench::test
