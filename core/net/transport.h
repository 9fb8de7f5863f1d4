// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/net/http_wire.h"
#include "core/net/timings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>

/// One HTTP/1.1 request over a raw TCP or TLS socket, with the head sent exactly as given.
/// QNetworkAccessManager is deliberately not used: it merges duplicate response header lines,
/// adds request headers it cannot drop and rewrites methods on redirects (see
/// docs/reference toolchain notes), all of which would falsify a CORS diagnosis.
namespace corsbench::net {

struct ProxySettings {
    enum class Mode {
        Environment, // http_proxy / https_proxy / all_proxy / no_proxy, as curl reads them
        None,
        Explicit,
    };
    Mode mode = Mode::Environment;
    QUrl url; // Explicit: http://[user:pass@]host:port
};

struct TransportOptions {
    int connectTimeoutMs = 10000; // DNS + TCP connect + TLS handshake
    int totalTimeoutMs = 30000; // whole request, from start to the last body byte
    bool insecure = false; // proceed despite certificate problems (they are still reported)
    qint64 maxHeadBytes = 256 * 1024; // Chromium's response-head limit
    qint64 maxBodyBytes = 1024 * 1024; // the rest of a longer body is not read
    ProxySettings proxy;
};

/// Which proxy a URL goes through and why (shown to the user).
struct ProxyChoice {
    bool useProxy = false;
    QString host;
    quint16 port = 0;
    QByteArray authorization; // "Basic ..." when the proxy URL has credentials
    QString description; // "direct", "HTTP proxy proxy.corp:3128 (from https_proxy)", ...
    QString error; // unsupported proxy scheme, ...
};

ProxyChoice chooseProxy(const QUrl& url, const ProxySettings& settings);

/// Everything observed about one request. `response.networkError` is set (and `errorKind`
/// is not None) when no complete HTTP response head arrived.
struct Transfer {
    http::HttpRequestHead request; // as sent
    QByteArray body; // request body as sent
    QByteArray rawRequest; // exact bytes written (head + body)
    http::HttpResponseHead response;
    QByteArray rawResponseHead;
    QByteArray responseBody;
    bool responseBodyTruncated = false;
    QString bodyProblem;
    QStringList warnings; // tolerated protocol oddities (ignored lines, folding, ...)
    NetErrorKind errorKind = NetErrorKind::None;
    Timings timings;
    QString transport; // "raw HTTP/1.1 over TCP", "raw HTTP/1.1 over TLS (TLSv1.3)"
    QString proxy; // ProxyChoice::description
    QString peer; // "127.0.0.1:8000"
    QStringList certificateProblems; // TLS: every certificate error, also when insecure
    qint64 bytesReceived = 0;
    bool reusedConnection = false; // sent on a kept-alive connection from a ConnectionPool

    bool ok() const { return errorKind == NetErrorKind::None; }
};

/// Idle keep-alive connections shared by the requests of one probe, so the actual request can
/// go out on the preflight's connection as in a browser. Connections are keyed by scheme, host,
/// port, proxy and a caller-chosen partition (Chromium keeps credentialed and uncredentialed
/// requests in separate socket pools). Owned by, and used on, one thread.
class ConnectionPool {
public:
    ConnectionPool();
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    qsizetype idleCount() const;

    struct Impl; // sockets; defined with the transport
    Impl* impl() const { return d.get(); }

private:
    std::unique_ptr<Impl> d;
};

/// Sends one request and waits for the complete response, a failure or a timeout, running a
/// local event loop (so the calling thread needs a Qt event dispatcher, e.g. a
/// QCoreApplication main thread or a QThread). Never throws, never hangs past the timeouts.
/// `epoch` is the zero of the returned Timings.
/// With a `pool`, an idle connection for the same target and `partition` is reused (a reused
/// connection the server already closed is retried once on a new one, as browsers do), and the
/// connection is returned to the pool when the response allows keep-alive.
Transfer sendRequest(const http::HttpRequestHead& head, const QByteArray& body, const TransportOptions& options,
                     std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now(),
                     ConnectionPool* pool = nullptr, const QByteArray& partition = {});

} // namespace corsbench::net
