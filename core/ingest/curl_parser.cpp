// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/curl_parser.h"

#include "core/http/origin.h"

namespace corsbench::ingest {
namespace {

constexpr qsizetype kMaxCommand = 64 * 1024;
constexpr qsizetype kMaxArgs = 2000;

Result<QStringList> splitBash(QStringView s)
{
    QStringList out;
    QString cur;
    bool inToken = false;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        if (c == u'\\') {
            if (i + 1 < n && s.at(i + 1) == u'\n') {
                i += 2;
                continue;
            }
            if (i + 2 < n && s.at(i + 1) == u'\r' && s.at(i + 2) == u'\n') {
                i += 3;
                continue;
            }
            if (i + 1 < n) {
                cur.append(s.at(i + 1));
                inToken = true;
            }
            i += 2;
            continue;
        }
        if (c.isSpace()) {
            if (inToken) {
                out.append(cur);
                cur.clear();
                inToken = false;
                if (out.size() > kMaxArgs)
                    return makeError(ErrorCode::TooLarge, QStringLiteral("curl command has too many arguments"));
            }
            ++i;
            continue;
        }
        if (c == u'$' && i + 1 < n && s.at(i + 1) == u'\'') {
            // ANSI-C quoting: $'...'
            inToken = true;
            i += 2;
            bool closed = false;
            while (i < n) {
                const QChar d = s.at(i);
                if (d == u'\'') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < n) {
                    const QChar e = s.at(i + 1);
                    i += 2;
                    switch (e.unicode()) {
                    case u'n': cur.append(u'\n'); break;
                    case u't': cur.append(u'\t'); break;
                    case u'r': cur.append(u'\r'); break;
                    case u'x': {
                        bool ok = false;
                        const uint v = s.mid(i, 2).toUInt(&ok, 16);
                        if (ok) {
                            cur.append(QChar(char16_t(v)));
                            i += 2;
                        }
                        break;
                    }
                    case u'u': {
                        bool ok = false;
                        const uint v = s.mid(i, 4).toUInt(&ok, 16);
                        if (ok) {
                            cur.append(QChar(char16_t(v)));
                            i += 4;
                        }
                        break;
                    }
                    default: cur.append(e);
                    }
                    continue;
                }
                cur.append(d);
                ++i;
            }
            if (!closed)
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("unbalanced $'…' quote in the curl command"));
            continue;
        }
        if (c == u'\'') {
            inToken = true;
            const qsizetype end = s.indexOf(u'\'', i + 1);
            if (end < 0)
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("unbalanced single quote in the curl command"));
            cur.append(s.mid(i + 1, end - i - 1));
            i = end + 1;
            continue;
        }
        if (c == u'"') {
            inToken = true;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = s.at(i);
                if (d == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < n
                    && (s.at(i + 1) == u'"' || s.at(i + 1) == u'\\' || s.at(i + 1) == u'$' || s.at(i + 1) == u'`')) {
                    cur.append(s.at(i + 1));
                    i += 2;
                    continue;
                }
                if (d == u'\\' && i + 1 < n && s.at(i + 1) == u'\n') {
                    i += 2;
                    continue;
                }
                cur.append(d);
                ++i;
            }
            if (!closed)
                return makeError(ErrorCode::InvalidFormat, QStringLiteral("unbalanced double quote in the curl command"));
            continue;
        }
        cur.append(c);
        inToken = true;
        ++i;
    }
    if (inToken)
        out.append(cur);
    return out;
}

Result<QStringList> splitCmd(QStringView s)
{
    // 1. cmd.exe: `^` escapes the next character; `^` before a line break continues the line.
    QString un;
    un.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'^' && i + 1 < s.size()) {
            if (s.at(i + 1) == u'\n') {
                ++i;
                continue;
            }
            if (s.at(i + 1) == u'\r' && i + 2 < s.size() && s.at(i + 2) == u'\n') {
                i += 2;
                continue;
            }
            un.append(s.at(i + 1));
            ++i;
            continue;
        }
        un.append(c);
    }
    // 2. The program's argv rules (CommandLineToArgvW).
    QStringList out;
    QString cur;
    bool inToken = false;
    bool quoted = false;
    for (qsizetype i = 0; i < un.size(); ++i) {
        const QChar c = un.at(i);
        if (c == u'\\') {
            qsizetype k = i;
            while (k < un.size() && un.at(k) == u'\\')
                ++k;
            const qsizetype count = k - i;
            if (k < un.size() && un.at(k) == u'"') {
                cur.append(QString(count / 2, u'\\'));
                if (count % 2 == 1) {
                    cur.append(u'"');
                    i = k;
                } else {
                    i = k - 1;
                }
            } else {
                cur.append(QString(count, u'\\'));
                i = k - 1;
            }
            inToken = true;
            continue;
        }
        if (c == u'"') {
            quoted = !quoted;
            inToken = true;
            continue;
        }
        if (c.isSpace() && !quoted) {
            if (inToken) {
                out.append(cur);
                cur.clear();
                inToken = false;
                if (out.size() > kMaxArgs)
                    return makeError(ErrorCode::TooLarge, QStringLiteral("curl command has too many arguments"));
            }
            continue;
        }
        cur.append(c);
        inToken = true;
    }
    if (quoted)
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("unbalanced double quote in the curl command (cmd quoting)"));
    if (inToken)
        out.append(cur);
    return out;
}

bool isBrowserSetHeader(const QByteArray& lower)
{
    static const char* const names[] = { "host", "connection", "user-agent", "accept-encoding", "accept-language",
        "referer", "origin", "cookie", "content-length", "keep-alive", "te", "dnt", "pragma", "cache-control",
        "priority", "upgrade-insecure-requests", "access-control-request-method", "access-control-request-headers" };
    if (lower.startsWith("sec-") || lower.startsWith("proxy-") || lower.startsWith(':'))
        return true;
    for (const char* n : names) {
        if (lower == n)
            return true;
    }
    return false;
}

} // namespace

Result<QStringList> splitCommandLine(QStringView text, bool cmdStyle)
{
    if (text.size() > kMaxCommand)
        return makeError(ErrorCode::TooLarge, QStringLiteral("curl command longer than 64 KiB"));
    return cmdStyle ? splitCmd(text) : splitBash(text);
}

Result<CurlCommand> parseCurlCommand(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    const bool cmdStyle = trimmed.contains(u"^\"") || trimmed.contains(u" ^\n") || trimmed.contains(u" ^\r\n");
    auto split = splitCommandLine(trimmed, cmdStyle);
    if (!split)
        return split.error();
    QStringList args = split.value();
    if (args.isEmpty() || !(args.first() == u"curl" || args.first().endsWith(u"/curl") || args.first() == u"curl.exe"))
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("not a curl command"));
    args.removeFirst();
    CurlCommand cmd;
    cmd.arguments = args;
    QString url;
    QString method;
    bool hasBody = false;
    bool head = false;
    bool cookies = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto next = [&]() -> QString { return i + 1 < args.size() ? args.at(++i) : QString(); };
        if (a == u"-X" || a == u"--request")
            method = next();
        else if (a.startsWith(u"-X") && a.size() > 2)
            method = a.mid(2);
        else if (a == u"-H" || a == u"--header") {
            const QString h = next();
            const qsizetype colon = h.indexOf(u':');
            if (colon <= 0) {
                cmd.notes.append(QStringLiteral("ignored header without a colon: %1").arg(h.left(80)));
                continue;
            }
            cmd.allHeaders.append(h.left(colon).trimmed().toUtf8(), h.mid(colon + 1).trimmed().toUtf8());
        } else if (a == u"-d" || a == u"--data" || a == u"--data-raw" || a == u"--data-binary" || a == u"--data-ascii"
            || a == u"--data-urlencode" || a == u"--json") {
            const QString body = next();
            cmd.intent.body += body.left(4096).toUtf8();
            hasBody = true;
            if (a == u"--json") {
                cmd.allHeaders.append("Content-Type", "application/json");
            }
        } else if (a == u"-b" || a == u"--cookie") {
            next();
            cookies = true;
        } else if (a == u"-I" || a == u"--head") {
            head = true;
        } else if (a == u"-u" || a == u"--user") {
            next();
            cmd.allHeaders.append("Authorization", "Basic [credentials]");
        } else if (a == u"--url") {
            url = next();
        } else if (a == u"-A" || a == u"--user-agent" || a == u"-e" || a == u"--referer" || a == u"-o" || a == u"--output"
            || a == u"--max-time" || a == u"-m" || a == u"--connect-timeout" || a == u"-x" || a == u"--proxy"
            || a == u"-F" || a == u"--form" || a == u"--cacert" || a == u"--cert" || a == u"-w" || a == u"--write-out") {
            const QString v = next();
            if (a == u"-F" || a == u"--form") {
                hasBody = true;
                cmd.intent.bodyKind = http::BodyKind::FormData;
            }
            Q_UNUSED(v);
        } else if (a.startsWith(u"-")) {
            // Flags without a value (--compressed, -i, -s, -v, -L, -k, --insecure, ...).
        } else if (url.isEmpty()) {
            url = a;
        }
    }
    if (url.isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("curl command without a URL"));
    const QUrl qurl(url);
    if (!qurl.isValid() || qurl.scheme().isEmpty())
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("curl command URL is not valid: %1").arg(url.left(200)));
    cmd.intent.url = qurl;
    if (method.isEmpty())
        method = head ? QStringLiteral("HEAD") : hasBody ? QStringLiteral("POST") : QStringLiteral("GET");
    cmd.intent.method = method.toUtf8();
    for (const auto& h : cmd.allHeaders) {
        const QByteArray lower = h.name.toLower();
        if (lower == "origin")
            cmd.origin = QString::fromUtf8(h.value);
        if (lower == "cookie")
            cookies = true;
        if (!isBrowserSetHeader(lower))
            cmd.intent.headers.append(h);
    }
    if (cmd.intent.bodyKind == http::BodyKind::None && hasBody)
        cmd.intent.bodyKind = http::BodyKind::Text;
    if (cookies) {
        cmd.intent.credentials = http::CredentialsMode::Include;
        cmd.notes.append(QStringLiteral("sends cookies: assuming credentials: 'include' for the browser request"));
    }
    if (method.compare(u"OPTIONS", Qt::CaseInsensitive) == 0 && cmd.allHeaders.contains("access-control-request-method")) {
        cmd.isPreflight = true;
        cmd.intent.method = cmd.allHeaders.value("access-control-request-method").value_or("GET");
        cmd.intent.headers = {};
        const QByteArray acrh = cmd.allHeaders.value("access-control-request-headers").value_or(QByteArray());
        for (const QByteArray& name : acrh.split(',')) {
            const QByteArray t = name.trimmed();
            if (!t.isEmpty())
                cmd.intent.headers.append(t, t == "content-type" ? QByteArray("application/json") : QByteArray("x"));
        }
        cmd.notes.append(QStringLiteral("this command replays a preflight (OPTIONS with Access-Control-Request-Method)"));
    }
    if (cmd.origin.isEmpty())
        cmd.notes.append(QStringLiteral("no Origin header: the server will treat this as a non-browser request, so "
                                        "its CORS behaviour is not exercised (this is why it \"works in curl\")"));
    return cmd;
}

} // namespace corsbench::ingest
