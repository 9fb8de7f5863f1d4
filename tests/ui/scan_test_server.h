// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace corsbench::test {

/// An HTTP/1.1 server on 127.0.0.1 (kernel-chosen port), in-process on the test's thread:
/// `respond` turns each complete request head into the bytes to answer; the connection is
/// closed after writing. Serviced while the test waits (QSignalSpy::wait).
class ScriptedHttpServer : public QObject
{
public:
    using Respond = std::function<QByteArray(const QByteArray& head)>;

    explicit ScriptedHttpServer(Respond respond)
        : m_respond(std::move(respond))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                auto answered = std::make_shared<bool>(false);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, answered] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (*answered || end < 0)
                        return;
                    *answered = true;
                    const QByteArray head = buffer->left(end + 4);
                    m_requests << head;
                    socket->write(m_respond(head));
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path = QStringLiteral("/api/items")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    const QList<QByteArray>& requests() const { return m_requests; }

    /// The value of request header `name` (lower-case) in `head`, or empty.
    static QByteArray header(const QByteArray& head, const QByteArray& name)
    {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

private:
    QTcpServer m_server;
    Respond m_respond;
    QList<QByteArray> m_requests;
};

} // namespace corsbench::test
