// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/server_log_parser.h"

namespace corsbench::ingest {
namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.';
}

bool looksLikeExceptionName(QStringView last)
{
    if (last.isEmpty() || !last.at(0).isUpper())
        return false;
    static const char* const suffixes[] = { "Error", "Exception", "Exit", "Interrupt", "Forbidden", "Unauthorized",
        "NotFound", "MethodNotAllowed", "BadRequest", "InternalServerError", "Conflict", "Timeout", "Warning" };
    for (const char* s : suffixes) {
        if (last.endsWith(QLatin1String(s)))
            return true;
    }
    return last.startsWith(u"HTTP") && last.size() > 4;
}

// Text inside the first pair of single (or double) quotes after `from`.
QString quotedAfter(QStringView text, qsizetype from)
{
    if (from < 0)
        return {};
    qsizetype a = -1;
    QChar q;
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == u'\'' || text.at(i) == u'"') {
            a = i;
            q = text.at(i);
            break;
        }
    }
    if (a < 0)
        return {};
    const qsizetype b = text.indexOf(q, a + 1);
    if (b < 0)
        return {};
    return text.mid(a + 1, b - a - 1).toString();
}

void addFailure(ServerEvent& e, const QString& f)
{
    if (!e.corsFailures.contains(f))
        e.corsFailures.append(f);
}

bool isMethod(QStringView t)
{
    if (t.isEmpty() || t.size() > 12)
        return false;
    for (QChar c : t) {
        if (!(c >= u'A' && c <= u'Z'))
            return false;
    }
    return true;
}

} // namespace

QString frameworkOfPath(QStringView path)
{
    static const char* const names[][2] = { { "/starlette/", "starlette" }, { "/fastapi/", "fastapi" },
        { "/aiohttp_cors/", "aiohttp" }, { "/aiohttp/", "aiohttp" }, { "/flask_cors/", "flask" }, { "/flask/", "flask" },
        { "/werkzeug/", "flask" }, { "/uvicorn/", "uvicorn" }, { "/gunicorn/", "gunicorn" }, { "/django/", "django" },
        { "\\starlette\\", "starlette" }, { "\\fastapi\\", "fastapi" }, { "\\aiohttp\\", "aiohttp" },
        { "\\flask\\", "flask" } };
    for (const auto& n : names) {
        if (path.contains(QLatin1String(n[0])))
            return QLatin1String(n[1]);
    }
    return {};
}

void analyseCorsMessage(QStringView msg, ServerEvent& e)
{
    // Starlette CORSMiddleware: "Disallowed CORS origin, method, headers[, private-network]".
    qsizetype p = msg.indexOf(u"Disallowed CORS ");
    if (p >= 0) {
        if (e.framework.isEmpty())
            e.framework = QStringLiteral("starlette");
        const QStringView words = msg.mid(p + 16);
        for (QStringView w : words.split(u',', Qt::SkipEmptyParts)) {
            w = w.trimmed();
            if (w.startsWith(u"origin"))
                addFailure(e, QStringLiteral("origin"));
            else if (w.startsWith(u"method"))
                addFailure(e, QStringLiteral("method"));
            else if (w.startsWith(u"header"))
                addFailure(e, QStringLiteral("headers"));
            else if (w.startsWith(u"private-network"))
                addFailure(e, QStringLiteral("private-network"));
        }
        if (e.status == 0)
            e.status = 400;
        return;
    }
    // aiohttp_cors preflight handler (§2.2).
    p = msg.indexOf(u"CORS preflight request failed:");
    if (p >= 0) {
        if (e.framework.isEmpty())
            e.framework = QStringLiteral("aiohttp");
        const QStringView r = msg.mid(p + 30).trimmed();
        if (e.status == 0)
            e.status = 403;
        if (r.startsWith(u"origin header is not specified")) {
            addFailure(e, QStringLiteral("missing-origin"));
        } else if (r.contains(u"'Access-Control-Request-Method' header is not specified")) {
            addFailure(e, QStringLiteral("missing-request-method"));
        } else if (r.startsWith(u"request method ")) {
            addFailure(e, QStringLiteral("method"));
            e.method = quotedAfter(r, 0);
            const qsizetype f = r.indexOf(u" for ");
            if (f >= 0)
                e.origin = quotedAfter(r, f);
        } else if (r.startsWith(u"no origins are allowed")) {
            addFailure(e, QStringLiteral("no-origins"));
        } else if (r.startsWith(u"origin ")) {
            addFailure(e, QStringLiteral("origin"));
            e.origin = quotedAfter(r, 0);
        } else if (r.startsWith(u"headers are not allowed:")) {
            addFailure(e, QStringLiteral("headers"));
            for (QStringView h : r.mid(24).split(u',', Qt::SkipEmptyParts))
                e.headers.append(h.trimmed().toString().toLower());
        }
        return;
    }
    // Generic wording people paste ("CORS policy error: Origin '…' is not allowed", the made-up
    // CORSError messages, custom middlewares).
    const QString lower = msg.toString().toLower();
    if (lower.contains(u"origin") && (lower.contains(u"not allowed") || lower.contains(u"disallowed") || lower.contains(u"forbidden")
                                         || lower.contains(u"rejected") || lower.contains(u"blocked"))) {
        addFailure(e, QStringLiteral("origin"));
        const qsizetype o = lower.indexOf(u"origin");
        e.origin = quotedAfter(msg, o);
    }
    if (lower.contains(u"method") && (lower.contains(u"not allowed") || lower.contains(u"disallowed"))) {
        addFailure(e, QStringLiteral("method"));
        const qsizetype m = lower.indexOf(u"method");
        QString q = quotedAfter(msg, m);
        if (q.isEmpty()) {
            const auto toks = msg.mid(m + 6).split(u' ', Qt::SkipEmptyParts);
            if (!toks.isEmpty() && isMethod(toks.first()))
                q = toks.first().toString();
        }
        e.method = q;
    }
    if ((lower.contains(u"header") && (lower.contains(u"not allowed") || lower.contains(u"disallowed")))) {
        addFailure(e, QStringLiteral("headers"));
    }
}

std::optional<ServerEvent> parsePythonExceptionLine(QStringView line)
{
    if (line.isEmpty() || line.at(0).isSpace())
        return std::nullopt;
    qsizetype n = 0;
    while (n < line.size() && n < 200 && isIdentChar(line.at(n)))
        ++n;
    if (n == 0 || (n < line.size() && line.at(n) != u':'))
        return std::nullopt;
    const QStringView type = line.left(n);
    if (type.endsWith(u'.') || type.startsWith(u'.'))
        return std::nullopt;
    const qsizetype dot = type.lastIndexOf(u'.');
    const QStringView last = dot >= 0 ? type.mid(dot + 1) : type;
    if (!looksLikeExceptionName(last))
        return std::nullopt;
    ServerEvent e;
    e.exceptionType = type.toString();
    e.message = n < line.size() ? line.mid(n + 1).trimmed().toString() : QString();
    e.framework = frameworkOfPath(QString(u'/' + type.toString().replace(u'.', u'/') + u'/'));
    if (type.startsWith(u"aiohttp"))
        e.framework = QStringLiteral("aiohttp");
    if (last == u"CORSError" && (type.contains(u"starlette") || type.contains(u"fastapi") || dot < 0)) {
        e.nonexistentName = true;
        e.nonexistentNote = QStringLiteral("%1 does not exist: no Starlette or FastAPI version defines a CORSError "
                                           "class. CORSMiddleware never raises; it answers a refused preflight with "
                                           "400 \"Disallowed CORS origin|method|headers\" and leaves the CORS headers "
                                           "off actual responses. This line was not printed by Starlette; it is "
                                           "read here for what it implies.")
                                .arg(e.exceptionType);
        if (e.framework.isEmpty())
            e.framework = QStringLiteral("starlette");
    }
    if (e.message.contains(u"CORSError") && e.message.contains(u"starlette")) {
        // ImportError: cannot import name 'CORSError' from 'starlette.middleware.cors'
        e.nonexistentName = true;
        e.nonexistentNote = QStringLiteral("starlette.middleware.cors has no CORSError (no Starlette version defines "
                                           "it); remove that import. CORS refusals are ordinary responses, not "
                                           "exceptions.");
        e.framework = QStringLiteral("starlette");
    }
    // HTTP exceptions carry a status.
    static const char* const statuses[][2] = { { "HTTPForbidden", "403" }, { "HTTPUnauthorized", "401" },
        { "HTTPNotFound", "404" }, { "HTTPMethodNotAllowed", "405" }, { "HTTPBadRequest", "400" },
        { "HTTPInternalServerError", "500" } };
    for (const auto& s : statuses) {
        if (last == QLatin1String(s[0]))
            e.status = QByteArray(s[1]).toInt();
    }
    analyseCorsMessage(e.message, e);
    return e;
}

std::optional<ServerEvent> parseFrameworkMessageLine(QStringView line)
{
    ServerEvent e;
    if (line.contains(u"CORS preflight request failed:") || line.contains(u"Disallowed CORS ")) {
        e.message = line.trimmed().toString();
        analyseCorsMessage(line, e);
        return e;
    }
    qsizetype p = line.indexOf(u"CORS policy error:");
    if (p >= 0) {
        e.framework = QStringLiteral("aiohttp");
        e.message = line.mid(p).toString();
        analyseCorsMessage(line.mid(p), e);
        return e;
    }
    p = line.indexOf(u"Exception on ");
    if (p >= 0 && line.contains(u"ERROR in ")) {
        // Flask: "[2026-11-24 10:00:00,123] ERROR in app: Exception on /api/items [POST]"
        e.framework = QStringLiteral("flask");
        QStringView rest = line.mid(p + 13);
        const qsizetype sp = rest.indexOf(u" [");
        e.path = (sp >= 0 ? rest.left(sp) : rest).toString();
        if (sp >= 0) {
            QStringView m = rest.mid(sp + 2);
            e.method = m.left(qMax<qsizetype>(0, m.indexOf(u']'))).toString();
        }
        e.status = 500;
        e.message = line.mid(p).toString();
        return e;
    }
    if (line.contains(u"Exception in ASGI application") || line.contains(u"Exception in callback")) {
        e.framework = QStringLiteral("uvicorn");
        e.status = 500;
        e.message = line.trimmed().toString();
        return e;
    }
    if (line.contains(u"Error handling request") && (line.contains(u"aiohttp") || line.startsWith(u"ERROR:"))) {
        e.framework = QStringLiteral("aiohttp");
        e.status = 500;
        e.message = line.trimmed().toString();
        return e;
    }
    if (line.contains(u"[error]") && (line.contains(u"upstream") || line.contains(u"connect() failed"))) {
        e.framework = QStringLiteral("nginx");
        e.status = 502;
        e.message = line.trimmed().toString();
        const qsizetype r = line.indexOf(u"request: \"");
        if (r >= 0) {
            const auto toks = line.mid(r + 10).split(u' ', Qt::SkipEmptyParts);
            if (toks.size() >= 2) {
                e.method = toks.at(0).toString();
                e.path = toks.at(1).toString();
            }
        }
        return e;
    }
    if (line.contains(u"Cannot add middleware after an application has started")) {
        e.framework = QStringLiteral("starlette");
        e.exceptionType = QStringLiteral("RuntimeError");
        e.message = line.trimmed().toString();
        return e;
    }
    return std::nullopt;
}

std::optional<ServerEvent> parseAccessLogLine(QStringView line)
{
    // Find `"METHOD /path HTTP/x.y" STATUS`.
    qsizetype from = 0;
    for (int guard = 0; guard < 8; ++guard) {
        const qsizetype q = line.indexOf(u'"', from);
        if (q < 0)
            return std::nullopt;
        from = q + 1;
        const qsizetype sp = line.indexOf(u' ', q + 1);
        if (sp < 0)
            return std::nullopt;
        const QStringView method = line.mid(q + 1, sp - q - 1);
        if (!isMethod(method))
            continue;
        const qsizetype close = line.indexOf(u'"', sp + 1);
        if (close < 0)
            return std::nullopt;
        const QStringView target = line.mid(sp + 1, close - sp - 1);
        const qsizetype httpPos = target.lastIndexOf(u" HTTP/");
        if (httpPos < 0)
            continue;
        QStringView after = line.mid(close + 1).trimmed();
        qsizetype n = 0;
        while (n < after.size() && n < 3 && after.at(n).isDigit())
            ++n;
        if (n != 3)
            continue;
        ServerEvent e;
        e.method = method.toString();
        e.path = target.left(httpPos).toString();
        e.status = after.left(3).toInt();
        const QStringView prefix = line.left(q);
        if (prefix.contains(u"aiohttp.access"))
            e.framework = QStringLiteral("aiohttp");
        else if (prefix.startsWith(u"INFO:") || prefix.contains(u"uvicorn"))
            e.framework = QStringLiteral("uvicorn");
        else if (prefix.contains(u"] ") && prefix.contains(u" - - [") && !prefix.contains(u" +") && !prefix.contains(u" -0"))
            e.framework = QStringLiteral("werkzeug");
        else if (prefix.contains(u" - ") && prefix.contains(u'['))
            e.framework = QStringLiteral("nginx-or-gunicorn");
        e.message = line.trimmed().toString();
        return e;
    }
    return std::nullopt;
}

} // namespace corsbench::ingest
