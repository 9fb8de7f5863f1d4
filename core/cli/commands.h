// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

/// corsbench-cli subcommands. Each takes the arguments after its name, writes its report to
/// `out` and problems to `err`, and returns the process exit status. Core-only, so they are
/// unit-testable without a process.
namespace corsbench::cli {

/// Exit statuses shared by all subcommands.
enum ExitCode : int {
    ExitAllowed = 0,
    ExitBlocked = 1,
    ExitUsage = 2, // bad input or usage
    ExitNetwork = 3, // probe: transport failure
};

struct CommandIo {
    QTextStream& out;
    QTextStream& err;
    /// Reads standard input when a command is given "-". Tests replace it.
    QByteArray (*readStdin)(qint64 maxBytes) = nullptr;
};

int runCheck(const QStringList& args, CommandIo& io);
int runProbe(const QStringList& args, CommandIo& io);
int runScan(const QStringList& args, CommandIo& io);
int runDiagnose(const QStringList& args, CommandIo& io);
int runSimulate(const QStringList& args, CommandIo& io);

/// Dispatches `corsbench-cli <command> ...`; prints general help for --help / no command.
int runCli(const QStringList& argsWithoutProgram, CommandIo& io);

} // namespace corsbench::cli
