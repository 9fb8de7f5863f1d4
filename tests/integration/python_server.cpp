// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "python_server.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTcpSocket>

namespace corsbench::itest {

QString PythonServer::start(const QByteArray& configJson, int timeoutMs)
{
    return launch({ QString::fromUtf8(configJson) }, timeoutMs);
}

QString PythonServer::startModule(const QString& path, int timeoutMs)
{
    return launch({ QStringLiteral("--module"), path }, timeoutMs);
}

QString PythonServer::launch(const QStringList& arguments, int timeoutMs)
{
    const QString python = QStringLiteral(CORSBENCH_PYTHON3);
    const QString script = QStringLiteral(CORSBENCH_INTEGRATION_DIR "/servers/cors_server.py");
    if (!QFileInfo::exists(python))
        return QStringLiteral("%1 not found: install the Debian package python3").arg(python);
    m_process.setProgram(python);
    m_process.setArguments(QStringList { script } + arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("could not start %1: %2").arg(python, m_process.errorString());

    QElapsedTimer clock;
    clock.start();
    QByteArray pending;
    while (clock.elapsed() < timeoutMs) {
        if (!m_process.canReadLine())
            m_process.waitForReadyRead(200);
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith("PORT ")) {
                m_port = static_cast<quint16>(line.mid(5).toUInt());
            } else if (line.startsWith("MISSING ")) {
                const QByteArray rest = line.mid(8);
                const qsizetype colon = rest.indexOf(':');
                m_process.waitForFinished(2000);
                return QStringLiteral("Python framework missing — install the Debian package(s): sudo apt-get install "
                                      "%1 (%2)")
                    .arg(QString::fromUtf8(rest.left(colon)), QString::fromUtf8(rest.mid(colon + 1).trimmed()));
            }
        }
        if (m_port != 0)
            break;
        if (m_process.state() == QProcess::NotRunning)
            return QStringLiteral("server exited (status %1) before listening: %2")
                .arg(m_process.exitCode())
                .arg(QString::fromUtf8(m_process.readAllStandardError().right(2000)));
    }
    if (m_port == 0) {
        stop();
        return QStringLiteral("server did not report its port within %1 ms").arg(timeoutMs);
    }
    // Readiness: the socket is bound before the port is printed, but the framework's accept
    // loop may start later; connect until it answers (bounded).
    while (clock.elapsed() < timeoutMs) {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (probe.waitForConnected(500))
            return {};
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForFinished(100);
    }
    const QString err = QString::fromUtf8(m_process.readAllStandardError().right(2000));
    stop();
    return QStringLiteral("server on port %1 never accepted a connection: %2").arg(m_port).arg(err);
}

void PythonServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace corsbench::itest
