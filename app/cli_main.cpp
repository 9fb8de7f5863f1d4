// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// corsbench-cli: a thin shell over corsbench_core.
#include "core/cli/commands.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace {
QByteArray readStdin(qint64 maxBytes)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray data;
    char buf[65536];
    qint64 got = 0;
    while ((got = in.read(buf, sizeof buf)) > 0) {
        data.append(buf, got);
        if (data.size() > maxBytes)
            break;
    }
    return data;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("corsbench-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    corsbench::cli::CommandIo io { out, err, &readStdin };
    const int code = corsbench::cli::runCli(app.arguments().mid(1), io);
    out.flush();
    err.flush();
    return code;
}
