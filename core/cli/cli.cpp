// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

namespace corsbench::cli {
namespace {

const char* const kHelp = R"(Usage: corsbench-cli COMMAND [OPTIONS] ...

The command-line twin of the corsbench workbench: the same CORS engine, for scripts and CI.

Commands:
  check FILE|-      judge a recorded exchange as Chrome, Firefox and Safari would
  probe URL ...     send a browser-exact preflight and request to a server and judge them
  scan URL ...      audit an endpoint's CORS policy with crafted origins
  diagnose FILE|-   read pasted evidence (console lines, logs, HAR, config) and rank causes
  simulate ...      model a FastAPI / aiohttp / Flask CORS config and judge a request

Run 'corsbench-cli COMMAND --help' for a command's options and exit statuses.
)";

} // namespace

int runCli(const QStringList& args, CommandIo& io)
{
    if (args.isEmpty() || args.first() == u"-h" || args.first() == u"--help" || args.first() == u"help") {
        io.out << kHelp;
        return args.isEmpty() ? ExitUsage : ExitAllowed;
    }
    if (args.first() == u"--version") {
        io.out << "corsbench-cli 0.1.0\n";
        return ExitAllowed;
    }
    const QString cmd = args.first();
    const QStringList rest = args.mid(1);
    if (cmd == u"check")
        return runCheck(rest, io);
    if (cmd == u"probe")
        return runProbe(rest, io);
    if (cmd == u"scan")
        return runScan(rest, io);
    if (cmd == u"diagnose")
        return runDiagnose(rest, io);
    if (cmd == u"simulate")
        return runSimulate(rest, io);
    io.err << "corsbench-cli: unknown command '" << cmd << "'\n\n" << kHelp;
    return ExitUsage;
}

} // namespace corsbench::cli
