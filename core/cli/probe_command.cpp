// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// corsbench-cli probe: fire the preflight and actual request a browser would, judge them.
#include "core/cli/commands.h"

#include "core/cli/arguments.h"
#include "core/http/origin.h"
#include "core/io/exchange_json.h"
#include "core/io/input_file.h"
#include "core/io/json_writer.h"
#include "core/net/cli_support.h"
#include "core/net/probe_report.h"
#include "core/net/prober.h"

#include <QFile>
#include <QSaveFile>

namespace corsbench::cli {

namespace {

const char* const kProbeHelp = R"(Usage: corsbench-cli probe URL --origin ORIGIN [options]
       corsbench-cli probe --replay FILE [URL] [--origin ORIGIN] [options]

Sends the requests a browser would send for fetch(URL) from a page at ORIGIN: the CORS
preflight (when one is needed) exactly as Chromium builds it, then the actual request only if
the preflight passes, following redirects hop by hop with the browser's rules. Speaks raw
HTTP/1.1 over TCP/TLS so every response header line is kept as sent (duplicates, case, order).
Prints the timeline, the raw heads, every CORS check and the verdict.

Options:
  --origin ORIGIN        origin of the calling page, e.g. http://localhost:5173 (or "null")
  --page-url URL         URL of the calling page (default ORIGIN/); matters for Referer and
                         for data:/sandboxed pages with origin "null"
  -X, --request METHOD   request method (default GET, or POST with --data)
  -H, --header 'N: V'    author header, repeatable (as passed to fetch() headers)
  --data BODY            request body; @FILE reads it from a file
  --credentials MODE     omit | same-origin (default) | include
  --cookie STR           Cookie header sent with credentials include, e.g. 'sid=abc'
  --timeout S            total timeout per request in seconds (default 30)
  --connect-timeout S    DNS + connect + TLS timeout in seconds (default 10)
  --insecure             continue despite TLS certificate problems (they are still reported)
  --proxy URL|none       HTTP proxy to use (default: http_proxy/https_proxy/no_proxy from the
                         environment; loopback targets never use a proxy, as in Chromium)
  --send-anyway          send the actual request even when a browser would not (to see what
                         the server says); it never changes the verdict
  --max-redirects N      redirect limit (default 20)
  --json                 print the `check --json` object plus "exchange", "timings",
                         "transport", "proxy", "requests", "notes" and "network_error"
  --save FILE            write the exchange (corsbench.exchange/1) for `check` and replay
  --no-redact            keep Cookie/Authorization values in --save and --json output
  --replay FILE          re-send the request of a saved exchange or case (URL, --origin, -X,
                         -H, --data and --credentials edit it) and print what changed
  -h, --help             this help

Exit status: 0 allowed, 1 blocked by CORS, 2 usage or bad input, 3 network failure
(refused, reset, timeout, DNS, TLS, malformed HTTP, oversized head).
)";

bool takeValue(const QStringList& args, qsizetype& i, QString* value, CommandIo& io)
{
    return takeOptionValue(args, i, value, io, "probe");
}

bool parseSeconds(const QString& text, int* ms)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || s <= 0 || s > 3600)
        return false;
    *ms = qMax(1, qRound(s * 1000));
    return true;
}

} // namespace

int runProbe(const QStringList& args, CommandIo& io)
{
    net::EnsureCoreApplication app;
    QString url;
    QString origin;
    bool originGiven = false;
    QString method;
    http::HeaderList headers;
    QList<QByteArray> removeHeaders;
    std::optional<QByteArray> data;
    std::optional<http::CredentialsMode> credentials;
    net::ProbeOptions options;
    bool json = false;
    bool redact = true;
    QString saveTo;
    QString replayFrom;

    auto usage = [&](const QString& message) {
        io.err << "corsbench-cli probe: " << message << "\n"
               << "Try 'corsbench-cli probe --help'.\n";
        return ExitUsage;
    };

    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const QString name = optionName(a);
        QString v;
        if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
            io.out << kProbeHelp;
            return ExitAllowed;
        } else if (name == QLatin1String("--origin")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            origin = v;
            originGiven = true;
        } else if (name == QLatin1String("--page-url")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (!QUrl(v).isValid() || QUrl(v).scheme().isEmpty())
                return usage(QStringLiteral("invalid --page-url \"%1\"").arg(v));
            options.pageUrl = v;
        } else if (name == QLatin1String("-X") || name == QLatin1String("--request")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            method = v;
        } else if (name == QLatin1String("-H") || name == QLatin1String("--header")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return usage(QStringLiteral("header \"%1\" is not 'Name: value'").arg(v));
            const QByteArray hn = v.left(colon).trimmed().toLatin1();
            const QByteArray hv = v.mid(colon + 1).trimmed().toUtf8();
            for (const char c : hn) {
                if (c <= 0x20 || c >= 0x7f || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c))
                    return usage(QStringLiteral("invalid header name \"%1\"").arg(v.left(colon)));
            }
            for (const char c : hv) {
                if (c == '\r' || c == '\n' || c == '\0')
                    return usage(QStringLiteral("header \"%1\" contains a control character").arg(QString::fromLatin1(hn)));
            }
            headers.append(hn, hv); // 'X-Empty:' sends an empty value, as fetch() allows
        } else if (name == QLatin1String("--remove-header")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            removeHeaders << v.toLatin1();
        } else if (name == QLatin1String("--data") || name == QLatin1String("-d")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (v.startsWith(QLatin1Char('@'))) {
                auto content = io::readInput(v.mid(1));
                if (!content)
                    return usage(content.error().message);
                data = content.value();
            } else {
                data = v.toUtf8();
            }
        } else if (name == QLatin1String("--credentials")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            credentials = http::credentialsModeFromString(v);
            if (!credentials)
                return usage(QStringLiteral("--credentials must be omit, same-origin or include, not \"%1\"").arg(v));
        } else if (name == QLatin1String("--cookie")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
                return usage(QStringLiteral("--cookie contains a line break"));
            options.cookie = v.toUtf8();
        } else if (name == QLatin1String("--timeout")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (!parseSeconds(v, &options.transport.totalTimeoutMs))
                return usage(QStringLiteral("--timeout needs seconds between 0 and 3600, not \"%1\"").arg(v));
            options.transport.connectTimeoutMs = qMin(options.transport.connectTimeoutMs, options.transport.totalTimeoutMs);
        } else if (name == QLatin1String("--connect-timeout")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (!parseSeconds(v, &options.transport.connectTimeoutMs))
                return usage(QStringLiteral("--connect-timeout needs seconds between 0 and 3600, not \"%1\"").arg(v));
        } else if (name == QLatin1String("--insecure") || name == QLatin1String("-k")) {
            options.transport.insecure = true;
        } else if (name == QLatin1String("--proxy")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            if (v == QLatin1String("none") || v.isEmpty()) {
                options.transport.proxy.mode = net::ProxySettings::Mode::None;
            } else {
                options.transport.proxy.mode = net::ProxySettings::Mode::Explicit;
                options.transport.proxy.url = QUrl::fromUserInput(v);
                if (!options.transport.proxy.url.isValid())
                    return usage(QStringLiteral("invalid --proxy \"%1\"").arg(v));
            }
        } else if (name == QLatin1String("--send-anyway")) {
            options.sendAnyway = true;
        } else if (name == QLatin1String("--max-redirects")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            bool ok = false;
            options.maxRedirects = v.toInt(&ok);
            if (!ok || options.maxRedirects < 0 || options.maxRedirects > 100)
                return usage(QStringLiteral("--max-redirects needs a number from 0 to 100"));
        } else if (name == QLatin1String("--json")) {
            json = true;
        } else if (name == QLatin1String("--no-redact")) {
            redact = false;
        } else if (name == QLatin1String("--save")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            saveTo = v;
        } else if (name == QLatin1String("--replay")) {
            if (!takeValue(args, i, &v, io))
                return ExitUsage;
            replayFrom = v;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return usage(QStringLiteral("unknown option \"%1\"").arg(a));
        } else {
            if (!url.isEmpty())
                return usage(QStringLiteral("only one URL may be given (got \"%1\" and \"%2\")").arg(url, a));
            url = a;
        }
    }

    QUrl target;
    if (!url.isEmpty()) {
        target = QUrl(url, QUrl::StrictMode);
        if (!target.isValid() || target.host().isEmpty()
            || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
            return usage(QStringLiteral("\"%1\" is not an absolute http:// or https:// URL").arg(url));
    }
    if (originGiven) {
        auto o = http::Origin::parse(origin);
        if (!o)
            return usage(QStringLiteral("invalid --origin \"%1\": %2").arg(origin, o.error().message));
        origin = o->serialize();
    }
    if (!method.isEmpty()) {
        for (const QChar c : method) {
            if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
                return usage(QStringLiteral("invalid method \"%1\"").arg(method));
        }
    }

    const net::Prober prober(options);
    net::ProbeResult result;
    QStringList diff;
    if (!replayFrom.isEmpty()) {
        auto bytes = io::readInput(replayFrom);
        if (!bytes)
            return usage(bytes.error().message);
        auto saved = io::parseExchange(bytes.value());
        if (!saved)
            return usage(QStringLiteral("%1: %2").arg(replayFrom, saved.error().message));
        net::ReplayEdits edits;
        if (originGiven)
            edits.pageOrigin = origin;
        if (!method.isEmpty())
            edits.method = method.toLatin1();
        if (!target.isEmpty())
            edits.url = target;
        edits.setHeaders = headers;
        edits.removeHeaders = removeHeaders;
        edits.body = data;
        edits.credentials = credentials;
        auto replayed = prober.replay(saved.value(), edits);
        if (!replayed)
            return usage(replayed.error().message);
        result = std::move(replayed->probe);
        diff = replayed->diff;
    } else {
        if (url.isEmpty())
            return usage(QStringLiteral("missing URL"));
        if (!originGiven)
            return usage(QStringLiteral("missing --origin (the origin of the page that calls fetch())"));
        http::RequestIntent intent;
        intent.url = target;
        intent.method = method.isEmpty() ? QByteArray(data ? "POST" : "GET") : method.toLatin1();
        intent.headers = headers;
        if (data) {
            intent.body = *data;
            intent.bodyKind = http::BodyKind::Text;
        }
        intent.credentials = credentials.value_or(http::CredentialsMode::SameOrigin);
        auto probed = prober.probe(origin, intent);
        if (!probed)
            return usage(probed.error().message);
        result = std::move(probed.value());
    }

    if (!saveTo.isEmpty()) {
        io::WriteOptions wo;
        wo.redactSecrets = redact;
        QSaveFile f(saveTo);
        if (!f.open(QIODevice::WriteOnly) || f.write(io::writeExchange(result.exchange, wo)) < 0 || !f.commit()) {
            io.err << "corsbench-cli probe: cannot write " << saveTo << ": " << f.errorString() << "\n";
            return ExitUsage;
        }
    }

    if (json) {
        QJsonObject o = net::probeResultToJson(result, redact);
        if (!replayFrom.isEmpty())
            o[QStringLiteral("diff")] = QJsonArray::fromStringList(diff);
        io.out << QString::fromUtf8(io::toReadableJson(o));
    } else {
        io.out << net::probeResultToText(result);
        if (!replayFrom.isEmpty()) {
            io.out << "\nChanges against " << replayFrom << ":\n";
            if (diff.isEmpty())
                io.out << "  none (ignoring Date)\n";
            for (const QString& line : diff)
                io.out << "  " << line << "\n";
        }
        if (!saveTo.isEmpty())
            io.out << "\nSaved the exchange to " << saveTo << "\n";
    }
    io.out.flush();
    if (result.networkFailure)
        return ExitNetwork;
    return result.verdict.allowed ? ExitAllowed : ExitBlocked;
}

} // namespace corsbench::cli
