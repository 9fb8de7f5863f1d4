// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace corsbench::itest {

/// A deliberately misbehaving HTTP server on 127.0.0.1 (kernel-chosen port), in-process and on
/// the test's thread: the prober's local event loop services it. `handler` runs once a complete
/// request head has arrived and decides what to do with the connection.
class BrokenServer {
public:
    using Handler = std::function<void(QTcpSocket* socket, const QByteArray& requestHead)>;

    explicit BrokenServer(Handler handler);
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path = QStringLiteral("/api/data")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    const QList<QByteArray>& requests() const { return m_requests; }

    // Ready-made behaviours.
    static void respond(QTcpSocket* socket, const QByteArray& bytes); // write, then close
    static void reset(QTcpSocket* socket); // TCP RST (SO_LINGER 0)
    static void closeSilently(QTcpSocket* socket); // FIN without a byte
    static void hang(QTcpSocket* socket); // never answer

private:
    QTcpServer m_server;
    Handler m_handler;
    QList<QByteArray> m_requests;
};

/// A 127.0.0.1 port with nothing listening (bound once, then closed).
quint16 unusedPort();

} // namespace corsbench::itest
