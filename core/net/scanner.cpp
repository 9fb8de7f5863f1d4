// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/net/scanner.h"

#include "core/cors/cors_engine.h"
#include "core/http/origin.h"
#include "core/io/exchange_json.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QTimer>

namespace corsbench::net {

namespace {

bool isIp(const QString& host)
{
    QHostAddress a;
    return a.setAddress(host);
}

QString siteOf(const QString& host)
{
    if (isIp(host))
        return host;
    const QStringList labels = host.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return host;
    return labels.at(labels.size() - 2) + QLatin1Char('.') + labels.last();
}

constexpr int kCancelPollMs = 20;

// Waits `ms` while polling `cancel`; true when cancelled (before or during the wait).
bool pauseUnlessCancelled(int ms, const std::function<bool()>& cancel)
{
    if (cancel && cancel())
        return true;
    if (ms <= 0)
        return false;
    QEventLoop loop;
    bool cancelled = false;
    QTimer done;
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    if (cancel) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancel()) {
                cancelled = true;
                loop.quit();
            }
        });
        poll.start(kCancelPollMs);
    }
    done.start(ms);
    loop.exec();
    return cancelled;
}

// The headers that decided a probe: the last response that carried CORS headers.
const http::HttpResponseHead* evidenceResponse(const ProbeResult& r)
{
    if (!r.exchange.actual.isEmpty())
        return &r.exchange.actual.last().response;
    if (r.exchange.preflight)
        return &r.exchange.preflight->response;
    return nullptr;
}

QString evidenceLines(const http::HttpResponseHead* resp)
{
    if (!resp)
        return QStringLiteral("(no response)");
    if (resp->isNetworkError())
        return resp->networkError;
    QStringList lines;
    lines << QStringLiteral("HTTP %1").arg(resp->status);
    for (const http::Header& h : resp->headers) {
        const QByteArray n = h.name.toLower();
        if (n.startsWith("access-control-") || n == "vary")
            lines << QStringLiteral("%1: %2").arg(QString::fromLatin1(h.name), QString::fromLatin1(h.value));
    }
    return lines.join(QStringLiteral(" | "));
}

struct Purpose {
    QString id;
    QString title;
    QString why;
    QString fix;
    Severity credentialed;
    Severity anonymous;
};

Purpose purposeFor(const QString& purpose)
{
    const QString exactList = QStringLiteral(
        "Compare the Origin header against an exact allow-list of full origins (scheme://host[:port]) and echo only "
        "those; never echo an arbitrary Origin.");
    if (purpose == QLatin1String("arbitrary origin"))
        return { QStringLiteral("origin-reflected"), QStringLiteral("Any origin is trusted (Origin reflected)"),
                 QStringLiteral("Any web site the victim visits can read this endpoint's responses in the victim's "
                                "browser session (cookies included when credentials are allowed)."),
                 exactList + QStringLiteral(" (flask-cors: set origins=[...]; FastAPI: allow_origins=[...] instead of "
                                            "['*'] with allow_credentials=True; aiohttp_cors: no \"*\" defaults key.)"),
                 Severity::Critical, Severity::Low };
    if (purpose == QLatin1String("null origin"))
        return { QStringLiteral("null-origin-trusted"), QStringLiteral("The \"null\" origin is trusted"),
                 QStringLiteral("Any page can send Origin: null from a sandboxed iframe or a data: URL, so trusting "
                                "null trusts every attacker."),
                 QStringLiteral("Remove \"null\" from the allow-list; serve sandboxed or file:// clients from a real "
                                "origin instead."),
                 Severity::Critical, Severity::Low };
    if (purpose.startsWith(QLatin1String("pre-domain")))
        return { QStringLiteral("pre-domain-bypass"), QStringLiteral("Origins that merely END with the domain are trusted"),
                 QStringLiteral("An attacker registers a domain such as evil-example.com that passes an endswith()/"
                                "unanchored-suffix check."),
                 exactList + QStringLiteral(" If a regex is needed, anchor it at both ends and require a dot before the "
                                            "domain: ^https://([a-z0-9-]+\\.)?example\\.com$."),
                 Severity::High, Severity::Low };
    if (purpose.startsWith(QLatin1String("post-domain")))
        return { QStringLiteral("post-domain-bypass"),
                 QStringLiteral("Origins that merely START with the allowed origin are trusted"),
                 QStringLiteral("An attacker uses a host such as example.com.evil.net that passes a startswith()/"
                                "prefix-regex check (flask-cors and django-cors-headers use re.match, which only anchors "
                                "the start)."),
                 exactList + QStringLiteral(" Anchor regexes with $ (or use fullmatch)."), Severity::High, Severity::Low };
    if (purpose.startsWith(QLatin1String("port")) || purpose.startsWith(QLatin1String("other port")))
        return { QStringLiteral("other-port-trusted"), QStringLiteral("Other ports of the allowed host are trusted"),
                 QStringLiteral("Any other service or user on that host (another port) becomes trusted; a prefix check "
                                "on \"http://host:5173\" also accepts http://host:51730, a \\d+ port regex any port."),
                 exactList + QStringLiteral(" Anchor regexes with $."), Severity::Medium, Severity::Low };
    if (purpose.startsWith(QLatin1String("unescaped dot")))
        return { QStringLiteral("unescaped-dot-regex"), QStringLiteral("An origin regex has an unescaped dot"),
                 QStringLiteral("In a regex \".\" matches any character, so app.example.com also matches "
                                "appxexample.com, which anyone can register."),
                 QStringLiteral("Escape every dot in origin regexes (app\\.example\\.com) or use an exact list."),
                 Severity::High, Severity::Low };
    if (purpose.startsWith(QLatin1String("http origin")))
        return { QStringLiteral("insecure-origin-trusted"),
                 QStringLiteral("The http:// variant of an https origin is trusted"),
                 QStringLiteral("A network attacker (public Wi-Fi) can inject script into the plain-http origin and "
                                "read the https API's responses."),
                 QStringLiteral("List only https:// origins for an https site."), Severity::High, Severity::Low };
    if (purpose.startsWith(QLatin1String("arbitrary subdomain")))
        return { QStringLiteral("subdomain-trusted"), QStringLiteral("Any subdomain is trusted"),
                 QStringLiteral("An XSS or a takeover of any subdomain (old marketing sites, user content hosts) gives "
                                "full access to this API."),
                 QStringLiteral("List the subdomains that need access instead of a wildcard subdomain pattern."),
                 Severity::Medium, Severity::Info };
    if (purpose.startsWith(QLatin1String("localhost")))
        return { QStringLiteral("localhost-trusted"), QStringLiteral("localhost origins are trusted"),
                 QStringLiteral("Any local process or dev server on the victim's machine can read the API."),
                 QStringLiteral("Allow localhost origins only in development configurations."), Severity::Medium,
                 Severity::Info };
    return { QStringLiteral("origin-trusted"), QStringLiteral("A crafted origin is trusted"), QString(), exactList,
             Severity::High, Severity::Low };
}

} // namespace

QString toString(Severity s)
{
    switch (s) {
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

bool isLoopbackTarget(const QUrl& url)
{
    const QString h = url.host().toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress a;
    return a.setAddress(h) && a.isLoopback();
}

bool ScanReport::pass() const
{
    if (unreachable || cancelled)
        return false;
    for (const ScanFinding& f : findings) {
        if (f.severity != Severity::Info)
            return false;
    }
    return true;
}

Scanner::Scanner(ScanOptions options)
    : m_options(std::move(options))
{
}

QList<QPair<QString, QString>> Scanner::craftedOrigins(const QString& baseOrigin)
{
    QList<QPair<QString, QString>> out;
    auto base = http::Origin::parse(baseOrigin);
    auto add = [&out](const QString& purpose, const QString& origin) {
        for (const auto& p : out) {
            if (p.second == origin)
                return;
        }
        out.append({ purpose, origin });
    };
    if (!base || base->isOpaque()) {
        add(QStringLiteral("arbitrary origin"), QStringLiteral("https://corsbench-attacker.example"));
        add(QStringLiteral("null origin"), QStringLiteral("null"));
        return out;
    }
    const QString s = base->scheme();
    const QString h = base->host();
    const int def = http::defaultPortForScheme(s);
    const QString port = base->port() != def ? QStringLiteral(":%1").arg(base->port()) : QString();
    const QString d = siteOf(h);
    add(QStringLiteral("arbitrary origin"), QStringLiteral("%1://corsbench-attacker.example").arg(s));
    add(QStringLiteral("null origin"), QStringLiteral("null"));
    add(QStringLiteral("pre-domain trick (evil-DOMAIN)"), QStringLiteral("%1://evil-%2%3").arg(s, d, port));
    add(QStringLiteral("pre-domain trick (evilDOMAIN)"), QStringLiteral("%1://evil%2%3").arg(s, d, port));
    add(QStringLiteral("post-domain trick (HOST.evil.net)"), QStringLiteral("%1://%2.evil.net%3").arg(s, h, port));
    if (!port.isEmpty() && base->port() * 10 < 65536)
        add(QStringLiteral("port prefix trick"), s + QStringLiteral("://") + h + port + QLatin1Char('0'));
    const int otherPort = base->port() == 1337 ? 1338 : 1337;
    add(QStringLiteral("other port"), QStringLiteral("%1://%2:%3").arg(s, h).arg(otherPort));
    if (!isIp(h)) {
        int dots = 0;
        for (qsizetype i = 0; i < h.size() && dots < 2; ++i) {
            if (h.at(i) != QLatin1Char('.'))
                continue;
            QString t = h;
            t[i] = QLatin1Char('x');
            add(QStringLiteral("unescaped dot in a regex"), QStringLiteral("%1://%2%3").arg(s, t, port));
            ++dots;
        }
        if (d != QLatin1String("localhost"))
            add(QStringLiteral("arbitrary subdomain"), QStringLiteral("%1://corsbench-evil.%2%3").arg(s, d, port));
    }
    if (s == QLatin1String("https"))
        add(QStringLiteral("http origin on an https site"), QStringLiteral("http://%1%2").arg(h, port));
    if (h != QLatin1String("localhost") && h != QLatin1String("127.0.0.1"))
        add(QStringLiteral("localhost origin"), QStringLiteral("http://localhost:1337"));
    return out;
}

Result<ScanReport> Scanner::scan(const QUrl& url) const
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot scan \"%1\": need an absolute http:// or https:// URL").arg(url.toString()));
    QStringList allow;
    for (const QString& a : m_options.allowOrigins) {
        auto o = http::Origin::parse(a);
        if (!o)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("invalid --allow origin \"%1\"").arg(a));
        allow << o->serialize();
    }
    QString base = m_options.baseOrigin;
    if (base.isEmpty())
        base = allow.isEmpty() ? http::Origin::fromUrl(url).serialize() : allow.first();
    auto baseParsed = http::Origin::parse(base);
    if (!baseParsed)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("invalid --origin \"%1\"").arg(base));
    base = baseParsed->serialize();

    ScanReport report;
    report.url = url;
    report.baseOrigin = base;

    http::RequestIntent intent = m_options.intent;
    intent.url = url;
    ProbeOptions po = m_options.probe;
    po.maxRedirects = qMin(po.maxRedirects, 5);
    if (intent.credentials == http::CredentialsMode::Include && po.cookie.isEmpty()) {
        // Some servers only misbehave when a cookie is present (Starlette echoes the origin for
        // allow_origins=['*'] + credentials only then).
        po.cookie = "corsbench_scan=1";
        report.notes << QStringLiteral("sent Cookie: corsbench_scan=1 with each request (credentials: include)");
    }
    const Prober prober(po);
    const bool preflighted = cors::CorsEngine::planPreflight(http::Exchange { base, {}, intent, {}, {} }).required;
    const int perProbe = preflighted ? 2 : 1;

    QList<QPair<QString, QString>> plan;
    for (const QString& a : allow)
        plan.append({ QStringLiteral("must pass (--allow)"), a });
    for (const auto& c : craftedOrigins(base)) {
        if (!allow.contains(c.second))
            plan.append(c);
    }

    ScanProgress progress;
    progress.budget = m_options.maxRequests;
    progress.probesPlanned = static_cast<int>(plan.size()) + 1; // + the preflight wildcard probe
    auto notifyProgress = [&](const QString& origin, const QString& purpose, bool finished) {
        if (!m_options.progress)
            return;
        progress.requestsSent = report.requestsSent;
        progress.origin = origin;
        progress.purpose = purpose;
        progress.probeFinished = finished;
        if (finished)
            ++progress.probesDone;
        m_options.progress(progress);
    };
    auto cancelNote = [&] {
        report.cancelled = true;
        report.notes << QStringLiteral("scan cancelled after %1 of %2 probes; the report is partial")
                            .arg(progress.probesDone)
                            .arg(progress.probesPlanned);
    };

    int failures = 0;
    bool first = true;
    int reflectedIndex = -1; // the "origin-reflected" finding, when any origin is trusted
    QStringList alsoAllowed;
    for (const auto& [purpose, origin] : plan) {
        if (report.requestsSent + perProbe > m_options.maxRequests) {
            report.budgetExhausted = true;
            report.notes << QStringLiteral("request budget of %1 reached; %2 was not probed")
                                .arg(m_options.maxRequests)
                                .arg(origin);
            break;
        }
        if (pauseUnlessCancelled(first ? 0 : m_options.delayMs, m_options.cancelRequested)) {
            cancelNote();
            break;
        }
        first = false;
        notifyProgress(origin, purpose, false);
        auto r = prober.probe(origin, intent);
        notifyProgress(origin, purpose, true);
        if (!r) {
            report.notes << QStringLiteral("%1: %2").arg(origin, r.error().message);
            continue;
        }
        report.requestsSent += static_cast<int>(r->steps.size());
        ScanProbe p;
        p.origin = origin;
        p.purpose = purpose;
        p.mustPass = purpose.startsWith(QLatin1String("must pass"));
        p.allowed = r->verdict.allowed;
        p.errorKind = r->verdict.error ? r->verdict.error->kind : QString();
        p.networkFailure = r->networkFailure;
        p.networkError = r->networkError;
        p.exchange = r->exchange;
        const http::HttpResponseHead* resp = evidenceResponse(r.value());
        if (resp && !resp->isNetworkError()) {
            p.acao = resp->headers.combinedValue("access-control-allow-origin");
            p.acac = resp->headers.combinedValue("access-control-allow-credentials");
        }
        if (p.networkFailure)
            ++failures;
        report.probes.append(p);

        if (p.networkFailure)
            continue;
        const QString evidence = evidenceLines(resp);
        if (p.mustPass) {
            if (!p.allowed)
                report.findings.append({ QStringLiteral("allowed-origin-blocked"), Severity::High,
                                         QStringLiteral("An origin that must work is blocked (%1)").arg(p.errorKind),
                                         origin, evidence, p.exchange,
                                         QStringLiteral("Not a vulnerability: the application breaks for this origin."),
                                         QStringLiteral("Run `corsbench-cli probe` with this origin for the failing check "
                                                        "and the browser's exact message.") });
            continue;
        }
        const Purpose info = purposeFor(purpose);
        const bool reflected = p.acao && *p.acao == origin.toUtf8();
        const bool credentialed = intent.credentials == http::CredentialsMode::Include;
        if (p.allowed && reflectedIndex >= 0 && purpose != QLatin1String("null origin")) {
            // Already explained by "any origin is trusted": one root cause, one finding.
            alsoAllowed << origin;
        } else if (p.allowed) {
            if (purpose == QLatin1String("arbitrary origin"))
                reflectedIndex = static_cast<int>(report.findings.size());
            report.findings.append({ info.id, credentialed ? info.credentialed : info.anonymous, info.title, origin,
                                     evidence, p.exchange,
                                     info.why
                                         + (credentialed ? QStringLiteral(" The browser allowed a credentialed read.")
                                                         : QStringLiteral(" (Probed without credentials.)")),
                                     info.fix });
        } else if (reflected) {
            // Echoed but the browser still blocked (e.g. no Access-Control-Allow-Credentials):
            // readable without credentials.
            report.findings.append({ info.id, Severity::Low, info.title + QStringLiteral(" (without credentials)"),
                                     origin, evidence, p.exchange,
                                     QStringLiteral("The server echoes this origin; the browser blocked only because of "
                                                    "%1, so any response that needs no cookies is readable by it.")
                                         .arg(p.errorKind),
                                     info.fix });
        }
        if (reflected && resp) {
            bool varyOrigin = false;
            for (const QByteArray& v : resp->headers.values("vary")) {
                for (const QByteArray& part : v.split(',')) {
                    const QByteArray t = http::trimOws(part).toLower();
                    if (t == "origin" || t == "*")
                        varyOrigin = true;
                }
            }
            bool already = false;
            for (const ScanFinding& f : report.findings)
                already = already || f.id == QLatin1String("vary-origin-missing");
            if (!varyOrigin && !already)
                report.findings.append({ QStringLiteral("vary-origin-missing"), Severity::Low,
                                         QStringLiteral("Origin-dependent responses lack Vary: Origin"), origin,
                                         evidence, p.exchange,
                                         QStringLiteral("A shared cache can store the response for one origin and serve "
                                                        "it to another (cache poisoning / CORS failures for others)."),
                                         QStringLiteral("Send Vary: Origin on every response whose CORS headers depend on "
                                                        "the request's Origin.") });
        }
        if (p.acao && *p.acao == "*" && p.acac && *p.acac == "true") {
            bool already = false;
            for (const ScanFinding& f : report.findings)
                already = already || f.id == QLatin1String("wildcard-with-credentials");
            if (!already)
                report.findings.append(
                    { QStringLiteral("wildcard-with-credentials"), Severity::Info,
                      QStringLiteral("Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true"),
                      origin, evidence, p.exchange,
                      QStringLiteral("Browsers refuse this combination for credentialed requests, so it is not "
                                     "exploitable as is, but it shows the intent to allow everyone with cookies — a "
                                     "framework that echoes the origin instead (Starlette with a Cookie) is."),
                      QStringLiteral("Use an explicit origin list with credentials.") });
        }
    }

    if (reflectedIndex >= 0 && !alsoAllowed.isEmpty()) {
        ScanFinding& f = report.findings[reflectedIndex];
        f.evidence += QStringLiteral(" | also allowed: %1").arg(alsoAllowed.join(QStringLiteral(", ")));
        f.why += QStringLiteral(" Every crafted origin tried was accepted too (%1), so the pre-/post-domain and regex "
                                "checks are moot.")
                     .arg(alsoAllowed.size());
    }

    // Preflight wildcards: does the server allow any method / any header (from the base origin)?
    if (!report.cancelled && report.requestsSent + 1 <= m_options.maxRequests && !report.probes.isEmpty()
        && pauseUnlessCancelled(m_options.delayMs, m_options.cancelRequested))
        cancelNote();
    if (!report.cancelled && report.requestsSent + 1 <= m_options.maxRequests && !report.probes.isEmpty()) {
        const QString purpose = QStringLiteral("preflight method/header wildcards");
        notifyProgress(base, purpose, false);
        RequestContext ctx { base, {}, false };
        const http::HttpRequestHead head
            = buildPreflightHead(ctx, url, "CORSBENCH-PROBE", "x-corsbench-probe", po.browser);
        const Transfer t = sendRequest(head, {}, po.transport);
        ++report.requestsSent;
        notifyProgress(base, purpose, true);
        if (t.ok()) {
            const QByteArray acam = t.response.headers.combinedValue("access-control-allow-methods").value_or(QByteArray());
            const QByteArray acah = t.response.headers.combinedValue("access-control-allow-headers").value_or(QByteArray());
            http::Exchange ex;
            ex.pageOrigin = base;
            ex.request.method = "CORSBENCH-PROBE";
            ex.request.url = url;
            ex.request.headers.append("X-Corsbench-Probe", "1");
            ex.preflight = http::Preflight { head, t.response };
            const QString evidence = evidenceLines(&t.response);
            const bool anyMethod = t.response.status / 100 == 2 && acam.toUpper().contains("CORSBENCH-PROBE");
            const bool anyHeader = t.response.status / 100 == 2 && acah.toLower().contains("x-corsbench-probe");
            if (anyMethod)
                report.findings.append(
                    { QStringLiteral("preflight-any-method"), Severity::Low,
                      QStringLiteral("The preflight allows any method (an invented method was echoed)"), base, evidence,
                      ex,
                      QStringLiteral("Every method the application routes (DELETE, PATCH, ...) is callable cross-origin; "
                                     "combined with a trusted-origin weakness this widens the attack."),
                      QStringLiteral("List the methods the API really serves cross-origin.") });
            else if (acam.split(',').contains("*") || acam.trimmed() == "*")
                report.findings.append({ QStringLiteral("preflight-method-wildcard"), Severity::Info,
                                         QStringLiteral("Access-Control-Allow-Methods: *"), base, evidence, ex,
                                         QStringLiteral("Allowed for requests without credentials only; harmless alone."),
                                         QStringLiteral("List the methods explicitly.") });
            if (anyHeader)
                report.findings.append({ QStringLiteral("preflight-any-header"), Severity::Info,
                                         QStringLiteral("The preflight allows any request header (echoed)"), base,
                                         evidence, ex,
                                         QStringLiteral("Any custom header passes; harmless alone, but it hides which "
                                                        "headers the API really expects."),
                                         QStringLiteral("List the request headers the API reads.") });
        } else {
            report.notes << QStringLiteral("preflight wildcard probe failed: %1").arg(t.response.networkError);
        }
    }
    report.unreachable = !report.probes.isEmpty() && failures == report.probes.size();
    // Most severe first.
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const ScanFinding& a, const ScanFinding& b) { return a.severity < b.severity; });
    return report;
}

QJsonObject scanReportToJson(const ScanReport& report)
{
    QJsonObject o;
    o[QStringLiteral("url")] = report.url.toString();
    o[QStringLiteral("base_origin")] = report.baseOrigin;
    o[QStringLiteral("pass")] = report.pass();
    o[QStringLiteral("requests_sent")] = report.requestsSent;
    o[QStringLiteral("budget_exhausted")] = report.budgetExhausted;
    o[QStringLiteral("unreachable")] = report.unreachable;
    if (report.cancelled) // only the GUI cancels; the CLI's JSON stays as it was
        o[QStringLiteral("cancelled")] = true;
    QJsonArray probes;
    for (const ScanProbe& p : report.probes) {
        QJsonObject j;
        j[QStringLiteral("origin")] = p.origin;
        j[QStringLiteral("purpose")] = p.purpose;
        j[QStringLiteral("must_pass")] = p.mustPass;
        j[QStringLiteral("allowed")] = p.allowed;
        j[QStringLiteral("error_kind")] = p.errorKind.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.errorKind);
        j[QStringLiteral("acao")] = p.acao ? QJsonValue(QString::fromLatin1(*p.acao)) : QJsonValue(QJsonValue::Null);
        j[QStringLiteral("acac")] = p.acac ? QJsonValue(QString::fromLatin1(*p.acac)) : QJsonValue(QJsonValue::Null);
        if (p.networkFailure)
            j[QStringLiteral("network_error")] = p.networkError;
        probes.append(j);
    }
    o[QStringLiteral("probes")] = probes;
    QJsonArray findings;
    for (const ScanFinding& f : report.findings) {
        QJsonObject j;
        j[QStringLiteral("id")] = f.id;
        j[QStringLiteral("severity")] = toString(f.severity);
        j[QStringLiteral("title")] = f.title;
        j[QStringLiteral("origin")] = f.origin;
        j[QStringLiteral("evidence")] = f.evidence;
        j[QStringLiteral("why")] = f.why;
        j[QStringLiteral("fix")] = f.fix;
        j[QStringLiteral("exchange")] = io::exchangeToJson(f.exchange);
        findings.append(j);
    }
    o[QStringLiteral("findings")] = findings;
    o[QStringLiteral("notes")] = QJsonArray::fromStringList(report.notes);
    return o;
}

QString scanReportToText(const ScanReport& report)
{
    QString out = QStringLiteral("CORS scan of %1 (tricks built around %2), %3 requests\n\n")
                      .arg(report.url.toString(), report.baseOrigin)
                      .arg(report.requestsSent);
    out += QStringLiteral("Origins tried:\n");
    for (const ScanProbe& p : report.probes) {
        QString outcome;
        if (p.networkFailure)
            outcome = QStringLiteral("network error: %1").arg(p.networkError);
        else if (p.allowed)
            outcome = p.mustPass ? QStringLiteral("allowed (ok)") : QStringLiteral("ALLOWED");
        else
            outcome = QStringLiteral("blocked (%1)").arg(p.errorKind);
        out += QStringLiteral("  %1 %2  %3\n      ACAO: %4  ACAC: %5\n")
                   .arg(p.origin, -46)
                   .arg(p.purpose, -34)
                   .arg(outcome)
                   .arg(p.acao ? QString::fromLatin1(*p.acao) : QStringLiteral("(absent)"),
                        p.acac ? QString::fromLatin1(*p.acac) : QStringLiteral("(absent)"));
    }
    out += QLatin1Char('\n');
    if (report.findings.isEmpty()) {
        out += QStringLiteral("No findings.\n");
    } else {
        out += QStringLiteral("Findings (%1):\n").arg(report.findings.size());
        int i = 1;
        for (const ScanFinding& f : report.findings) {
            out += QStringLiteral("\n%1. [%2] %3  (%4)\n").arg(i++).arg(toString(f.severity).toUpper(), f.title, f.id);
            out += QStringLiteral("   origin:   %1\n   evidence: %2\n   why:      %3\n   fix:      %4\n")
                       .arg(f.origin, f.evidence, f.why, f.fix);
        }
    }
    for (const QString& n : report.notes)
        out += QStringLiteral("note: %1\n").arg(n);
    out += QStringLiteral("\nVerdict: %1\n")
               .arg(report.unreachable ? QStringLiteral("UNREACHABLE — no probe got an HTTP response")
                        : report.cancelled ? QStringLiteral("INCOMPLETE — the scan was cancelled")
                        : report.pass() ? QStringLiteral("PASS — the allowed origins work and every crafted origin is refused")
                                        : QStringLiteral("FAIL — see the findings above"));
    return out;
}

} // namespace corsbench::net
