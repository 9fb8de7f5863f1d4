// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/net/http_wire.h"

#include <QUrl>

namespace corsbench::net {

QString toString(NetErrorKind kind)
{
    switch (kind) {
    case NetErrorKind::None:
        return QStringLiteral("none");
    case NetErrorKind::InvalidRequest:
        return QStringLiteral("invalid-request");
    case NetErrorKind::Dns:
        return QStringLiteral("dns");
    case NetErrorKind::Refused:
        return QStringLiteral("refused");
    case NetErrorKind::ConnectTimeout:
        return QStringLiteral("connect-timeout");
    case NetErrorKind::Timeout:
        return QStringLiteral("timeout");
    case NetErrorKind::Closed:
        return QStringLiteral("closed");
    case NetErrorKind::Reset:
        return QStringLiteral("reset");
    case NetErrorKind::Tls:
        return QStringLiteral("tls");
    case NetErrorKind::Proxy:
        return QStringLiteral("proxy");
    case NetErrorKind::Malformed:
        return QStringLiteral("malformed");
    case NetErrorKind::TooLarge:
        return QStringLiteral("too-large");
    case NetErrorKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QByteArray serializeRequest(const QByteArray& method, const QByteArray& target, const http::HeaderList& headers,
                            const QByteArray& body)
{
    QByteArray out;
    out.reserve(64 + target.size() + body.size() + headers.size() * 48);
    out += method;
    out += ' ';
    out += target;
    out += " HTTP/1.1\r\n";
    for (const http::Header& h : headers) {
        out += h.name;
        out += ": ";
        out += h.value;
        out += "\r\n";
    }
    out += "\r\n";
    out += body;
    return out;
}

QByteArray originFormTarget(const QUrl& url)
{
    QByteArray path = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (path.isEmpty() || path.startsWith('?'))
        path.prepend('/');
    return path;
}

QByteArray absoluteFormTarget(const QUrl& url)
{
    QUrl u = url.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (u.path().isEmpty())
        u.setPath(QStringLiteral("/"));
    return u.toEncoded();
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

QString printable(QByteArrayView bytes, qsizetype max = 60)
{
    QString s;
    for (qsizetype i = 0; i < bytes.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f)
            s += QLatin1Char(static_cast<char>(c));
        else
            s += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > max)
        s += QStringLiteral("...");
    return s;
}

// Position just after the blank line ending a head, or -1. Accepts bare LF line ends as
// browsers do.
qsizetype findHeadEnd(const QByteArray& buf, qsizetype from, qsizetype* lineEndLen)
{
    for (qsizetype i = from; i < buf.size(); ++i) {
        if (buf[i] != '\n')
            continue;
        // i is the end of a line; is the next line empty?
        if (i + 1 < buf.size() && buf[i + 1] == '\n') {
            *lineEndLen = 1;
            return i + 2;
        }
        if (i + 2 < buf.size() && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
            *lineEndLen = 2;
            return i + 3;
        }
    }
    return -1;
}

} // namespace

ResponseParser::ResponseParser(QByteArray requestMethod, qint64 maxHeadBytes, qint64 maxBodyBytes)
    : m_method(std::move(requestMethod))
    , m_maxHead(maxHeadBytes)
    , m_maxBody(maxBodyBytes)
{
}

ResponseParser::State ResponseParser::fail(NetErrorKind kind, QString message)
{
    m_errorKind = kind;
    m_error = std::move(message);
    m_state = State::Error;
    return m_state;
}

ResponseParser::State ResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Done || m_state == State::Error)
        return m_state;
    m_received += data.size();
    m_buffer.append(data.data(), data.size());
    while (m_state == State::Head) {
        const qsizetype interimBefore = m_interim.size();
        parseHead();
        if (m_state == State::Head && m_interim.size() == interimBefore)
            return m_state; // need more bytes
    }
    if (m_state == State::Body)
        return parseBody();
    return m_state;
}

ResponseParser::State ResponseParser::parseHead()
{
    qsizetype eolLen = 2;
    // Resume where the last search stopped, so a head dripped byte by byte costs O(n), not O(n^2).
    const qsizetype end = findHeadEnd(m_buffer, m_scanFrom, &eolLen);
    if (end < 0) {
        m_scanFrom = qMax<qsizetype>(0, m_buffer.size() - 3);
        if (m_buffer.size() > m_maxHead)
            return fail(NetErrorKind::TooLarge,
                        QStringLiteral("oversized response head: more than %1 KiB without an end (Chromium fails with "
                                       "ERR_RESPONSE_HEADERS_TOO_BIG)")
                            .arg(m_maxHead / 1024));
        // Reject obvious garbage early instead of waiting for a head that never comes.
        if (m_buffer.size() >= 5 && !m_buffer.startsWith("HTTP/"))
            return fail(NetErrorKind::Malformed,
                        QStringLiteral("malformed HTTP: the response does not start with a status line (got \"%1\")")
                            .arg(printable(m_buffer)));
        return m_state; // wait for more
    }
    if (end > m_maxHead)
        return fail(NetErrorKind::TooLarge,
                    QStringLiteral("oversized response head: %1 bytes, over the %2 KiB limit (Chromium fails with "
                                   "ERR_RESPONSE_HEADERS_TOO_BIG)")
                        .arg(end)
                        .arg(m_maxHead / 1024));
    QByteArray raw = m_buffer.left(end);
    m_buffer.remove(0, end);
    m_scanFrom = 0;

    QList<QByteArray> lines = raw.split('\n');
    for (QByteArray& l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return fail(NetErrorKind::Malformed, QStringLiteral("malformed HTTP: empty response head"));

    // Status line: HTTP/x.y SP 3DIGIT [SP reason]
    const QByteArray& statusLine = lines.first();
    if (!statusLine.startsWith("HTTP/") || statusLine.size() < 12 || !isDigit(statusLine[5]) || statusLine[6] != '.'
        || !isDigit(statusLine[7]) || statusLine[8] != ' ' || !isDigit(statusLine[9]) || !isDigit(statusLine[10])
        || !isDigit(statusLine[11]) || (statusLine.size() > 12 && statusLine[12] != ' '))
        return fail(NetErrorKind::Malformed,
                    QStringLiteral("malformed HTTP: invalid status line \"%1\"").arg(printable(statusLine)));
    http::HttpResponseHead head;
    m_version = statusLine.mid(5, 3);
    head.status = statusLine.mid(9, 3).toInt();
    head.reason = statusLine.size() > 13 ? statusLine.mid(13) : QByteArray();

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (line.contains('\0'))
            return fail(NetErrorKind::Malformed,
                        QStringLiteral("malformed HTTP: NUL byte in header line %1").arg(i + 1));
        if (line.startsWith(' ') || line.startsWith('\t')) {
            // obs-fold continuation: joined to the previous value with one space
            if (head.headers.isEmpty())
                return fail(NetErrorKind::Malformed,
                            QStringLiteral("malformed HTTP: continuation line before any header"));
            http::HeaderList rebuilt;
            for (qsizetype k = 0; k < head.headers.size(); ++k) {
                http::Header h = head.headers.at(k);
                if (k == head.headers.size() - 1)
                    h.value += ' ' + http::trimOws(line);
                rebuilt.append(h);
            }
            head.headers = rebuilt;
            m_warnings << QStringLiteral("obsolete line folding in header line %1").arg(i + 1);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            // Chromium skips header lines it cannot parse; keep going but say so.
            m_warnings << QStringLiteral("ignored header line without a name/colon: \"%1\"").arg(printable(line));
            continue;
        }
        QByteArray name = line.left(colon);
        QByteArray value = line.mid(colon + 1);
        // As the shared format records it: the one conventional space after the colon is dropped,
        // any other white space kept.
        if (value.startsWith(' ') || value.startsWith('\t'))
            value.remove(0, 1);
        if (name.endsWith(' ') || name.endsWith('\t'))
            m_warnings << QStringLiteral("white space before the colon in header \"%1\"").arg(printable(name));
        head.headers.append(std::move(name), std::move(value));
    }

    if (head.status >= 100 && head.status < 200 && head.status != 101) {
        if (m_interim.size() >= 32)
            return fail(NetErrorKind::Malformed, QStringLiteral("malformed HTTP: more than 32 interim 1xx responses"));
        m_interim.append(raw);
        return m_state; // stays Head: parse the final response next (caller loops)
    }

    m_head = std::move(head);
    m_rawHead = std::move(raw);
    m_headDone = true;

    // Body framing (RFC 9112 section 6.3).
    if (m_method == "HEAD" || m_method == "CONNECT" || m_head.status == 204 || m_head.status == 304
        || m_head.status == 101) {
        m_framing = Framing::None;
        m_state = State::Done;
        return m_state;
    }
    const QList<QByteArray> te = m_head.headers.values("transfer-encoding");
    bool chunked = false;
    if (!te.isEmpty()) {
        const QList<QByteArray> codings = te.last().split(',');
        chunked = http::trimOws(codings.last()).toLower() == "chunked";
    }
    if (chunked) {
        if (m_head.headers.contains("content-length"))
            m_warnings << QStringLiteral("both Transfer-Encoding: chunked and Content-Length; Content-Length ignored");
        m_framing = Framing::Chunked;
        m_chunkState = ChunkState::Size;
        m_state = State::Body;
        return m_state;
    }
    const QList<QByteArray> cls = m_head.headers.values("content-length");
    if (!cls.isEmpty()) {
        qint64 length = -1;
        for (const QByteArray& v : cls) {
            for (const QByteArray& part : v.split(',')) {
                const QByteArray t = http::trimOws(part);
                bool ok = false;
                const qint64 n = t.toLongLong(&ok);
                if (!ok || n < 0 || t.isEmpty() || !isDigit(t[0]))
                    return fail(NetErrorKind::Malformed,
                                QStringLiteral("malformed HTTP: invalid Content-Length \"%1\"").arg(printable(v)));
                if (length >= 0 && n != length)
                    return fail(NetErrorKind::Malformed,
                                QStringLiteral("malformed HTTP: conflicting Content-Length values (Chromium fails with "
                                               "ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH)"));
                length = n;
            }
        }
        m_expectedLength = length;
        m_remaining = length;
        m_framing = Framing::Length;
        m_state = length == 0 ? State::Done : State::Body;
        return m_state;
    }
    m_framing = Framing::Close;
    m_state = State::Body;
    return m_state;
}

void ResponseParser::appendBody(QByteArrayView data)
{
    const qint64 room = m_maxBody - m_body.size();
    if (room <= 0) {
        if (!data.isEmpty())
            m_truncated = true;
        return;
    }
    if (data.size() > room) {
        m_body.append(data.data(), room);
        m_truncated = true;
    } else {
        m_body.append(data.data(), data.size());
    }
}

ResponseParser::State ResponseParser::parseBody()
{
    switch (m_framing) {
    case Framing::None:
        m_state = State::Done;
        return m_state;
    case Framing::Close:
        appendBody(m_buffer);
        m_buffer.clear();
        if (m_truncated)
            m_state = State::Done; // enough: stop reading
        return m_state;
    case Framing::Length: {
        const qint64 n = qMin<qint64>(m_remaining, m_buffer.size());
        appendBody(QByteArrayView(m_buffer).first(n));
        m_remaining -= n;
        if (m_buffer.size() > n)
            m_warnings << QStringLiteral("%1 bytes after the end of the body ignored").arg(m_buffer.size() - n);
        m_buffer.clear();
        if (m_remaining == 0 || m_truncated)
            m_state = State::Done;
        return m_state;
    }
    case Framing::Chunked:
        while (true) {
            if (m_chunkState == ChunkState::Size) {
                const qsizetype eol = m_buffer.indexOf('\n');
                if (eol < 0) {
                    if (m_buffer.size() > 4096)
                        return fail(NetErrorKind::Malformed, QStringLiteral("malformed HTTP: chunk size line too long"));
                    return m_state;
                }
                QByteArray line = m_buffer.left(eol);
                m_buffer.remove(0, eol + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                const qsizetype semi = line.indexOf(';');
                const QByteArray hex = http::trimOws(semi >= 0 ? line.left(semi) : line);
                bool ok = false;
                const qint64 size = hex.toLongLong(&ok, 16);
                if (!ok || size < 0 || hex.isEmpty())
                    return fail(NetErrorKind::Malformed,
                                QStringLiteral("malformed HTTP: invalid chunk size \"%1\"").arg(printable(line)));
                if (size == 0) {
                    m_chunkState = ChunkState::Trailers;
                } else {
                    m_remaining = size;
                    m_chunkState = ChunkState::Data;
                }
            } else if (m_chunkState == ChunkState::Data) {
                const qint64 n = qMin<qint64>(m_remaining, m_buffer.size());
                appendBody(QByteArrayView(m_buffer).first(n));
                m_buffer.remove(0, n);
                m_remaining -= n;
                if (m_truncated) {
                    m_state = State::Done;
                    return m_state;
                }
                if (m_remaining > 0)
                    return m_state;
                m_chunkState = ChunkState::DataCrlf;
            } else if (m_chunkState == ChunkState::DataCrlf) {
                if (m_buffer.startsWith("\r\n")) {
                    m_buffer.remove(0, 2);
                } else if (m_buffer.startsWith('\n')) {
                    m_buffer.remove(0, 1);
                } else if (m_buffer.size() < 2) {
                    return m_state;
                } else {
                    return fail(NetErrorKind::Malformed, QStringLiteral("malformed HTTP: missing CRLF after chunk data"));
                }
                m_chunkState = ChunkState::Size;
            } else { // Trailers: lines until an empty one
                const qsizetype eol = m_buffer.indexOf('\n');
                if (eol < 0) {
                    if (m_buffer.size() > m_maxHead)
                        return fail(NetErrorKind::TooLarge, QStringLiteral("oversized chunked trailers"));
                    return m_state;
                }
                QByteArray line = m_buffer.left(eol);
                m_buffer.remove(0, eol + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                if (line.isEmpty()) {
                    m_state = State::Done;
                    return m_state;
                }
                m_warnings << QStringLiteral("chunked trailer ignored: \"%1\"").arg(printable(line));
            }
        }
    }
    return m_state;
}

ResponseParser::State ResponseParser::finish()
{
    switch (m_state) {
    case State::Done:
    case State::Error:
        return m_state;
    case State::Head:
        if (m_received == 0)
            return fail(NetErrorKind::Closed,
                        QStringLiteral("empty reply: the server closed the connection without sending a response"));
        return fail(NetErrorKind::Closed, QStringLiteral("the server closed the connection after %1 bytes, before the "
                                                         "response head was complete")
                                              .arg(m_received));
    case State::Body:
        if (m_framing == Framing::Close) {
            m_state = State::Done;
            return m_state;
        }
        if (m_framing == Framing::Length)
            m_bodyProblem = QStringLiteral("connection closed after %1 of %2 body bytes")
                                .arg(m_expectedLength - m_remaining)
                                .arg(m_expectedLength);
        else
            m_bodyProblem = QStringLiteral("connection closed before the last chunk");
        m_state = State::Done;
        return m_state;
    }
    return m_state;
}

} // namespace corsbench::net
