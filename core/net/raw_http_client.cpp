// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// The socket side of transport.h: DNS, TCP, optional HTTP CONNECT tunnel, TLS, one request.
#include "core/net/transport.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef __linux__
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace corsbench::net {

namespace {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

bool matchesNoProxy(const QString& host, quint16 port, const QString& noProxy)
{
    const QStringList entries = noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString e : entries) {
        e = e.trimmed().toLower();
        if (e.isEmpty())
            continue;
        if (e == QLatin1String("*"))
            return true;
        // host:port entries
        const qsizetype colon = e.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !e.contains(QLatin1Char(']')) && e.count(QLatin1Char(':')) == 1) {
            if (e.mid(colon + 1).toUInt() != port)
                continue;
            e = e.left(colon);
        }
        if (e.startsWith(QLatin1Char('.')))
            e.remove(0, 1);
        const QString h = host.toLower();
        if (h == e || h.endsWith(QLatin1Char('.') + e))
            return true;
    }
    return false;
}

QString envValue(const char* lower, const char* upper, QString* which)
{
    QByteArray v = qgetenv(lower);
    if (!v.isEmpty()) {
        *which = QString::fromLatin1(lower);
        return QString::fromLocal8Bit(v);
    }
    v = qgetenv(upper);
    if (!v.isEmpty()) {
        *which = QString::fromLatin1(upper);
        return QString::fromLocal8Bit(v);
    }
    return {};
}

QString describeCert(const QSslError& e)
{
    QString s = e.errorString();
    const QSslCertificate c = e.certificate();
    if (!c.isNull())
        s += QStringLiteral(" (certificate: %1, issued by %2, valid %3 to %4)")
                 .arg(c.subjectDisplayName(), c.issuerDisplayName(), c.effectiveDate().toString(Qt::ISODate),
                      c.expiryDate().toString(Qt::ISODate));
    return s;
}

// On Linux, tells an RST from an orderly FIN after Qt reported "remote host closed": Qt maps
// ECONNRESET to end-of-file and closes its descriptor before reporting, so this looks at a
// duplicate of the descriptor taken when the connection was established.
bool peerReset(qintptr fd)
{
#ifdef __linux__
    if (fd < 0)
        return false;
    tcp_info info {};
    socklen_t len = sizeof(info);
    if (getsockopt(static_cast<int>(fd), IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return false;
    return info.tcpi_state == TCP_CLOSE;
#else
    Q_UNUSED(fd);
    return false;
#endif
}

} // namespace

struct ConnectionPool::Impl {
    struct Entry {
        QString key;
        std::unique_ptr<QTcpSocket> socket;
        qintptr watchFd = -1;
        QString peer;
        QString transport;
    };
    std::vector<Entry> idle;

    void discard(Entry& e)
    {
        if (e.socket)
            e.socket->abort();
#ifdef __linux__
        if (e.watchFd >= 0)
            ::close(static_cast<int>(e.watchFd));
#endif
        e.watchFd = -1;
    }

    // An idle connection for `key` that still looks usable, or an empty entry.
    Entry take(const QString& key)
    {
        for (auto it = idle.begin(); it != idle.end(); ++it) {
            if (it->key != key)
                continue;
            Entry e = std::move(*it);
            idle.erase(it);
            if (e.socket->state() == QAbstractSocket::ConnectedState && e.socket->bytesAvailable() == 0)
                return e;
            discard(e);
            return take(key);
        }
        return {};
    }
};

ConnectionPool::ConnectionPool()
    : d(std::make_unique<Impl>())
{
}

ConnectionPool::~ConnectionPool()
{
    for (auto& e : d->idle)
        d->discard(e);
}

qsizetype ConnectionPool::idleCount() const { return static_cast<qsizetype>(d->idle.size()); }

ProxyChoice chooseProxy(const QUrl& url, const ProxySettings& settings)
{
    ProxyChoice choice;
    const QString host = url.host();
    const bool tls = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const quint16 port = static_cast<quint16>(url.port(tls ? 443 : 80));
    QString proxyText;
    QString source;
    switch (settings.mode) {
    case ProxySettings::Mode::None:
        choice.description = QStringLiteral("direct (proxy disabled)");
        return choice;
    case ProxySettings::Mode::Explicit:
        proxyText = settings.url.toString();
        source = QStringLiteral("--proxy");
        break;
    case ProxySettings::Mode::Environment: {
        proxyText = tls ? envValue("https_proxy", "HTTPS_PROXY", &source) : envValue("http_proxy", "HTTP_PROXY", &source);
        if (proxyText.isEmpty())
            proxyText = envValue("all_proxy", "ALL_PROXY", &source);
        if (proxyText.isEmpty()) {
            choice.description = QStringLiteral("direct (no proxy configured)");
            return choice;
        }
        QString npSource;
        const QString noProxy = envValue("no_proxy", "NO_PROXY", &npSource);
        if (matchesNoProxy(host, port, noProxy)) {
            choice.description = QStringLiteral("direct (%1 matches %2)").arg(host, npSource);
            return choice;
        }
        break;
    }
    }
    if (isLoopbackHost(host)) {
        // Chromium never sends loopback requests through a proxy (implicit <-loopback> bypass rule).
        choice.description = QStringLiteral("direct (loopback bypasses the proxy %1 from %2, as in Chromium)")
                                 .arg(proxyText, source);
        return choice;
    }
    QUrl p = QUrl::fromUserInput(proxyText);
    if (!proxyText.contains(QLatin1String("://")))
        p = QUrl(QStringLiteral("http://") + proxyText);
    if (!p.isValid() || p.host().isEmpty()) {
        choice.error = QStringLiteral("invalid proxy \"%1\" (from %2)").arg(proxyText, source);
        return choice;
    }
    if (p.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0) {
        choice.error = QStringLiteral("unsupported proxy \"%1\" (from %2): only http:// proxies are supported")
                           .arg(proxyText, source);
        return choice;
    }
    choice.useProxy = true;
    choice.host = p.host();
    choice.port = static_cast<quint16>(p.port(80));
    if (!p.userName().isEmpty())
        choice.authorization = "Basic "
            + (p.userName(QUrl::FullyDecoded) + QLatin1Char(':') + p.password(QUrl::FullyDecoded)).toUtf8().toBase64();
    choice.description = QStringLiteral("HTTP proxy %1:%2 (from %3)%4")
                             .arg(choice.host)
                             .arg(choice.port)
                             .arg(source, tls ? QStringLiteral(", CONNECT tunnel") : QString());
    return choice;
}

Transfer sendRequest(const http::HttpRequestHead& head, const QByteArray& body, const TransportOptions& options,
                     std::chrono::steady_clock::time_point epoch, ConnectionPool* pool, const QByteArray& partition)
{
    using Clock = std::chrono::steady_clock;
    auto now = [epoch] { return std::chrono::duration<double, std::milli>(Clock::now() - epoch).count(); };

    Transfer t;
    t.request = head;
    t.body = body;
    t.timings.startMs = now();

    const QUrl& url = head.url;
    const QString scheme = url.scheme().toLower();
    const bool tls = scheme == QLatin1String("https");
    t.transport = tls ? QStringLiteral("raw HTTP/1.1 over TLS") : QStringLiteral("raw HTTP/1.1 over TCP");
    auto failEarly = [&](NetErrorKind kind, QString message) {
        t.errorKind = kind;
        t.response.networkError = std::move(message);
        t.timings.endMs = now();
        return t;
    };
    if (scheme != QLatin1String("http") && !tls)
        return failEarly(NetErrorKind::InvalidRequest,
                         QStringLiteral("unsupported scheme \"%1\": only http and https can be probed").arg(scheme));
    if (!url.isValid() || url.host().isEmpty())
        return failEarly(NetErrorKind::InvalidRequest, QStringLiteral("invalid URL \"%1\"").arg(url.toString()));
    if (tls && !QSslSocket::supportsSsl())
        return failEarly(NetErrorKind::Tls, QStringLiteral("TLS failure: no TLS backend available to Qt (is OpenSSL 3 "
                                                           "installed?)"));

    const QString host = url.host();
    const quint16 port = static_cast<quint16>(url.port(tls ? 443 : 80));
    const ProxyChoice proxy = chooseProxy(url, options.proxy);
    t.proxy = proxy.description;
    if (!proxy.error.isEmpty()) {
        t.proxy = proxy.error;
        return failEarly(NetErrorKind::Proxy, QStringLiteral("proxy failure: %1").arg(proxy.error));
    }
    const QString connectHost = proxy.useProxy ? proxy.host : host;
    const quint16 connectPort = proxy.useProxy ? proxy.port : port;
    const QByteArray target = proxy.useProxy && !tls ? absoluteFormTarget(url) : originFormTarget(url);
    http::HeaderList wireHeaders = head.headers;
    if (proxy.useProxy && !tls && !proxy.authorization.isEmpty())
        wireHeaders.append("Proxy-Authorization", proxy.authorization);
    t.rawRequest = serializeRequest(head.method, target, wireHeaders, body);

    const QString poolKey = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                .arg(scheme, host)
                                .arg(port)
                                .arg(connectHost)
                                .arg(connectPort)
                                .arg(QString::fromLatin1(partition));
    ConnectionPool::Impl::Entry reused;
    if (pool)
        reused = pool->impl()->take(poolKey);
    const bool reusing = reused.socket != nullptr;

    QEventLoop loop;
    bool done = false;
    bool connected = false;
    auto finish = [&](NetErrorKind kind, const QString& message) {
        if (done)
            return;
        done = true;
        if (kind != NetErrorKind::None) {
            t.errorKind = kind;
            t.response.networkError = message;
        }
        t.timings.endMs = now();
        loop.quit();
    };

    QTimer totalTimer;
    totalTimer.setSingleShot(true);
    QTimer connectTimer;
    connectTimer.setSingleShot(true);

    // --- DNS
    QList<QHostAddress> addresses;
    if (!reusing) {
        QHostAddress literal;
        if (literal.setAddress(connectHost)) {
            addresses << literal;
        } else {
            QString dnsError;
            bool dnsDone = false;
            const int id = QHostInfo::lookupHost(connectHost, &loop, [&](const QHostInfo& info) {
                dnsDone = true;
                if (info.error() != QHostInfo::NoError)
                    dnsError = info.errorString();
                addresses = info.addresses();
                loop.quit();
            });
            QObject::connect(&connectTimer, &QTimer::timeout, &loop, [&] { loop.quit(); });
            connectTimer.start(options.connectTimeoutMs);
            if (!dnsDone)
                loop.exec();
            connectTimer.stop();
            QObject::disconnect(&connectTimer, nullptr, &loop, nullptr);
            if (!dnsDone) {
                QHostInfo::abortHostLookup(id);
                return failEarly(NetErrorKind::ConnectTimeout,
                                 QStringLiteral("DNS timeout: resolving \"%1\" took longer than %2 ms")
                                     .arg(connectHost)
                                     .arg(options.connectTimeoutMs));
            }
            t.timings.dnsDoneMs = now();
            if (addresses.isEmpty())
                return failEarly(NetErrorKind::Dns, QStringLiteral("DNS failure: could not resolve \"%1\"%2")
                                                        .arg(connectHost,
                                                             dnsError.isEmpty() ? QString()
                                                                                : QStringLiteral(" (%1)").arg(dnsError)));
        }
    }

    // --- socket
    std::unique_ptr<QTcpSocket> socket;
    QSslSocket* ssl = nullptr;
    qintptr watchFd = -1; // dup() of the socket, see peerReset()
    if (reusing) {
        socket = std::move(reused.socket);
        ssl = tls ? qobject_cast<QSslSocket*>(socket.get()) : nullptr;
        watchFd = reused.watchFd;
        connected = true;
        t.reusedConnection = true;
        t.peer = reused.peer;
        t.transport = reused.transport;
    } else if (tls) {
        auto s = std::make_unique<QSslSocket>();
        ssl = s.get();
        socket = std::move(s);
    } else {
        socket = std::make_unique<QTcpSocket>();
    }
    if (!reusing) {
        socket->setProxy(QNetworkProxy::NoProxy); // proxies are handled here, explicitly
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    enum class Phase { Connecting, Tunnel, Handshake, Exchanging };
    Phase phase = Phase::Connecting;
    qsizetype addressIndex = 0;
    qint64 written = 0;
    ResponseParser parser(head.method, options.maxHeadBytes, options.maxBodyBytes);
    ResponseParser tunnelParser("CONNECT", options.maxHeadBytes, 0);

    auto sendRequestBytes = [&] {
        phase = Phase::Exchanging;
        connectTimer.stop();
        written = 0;
        socket->write(t.rawRequest);
    };
    auto startTls = [&] {
        phase = Phase::Handshake;
        ssl->setPeerVerifyName(host);
        ssl->startClientEncryption();
    };
    auto connectNext = [&] {
        const QHostAddress& a = addresses.at(addressIndex);
        socket->connectToHost(a, connectPort);
    };
    auto checkParser = [&](ResponseParser::State st) {
        if (st == ResponseParser::State::Done) {
            finish(NetErrorKind::None, {});
        } else if (st == ResponseParser::State::Error) {
            finish(parser.errorKind(), parser.errorMessage());
        }
    };
    auto closedOrReset = [&]() -> NetErrorKind {
        return peerReset(watchFd) ? NetErrorKind::Reset : NetErrorKind::Closed;
    };

    QObject::connect(socket.get(), &QAbstractSocket::connected, &loop, [&] {
        connected = true;
        t.timings.connectedMs = now();
#ifdef __linux__
        if (watchFd < 0 && socket->socketDescriptor() >= 0)
            watchFd = ::dup(static_cast<int>(socket->socketDescriptor()));
#endif
        t.peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
        if (proxy.useProxy && tls) {
            phase = Phase::Tunnel;
            QByteArray authority = url.host(QUrl::FullyEncoded).toUtf8();
            if (authority.contains(':'))
                authority = '[' + authority + ']';
            const QByteArray hostPort = authority + ':' + QByteArray::number(port);
            http::HeaderList h { { "Host", hostPort } };
            if (!proxy.authorization.isEmpty())
                h.append("Proxy-Authorization", proxy.authorization);
            socket->write(serializeRequest("CONNECT", hostPort, h, {}));
        } else if (tls) {
            startTls();
        } else {
            sendRequestBytes();
        }
    });
    if (ssl) {
        QObject::connect(ssl, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError>& errors) {
            for (const QSslError& e : errors)
                t.certificateProblems << describeCert(e);
            if (options.insecure)
                ssl->ignoreSslErrors();
        });
        QObject::connect(ssl, &QSslSocket::encrypted, &loop, [&] {
            t.timings.tlsDoneMs = now();
            const QString proto = [&] {
                switch (ssl->sessionProtocol()) {
                case QSsl::TlsV1_2:
                    return QStringLiteral("TLSv1.2");
                case QSsl::TlsV1_3:
                    return QStringLiteral("TLSv1.3");
                default:
                    return ssl->sessionCipher().protocolString();
                }
            }();
            t.transport = QStringLiteral("raw HTTP/1.1 over TLS (%1%2)")
                              .arg(proto, t.certificateProblems.isEmpty()
                                       ? QString()
                                       : QStringLiteral(", certificate NOT verified: --insecure"));
            sendRequestBytes();
        });
    }
    QObject::connect(socket.get(), &QIODevice::bytesWritten, &loop, [&](qint64 n) {
        if (phase != Phase::Exchanging)
            return;
        written += n;
        if (written >= t.rawRequest.size() && t.timings.requestSentMs < 0)
            t.timings.requestSentMs = now();
    });
    QObject::connect(socket.get(), &QIODevice::readyRead, &loop, [&] {
        if (done)
            return;
        const QByteArray data = socket->readAll();
        if (data.isEmpty())
            return;
        if (phase == Phase::Tunnel) {
            const auto st = tunnelParser.feed(data);
            if (st == ResponseParser::State::Error) {
                finish(NetErrorKind::Proxy, QStringLiteral("proxy failure: %1").arg(tunnelParser.errorMessage()));
            } else if (st == ResponseParser::State::Done) {
                if (tunnelParser.head().status / 100 != 2)
                    finish(NetErrorKind::Proxy, QStringLiteral("proxy failure: the proxy answered CONNECT with %1 %2")
                                                    .arg(tunnelParser.head().status)
                                                    .arg(QString::fromLatin1(tunnelParser.head().reason)));
                else
                    startTls();
            }
            return;
        }
        if (phase != Phase::Exchanging)
            return;
        if (t.timings.firstByteMs < 0) {
            t.timings.firstByteMs = now();
            if (t.timings.requestSentMs < 0)
                t.timings.requestSentMs = t.timings.firstByteMs;
        }
        checkParser(parser.feed(data));
    });
    QObject::connect(socket.get(), &QAbstractSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError err) {
        if (done)
            return;
        switch (err) {
        case QAbstractSocket::ConnectionRefusedError:
            if (!connected && addressIndex + 1 < addresses.size()) {
                ++addressIndex;
                socket->abort();
                QTimer::singleShot(0, &loop, connectNext);
                return;
            }
            finish(NetErrorKind::Refused, QStringLiteral("connection refused: nothing accepts connections on %1:%2%3")
                                              .arg(connectHost)
                                              .arg(connectPort)
                                              .arg(proxy.useProxy ? QStringLiteral(" (the proxy)") : QString()));
            return;
        case QAbstractSocket::HostNotFoundError:
            finish(NetErrorKind::Dns, QStringLiteral("DNS failure: could not resolve \"%1\"").arg(connectHost));
            return;
        case QAbstractSocket::SocketTimeoutError:
            finish(connected ? NetErrorKind::Timeout : NetErrorKind::ConnectTimeout, socket->errorString());
            return;
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError: {
            QString msg = QStringLiteral("TLS failure: %1").arg(socket->errorString());
            if (!t.certificateProblems.isEmpty() && !options.insecure)
                msg = QStringLiteral("TLS failure: certificate problem: %1 (use --insecure to probe anyway)")
                          .arg(t.certificateProblems.join(QStringLiteral("; ")));
            finish(NetErrorKind::Tls, msg);
            return;
        }
        case QAbstractSocket::RemoteHostClosedError: {
            if (phase == Phase::Exchanging) {
                const QByteArray rest = socket->readAll();
                if (!rest.isEmpty()) {
                    if (t.timings.firstByteMs < 0)
                        t.timings.firstByteMs = now();
                    const auto st = parser.feed(rest);
                    if (st == ResponseParser::State::Done || st == ResponseParser::State::Error) {
                        checkParser(st);
                        return;
                    }
                }
                const NetErrorKind kind = closedOrReset();
                const auto st = parser.finish();
                if (st == ResponseParser::State::Error) {
                    QString msg = parser.errorMessage();
                    if (kind == NetErrorKind::Reset)
                        msg = parser.bytesReceived() == 0
                            ? QStringLiteral("connection reset by the server (TCP RST) before any response")
                            : QStringLiteral("connection reset by the server (TCP RST) after %1 bytes, before the "
                                             "response head was complete")
                                  .arg(parser.bytesReceived());
                    finish(kind == NetErrorKind::Reset ? NetErrorKind::Reset : parser.errorKind(), msg);
                } else {
                    checkParser(st);
                }
                return;
            }
            const NetErrorKind kind = closedOrReset();
            finish(kind, phase == Phase::Handshake
                       ? QStringLiteral("TLS failure: the server %1 the connection during the TLS handshake")
                             .arg(kind == NetErrorKind::Reset ? QStringLiteral("reset") : QStringLiteral("closed"))
                       : QStringLiteral("connection %1 by %2 before the request was sent")
                             .arg(kind == NetErrorKind::Reset ? QStringLiteral("reset") : QStringLiteral("closed"),
                                  proxy.useProxy ? QStringLiteral("the proxy") : QStringLiteral("the server")));
            return;
        }
        default:
            finish(NetErrorKind::Other,
                   QStringLiteral("network error: %1").arg(socket->errorString()));
            return;
        }
    });

    QObject::connect(&connectTimer, &QTimer::timeout, &loop, [&] {
        if (phase == Phase::Exchanging)
            return;
        finish(NetErrorKind::ConnectTimeout,
               QStringLiteral("timeout: %1 within %2 ms")
                   .arg(!connected ? QStringLiteral("could not connect to %1:%2").arg(connectHost).arg(connectPort)
                                   : QStringLiteral("the TLS handshake did not complete"))
                   .arg(options.connectTimeoutMs));
    });
    QObject::connect(&totalTimer, &QTimer::timeout, &loop, [&] {
        if (!connected) {
            finish(NetErrorKind::ConnectTimeout, QStringLiteral("timeout: could not connect to %1:%2 within %3 ms")
                                                     .arg(connectHost)
                                                     .arg(connectPort)
                                                     .arg(options.totalTimeoutMs));
            return;
        }
        finish(NetErrorKind::Timeout,
               parser.headComplete()
                   ? QStringLiteral("timeout: the response body did not complete within %1 ms (head received)")
                         .arg(options.totalTimeoutMs)
                   : QStringLiteral("timeout: no complete response head within %1 ms (%2 bytes received)")
                         .arg(options.totalTimeoutMs)
                         .arg(parser.bytesReceived()));
    });

    totalTimer.start(qMax(1, options.totalTimeoutMs));
    connectTimer.start(qMax(1, options.connectTimeoutMs));
    if (reusing)
        sendRequestBytes();
    else
        connectNext();
    if (!done)
        loop.exec();
    totalTimer.stop();
    connectTimer.stop();

    // A timeout after the head arrived keeps the head: the CORS check only needs it.
    if (t.errorKind == NetErrorKind::Timeout && parser.headComplete()) {
        t.bodyProblem = t.response.networkError;
        t.errorKind = NetErrorKind::None;
        t.response.networkError.clear();
    }
    if (parser.headComplete() && t.ok()) {
        t.response = parser.head();
        t.rawResponseHead = parser.rawHead();
        t.responseBody = parser.body();
        t.responseBodyTruncated = parser.bodyTruncated();
        if (t.bodyProblem.isEmpty())
            t.bodyProblem = parser.bodyProblem();
    }
    t.warnings = parser.warnings();
    t.bytesReceived = parser.bytesReceived();
    socket->disconnect(&loop);

    // A kept-alive connection the server had already closed: browsers retry once on a new one.
    if (reusing && (t.errorKind == NetErrorKind::Closed || t.errorKind == NetErrorKind::Reset)
        && parser.bytesReceived() == 0) {
        ConnectionPool::Impl::Entry dead { poolKey, std::move(socket), watchFd, {}, {} };
        pool->impl()->discard(dead);
        Transfer retry = sendRequest(head, body, options, epoch, pool, partition);
        retry.warnings.prepend(QStringLiteral("the kept-alive connection had been closed by the server; retried on a "
                                              "new connection"));
        return retry;
    }

    bool keepAlive = pool && t.ok() && parser.state() == ResponseParser::State::Done && !parser.bodyTruncated()
        && parser.bodyProblem().isEmpty() && !parser.closeDelimited() && parser.httpVersion() == "1.1"
        && socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0;
    for (const QByteArray& v : t.response.headers.values("connection")) {
        for (const QByteArray& token : v.split(',')) {
            if (http::trimOws(token).toLower() == "close")
                keepAlive = false;
        }
    }
    if (keepAlive) {
        pool->impl()->idle.push_back({ poolKey, std::move(socket), watchFd, t.peer, t.transport });
        return t;
    }
    socket->abort();
#ifdef __linux__
    if (watchFd >= 0)
        ::close(static_cast<int>(watchFd));
#endif
    return t;
}

} // namespace corsbench::net
