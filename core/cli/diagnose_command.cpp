// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

#include "core/diagnosis/diagnosis.h"
#include "core/diagnosis/fix_bridge.h"
#include "core/ingest/har_reader.h"
#include "core/ingest/ingest.h"
#include "core/io/input_file.h"
#include "core/io/json_writer.h"

#include <QFile>

namespace corsbench::cli {
namespace {

const char* const kDiagnoseHelp = R"HELP(Usage: corsbench-cli diagnose [--framework auto|fastapi|aiohttp|flask] [--config FILE] [--json] FILE|-

Read whatever you have about a failing cross-origin request and explain why it fails.
The input may mix, in any order:
  - browser console lines: Chrome/Edge ("Access to fetch at ... has been blocked by CORS
    policy: ..."), Firefox ("Cross-Origin Request Blocked: ... (Reason: ...)"), Safari
    ("Origin X is not allowed by Access-Control-Allow-Origin." + "Fetch API cannot load ...")
    and network-error lines ("net::ERR_...", "TypeError: Failed to fetch", mixed content)
  - Python tracebacks and server logs: Starlette/FastAPI, aiohttp / aiohttp_cors, Flask,
    uvicorn / gunicorn / aiohttp / werkzeug access logs, nginx access and error logs
  - a HAR file exported by Chrome or Firefox (preflights are paired with their requests;
    large files are streamed)
  - cURL commands (Chrome "Copy as cURL", bash or cmd), raw HTTP request/response heads
    (e.g. curl -i output), a corsbench exchange or case JSON
  - the server's Python module (CORSMiddleware / aiohttp_cors / flask_cors setup), used to
    tailor fixes; or pass it with --config FILE
"-" reads standard input. Text inputs are limited to 32 MB; HAR files given as a path to
2 GB.

It prints what it detected (kind and line range), then the causes ranked by confidence,
each with the failed check, the quoted evidence lines, an explanation, what to do, fixes
checked by simulating the framework (FastAPI and aiohttp, Flask when detected), and,
when the evidence is not conclusive, which piece would settle it (often a
`corsbench-cli probe ...` command).

Options:
  --framework F  auto (default: from the evidence or the module), fastapi, aiohttp, flask
  --config FILE  the server module or CORS setup snippet to base fixes on
  --json         print a JSON object: {detected[] {kind, lines [first,last], summary},
                 causes[] best first {id, title, confidence 0-1, failed_check, evidence[]
                 {line, text, source}, explanation, what_to_do[], fixes[] {framework, title,
                 diff, snippet, verification, verified, development_only}, not_cors,
                 missing_evidence[], probe}, conclusive, framework, missing_evidence[],
                 notes[], problems[], unrecognised_lines}
  -h, --help     this help

Exit status:
  0  diagnosed: at least one cause with confidence >= 0.5
  1  nothing conclusive (no or only weak causes; see "What would settle it")
  2  bad input or usage (unreadable file, binary data, malformed HAR/JSON)
)HELP";

constexpr qint64 kMaxStdin = 256 * 1024 * 1024;

} // namespace

int runDiagnose(const QStringList& args, CommandIo& io)
{
    bool json = false;
    QString framework = QStringLiteral("auto");
    QString file;
    QString config;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == u"-h" || a == u"--help") {
            io.out << kDiagnoseHelp;
            return ExitAllowed;
        }
        if (a == u"--json") {
            json = true;
        } else if (a == u"--framework" || a.startsWith(u"--framework=")) {
            QString v = a.startsWith(u"--framework=") ? a.mid(12) : (i + 1 < args.size() ? args.at(++i) : QString());
            v = v.toLower();
            if (v == u"starlette")
                v = QStringLiteral("fastapi");
            if (v != u"auto" && v != u"fastapi" && v != u"aiohttp" && v != u"flask") {
                io.err << "corsbench-cli diagnose: --framework must be auto, fastapi, aiohttp or flask (got '" << v << "')\n";
                return ExitUsage;
            }
            framework = v;
        } else if (a == u"--config" || a.startsWith(u"--config=")) {
            config = a.startsWith(u"--config=") ? a.mid(9) : (i + 1 < args.size() ? args.at(++i) : QString());
            if (config.isEmpty()) {
                io.err << "corsbench-cli diagnose: --config needs a FILE\n";
                return ExitUsage;
            }
        } else if (a.startsWith(u"-") && a != u"-") {
            io.err << "corsbench-cli diagnose: unknown option '" << a << "' (see --help)\n";
            return ExitUsage;
        } else if (file.isEmpty()) {
            file = a;
        } else {
            io.err << "corsbench-cli diagnose: one input at a time ('" << file << "' and '" << a << "')\n";
            return ExitUsage;
        }
    }
    if (file.isEmpty()) {
        io.err << "corsbench-cli diagnose: missing FILE (or - for standard input); see --help\n";
        return ExitUsage;
    }

    diagnosis::DiagnoseOptions options;
    options.framework = framework;
    if (!config.isEmpty()) {
        auto read = io::readInput(config, 4 * 1024 * 1024);
        if (!read) {
            io.err << "corsbench-cli diagnose: --config: " << read.error().message << "\n";
            return ExitUsage;
        }
        options.userSnippet = QString::fromUtf8(read.value());
    }

    QByteArray data;
    std::optional<Result<ingest::IngestResult>> ingested;
    if (file == u"-") {
        if (!io.readStdin) {
            io.err << "corsbench-cli diagnose: standard input is not available\n";
            return ExitUsage;
        }
        data = io.readStdin(kMaxStdin + 1);
        if (data.size() > kMaxStdin) {
            io.err << "corsbench-cli diagnose: standard input: more than 256 MB; pass a large HAR as a file path\n";
            return ExitUsage;
        }
    } else {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            io.err << "corsbench-cli diagnose: cannot open " << file << ": " << f.errorString() << "\n";
            return ExitUsage;
        }
        const QByteArray head = f.read(4096);
        const qint64 size = f.size();
        f.close();
        if (ingest::HarReader::looksLikeHar(head) && size > io::kMaxInputBytes) {
            ingested = ingest::ingestHarFile(file);
        } else {
            auto read = io::readInput(file);
            if (!read) {
                io.err << "corsbench-cli diagnose: " << read.error().message << "\n";
                return ExitUsage;
            }
            data = std::move(read.value());
        }
    }
    if (!ingested)
        ingested = ingest::ingestText(data);
    if (!*ingested) {
        io.err << "corsbench-cli diagnose: " << (file == u"-" ? QStringLiteral("standard input") : file) << ": "
               << ingested->error().message << "\n";
        return ExitUsage;
    }
    if (!options.userSnippet && !data.isEmpty())
        options.userSnippet = diagnosis::snippetFromUnclaimedLines(data, ingested->value(), &options.snippetInputLines);

    const diagnosis::Diagnosis d = diagnosis::diagnose(ingested->value(), options);
    if (json)
        io.out << QString::fromUtf8(io::toReadableJson(diagnosis::toJson(d)));
    else
        io.out << diagnosis::toText(d);
    io.out.flush();
    return d.conclusive() ? ExitAllowed : ExitBlocked;
}

} // namespace corsbench::cli
