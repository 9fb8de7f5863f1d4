// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "broken_server.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace corsbench::itest {

BrokenServer::BrokenServer(Handler handler)
    : m_handler(std::move(handler))
{
    m_server.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket* s = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            auto handled = std::make_shared<bool>(false);
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            QObject::connect(s, &QIODevice::readyRead, s, [this, s, buffer, handled] {
                buffer->append(s->readAll());
                if (*handled)
                    return;
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                *handled = true;
                const QByteArray head = buffer->left(end + 4);
                m_requests << head;
                m_handler(s, head);
            });
        }
    });
}

void BrokenServer::respond(QTcpSocket* socket, const QByteArray& bytes)
{
    socket->write(bytes);
    socket->disconnectFromHost(); // after the buffered bytes are written
}

void BrokenServer::reset(QTcpSocket* socket)
{
    const linger l { 1, 0 };
    ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    socket->abort();
}

void BrokenServer::closeSilently(QTcpSocket* socket) { socket->disconnectFromHost(); }

void BrokenServer::hang(QTcpSocket*) { }

quint16 unusedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace corsbench::itest
