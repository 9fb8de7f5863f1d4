// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// diffExchanges (declared in prober.h): what changed between a saved exchange and its replay.
#include "core/net/prober.h"

namespace corsbench::net {

namespace {

QString text(const QByteArray& b) { return QString::fromLatin1(b); }

bool ignored(const QByteArray& name, const QList<QByteArray>& ignore)
{
    const QByteArray lower = name.toLower();
    return ignore.contains(lower);
}

// Per header name (first-seen order across both lists): the values before and after.
void diffHeaders(const QString& where, const http::HeaderList& a, const http::HeaderList& b,
                 const QList<QByteArray>& ignore, QStringList* out)
{
    QList<QByteArray> names;
    QList<QByteArray> spelled;
    for (const http::HeaderList* list : { &a, &b }) {
        for (const http::Header& h : *list) {
            const QByteArray lower = h.name.toLower();
            if (!names.contains(lower) && !ignored(lower, ignore)) {
                names << lower;
                spelled << h.name;
            }
        }
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QList<QByteArray> va = a.values(names.at(i));
        const QList<QByteArray> vb = b.values(names.at(i));
        if (va == vb)
            continue;
        const QString n = text(spelled.at(i));
        if (va.isEmpty()) {
            for (const QByteArray& v : vb)
                *out << QStringLiteral("%1: + %2: %3").arg(where, n, text(v));
        } else if (vb.isEmpty()) {
            for (const QByteArray& v : va)
                *out << QStringLiteral("%1: - %2: %3").arg(where, n, text(v));
        } else if (va.size() == 1 && vb.size() == 1) {
            *out << QStringLiteral("%1: ~ %2: %3 → %4").arg(where, n, text(va.first()), text(vb.first()));
        } else {
            auto join = [](const QList<QByteArray>& vs) {
                QStringList parts;
                for (const QByteArray& v : vs)
                    parts << QStringLiteral("\"%1\"").arg(QString::fromLatin1(v));
                return parts.join(QStringLiteral(" + "));
            };
            *out << QStringLiteral("%1: ~ %2 (%3 lines → %4 lines): %5 → %6")
                        .arg(where, n)
                        .arg(va.size())
                        .arg(vb.size())
                        .arg(join(va), join(vb));
        }
    }
}

QString statusText(const http::HttpResponseHead& r)
{
    if (r.isNetworkError())
        return QStringLiteral("network error (%1)").arg(r.networkError);
    return QStringLiteral("%1 %2").arg(r.status).arg(text(r.reason)).trimmed();
}

void diffResponse(const QString& where, const http::HttpResponseHead& a, const http::HttpResponseHead& b,
                  const QList<QByteArray>& ignore, QStringList* out)
{
    if (a.status != b.status || a.networkError != b.networkError)
        *out << QStringLiteral("%1 status: %2 → %3").arg(where, statusText(a), statusText(b));
    diffHeaders(QStringLiteral("%1 header").arg(where), a.headers, b.headers, ignore, out);
}

void diffRequest(const QString& where, const std::optional<http::HttpRequestHead>& a,
                 const std::optional<http::HttpRequestHead>& b, const QList<QByteArray>& ignore, QStringList* out)
{
    if (!a || !b)
        return; // request heads are optional in saved exchanges
    if (a->method != b->method)
        *out << QStringLiteral("%1 method: %2 → %3").arg(where, text(a->method), text(b->method));
    if (a->url != b->url)
        *out << QStringLiteral("%1 URL: %2 → %3").arg(where, a->url.toString(), b->url.toString());
    // Host changes with the port of a re-started server; still worth showing.
    diffHeaders(QStringLiteral("%1 header").arg(where), a->headers, b->headers, ignore, out);
}

} // namespace

QStringList diffExchanges(const http::Exchange& before, const http::Exchange& after, const QList<QByteArray>& ignore)
{
    QStringList out;
    if (before.pageOrigin != after.pageOrigin)
        out << QStringLiteral("page origin: %1 → %2").arg(before.pageOrigin, after.pageOrigin);
    const http::RequestIntent& ra = before.request;
    const http::RequestIntent& rb = after.request;
    if (ra.method != rb.method)
        out << QStringLiteral("request method: %1 → %2").arg(text(ra.method), text(rb.method));
    if (ra.url != rb.url)
        out << QStringLiteral("request URL: %1 → %2").arg(ra.url.toString(), rb.url.toString());
    if (ra.credentials != rb.credentials)
        out << QStringLiteral("credentials: %1 → %2").arg(http::toString(ra.credentials), http::toString(rb.credentials));
    diffHeaders(QStringLiteral("author header"), ra.headers, rb.headers, {}, &out);

    if (before.preflight.has_value() != after.preflight.has_value()) {
        out << (after.preflight ? QStringLiteral("preflight: not sent → sent") : QStringLiteral("preflight: sent → not sent"));
    } else if (before.preflight) {
        diffRequest(QStringLiteral("preflight request"), before.preflight->request, after.preflight->request, ignore, &out);
        diffResponse(QStringLiteral("preflight response"), before.preflight->response, after.preflight->response, ignore,
                     &out);
    }

    if (before.actual.size() != after.actual.size())
        out << QStringLiteral("actual request hops: %1 → %2").arg(before.actual.size()).arg(after.actual.size());
    const qsizetype n = qMin(before.actual.size(), after.actual.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QString where = n == 1 && before.actual.size() == 1 && after.actual.size() == 1
            ? QStringLiteral("actual")
            : QStringLiteral("hop %1").arg(i + 1);
        diffRequest(where + QStringLiteral(" request"), before.actual.at(i).request, after.actual.at(i).request, ignore,
                    &out);
        diffResponse(where + QStringLiteral(" response"), before.actual.at(i).response, after.actual.at(i).response,
                     ignore, &out);
    }
    return out;
}

} // namespace corsbench::net
