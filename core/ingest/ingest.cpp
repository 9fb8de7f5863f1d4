// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/ingest.h"

#include "core/cors/cors_engine.h"
#include "core/ingest/console_parser.h"
#include "core/ingest/curl_parser.h"
#include "core/ingest/har_reader.h"
#include "core/ingest/server_log_parser.h"
#include "core/io/exchange_json.h"

#include <QJsonArray>

namespace corsbench::ingest {

QString toString(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::ChromeConsole: return QStringLiteral("chrome-console");
    case EvidenceKind::FirefoxConsole: return QStringLiteral("firefox-console");
    case EvidenceKind::SafariConsole: return QStringLiteral("safari-console");
    case EvidenceKind::BrowserNetworkError: return QStringLiteral("browser-network-error");
    case EvidenceKind::MixedContent: return QStringLiteral("mixed-content");
    case EvidenceKind::PythonTraceback: return QStringLiteral("python-traceback");
    case EvidenceKind::ServerLog: return QStringLiteral("server-log");
    case EvidenceKind::AccessLog: return QStringLiteral("access-log");
    case EvidenceKind::Har: return QStringLiteral("har");
    case EvidenceKind::Curl: return QStringLiteral("curl");
    case EvidenceKind::HttpRequest: return QStringLiteral("http-request");
    case EvidenceKind::HttpResponse: return QStringLiteral("http-response");
    case EvidenceKind::ExchangeJson: return QStringLiteral("exchange-json");
    case EvidenceKind::ServerConfig: return QStringLiteral("server-config");
    }
    return {};
}

namespace {

constexpr int kMaxTracebackLines = 400;
constexpr int kMaxHeaderLines = 200;
constexpr int kMaxCurlLines = 200;
constexpr int kMaxEvidence = 5000; // bounds memory and report size for absurd pastes

struct Line {
    QString text; // possibly truncated for analysis
    int number = 0;
};

QJsonObject consoleSummary(const ConsoleMessage& m)
{
    QJsonObject o;
    o.insert(QStringLiteral("browser"), m.browser);
    auto put = [&](const char* k, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(k), v);
    };
    put("cors_error", m.corsError);
    put("firefox_reason_key", m.firefoxReasonKey);
    put("initiator", m.initiator);
    put("url", m.url);
    put("redirected_from", m.redirectedFrom);
    put("origin", m.origin);
    put("failed_parameter", m.failedParameter);
    put("address_space", m.addressSpace);
    put("target_address_space", m.targetAddressSpace);
    put("net_error", m.netError);
    put("method", m.method);
    if (m.preflight)
        o.insert(QStringLiteral("preflight"), true);
    if (m.status)
        o.insert(QStringLiteral("status"), *m.status);
    if (m.legacyWording)
        o.insert(QStringLiteral("legacy_wording"), true);
    if (m.warningOnly)
        o.insert(QStringLiteral("warning_only"), true);
    if (m.ambiguous)
        o.insert(QStringLiteral("ambiguous"), true);
    return o;
}

QJsonObject serverSummary(const ServerEvent& e)
{
    QJsonObject o;
    auto put = [&](const char* k, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(k), v);
    };
    put("framework", e.framework);
    put("exception", e.exceptionType);
    put("message", e.message.left(300));
    put("method", e.method);
    put("path", e.path);
    put("origin", e.origin);
    put("frame", e.frames);
    if (e.status)
        o.insert(QStringLiteral("status"), e.status);
    if (!e.corsFailures.isEmpty())
        o.insert(QStringLiteral("cors_failures"), QJsonArray::fromStringList(e.corsFailures));
    if (!e.headers.isEmpty())
        o.insert(QStringLiteral("headers"), QJsonArray::fromStringList(e.headers));
    if (e.nonexistentName) {
        o.insert(QStringLiteral("nonexistent_name"), true);
        o.insert(QStringLiteral("note"), e.nonexistentNote);
    }
    return o;
}

QJsonArray headersJson(const http::HeaderList& headers)
{
    QJsonArray a;
    for (const auto& h : headers)
        a.append(QJsonArray { QString::fromUtf8(h.name), QString::fromUtf8(h.value) });
    return a;
}

bool isMethodToken(QStringView t)
{
    if (t.isEmpty() || t.size() > 10)
        return false;
    for (QChar c : t) {
        if (!(c >= u'A' && c <= u'Z'))
            return false;
    }
    return true;
}

bool isRequestLine(QStringView l)
{
    const auto parts = l.trimmed().split(u' ', Qt::SkipEmptyParts);
    return parts.size() == 3 && isMethodToken(parts.at(0)) && parts.at(2).startsWith(u"HTTP/")
        && (parts.at(1).startsWith(u'/') || parts.at(1).startsWith(u"http") || parts.at(1) == u"*");
}

bool isStatusLine(QStringView l)
{
    const QStringView t = l.trimmed();
    if (!t.startsWith(u"HTTP/"))
        return false;
    const auto parts = t.split(u' ', Qt::SkipEmptyParts);
    return parts.size() >= 2 && parts.at(1).size() == 3 && parts.at(1).at(0).isDigit() && parts.at(1).at(1).isDigit()
        && parts.at(1).at(2).isDigit();
}

bool isHeaderLine(QStringView l)
{
    const qsizetype c = l.indexOf(u':');
    if (c <= 0 || c > 100)
        return false;
    for (qsizetype i = 0; i < c; ++i) {
        const QChar ch = l.at(i);
        if (!(ch.isLetterOrNumber() || ch == u'-' || ch == u'_'))
            return false;
    }
    return true;
}

class Scanner {
public:
    Scanner(const QList<Line>& lines, IngestResult& out)
        : m_lines(lines)
        , m_out(out)
    {
    }

    void run()
    {
        int i = 0;
        const int n = int(m_lines.size());
        while (i < n) {
            if (m_out.evidence.size() >= kMaxEvidence) {
                m_out.problems.append(IngestProblem { m_lines.at(i).number, m_lines.last().number,
                    QStringLiteral("more than %1 pieces of evidence; lines %2 to %3 were not analysed")
                        .arg(kMaxEvidence).arg(m_lines.at(i).number).arg(m_lines.last().number) });
                break;
            }
            const QString& t = m_lines.at(i).text;
            const QStringView s = QStringView(t).trimmed();
            if (s.isEmpty()) {
                ++i;
                continue;
            }
            int consumed = 0;
            if (s.startsWith(u"Traceback (most recent call last)"))
                consumed = traceback(i);
            else if (s.startsWith(u"curl ") || s.startsWith(u"curl.exe ") || s.startsWith(u"$ curl "))
                consumed = curl(i);
            else if (isRequestLine(s))
                consumed = httpBlock(i, true);
            else if (isStatusLine(s))
                consumed = httpBlock(i, false);
            if (consumed == 0)
                consumed = singleLine(i);
            if (consumed == 0) {
                ++m_out.unrecognisedLines;
                noteClientMention(i);
                consumed = 1;
            }
            i += consumed;
        }
        assembleHttpExchanges();
    }

private:
    void noteClientMention(int i)
    {
        if (m_out.nonBrowserClientMentions.size() >= 5)
            return;
        const QString& t = m_lines.at(i).text;
        if (t.size() > 2000)
            return;
        const QString lower = t.toLower();
        const bool client = lower.contains(u"postman") || lower.contains(u"insomnia") || lower.contains(u"curl") || lower.contains(u"httpie")
            || lower.contains(u"thunder client") || lower.contains(u"swagger") || lower.contains(u"/docs");
        const bool works = lower.contains(u"work") || lower.contains(u"fine") || lower.contains(u"succeed") || lower.contains(u"200");
        if (client && works)
            m_out.nonBrowserClientMentions.append(SourceLine { m_lines.at(i).number, t.trimmed().left(300) });
    }

    Evidence& add(EvidenceKind kind, int from, int to)
    {
        Evidence e;
        e.kind = kind;
        e.firstLine = m_lines.at(from).number;
        e.lastLine = m_lines.at(to).number;
        for (int k = from; k <= to && e.quote.size() < 6; ++k) {
            if (!m_lines.at(k).text.trimmed().isEmpty())
                e.quote.append(SourceLine { m_lines.at(k).number, m_lines.at(k).text.trimmed().left(2000) });
        }
        m_out.evidence.append(std::move(e));
        return m_out.evidence.last();
    }

    int traceback(int start)
    {
        const int n = int(m_lines.size());
        int i = start + 1;
        std::optional<ServerEvent> last;
        int lastExcLine = -1;
        QString framework;
        QString userFrame;
        while (i < n && i - start < kMaxTracebackLines) {
            const QString& t = m_lines.at(i).text;
            const QStringView s = QStringView(t).trimmed();
            if (t.isEmpty() || t.at(0).isSpace() || s.isEmpty()) {
                if (s.startsWith(u"File \"")) {
                    const qsizetype q = s.indexOf(u'"', 6);
                    const QStringView path = q > 6 ? s.mid(6, q - 6) : QStringView();
                    const QString fw = frameworkOfPath(path);
                    const bool server = fw == u"uvicorn" || fw == u"gunicorn";
                    if (!fw.isEmpty() && (framework.isEmpty() || (!server && (framework == u"uvicorn" || framework == u"gunicorn"))))
                        framework = fw;
                    if (fw.isEmpty() && !path.contains(u"site-packages") && !path.contains(u"dist-packages")
                        && !path.startsWith(u"/usr/lib/python") && !path.startsWith(u"<")) {
                        const qsizetype ln = s.indexOf(u", line ");
                        QString lineNo;
                        if (ln >= 0) {
                            QStringView r = s.mid(ln + 7);
                            lineNo = r.left(r.indexOf(u',') >= 0 ? r.indexOf(u',') : r.size()).toString();
                        }
                        userFrame = path.toString() + (lineNo.isEmpty() ? QString() : u':' + lineNo);
                    }
                }
                ++i;
                continue;
            }
            if (s.startsWith(u"During handling of the above exception") || s.startsWith(u"The above exception was the direct cause")
                || s.startsWith(u"Traceback (most recent call last)")) {
                ++i;
                continue;
            }
            if (auto exc = parsePythonExceptionLine(s)) {
                last = exc;
                lastExcLine = i;
                ++i;
                // A chained traceback may follow.
                int j = i;
                while (j < n && m_lines.at(j).text.trimmed().isEmpty())
                    ++j;
                if (j < n) {
                    const QStringView nx = QStringView(m_lines.at(j).text).trimmed();
                    if (nx.startsWith(u"During handling of the above exception") || nx.startsWith(u"The above exception was the direct cause")) {
                        i = j;
                        continue;
                    }
                }
                break;
            }
            break;
        }
        const int end = lastExcLine >= 0 ? lastExcLine : i - 1;
        ServerEvent ev = last.value_or(ServerEvent {});
        if (ev.framework.isEmpty() || ev.framework == u"uvicorn")
            ev.framework = framework.isEmpty() ? ev.framework : framework;
        ev.frames = userFrame;
        if (ev.status == 0 && !ev.nonexistentName && ev.corsFailures.isEmpty())
            ev.status = 500; // an unhandled exception becomes a 500
        Evidence& e = add(EvidenceKind::PythonTraceback, start, end);
        // Quote the first and the exception line, not the frames.
        e.quote.clear();
        e.quote.append(SourceLine { m_lines.at(start).number, m_lines.at(start).text.trimmed() });
        if (lastExcLine >= 0)
            e.quote.append(SourceLine { m_lines.at(lastExcLine).number, m_lines.at(lastExcLine).text.trimmed().left(2000) });
        e.server = ev;
        e.summary = serverSummary(ev);
        if (ev.nonexistentName)
            e.notes.append(ev.nonexistentNote);
        if (lastExcLine < 0)
            m_out.problems.append(IngestProblem { m_lines.at(start).number, m_lines.at(end).number,
                QStringLiteral("traceback without a final exception line (truncated paste?)") });
        return end - start + 1;
    }

    int curl(int start)
    {
        const int n = int(m_lines.size());
        int i = start;
        QString joined;
        while (i < n && i - start < kMaxCurlLines) {
            const QString& t = m_lines.at(i).text;
            QString piece = t;
            if (i == start) {
                const qsizetype c = piece.indexOf(QLatin1String("curl"));
                piece = piece.mid(c);
            }
            joined += piece;
            joined += u'\n';
            const QStringView s = QStringView(t).trimmed();
            if (s.endsWith(u'\\') || s.endsWith(u'^')) {
                ++i;
                continue;
            }
            break;
        }
        const int end = qMin(i, n - 1);
        auto parsed = parseCurlCommand(joined);
        if (!parsed) {
            m_out.problems.append(IngestProblem { m_lines.at(start).number, m_lines.at(end).number, parsed.error().message });
            return end - start + 1;
        }
        Evidence& e = add(EvidenceKind::Curl, start, end);
        const CurlCommand& c = parsed.value();
        e.intent = c.intent;
        e.pageOrigin = c.origin;
        e.notes = c.notes;
        QJsonObject o;
        o.insert(QStringLiteral("method"), QString::fromUtf8(c.intent.method));
        o.insert(QStringLiteral("url"), c.intent.url.toString());
        if (!c.origin.isEmpty())
            o.insert(QStringLiteral("origin"), c.origin);
        o.insert(QStringLiteral("author_headers"), headersJson(c.intent.headers));
        o.insert(QStringLiteral("credentials"), http::toString(c.intent.credentials));
        if (c.isPreflight)
            o.insert(QStringLiteral("preflight"), true);
        e.summary = o;
        return end - start + 1;
    }

    int httpBlock(int start, bool request)
    {
        const int n = int(m_lines.size());
        const QStringView first = QStringView(m_lines.at(start).text).trimmed();
        const auto parts = first.split(u' ', Qt::SkipEmptyParts);
        http::HeaderList headers;
        int i = start + 1;
        while (i < n && i - start < kMaxHeaderLines) {
            const QStringView s = QStringView(m_lines.at(i).text).trimmed();
            if (s.isEmpty() || !isHeaderLine(s))
                break;
            const qsizetype c = s.indexOf(u':');
            headers.append(s.left(c).trimmed().toUtf8(), s.mid(c + 1).trimmed().toUtf8());
            ++i;
        }
        int end = i - 1;
        if (request) {
            http::HttpRequestHead head;
            head.method = parts.at(0).toUtf8();
            QString target = parts.at(1).toString();
            if (target.startsWith(u'/')) {
                const auto host = headers.value("host");
                const auto origin = headers.value("origin");
                QString scheme = QStringLiteral("http");
                if (origin && origin->startsWith("https:") && host && !host->contains(":80"))
                    scheme = QStringLiteral("https");
                if (host)
                    target = scheme + QStringLiteral("://") + QString::fromUtf8(*host) + target;
            }
            head.url = QUrl(target);
            head.headers = headers;
            Evidence& e = add(EvidenceKind::HttpRequest, start, end);
            QJsonObject o;
            o.insert(QStringLiteral("method"), QString::fromUtf8(head.method));
            o.insert(QStringLiteral("url"), head.url.toString());
            o.insert(QStringLiteral("headers"), headersJson(headers));
            e.summary = o;
            e.requestHead = head;
            return end - start + 1;
        }
        http::HttpResponseHead head;
        head.status = parts.at(1).toInt();
        if (parts.size() > 2)
            head.reason = first.mid(first.indexOf(parts.at(2))).toUtf8();
        head.headers = headers;
        // A body line or two (Starlette "Disallowed CORS origin", aiohttp "CORS preflight request failed: …").
        QString body;
        int j = i;
        while (j < n && QStringView(m_lines.at(j).text).trimmed().isEmpty() && j - i < 1)
            ++j;
        int bodyLines = 0;
        while (j < n && bodyLines < 3) {
            const QStringView s = QStringView(m_lines.at(j).text).trimmed();
            if (s.isEmpty() || isRequestLine(s) || isStatusLine(s) || s.startsWith(u"curl ") || s.contains(u"blocked by CORS policy")
                || s.startsWith(u"Traceback"))
                break;
            if (!body.isEmpty())
                body += u'\n';
            body += s.left(500);
            ++bodyLines;
            ++j;
        }
        if (bodyLines > 0)
            end = j - 1;
        Evidence& e = add(EvidenceKind::HttpResponse, start, end);
        QJsonObject o;
        o.insert(QStringLiteral("status"), head.status);
        o.insert(QStringLiteral("headers"), headersJson(headers));
        if (!body.isEmpty())
            o.insert(QStringLiteral("body"), body);
        e.responseHead = head;
        e.responseBody = body;
        if (!body.isEmpty()) {
            ServerEvent ev;
            ev.status = head.status;
            analyseCorsMessage(body, ev);
            const auto server = headers.value("server").value_or(QByteArray());
            if (server.contains("uvicorn") || server.contains("hypercorn"))
                ev.framework = ev.framework.isEmpty() ? QStringLiteral("starlette") : ev.framework;
            else if (server.contains("aiohttp"))
                ev.framework = QStringLiteral("aiohttp");
            else if (server.contains("Werkzeug"))
                ev.framework = QStringLiteral("flask");
            if (!ev.corsFailures.isEmpty()) {
                ev.message = body;
                e.server = ev;
                o.insert(QStringLiteral("server"), serverSummary(ev));
            }
        }
        e.summary = o;
        return end - start + 1;
    }

    int singleLine(int i)
    {
        const QString& t = m_lines.at(i).text;
        const QStringView s = QStringView(t).trimmed();
        if (s.contains(u"blocked by CORS policy")) {
            if (auto m = parseChromeConsoleLine(s)) {
                Evidence& e = add(EvidenceKind::ChromeConsole, i, i);
                e.console = *m;
                e.summary = consoleSummary(*m);
                if (m->corsError.isEmpty())
                    e.notes.append(QStringLiteral("a Chrome CORS message whose reason corsbench does not know"));
                return 1;
            }
        }
        if (s.contains(u"Cross-Origin Request Blocked") || s.contains(u"Cross-Origin Request Warning")) {
            if (auto m = parseFirefoxConsoleLine(s)) {
                Evidence& e = add(EvidenceKind::FirefoxConsole, i, i);
                e.console = *m;
                e.summary = consoleSummary(*m);
                return 1;
            }
        }
        if (auto m = parseSafariCannotLoadLine(s)) {
            // Completes the reason line just before it.
            if (!m_out.evidence.isEmpty()) {
                Evidence& prev = m_out.evidence.last();
                if (prev.kind == EvidenceKind::SafariConsole && prev.console && prev.lastLine >= m_lines.at(i).number - 2
                    && prev.lastLine < m_lines.at(i).number && prev.console->initiator.isEmpty()) {
                    prev.console->initiator = m->initiator;
                    if (prev.console->url.isEmpty())
                        prev.console->url = m->url;
                    prev.lastLine = m_lines.at(i).number;
                    prev.quote.append(SourceLine { m_lines.at(i).number, s.toString() });
                    prev.summary = consoleSummary(*prev.console);
                    return 1;
                }
            }
            Evidence& e = add(EvidenceKind::SafariConsole, i, i);
            e.console = *m;
            e.summary = consoleSummary(*m);
            e.notes.append(QStringLiteral("Safari's generic line; the reason line printed before it would say why"));
            return 1;
        }
        if (auto m = parseSafariReasonLine(s)) {
            Evidence& e = add(EvidenceKind::SafariConsole, i, i);
            e.console = *m;
            e.summary = consoleSummary(*m);
            if (m->ambiguous)
                e.notes.append(QStringLiteral("Safari prints this for a missing, empty, wrong or malformed "
                                              "Access-Control-Allow-Origin alike"));
            return 1;
        }
        if (auto m = parseMixedContentLine(s)) {
            Evidence& e = add(EvidenceKind::MixedContent, i, i);
            e.console = *m;
            e.summary = consoleSummary(*m);
            return 1;
        }
        if (auto m = parseNetworkErrorLine(s)) {
            // Chrome prints "GET url net::ERR_FAILED 200 (OK)" right after the CORS line.
            if (!m_out.evidence.isEmpty()) {
                Evidence& prev = m_out.evidence.last();
                if (prev.kind == EvidenceKind::ChromeConsole && prev.console && !m->url.isEmpty()
                    && (prev.console->url == m->url || prev.console->redirectedFrom == m->url) && prev.lastLine >= m_lines.at(i).number - 2) {
                    prev.console->netError = m->netError;
                    prev.console->method = m->method;
                    if (m->status)
                        prev.console->status = m->status;
                    prev.lastLine = m_lines.at(i).number;
                    prev.quote.append(SourceLine { m_lines.at(i).number, s.toString() });
                    prev.summary = consoleSummary(*prev.console);
                    return 1;
                }
            }
            Evidence& e = add(EvidenceKind::BrowserNetworkError, i, i);
            e.console = *m;
            e.summary = consoleSummary(*m);
            return 1;
        }
        if (auto ev = parseFrameworkMessageLine(s)) {
            Evidence& e = add(EvidenceKind::ServerLog, i, i);
            e.server = *ev;
            e.summary = serverSummary(*ev);
            return 1;
        }
        if (auto ev = parsePythonExceptionLine(s)) {
            Evidence& e = add(EvidenceKind::ServerLog, i, i);
            e.server = *ev;
            e.summary = serverSummary(*ev);
            if (ev->nonexistentName)
                e.notes.append(ev->nonexistentNote);
            return 1;
        }
        if (auto ev = parseAccessLogLine(s)) {
            Evidence& e = add(EvidenceKind::AccessLog, i, i);
            e.server = *ev;
            e.summary = serverSummary(*ev);
            return 1;
        }
        if (s.startsWith(u"from starlette.middleware.cors import") && s.contains(u"CORSError")) {
            ServerEvent ev;
            ev.framework = QStringLiteral("starlette");
            ev.exceptionType = QStringLiteral("starlette.middleware.cors.CORSError");
            ev.nonexistentName = true;
            ev.nonexistentNote = QStringLiteral("starlette.middleware.cors has no CORSError in any version; this "
                                                "import fails with ImportError");
            ev.message = s.toString();
            Evidence& e = add(EvidenceKind::ServerLog, i, i);
            e.server = ev;
            e.summary = serverSummary(ev);
            e.notes.append(ev.nonexistentNote);
            return 1;
        }
        return 0;
    }

    // Pairs raw request/response heads (and a curl command followed by its response) into exchanges.
    void assembleHttpExchanges()
    {
        QList<Evidence>& ev = m_out.evidence;
        for (qsizetype k = 0; k < ev.size(); ++k) {
            if (ev[k].kind != EvidenceKind::HttpResponse || !ev[k].responseHead)
                continue;
            // Look back for the request (raw or curl) just before this response.
            const Evidence* req = k > 0 ? &ev[k - 1] : nullptr;
            if (!req || !(req->kind == EvidenceKind::HttpRequest || req->kind == EvidenceKind::Curl))
                continue;
            http::HttpRequestHead head;
            QString origin;
            if (req->kind == EvidenceKind::HttpRequest) {
                head = *req->requestHead;
                origin = QString::fromUtf8(head.headers.value("origin").value_or(QByteArray()));
            } else {
                head.method = req->intent->method;
                head.url = req->intent->url;
                head.headers = req->intent->headers;
                origin = req->pageOrigin;
                if (!origin.isEmpty())
                    head.headers.append("Origin", origin.toUtf8());
                if (req->summary.value(QStringLiteral("preflight")).toBool()) {
                    head.method = "OPTIONS";
                    head.headers.append("Access-Control-Request-Method", req->intent->method);
                }
            }
            if (origin.isEmpty()) {
                ev[k].notes.append(QStringLiteral("the request has no Origin header, so this response says nothing "
                                                  "about CORS (servers add CORS headers only when Origin is present)"));
                continue;
            }
            const bool isPreflight = head.method == "OPTIONS" && head.headers.contains("access-control-request-method");
            // Extend a previous exchange whose preflight is followed by this actual request.
            http::Exchange ex;
            bool extend = false;
            if (!isPreflight && k >= 3 && !ev[k - 2].exchanges.isEmpty() && ev[k - 2].kind == EvidenceKind::HttpResponse) {
                const http::Exchange& prev = ev[k - 2].exchanges.last();
                if (prev.preflight && prev.actual.isEmpty() && prev.request.url == head.url) {
                    ex = prev;
                    extend = true;
                }
            }
            ex.pageOrigin = origin;
            if (isPreflight) {
                ex.request.method = head.headers.value("access-control-request-method").value_or("GET");
                ex.request.url = head.url;
                const QByteArray acrh = head.headers.value("access-control-request-headers").value_or(QByteArray());
                for (const QByteArray& name : acrh.split(',')) {
                    const QByteArray t = name.trimmed();
                    if (!t.isEmpty())
                        ex.request.headers.append(t, t == "content-type" ? QByteArray("application/json") : QByteArray("1"));
                }
                ex.preflight = http::Preflight { head, *ev[k].responseHead };
            } else {
                ex.request.method = head.method;
                ex.request.url = head.url;
                if (!extend) {
                    for (const auto& h : head.headers) {
                        const QByteArray l = h.name.toLower();
                        if (l == "origin" || l == "host" || l == "referer" || l == "user-agent" || l == "cookie" || l == "connection"
                            || l == "content-length" || l == "accept-encoding" || l == "accept-language" || l.startsWith("sec-"))
                            continue;
                        ex.request.headers.append(h);
                    }
                }
                if (head.headers.contains("cookie"))
                    ex.request.credentials = http::CredentialsMode::Include;
                ex.actual.append(http::Hop { head, *ev[k].responseHead });
            }
            if (extend) {
                ev[k - 2].exchanges.clear();
                ev[k - 2].exchangeLines.clear();
            }
            ev[k].exchanges.append(ex);
            ev[k].exchangeLines.append(extend ? ev[k - 3].firstLine : req->firstLine);
        }
    }

    const QList<Line>& m_lines;
    IngestResult& m_out;
};

QJsonObject harSummary(const HarStats& s, int kept)
{
    QJsonObject o;
    o.insert(QStringLiteral("creator"), s.creator);
    o.insert(QStringLiteral("entries"), double(s.entries));
    o.insert(QStringLiteral("cors_entries"), double(s.corsEntries));
    o.insert(QStringLiteral("preflights"), double(s.preflights));
    o.insert(QStringLiteral("paired_preflights"), double(s.paired));
    o.insert(QStringLiteral("unpaired_preflights"), double(s.unpairedPreflights));
    o.insert(QStringLiteral("exchanges"), double(s.exchanges));
    o.insert(QStringLiteral("exchanges_kept"), kept);
    return o;
}

// Keeps failing exchanges first, then a few allowed ones, within the cap.
struct HarCollector {
    int cap;
    QList<http::Exchange> failing;
    QList<http::Exchange> allowed;
    QList<int> failingIdx;
    QList<int> allowedIdx;
    cors::CorsEngine engine;
    void operator()(http::Exchange&& ex, const HarSource& src)
    {
        const bool fails = !engine.evaluate(ex).allowed;
        if (fails && failing.size() < cap) {
            failing.append(std::move(ex));
            failingIdx.append(int(src.entryIndex));
        } else if (!fails && allowed.size() < cap / 4) {
            allowed.append(std::move(ex));
            allowedIdx.append(int(src.entryIndex));
        }
    }
};

Result<IngestResult> fromHar(const Result<HarStats>& stats, HarCollector& c, int lineCount)
{
    if (!stats)
        return stats.error();
    IngestResult r;
    r.lineCount = lineCount;
    Evidence e;
    e.kind = EvidenceKind::Har;
    e.firstLine = 1;
    e.lastLine = qMax(1, lineCount);
    e.exchanges = c.failing + c.allowed;
    for (int idx : c.failingIdx + c.allowedIdx)
        e.exchangeLines.append(-(idx + 1)); // negative: HAR entry index + 1, not a line
    e.summary = harSummary(stats.value(), int(e.exchanges.size()));
    if (stats->exchanges > e.exchanges.size())
        e.notes.append(QStringLiteral("%1 of %2 exchanges kept (failing ones first)").arg(e.exchanges.size()).arg(stats->exchanges));
    r.evidence.append(std::move(e));
    return r;
}

} // namespace

Result<IngestResult> ingestHarFile(const QString& path, const IngestOptions& options)
{
    HarCollector c { options.maxHarExchanges, {}, {}, {}, {}, {} };
    auto stats = HarReader::parseFile(path, [&](http::Exchange&& ex, const HarSource& src) { c(std::move(ex), src); });
    return fromHar(stats, c, 0);
}

Result<IngestResult> ingestText(QByteArrayView data, const IngestOptions& options)
{
    // Binary input: NUL bytes never occur in pastes, logs, HAR or JSON.
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        return makeError(ErrorCode::BinaryInput, QStringLiteral("input is binary (NUL byte at offset %1), not text").arg(nul));
    qsizetype first = 0;
    while (first < data.size() && (data[first] == ' ' || data[first] == '\n' || data[first] == '\r' || data[first] == '\t'))
        ++first;
    std::optional<Error> jsonProblem;
    if (first < data.size() && data[first] == '{') {
        if (HarReader::looksLikeHar(data.sliced(first))) {
            HarCollector c { options.maxHarExchanges, {}, {}, {}, {}, {} };
            auto stats = HarReader::parse(data, [&](http::Exchange&& ex, const HarSource& src) { c(std::move(ex), src); });
            return fromHar(stats, c, int(data.count('\n') + 1));
        }
        auto ex = io::parseExchange(data);
        if (ex) {
            IngestResult r;
            r.lineCount = int(data.count('\n') + 1);
            Evidence e;
            e.kind = EvidenceKind::ExchangeJson;
            e.firstLine = 1;
            e.lastLine = r.lineCount;
            e.exchanges.append(ex.value());
            e.exchangeLines.append(1);
            QJsonObject o;
            o.insert(QStringLiteral("page_origin"), ex->pageOrigin);
            o.insert(QStringLiteral("method"), QString::fromUtf8(ex->request.method));
            o.insert(QStringLiteral("url"), ex->request.url.toString());
            o.insert(QStringLiteral("preflight"), ex->preflight.has_value());
            o.insert(QStringLiteral("hops"), int(ex->actual.size()));
            e.summary = o;
            r.evidence.append(std::move(e));
            return r;
        }
        jsonProblem = ex.error();
    }
    IngestResult result;
    QList<Line> lines;
    const QString text = QString::fromUtf8(data.data(), data.size());
    qsizetype pos = 0;
    int number = 0;
    while (pos <= text.size()) {
        qsizetype nl = text.indexOf(u'\n', pos);
        if (nl < 0)
            nl = text.size();
        ++number;
        QStringView l = QStringView(text).mid(pos, nl - pos);
        if (l.endsWith(u'\r'))
            l.chop(1);
        if (l.size() > options.maxLineChars) {
            result.problems.append(IngestProblem { number, number,
                QStringLiteral("line %1 is %2 characters long; only the first %3 were read").arg(number).arg(l.size()).arg(options.maxLineChars) });
            l = l.left(options.maxLineChars);
        }
        lines.append(Line { l.toString(), number });
        pos = nl + 1;
    }
    result.lineCount = number;
    Scanner(lines, result).run();
    if (result.evidence.isEmpty() && jsonProblem)
        return makeError(jsonProblem->code, QStringLiteral("input looks like JSON but is neither a HAR file nor a corsbench exchange: %1").arg(jsonProblem->message), jsonProblem->detail);
    if (jsonProblem)
        result.problems.prepend(IngestProblem { 1, 1, jsonProblem->message });
    return result;
}

} // namespace corsbench::ingest
