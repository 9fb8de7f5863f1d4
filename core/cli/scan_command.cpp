// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// corsbench-cli scan: a bounded CORS policy audit of one endpoint with crafted origins.
#include "core/cli/commands.h"

#include "core/cli/arguments.h"
#include "core/http/origin.h"
#include "core/io/json_writer.h"
#include "core/net/cli_support.h"
#include "core/net/scanner.h"

namespace corsbench::cli {

namespace {

const char* const kScanHelp = R"(Usage: corsbench-cli scan URL [--origin ORIGIN] [--allow ORIGIN]... [options]

A CORS policy audit of one endpoint (the security side). Sends at most 40 requests, one after
the other, with crafted Origin headers built around ORIGIN — an arbitrary origin, "null",
pre- and post-domain tricks (evil-example.com, example.com.evil.net), unescaped-dot regex
bypasses, other ports, the http:// variant of an https origin, subdomains, localhost — plus a
preflight asking for an invented method and header. Each finding has a severity, the evidence
exchange, why it is exploitable and the fix. Only scan servers you are allowed to test: the
URL must be given explicitly.

Options:
  --origin ORIGIN      the legitimate page origin to build tricks around
                       (default: the first --allow origin, else the URL's own origin)
  --allow ORIGIN       an origin that must work (repeatable); the verdict is PASS only if
                       these are allowed AND every crafted origin is refused
  -X, --request METHOD method of the probed request (default GET)
  -H, --header 'N: V'  author header, repeatable
  --credentials MODE   omit | same-origin | include (default include: the attack case)
  --cookie STR         Cookie to send (default corsbench_scan=1 with include)
  --delay MS           pause between requests (default 0)
  --max-requests N     request budget (default and maximum 40)
  --timeout S          total timeout per request in seconds (default 10)
  --insecure           continue despite TLS certificate problems
  --json               machine-readable report (findings with their evidence exchanges)
  -h, --help           this help

Exit status: 0 pass, 1 findings (or an --allow origin blocked), 2 usage, 3 unreachable.
)";

bool takeValue(const QStringList& args, qsizetype& i, QString* value, CommandIo& io)
{
    return takeOptionValue(args, i, value, io, "scan");
}

} // namespace

int runScan(const QStringList& args, CommandIo& io)
{
    net::EnsureCoreApplication app;
    net::ScanOptions options;
    options.intent.credentials = http::CredentialsMode::Include;
    options.probe.transport.totalTimeoutMs = 10000;
    options.probe.transport.connectTimeoutMs = 5000;
    QString url;
    bool json = false;
    auto usage = [&](const QString& message) {
        io.err << "corsbench-cli scan: " << message << "\nTry 'corsbench-cli scan --help'.\n";
        return ExitUsage;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const QString name = optionName(a);
        QString v;
        if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
            io.out << kScanHelp;
            return ExitAllowed;
        } else if (name == QLatin1String("--origin")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            auto o = http::Origin::parse(v);
            if (!o)
                return usage(QStringLiteral("invalid --origin \"%1\": %2").arg(v, o.error().message));
            options.baseOrigin = o->serialize();
        } else if (name == QLatin1String("--allow")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            auto o = http::Origin::parse(v);
            if (!o)
                return usage(QStringLiteral("invalid --allow \"%1\": %2").arg(v, o.error().message));
            options.allowOrigins << o->serialize();
        } else if (name == QLatin1String("-X") || name == QLatin1String("--request")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            options.intent.method = v.toLatin1();
        } else if (name == QLatin1String("-H") || name == QLatin1String("--header")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0 || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
                return usage(QStringLiteral("header \"%1\" is not 'Name: value'").arg(v));
            options.intent.headers.append(v.left(colon).trimmed().toLatin1(), v.mid(colon + 1).trimmed().toUtf8());
        } else if (name == QLatin1String("--credentials")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            auto c = http::credentialsModeFromString(v);
            if (!c)
                return usage(QStringLiteral("--credentials must be omit, same-origin or include"));
            options.intent.credentials = *c;
        } else if (name == QLatin1String("--cookie")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            options.probe.cookie = v.toUtf8();
        } else if (name == QLatin1String("--delay")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            bool ok = false;
            options.delayMs = v.toInt(&ok);
            if (!ok || options.delayMs < 0 || options.delayMs > 60000)
                return usage(QStringLiteral("--delay needs milliseconds from 0 to 60000"));
        } else if (name == QLatin1String("--max-requests")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            bool ok = false;
            options.maxRequests = v.toInt(&ok);
            if (!ok || options.maxRequests < 1 || options.maxRequests > 40)
                return usage(QStringLiteral("--max-requests needs a number from 1 to 40"));
        } else if (name == QLatin1String("--timeout")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            bool ok = false;
            const double s = v.toDouble(&ok);
            if (!ok || s <= 0 || s > 600)
                return usage(QStringLiteral("--timeout needs seconds between 0 and 600"));
            options.probe.transport.totalTimeoutMs = qRound(s * 1000);
            options.probe.transport.connectTimeoutMs = qMin(options.probe.transport.connectTimeoutMs,
                                                            options.probe.transport.totalTimeoutMs);
        } else if (name == QLatin1String("--insecure") || name == QLatin1String("-k")) {
            options.probe.transport.insecure = true;
        } else if (name == QLatin1String("--json")) {
            json = true;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return usage(QStringLiteral("unknown option \"%1\"").arg(a));
        } else {
            if (!url.isEmpty())
                return usage(QStringLiteral("only one URL may be given"));
            url = a;
        }
    }
    if (url.isEmpty())
        return usage(QStringLiteral("missing URL: give the endpoint to scan explicitly"));
    const QUrl target(url, QUrl::StrictMode);
    if (!target.isValid() || target.host().isEmpty()
        || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
        return usage(QStringLiteral("\"%1\" is not an absolute http:// or https:// URL").arg(url));

    auto report = net::Scanner(options).scan(target);
    if (!report)
        return usage(report.error().message);
    if (json)
        io.out << QString::fromUtf8(io::toReadableJson(net::scanReportToJson(report.value())));
    else
        io.out << net::scanReportToText(report.value());
    io.out.flush();
    if (report->unreachable)
        return ExitNetwork;
    return report->pass() ? ExitAllowed : ExitBlocked;
}

} // namespace corsbench::cli
