// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

#include "core/cors/cors_engine.h"
#include "core/io/exchange_json.h"
#include "core/io/input_file.h"
#include "core/io/json_writer.h"
#include "core/io/verdict_json.h"

namespace corsbench::cli {
namespace {

const char* const kCheckHelp = R"(Usage: corsbench-cli check [--json] [--color|--no-color] FILE|-

Judge one recorded exchange the way browsers do: every CORS check in the browser's
order, the failure Chromium reports (its DevTools Network.CorsError name and failed
parameter) and the exact console lines of Chrome, Firefox and Safari.

FILE is an exchange or a case in the corsbench.exchange/1 JSON format
(docs/exchange-format.md); "-" reads standard input. Inputs over 32 MB are refused.

Options:
  --json        print the documented JSON object (docs/cli.md) instead of the report
  --color       colour the report (default: only when standard output is a terminal)
  --no-color    never colour
  -h, --help    this help

Exit status:
  0  the browser allows the request (script can read the response)
  1  the browser blocks it (CORS, Local Network Access, or a transport failure)
  2  bad input or usage (the message names the position or member), or an
     exchange that lacks the response the browser would judge
)";

} // namespace

int runCheck(const QStringList& args, CommandIo& io)
{
    bool json = false;
    int color = -1;
    QString file;
    for (const QString& a : args) {
        if (a == u"-h" || a == u"--help") {
            io.out << kCheckHelp;
            return ExitAllowed;
        }
        if (a == u"--json")
            json = true;
        else if (a == u"--color")
            color = 1;
        else if (a == u"--no-color")
            color = 0;
        else if (a.startsWith(u"-") && a != u"-") {
            io.err << "corsbench-cli check: unknown option '" << a << "' (see --help)\n";
            return ExitUsage;
        } else if (file.isEmpty())
            file = a;
        else {
            io.err << "corsbench-cli check: one input at a time ('" << file << "' and '" << a << "')\n";
            return ExitUsage;
        }
    }
    if (file.isEmpty()) {
        io.err << "corsbench-cli check: missing FILE (or - for standard input); see --help\n";
        return ExitUsage;
    }
    QByteArray data;
    if (file == u"-" && io.readStdin) {
        data = io.readStdin(io::kMaxInputBytes + 1);
        if (data.size() > io::kMaxInputBytes) {
            io.err << "corsbench-cli check: standard input: more than 32 MB of input; inputs are limited to that\n";
            return ExitUsage;
        }
    } else {
        auto read = io::readInput(file);
        if (!read) {
            io.err << "corsbench-cli check: " << read.error().message << "\n";
            return ExitUsage;
        }
        data = read.value();
    }
    const QString name = file == u"-" ? QStringLiteral("<stdin>") : file;
    if (auto text = io::checkText(data); !text) {
        io.err << "corsbench-cli check: " << name << ": " << text.error().message << "\n";
        return ExitUsage;
    }
    if (data.trimmed().isEmpty()) {
        io.err << "corsbench-cli check: " << name << ": empty input; expected a JSON exchange\n";
        return ExitUsage;
    }
    auto exchange = io::parseExchange(data);
    if (!exchange) {
        io.err << "corsbench-cli check: " << name << ": " << exchange.error().message << "\n";
        return ExitUsage;
    }
    const cors::Verdict verdict = cors::CorsEngine().evaluate(exchange.value());
    if (json) {
        io.out << QString::fromUtf8(io::toReadableJson(io::verdictToJson(verdict)));
    } else {
        io.out << io::verdictToText(verdict, exchange.value(), color == 1);
    }
    if (!verdict.chromium.allowed.has_value() && !verdict.error) {
        io.err << "corsbench-cli check: " << name << ": incomplete exchange: " << verdict.chromium.note << "\n";
        return ExitUsage;
    }
    return verdict.allowed ? ExitAllowed : ExitBlocked;
}

} // namespace corsbench::cli
