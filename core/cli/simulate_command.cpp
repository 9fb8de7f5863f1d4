// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cli/commands.h"

#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/server_model.h"
#include "core/http/origin.h"
#include "core/io/input_file.h"
#include "core/io/json_writer.h"
#include "core/io/verdict_json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace corsbench::cli {
namespace {

using namespace corsbench::frameworks;

const char* const kSimulateHelp = R"(Usage: corsbench-cli simulate --config FILE --origin ORIGIN [options]

Model what a FastAPI/Starlette, aiohttp_cors or Flask-CORS server configured by FILE answers to
a browser request, without running Python: the preflight and the actual responses (status and
every CORS header as the framework writes them), then judge them like `check` does.

FILE is the Python source of the app or just the CORS part (app.add_middleware(CORSMiddleware,
...), aiohttp_cors.setup(...), CORS(app, ...), django-cors-headers settings); "-" reads standard
input. Names bound earlier in the file and os.environ.get("X", "default") are understood (the
default is assumed and flagged); anything else is reported, never guessed.

Options:
  --config FILE          the server source (required)
  --framework NAME       auto (default), fastapi, aiohttp, flask or django
  --version V            version of the CORS library: Starlette for fastapi (default 0.26.1;
                         1.x echoes the origin for '*'+credentials, >=0.51 knows
                         allow_private_network), aiohttp_cors (0.7.0), flask-cors (3.0.10),
                         django-cors-headers (3.14.0; 4.x: lower-case names, Vary: origin,
                         CORS_ALLOW_PRIVATE_NETWORK)
  --origin ORIGIN        the page origin, e.g. http://localhost:3000, or null (required)
  -X, --method METHOD    the fetch() method (default GET)
  -H, --header 'N: V'    an author request header (repeatable)
  --credentials MODE     omit, same-origin (default) or include
  --cookie               the browser has a cookie for the server (sent with include)
  --path P               request path (default: the first route in FILE, else /)
  --url URL              server base URL (default http://127.0.0.1:8000)
  --json                 print a JSON object: framework, version, config, preflight, actual,
                         verdict (the `check --json` object)
  -h, --help             this help

Exit status: 0 allowed, 1 blocked, 2 bad input or usage.
)";

QString headText(const http::HttpResponseHead& h)
{
    QString out = QStringLiteral("  HTTP/1.1 %1 %2\n").arg(h.status).arg(QString::fromUtf8(h.reason));
    for (const http::Header& x : h.headers)
        out += QStringLiteral("  %1: %2\n").arg(QString::fromUtf8(x.name), QString::fromUtf8(x.value));
    return out;
}

QString requestText(const http::HttpRequestHead& r)
{
    QString target = r.url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (r.url.hasQuery())
        target += QLatin1Char('?') + r.url.query(QUrl::FullyEncoded);
    QString out = QStringLiteral("  %1 %2 HTTP/1.1\n").arg(QString::fromUtf8(r.method), target);
    for (const http::Header& x : r.headers)
        out += QStringLiteral("  %1: %2\n").arg(QString::fromUtf8(x.name), QString::fromUtf8(x.value));
    return out;
}

QJsonArray headersJson(const http::HeaderList& h)
{
    QJsonArray a;
    for (const http::Header& x : h)
        a.append(QJsonArray { QString::fromUtf8(x.name), QString::fromUtf8(x.value) });
    return a;
}

} // namespace

int runSimulate(const QStringList& args, CommandIo& io)
{
    QString configPath, origin, path, version, baseUrl = QStringLiteral("http://127.0.0.1:8000");
    QString frameworkName = QStringLiteral("auto");
    QByteArray method = "GET";
    http::HeaderList headers;
    http::CredentialsMode credentials = http::CredentialsMode::SameOrigin;
    bool json = false;
    bool cookie = false;
    auto usage = [&](const QString& msg) {
        io.err << "corsbench-cli simulate: " << msg << "\n";
        return int(ExitUsage);
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto value = [&](QString* out) {
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        QString v;
        if (a == u"-h" || a == u"--help") {
            io.out << kSimulateHelp;
            return ExitAllowed;
        } else if (a == u"--json") {
            json = true;
        } else if (a == u"--cookie") {
            cookie = true;
        } else if (a == u"--config") {
            if (!value(&configPath))
                return usage(QStringLiteral("--config needs a FILE"));
        } else if (a == u"--framework") {
            if (!value(&frameworkName))
                return usage(QStringLiteral("--framework needs a name"));
        } else if (a == u"--version") {
            if (!value(&version))
                return usage(QStringLiteral("--version needs a version"));
        } else if (a == u"--origin") {
            if (!value(&origin))
                return usage(QStringLiteral("--origin needs an origin"));
        } else if (a == u"-X" || a == u"--method" || a == u"--request") {
            if (!value(&v) || v.isEmpty())
                return usage(QStringLiteral("%1 needs a method").arg(a));
            method = v.toUtf8();
        } else if (a == u"-H" || a == u"--header") {
            if (!value(&v))
                return usage(QStringLiteral("%1 needs 'Name: value'").arg(a));
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return usage(QStringLiteral("header '%1' is not 'Name: value'").arg(v));
            const QByteArray name = v.left(colon).trimmed().toUtf8();
            const QByteArray val = v.mid(colon + 1).trimmed().toUtf8();
            for (char c : name + val) {
                if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f)
                    return usage(QStringLiteral("header '%1' contains a control character").arg(v));
            }
            headers.append(name, val);
        } else if (a == u"--credentials") {
            if (!value(&v))
                return usage(QStringLiteral("--credentials needs omit, same-origin or include"));
            auto m = http::credentialsModeFromString(v);
            if (!m)
                return usage(QStringLiteral("--credentials: '%1' is not omit, same-origin or include").arg(v));
            credentials = *m;
        } else if (a == u"--path") {
            if (!value(&path))
                return usage(QStringLiteral("--path needs a path"));
            if (!path.startsWith(QLatin1Char('/')))
                path.prepend(QLatin1Char('/'));
        } else if (a == u"--url") {
            if (!value(&baseUrl))
                return usage(QStringLiteral("--url needs a URL"));
        } else {
            return usage(QStringLiteral("unknown argument '%1' (see --help)").arg(a));
        }
    }
    if (configPath.isEmpty())
        return usage(QStringLiteral("missing --config FILE; see --help"));
    if (origin.isEmpty())
        return usage(QStringLiteral("missing --origin ORIGIN; see --help"));
    const auto fwOpt = frameworkFromString(frameworkName);
    if (!fwOpt)
        return usage(QStringLiteral("--framework: '%1' is not auto, fastapi, aiohttp, flask or django").arg(frameworkName));
    if (origin != u"null") {
        auto o = http::Origin::parse(origin);
        if (!o)
            return usage(QStringLiteral("--origin: %1").arg(o.error().message));
        origin = o->serialize();
    }
    const QUrl base(baseUrl);
    if (!base.isValid() || base.host().isEmpty() || (base.scheme() != u"http" && base.scheme() != u"https"))
        return usage(QStringLiteral("--url: '%1' is not an http(s) URL").arg(baseUrl));

    QByteArray data;
    if (configPath == u"-" && io.readStdin) {
        data = io.readStdin(io::kMaxInputBytes + 1);
        if (data.size() > io::kMaxInputBytes)
            return usage(QStringLiteral("standard input: more than 32 MB of input"));
    } else {
        auto read = io::readInput(configPath, 4 * 1024 * 1024);
        if (!read)
            return usage(read.error().message);
        data = read.value();
    }
    const QString name = configPath == u"-" ? QStringLiteral("<stdin>") : configPath;
    if (auto text = io::checkText(data); !text)
        return usage(QStringLiteral("%1: %2").arg(name, text.error().message));
    auto parsed = parseServerConfig(QString::fromUtf8(data), *fwOpt);
    if (!parsed)
        return usage(QStringLiteral("%1: %2").arg(name, parsed.error().message));
    ServerConfig config = parsed.value();
    if (config.framework == Framework::Unknown)
        return usage(QStringLiteral("%1: could not tell the framework; pass --framework fastapi|aiohttp|flask|django").arg(name));
    const ServerModel model = ServerModel::fromConfig(config, version);

    if (path.isEmpty())
        path = config.routes.isEmpty() ? QStringLiteral("/") : config.routes.first().path;
    http::Exchange ex;
    ex.pageOrigin = origin;
    ex.request.method = method;
    QUrl url = base;
    url.setPath(path.section(QLatin1Char('?'), 0, 0));
    if (path.contains(QLatin1Char('?')))
        url.setQuery(path.section(QLatin1Char('?'), 1));
    ex.request.url = url;
    ex.request.headers = headers;
    ex.request.credentials = credentials;
    SimulationOptions opts;
    opts.sendCookie = cookie;
    const http::Exchange sim = simulateExchange(model, ex, opts);
    const cors::Verdict verdict = cors::CorsEngine().evaluate(sim);

    if (json) {
        QJsonObject cfg;
        cfg.insert(QStringLiteral("middleware_present"), config.middlewarePresent);
        cfg.insert(QStringLiteral("line"), config.middlewareLine);
        cfg.insert(QStringLiteral("environment_dependent"), config.environmentDependent);
        QJsonArray argsJ, issuesJ, notesJ;
        for (const ConfigArgument& a : config.arguments)
            argsJ.append(QJsonObject { { QStringLiteral("name"), a.name }, { QStringLiteral("line"), a.line },
                { QStringLiteral("value"), a.value.repr() }, { QStringLiteral("environment_dependent"), a.environmentDependent } });
        for (const ConfigIssue& i : config.issues)
            issuesJ.append(QJsonObject { { QStringLiteral("line"), i.line }, { QStringLiteral("message"), i.message } });
        for (const QString& n : config.notes)
            notesJ.append(n);
        cfg.insert(QStringLiteral("arguments"), argsJ);
        cfg.insert(QStringLiteral("not_understood"), issuesJ);
        cfg.insert(QStringLiteral("notes"), notesJ);
        auto step = [&](const std::optional<http::HttpRequestHead>& req, const http::HttpResponseHead& resp) {
            QJsonObject o;
            if (req) {
                o.insert(QStringLiteral("request"), QJsonObject { { QStringLiteral("method"), QString::fromUtf8(req->method) },
                                                       { QStringLiteral("url"), req->url.toString() },
                                                       { QStringLiteral("headers"), headersJson(req->headers) } });
                const ServerResponse sr = simulateRequest(model, toServerRequest(*req));
                o.insert(QStringLiteral("body"), QString::fromUtf8(sr.body));
                o.insert(QStringLiteral("note"), sr.note);
            }
            o.insert(QStringLiteral("response"), QJsonObject { { QStringLiteral("status"), resp.status },
                                                     { QStringLiteral("headers"), headersJson(resp.headers) } });
            return o;
        };
        QJsonObject root;
        root.insert(QStringLiteral("framework"), toString(config.framework));
        root.insert(QStringLiteral("version"), model.effectiveVersion());
        root.insert(QStringLiteral("config"), cfg);
        root.insert(QStringLiteral("preflight"), sim.preflight ? QJsonValue(step(sim.preflight->request, sim.preflight->response)) : QJsonValue());
        QJsonArray hops;
        for (const http::Hop& h : sim.actual)
            hops.append(step(h.request, h.response));
        root.insert(QStringLiteral("actual"), hops);
        root.insert(QStringLiteral("verdict"), io::verdictToJson(verdict));
        io.out << QString::fromUtf8(io::toReadableJson(root));
    } else {
        io.out << "Model: " << displayName(config.framework) << " " << model.effectiveVersion() << "\n";
        io.out << describe(config) << "\n\n";
        auto show = [&](const QString& title, const std::optional<http::HttpRequestHead>& req, const http::HttpResponseHead& resp) {
            io.out << title << " request:\n";
            if (req)
                io.out << requestText(*req);
            io.out << title << " response (modelled):\n" << headText(resp);
            if (req) {
                const ServerResponse sr = simulateRequest(model, toServerRequest(*req));
                if (!sr.body.isEmpty())
                    io.out << "  body: " << QString::fromUtf8(sr.body.left(200)).replace(QLatin1Char('\n'), QStringLiteral("\\n")) << "\n";
                if (!sr.note.isEmpty())
                    io.out << "  (" << sr.note << ")\n";
            }
            io.out << "\n";
        };
        if (sim.preflight)
            show(QStringLiteral("Preflight"), sim.preflight->request, sim.preflight->response);
        else
            io.out << "No preflight: the request is CORS-safelisted (or same-origin).\n\n";
        for (qsizetype i = 0; i < sim.actual.size(); ++i)
            show(sim.actual.size() > 1 ? QStringLiteral("Actual (hop %1)").arg(i + 1) : QStringLiteral("Actual"), sim.actual.at(i).request,
                sim.actual.at(i).response);
        if (sim.actual.isEmpty())
            io.out << "The actual request is never sent: the preflight fails.\n\n";
        io.out << io::verdictToText(verdict, sim, false);
    }
    return verdict.allowed ? ExitAllowed : ExitBlocked;
}

} // namespace corsbench::cli
