// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// HTTP/1.1 message framing without sockets: the request bytes we write and an incremental
/// parser for the response bytes we read. Kept separate from the socket code so every framing
/// rule (chunked, Content-Length, close-delimited, 1xx, size caps) is unit-testable.
namespace corsbench::net {

/// Why a transfer failed; `None` when an HTTP response head was received.
enum class NetErrorKind {
    None,
    InvalidRequest, // URL/scheme we cannot send
    Dns,
    Refused,
    ConnectTimeout,
    Timeout, // total timeout after connecting
    Closed, // server closed the connection before a complete head
    Reset,
    Tls,
    Proxy,
    Malformed,
    TooLarge,
    Other,
};

QString toString(NetErrorKind kind); // kebab-case, for JSON

/// The bytes of a request head plus body. `target` is the request-target ("/path?q" or, for
/// a plain-HTTP proxy, the absolute URL). Header lines go out exactly as listed: nothing is
/// added, merged or re-cased.
QByteArray serializeRequest(const QByteArray& method, const QByteArray& target, const http::HeaderList& headers,
                            const QByteArray& body);
/// origin-form request-target of a URL ("/" when the path is empty); fragment dropped.
QByteArray originFormTarget(const QUrl& url);
/// absolute-form request-target, for requests sent through an HTTP proxy.
QByteArray absoluteFormTarget(const QUrl& url);

/// Incremental HTTP/1.x response parser. Feed it bytes as they arrive; it reports when the
/// response is complete or malformed. Limits protect against hostile servers: a head larger
/// than `maxHeadBytes` is an error (Chromium's limit is 256 KiB), a body beyond `maxBodyBytes`
/// is cut off (and `bodyTruncated()` set) — the head is what CORS needs.
class ResponseParser {
public:
    enum class State { Head, Body, Done, Error };

    explicit ResponseParser(QByteArray requestMethod, qint64 maxHeadBytes = 256 * 1024,
                            qint64 maxBodyBytes = 1024 * 1024);

    State feed(QByteArrayView data);
    /// The peer closed the connection: completes a close-delimited body, else an error.
    State finish();

    State state() const { return m_state; }
    bool headComplete() const { return m_headDone; }
    const http::HttpResponseHead& head() const { return m_head; }
    QByteArray httpVersion() const { return m_version; }
    /// The final head exactly as received (status line and header lines, CRLFs included).
    const QByteArray& rawHead() const { return m_rawHead; }
    /// Interim 1xx heads that preceded the final one, raw.
    const QList<QByteArray>& interimHeads() const { return m_interim; }
    const QByteArray& body() const { return m_body; }
    bool bodyTruncated() const { return m_truncated; }
    /// Set when the body ended early (close before Content-Length was reached, ...). The head
    /// is still valid; a browser would fail reading the body, not the CORS check.
    const QString& bodyProblem() const { return m_bodyProblem; }
    QStringList warnings() const { return m_warnings; }
    NetErrorKind errorKind() const { return m_errorKind; }
    const QString& errorMessage() const { return m_error; }
    qint64 bytesReceived() const { return m_received; }
    /// The body ends when the server closes the connection (no length, not chunked).
    bool closeDelimited() const { return m_framing == Framing::Close; }

private:
    enum class Framing { None, Length, Chunked, Close };
    enum class ChunkState { Size, Data, DataCrlf, Trailers };

    State fail(NetErrorKind kind, QString message);
    State parseHead();
    State parseBody();
    void appendBody(QByteArrayView data);

    QByteArray m_method;
    qint64 m_maxHead;
    qint64 m_maxBody;
    State m_state = State::Head;
    QByteArray m_buffer;
    qsizetype m_scanFrom = 0; // where the search for the end of the head resumes
    qint64 m_received = 0;
    bool m_headDone = false;
    http::HttpResponseHead m_head;
    QByteArray m_version;
    QByteArray m_rawHead;
    QList<QByteArray> m_interim;
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0;
    qint64 m_expectedLength = -1;
    ChunkState m_chunkState = ChunkState::Size;
    QByteArray m_body;
    bool m_truncated = false;
    QString m_bodyProblem;
    QStringList m_warnings;
    NetErrorKind m_errorKind = NetErrorKind::None;
    QString m_error;
};

} // namespace corsbench::net
