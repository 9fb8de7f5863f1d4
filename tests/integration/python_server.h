// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace corsbench::itest {

/// One real Python CORS server (tests/integration/servers/cors_server.py) in a child process,
/// bound by the kernel to a free 127.0.0.1 port. Killed when destroyed.
class PythonServer {
public:
    PythonServer() = default;
    PythonServer(const PythonServer&) = delete;
    PythonServer& operator=(const PythonServer&) = delete;
    ~PythonServer() { stop(); }

    /// Starts the server for `configJson` (a corpus `server.config` object) and waits, bounded by
    /// `timeoutMs`, until it accepts connections. Returns an empty string on success, else what
    /// went wrong — for a missing framework, which Debian package to install.
    QString start(const QByteArray& configJson, int timeoutMs = 60000);
    /// Serves the `app` object of an application module file (FastAPI, aiohttp or Flask).
    QString startModule(const QString& path, int timeoutMs = 60000);
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    QString launch(const QStringList& arguments, int timeoutMs);

    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace corsbench::itest
