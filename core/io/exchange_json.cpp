// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/io/exchange_json.h"

#include "core/cors/fetch_rules.h"
#include "core/http/origin.h"
#include "core/io/json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace corsbench::io {
namespace {

using http::HeaderList;

const QString kFormat = QStringLiteral("corsbench.exchange/1");

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

Error typeError(const QString& path, const QString& expected, const QJsonValue& got)
{
    return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: expected %2, got %3").arg(path, expected, typeName(got)));
}

Error missing(const QString& path)
{
    return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: required member is missing").arg(path));
}

QString join(const QString& path, const QString& member)
{
    return path.isEmpty() ? member : path + u'.' + member;
}

/// Latin-1 bytes of a header string; header text outside Latin-1 is kept as UTF-8.
QByteArray headerBytes(const QString& s)
{
    for (QChar c : s)
        if (c.unicode() > 0xFF)
            return s.toUtf8();
    return s.toLatin1();
}

Result<QString> optString(const QJsonObject& o, const QString& key, const QString& path, const QString& fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return typeError(join(path, key), QStringLiteral("a string"), v);
    return v.toString();
}

Result<HeaderList> readHeaders(const QJsonValue& v, const QString& path)
{
    HeaderList out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (v.isObject())
        return makeError(ErrorCode::InvalidFormat,
            QStringLiteral("%1: headers must be an array of [name, value] pairs, not an object (wire order and duplicates matter)").arg(path));
    if (!v.isArray())
        return typeError(path, QStringLiteral("an array of [name, value] pairs"), v);
    const QJsonArray arr = v.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        // Built only on the error paths below: this loop is the reader's hot spot.
        const auto pathOf = [&]() { return path + u'[' + QString::number(i) + u']'; };
        const QJsonValue pair = arr.at(i);
        if (!pair.isArray() || pair.toArray().size() != 2) {
            const QString p = pathOf();
            return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: expected a [name, value] pair, got %2").arg(p,
                pair.isArray() ? QStringLiteral("an array of %1 items").arg(pair.toArray().size()) : typeName(pair)));
        }
        const QJsonArray a = pair.toArray();
        if (!a.at(0).isString())
            return typeError(pathOf() + QStringLiteral("[0]"), QStringLiteral("a header name string"), a.at(0));
        if (!a.at(1).isString())
            return typeError(pathOf() + QStringLiteral("[1]"), QStringLiteral("a header value string"), a.at(1));
        const QByteArray name = headerBytes(a.at(0).toString());
        const QByteArray value = headerBytes(a.at(1).toString());
        if (!cors::rules::isToken(name))
            return makeError(ErrorCode::InvalidFormat,
                QStringLiteral("%1[0]: '%2' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)").arg(pathOf(), a.at(0).toString().left(80)));
        for (qsizetype k = 0; k < value.size(); ++k) {
            const auto c = static_cast<unsigned char>(value.at(k));
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return makeError(ErrorCode::InvalidFormat,
                    QStringLiteral("%1[1]: header value has control character 0x%2 at offset %3 (CR, LF and NUL cannot appear in a header value)")
                        .arg(pathOf())
                        .arg(c, 2, 16, QLatin1Char('0'))
                        .arg(k));
        }
        out.append(name, value);
    }
    return out;
}

Result<QUrl> readUrl(const QJsonObject& o, const QString& path)
{
    const QJsonValue v = o.value(QStringLiteral("url"));
    const QString p = join(path, QStringLiteral("url"));
    if (v.isUndefined())
        return missing(p);
    if (!v.isString())
        return typeError(p, QStringLiteral("a URL string"), v);
    const QUrl url(v.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: '%2' is not an absolute URL").arg(p, v.toString().left(200)));
    if ((url.scheme() == u"http" || url.scheme() == u"https") && url.host().isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: '%2' has no host").arg(p, v.toString().left(200)));
    return url;
}

Result<QByteArray> readMethod(const QJsonObject& o, const QString& path, bool required)
{
    const QJsonValue v = o.value(QStringLiteral("method"));
    const QString p = join(path, QStringLiteral("method"));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return missing(p);
        return QByteArray("GET");
    }
    if (!v.isString())
        return typeError(p, QStringLiteral("a method string"), v);
    const QByteArray m = v.toString().toLatin1();
    if (!cors::rules::isToken(m))
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: '%2' is not a valid HTTP method").arg(p, v.toString().left(80)));
    return m;
}

Result<http::HttpRequestHead> readRequestHead(const QJsonValue& v, const QString& path)
{
    if (!v.isObject())
        return typeError(path, QStringLiteral("an object"), v);
    const QJsonObject o = v.toObject();
    http::HttpRequestHead r;
    auto m = readMethod(o, path, false);
    if (!m)
        return m.error();
    r.method = m.value();
    auto u = readUrl(o, path);
    if (!u)
        return u.error();
    r.url = u.value();
    auto h = readHeaders(o.value(QStringLiteral("headers")), join(path, QStringLiteral("headers")));
    if (!h)
        return h.error();
    r.headers = h.value();
    return r;
}

Result<http::HttpResponseHead> readResponse(const QJsonValue& v, const QString& path)
{
    if (v.isUndefined())
        return missing(path);
    if (!v.isObject())
        return typeError(path, QStringLiteral("an object"), v);
    const QJsonObject o = v.toObject();
    http::HttpResponseHead r;
    const QJsonValue ne = o.value(QStringLiteral("network_error"));
    if (!ne.isUndefined() && !ne.isNull()) {
        if (!ne.isString())
            return typeError(join(path, QStringLiteral("network_error")), QStringLiteral("a string"), ne);
        r.networkError = ne.toString();
        if (r.networkError.isEmpty())
            r.networkError = QStringLiteral("network error");
        return r;
    }
    const QJsonValue st = o.value(QStringLiteral("status"));
    const QString sp = join(path, QStringLiteral("status"));
    if (st.isUndefined())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: required member is missing (or give network_error)").arg(sp));
    if (!st.isDouble())
        return typeError(sp, QStringLiteral("an integer HTTP status"), st);
    const double d = st.toDouble();
    if (d != static_cast<double>(static_cast<int>(d)) || d < 100 || d > 999)
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: %2 is not an HTTP status (100-999)").arg(sp).arg(d));
    r.status = static_cast<int>(d);
    auto reason = optString(o, QStringLiteral("reason"), path, {});
    if (!reason)
        return reason.error();
    r.reason = reason.value().toLatin1();
    auto h = readHeaders(o.value(QStringLiteral("headers")), join(path, QStringLiteral("headers")));
    if (!h)
        return h.error();
    r.headers = h.value();
    return r;
}

template <typename E, typename F>
Result<E> readEnum(const QJsonObject& o, const QString& key, const QString& path, E fallback, F parse, const QString& allowed)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return typeError(join(path, key), QStringLiteral("one of %1").arg(allowed), v);
    const auto e = parse(v.toString());
    if (!e)
        return makeError(ErrorCode::UnsupportedValue,
            QStringLiteral("%1: unknown value '%2' (expected one of %3)").arg(join(path, key), v.toString().left(80), allowed));
    return *e;
}

QString lineColumn(QByteArrayView json, qsizetype offset)
{
    int line = 1;
    int col = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return QStringLiteral("line %1, column %2 (byte %3)").arg(line).arg(col).arg(offset);
}

Result<QJsonObject> parseObject(QByteArrayView json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidJson, QStringLiteral("invalid JSON at %1: %2").arg(lineColumn(json, err.offset), err.errorString()));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("expected a JSON object (an exchange or a case), got %1")
                                                       .arg(doc.isArray() ? QStringLiteral("an array") : QStringLiteral("a scalar")));
    return doc.object();
}

QJsonArray headersToJson(const HeaderList& headers, const WriteOptions& options)
{
    QJsonArray arr;
    for (const auto& h : headers) {
        const bool redact = options.redactSecrets && isSecretHeader(h.name);
        arr.append(QJsonArray { QString::fromLatin1(h.name), redact ? QStringLiteral("[redacted]") : QString::fromLatin1(h.value) });
    }
    return arr;
}

QString urlToJson(const QUrl& url, const WriteOptions& options)
{
    if (options.redactSecrets && !url.password().isEmpty()) {
        QUrl u = url;
        u.setPassword(QStringLiteral("redacted"));
        return u.toString(QUrl::FullyEncoded);
    }
    return url.toString(QUrl::FullyEncoded);
}

QJsonObject requestHeadToJson(const http::HttpRequestHead& r, const WriteOptions& options)
{
    return QJsonObject { { QStringLiteral("method"), QString::fromLatin1(r.method) }, { QStringLiteral("url"), urlToJson(r.url, options) },
        { QStringLiteral("headers"), headersToJson(r.headers, options) } };
}

QJsonObject responseToJson(const http::HttpResponseHead& r, const WriteOptions& options)
{
    if (r.isNetworkError())
        return QJsonObject { { QStringLiteral("network_error"), r.networkError } };
    QJsonObject o { { QStringLiteral("status"), r.status } };
    if (!r.reason.isEmpty())
        o.insert(QStringLiteral("reason"), QString::fromLatin1(r.reason));
    o.insert(QStringLiteral("headers"), headersToJson(r.headers, options));
    return o;
}

} // namespace

bool isSecretHeader(QByteArrayView name)
{
    const QByteArray n = name.toByteArray().toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie" || n == "x-api-key"
        || n == "api-key" || n == "x-auth-token" || n == "x-csrf-token" || n == "x-xsrf-token" || n.contains("token")
        || n.contains("secret") || n.contains("password") || n.contains("session");
}

Result<http::Exchange> exchangeFromJson(const QJsonObject& root, const QString& path)
{
    http::Exchange ex;
    const QJsonValue fmt = root.value(QStringLiteral("format"));
    if (!fmt.isUndefined() && !fmt.isNull()) {
        if (!fmt.isString())
            return typeError(join(path, QStringLiteral("format")), QStringLiteral("\"%1\"").arg(kFormat), fmt);
        if (fmt.toString() != kFormat)
            return makeError(ErrorCode::UnsupportedValue,
                QStringLiteral("%1: unsupported format '%2' (this build reads %3)").arg(join(path, QStringLiteral("format")), fmt.toString().left(80), kFormat));
    }
    const QJsonValue po = root.value(QStringLiteral("page_origin"));
    const QString pop = join(path, QStringLiteral("page_origin"));
    if (po.isUndefined())
        return missing(pop);
    if (!po.isString())
        return typeError(pop, QStringLiteral("an origin string or \"null\""), po);
    const auto origin = http::Origin::parse(po.toString());
    if (!origin)
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("%1: %2").arg(pop, origin.error().message));
    ex.pageOrigin = origin->serialize();
    auto pageUrl = optString(root, QStringLiteral("page_url"), path, {});
    if (!pageUrl)
        return pageUrl.error();
    ex.pageUrl = pageUrl.value();

    const QString rp = join(path, QStringLiteral("request"));
    const QJsonValue rv = root.value(QStringLiteral("request"));
    if (rv.isUndefined())
        return missing(rp);
    if (!rv.isObject())
        return typeError(rp, QStringLiteral("an object"), rv);
    const QJsonObject ro = rv.toObject();
    auto method = readMethod(ro, rp, false);
    if (!method)
        return method.error();
    ex.request.method = method.value();
    auto url = readUrl(ro, rp);
    if (!url)
        return url.error();
    ex.request.url = url.value();
    auto headers = readHeaders(ro.value(QStringLiteral("headers")), join(rp, QStringLiteral("headers")));
    if (!headers)
        return headers.error();
    ex.request.headers = headers.value();
    auto cred = readEnum(ro, QStringLiteral("credentials"), rp, http::CredentialsMode::SameOrigin, http::credentialsModeFromString,
        QStringLiteral("omit, same-origin, include"));
    if (!cred)
        return cred.error();
    ex.request.credentials = cred.value();
    auto mode = readEnum(ro, QStringLiteral("mode"), rp, http::RequestMode::Cors, http::requestModeFromString,
        QStringLiteral("cors, no-cors, same-origin, navigate"));
    if (!mode)
        return mode.error();
    ex.request.mode = mode.value();
    auto redirect = readEnum(ro, QStringLiteral("redirect"), rp, http::RedirectMode::Follow, http::redirectModeFromString,
        QStringLiteral("follow, error, manual"));
    if (!redirect)
        return redirect.error();
    ex.request.redirect = redirect.value();
    auto body = readEnum(ro, QStringLiteral("body_kind"), rp, http::BodyKind::None, http::bodyKindFromString,
        QStringLiteral("none, text, json, urlsearchparams, formdata, blob"));
    if (!body)
        return body.error();
    ex.request.bodyKind = body.value();
    auto blobType = optString(ro, QStringLiteral("blob_type"), rp, {});
    if (!blobType)
        return blobType.error();
    ex.request.blobType = blobType.value().toLatin1();
    auto bodyText = optString(ro, QStringLiteral("body"), rp, {});
    if (!bodyText)
        return bodyText.error();
    ex.request.body = bodyText.value().toUtf8();

    const QJsonValue pv = root.value(QStringLiteral("preflight"));
    const QString pp = join(path, QStringLiteral("preflight"));
    if (!pv.isUndefined() && !pv.isNull()) {
        if (!pv.isObject())
            return typeError(pp, QStringLiteral("an object or null"), pv);
        const QJsonObject po2 = pv.toObject();
        http::Preflight pf;
        const QJsonValue preq = po2.value(QStringLiteral("request"));
        if (!preq.isUndefined() && !preq.isNull()) {
            auto r = readRequestHead(preq, join(pp, QStringLiteral("request")));
            if (!r)
                return r.error();
            pf.request = r.value();
        }
        auto resp = readResponse(po2.value(QStringLiteral("response")), join(pp, QStringLiteral("response")));
        if (!resp)
            return resp.error();
        pf.response = resp.value();
        ex.preflight = pf;
    }

    const QJsonValue av = root.value(QStringLiteral("actual"));
    const QString ap = join(path, QStringLiteral("actual"));
    if (!av.isUndefined() && !av.isNull()) {
        if (!av.isArray())
            return typeError(ap, QStringLiteral("an array of hops"), av);
        const QJsonArray arr = av.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QString hp = QStringLiteral("%1[%2]").arg(ap).arg(i);
            if (!arr.at(i).isObject())
                return typeError(hp, QStringLiteral("an object"), arr.at(i));
            const QJsonObject ho = arr.at(i).toObject();
            http::Hop hop;
            const QJsonValue hreq = ho.value(QStringLiteral("request"));
            if (!hreq.isUndefined() && !hreq.isNull()) {
                auto r = readRequestHead(hreq, join(hp, QStringLiteral("request")));
                if (!r)
                    return r.error();
                hop.request = r.value();
            }
            auto resp = readResponse(ho.value(QStringLiteral("response")), join(hp, QStringLiteral("response")));
            if (!resp)
                return resp.error();
            hop.response = resp.value();
            ex.actual.append(hop);
        }
    }
    return ex;
}

Result<CaseFile> parseCase(QByteArrayView json)
{
    auto obj = parseObject(json);
    if (!obj)
        return obj.error();
    const QJsonObject root = obj.value();
    CaseFile cf;
    const QJsonValue exv = root.value(QStringLiteral("exchange"));
    if (exv.isUndefined()) {
        auto ex = exchangeFromJson(root);
        if (!ex)
            return ex.error();
        cf.exchange = ex.value();
        return cf;
    }
    if (!exv.isObject())
        return typeError(QStringLiteral("exchange"), QStringLiteral("an object"), exv);
    auto ex = exchangeFromJson(exv.toObject(), QStringLiteral("exchange"));
    if (!ex)
        return ex.error();
    cf.exchange = ex.value();
    cf.id = root.value(QStringLiteral("id")).toString();
    cf.title = root.value(QStringLiteral("title")).toString();
    const QJsonValue e = root.value(QStringLiteral("expect"));
    if (e.isObject()) {
        const QJsonObject eo = e.toObject();
        CaseExpectation x;
        x.allowed = eo.value(QStringLiteral("allowed")).toBool();
        x.preflightSent = eo.value(QStringLiteral("preflight_sent")).toBool();
        x.corsError = eo.value(QStringLiteral("cors_error")).toString();
        x.failedParameter = eo.value(QStringLiteral("failed_parameter")).toString();
        x.console = eo.value(QStringLiteral("console")).toString();
        const QJsonValue ff = root.value(QStringLiteral("expect_firefox"));
        if (ff.isObject()) {
            x.hasFirefox = true;
            x.firefoxAllowed = ff.toObject().value(QStringLiteral("allowed")).toBool();
            x.firefoxReasonKey = ff.toObject().value(QStringLiteral("reason_key")).toString();
            x.firefoxConsole = ff.toObject().value(QStringLiteral("console")).toString();
        }
        const QJsonValue wk = root.value(QStringLiteral("expect_webkit"));
        if (wk.isObject()) {
            x.hasWebkit = true;
            x.webkitAllowed = wk.toObject().value(QStringLiteral("allowed")).toBool();
            for (const QJsonValue& line : wk.toObject().value(QStringLiteral("console")).toArray())
                x.webkitConsole.append(line.toString());
        }
        cf.expect = x;
    }
    return cf;
}

Result<http::Exchange> parseExchange(QByteArrayView json)
{
    auto cf = parseCase(json);
    if (!cf)
        return cf.error();
    return cf->exchange;
}

QJsonObject exchangeToJson(const http::Exchange& ex, const WriteOptions& options)
{
    QJsonObject req { { QStringLiteral("method"), QString::fromLatin1(ex.request.method) },
        { QStringLiteral("url"), urlToJson(ex.request.url, options) },
        { QStringLiteral("headers"), headersToJson(ex.request.headers, options) },
        { QStringLiteral("credentials"), http::toString(ex.request.credentials) }, { QStringLiteral("mode"), http::toString(ex.request.mode) },
        { QStringLiteral("redirect"), http::toString(ex.request.redirect) } };
    if (ex.request.bodyKind != http::BodyKind::None)
        req.insert(QStringLiteral("body_kind"), http::toString(ex.request.bodyKind));
    if (!ex.request.blobType.isEmpty())
        req.insert(QStringLiteral("blob_type"), QString::fromLatin1(ex.request.blobType));
    if (!ex.request.body.isEmpty())
        req.insert(QStringLiteral("body"), QString::fromUtf8(ex.request.body));
    QJsonObject o { { QStringLiteral("format"), kFormat }, { QStringLiteral("page_origin"), ex.pageOrigin } };
    if (!ex.pageUrl.isEmpty())
        o.insert(QStringLiteral("page_url"), ex.pageUrl);
    o.insert(QStringLiteral("request"), req);
    if (ex.preflight) {
        QJsonObject pf;
        if (ex.preflight->request)
            pf.insert(QStringLiteral("request"), requestHeadToJson(*ex.preflight->request, options));
        pf.insert(QStringLiteral("response"), responseToJson(ex.preflight->response, options));
        o.insert(QStringLiteral("preflight"), pf);
    } else {
        o.insert(QStringLiteral("preflight"), QJsonValue::Null);
    }
    QJsonArray hops;
    for (const auto& hop : ex.actual) {
        QJsonObject h;
        if (hop.request)
            h.insert(QStringLiteral("request"), requestHeadToJson(*hop.request, options));
        h.insert(QStringLiteral("response"), responseToJson(hop.response, options));
        hops.append(h);
    }
    o.insert(QStringLiteral("actual"), hops);
    return o;
}

QByteArray writeExchange(const http::Exchange& exchange, const WriteOptions& options)
{
    return toReadableJson(exchangeToJson(exchange, options));
}

} // namespace corsbench::io
