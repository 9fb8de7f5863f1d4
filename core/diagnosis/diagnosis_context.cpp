// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/diagnosis/diagnosis_context.h"

#include "core/cors/cors_engine.h"

#include <QRegularExpression>

#include <algorithm>

namespace corsbench::diagnosis {

bool isPreflightKind(const QString& kind)
{
    return kind.startsWith(QLatin1String("Preflight")) || kind.endsWith(QLatin1String("PreflightResponse"));
}

QString baseKind(const QString& kind)
{
    if (kind.startsWith(QLatin1String("Preflight")) && kind != QLatin1String("PreflightInvalidStatus")
        && kind != QLatin1String("PreflightDisallowedRedirect"))
        return kind.mid(9);
    return kind;
}

namespace {
// The same finding on many exchanges (a HAR) differs only in numbers: quote it once.
QString withoutDigits(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (!c.isDigit())
            out.append(c);
    }
    return out;
}
} // namespace

void addEvidence(Cause& cause, const QList<EvidenceQuote>& quotes)
{
    for (const auto& q : quotes) {
        bool dup = false;
        const QString shape = q.line == 0 ? withoutDigits(q.text) : QString();
        for (const auto& e : cause.evidence) {
            if ((e.line == q.line && e.text == q.text) || (q.line == 0 && e.line == 0 && withoutDigits(e.text) == shape)) {
                dup = true;
                break;
            }
        }
        if (!dup && cause.evidence.size() < 12)
            cause.evidence.append(q);
    }
}

namespace {

QString frameworkFromName(const QString& name)
{
    if (name == u"starlette" || name == u"fastapi" || name == u"uvicorn")
        return QStringLiteral("fastapi");
    if (name == u"aiohttp")
        return QStringLiteral("aiohttp");
    if (name == u"flask" || name == u"werkzeug")
        return QStringLiteral("flask");
    return {};
}

QString frameworkFromServerHeader(const http::HttpResponseHead& r)
{
    const QByteArray server = r.headers.value("server").value_or(QByteArray());
    if (server.contains("uvicorn") || server.contains("hypercorn"))
        return QStringLiteral("fastapi");
    if (server.contains("aiohttp"))
        return QStringLiteral("aiohttp");
    if (server.contains("Werkzeug"))
        return QStringLiteral("flask");
    return {};
}

// The first author header an Access-Control-Allow-Headers value does not cover (lower-cased).
QString refusedHeader(const http::Exchange& ex, const QByteArray& acah)
{
    QList<QByteArray> allowed;
    for (const QByteArray& a : acah.split(','))
        allowed.append(a.trimmed().toLower());
    for (const auto& h : ex.request.headers) {
        const QByteArray n = h.name.toLower();
        if (n == "accept" || n == "accept-language" || n == "content-language")
            continue;
        if (n == "content-type") {
            const QByteArray v = h.value.toLower();
            if (v.startsWith("text/plain") || v.startsWith("multipart/form-data") || v.startsWith("application/x-www-form-urlencoded"))
                continue;
        }
        if (!allowed.contains(n) && !(allowed.contains("*") && n != "authorization"))
            return QString::fromUtf8(n);
    }
    return {};
}

} // namespace

int ServerSnippet::inputLine(int snippetLine) const
{
    if (inputLines.isEmpty())
        return snippetLine;
    return snippetLine >= 1 && snippetLine <= inputLines.size() ? inputLines.at(snippetLine - 1) : 0;
}

EvidenceQuote ServerSnippet::quote(int snippetLine) const
{
    const QString text = snippetLine >= 1 && snippetLine <= lines.size() ? lines.at(snippetLine - 1).trimmed() : QString();
    QString source = frameworks::toString(config.framework) + QStringLiteral("-config");
    if (inputLines.isEmpty())
        source += QStringLiteral(" (--config file)");
    return EvidenceQuote { inputLine(snippetLine), text, source };
}

namespace {

const frameworks::ConfigArgument* findArgument(const frameworks::ServerConfig& cfg, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        for (const auto& a : cfg.arguments) {
            if (a.name == QLatin1String(n))
                return &a;
        }
    }
    return nullptr;
}

} // namespace

QStringList ServerSnippet::allowedOrigins(const frameworks::ServerConfig& cfg)
{
    switch (cfg.framework) {
    case frameworks::Framework::FastApi:
        return cfg.starlette.allowOrigins.isString ? QStringList() : cfg.starlette.allowOrigins.items;
    case frameworks::Framework::Aiohttp: {
        QStringList out;
        for (const auto& [origin, options] : cfg.aiohttpDefaults.origins)
            out << origin;
        for (const auto& r : cfg.routes) {
            if (r.corsConfig) {
                for (const auto& [origin, options] : r.corsConfig->origins)
                    out << origin;
            }
        }
        return out;
    }
    default:
        if (const frameworks::ConfigArgument* a = findArgument(cfg, { "origins", "CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST" })) {
            QStringList out;
            if (a->value.isString())
                out << a->value.text;
            for (const auto& item : a->value.items) {
                if (item.isString())
                    out << item.text;
            }
            return out;
        }
        return {};
    }
}

QString ServerSnippet::pathFor(const QByteArray& method) const
{
    if (!config.routesKnown)
        return {};
    for (const auto& r : config.routes) {
        if (!r.methods.isEmpty() && !r.methods.contains(QString::fromUtf8(method.toUpper())) && !r.methods.contains(QStringLiteral("*")))
            continue;
        // Path parameters ("{id}", "{id:int}", "<int:id>", "<id>") become a plausible value.
        QString path = r.path;
        static const QRegularExpression param(QStringLiteral(R"(\{[^}]*\}|<[^>]*>)"));
        path.replace(param, QStringLiteral("1"));
        return path;
    }
    return {};
}

DiagnosisContext::DiagnosisContext(const ingest::IngestResult& input, QString framework, std::optional<ServerSnippet> snippet)
    : m_input(input)
    , m_snippet(std::move(snippet))
{
    const cors::CorsEngine engine;
    QString detected;
    auto vote = [&](const QString& fw) {
        if (detected.isEmpty() && !fw.isEmpty())
            detected = fw;
    };
    for (int i = 0; i < input.evidence.size(); ++i) {
        const ingest::Evidence& e = input.evidence.at(i);
        if (e.console) {
            const auto& c = *e.console;
            if (!c.corsError.isEmpty() || !c.netError.isEmpty() || !c.insecureUrl.isEmpty() || !c.firefoxReasonKey.isEmpty()) {
                Symptom s;
                s.corsError = c.corsError;
                s.failedParameter = c.failedParameter;
                s.preflight = c.preflight;
                s.url = c.url;
                s.redirectedFrom = c.redirectedFrom;
                s.origin = c.origin;
                s.method = c.method;
                s.status = c.status;
                s.browser = c.browser;
                s.firefoxReasonKey = c.firefoxReasonKey;
                s.ambiguous = c.ambiguous;
                s.warningOnly = c.warningOnly;
                s.evidenceIndex = i;
                m_symptoms.append(s);
            }
        }
        if (e.server)
            vote(frameworkFromName(e.server->framework));
        if (e.responseHead)
            vote(frameworkFromServerHeader(*e.responseHead));
        for (int k = 0; k < e.exchanges.size(); ++k) {
            ExchangeView v;
            v.exchange = e.exchanges.at(k);
            v.verdict = engine.evaluate(v.exchange);
            v.evidenceIndex = i;
            const int l = k < e.exchangeLines.size() ? e.exchangeLines.at(k) : 0;
            v.line = l > 0 ? l : 0;
            v.harEntry = l < 0 ? -l - 1 : -1;
            if (v.exchange.preflight)
                vote(frameworkFromServerHeader(v.exchange.preflight->response));
            for (const auto& hop : v.exchange.actual)
                vote(frameworkFromServerHeader(hop.response));
            m_exchanges.append(v);
            if (v.verdict.error) {
                Symptom s;
                s.corsError = v.verdict.error->kind;
                s.failedParameter = v.verdict.error->failedParameter;
                s.preflight = isPreflightKind(s.corsError);
                s.url = v.exchange.request.url.toString();
                s.origin = v.exchange.pageOrigin;
                s.method = QString::fromUtf8(v.exchange.request.method);
                s.browser = QStringLiteral("engine");
                s.evidenceIndex = i;
                s.exchangeIndex = int(m_exchanges.size() - 1);
                if (!v.verdict.error->networkError.isEmpty())
                    s.corsError.clear();
                if (s.preflight && v.exchange.preflight)
                    s.status = v.exchange.preflight->response.status;
                else if (!v.exchange.actual.isEmpty())
                    s.status = v.exchange.actual.last().response.status;
                m_symptoms.append(s);
                // Later failures the browser would meet after fixing the first one.
                QStringList seen { s.corsError };
                for (const auto& check : v.verdict.checks) {
                    if (check.status != cors::CheckStatus::Fail || check.corsError.isEmpty() || seen.contains(check.corsError))
                        continue;
                    seen << check.corsError;
                    Symptom more = s;
                    more.corsError = check.corsError;
                    more.failedParameter = check.value ? QString::fromUtf8(*check.value) : QString();
                    more.preflight = check.stage == cors::Stage::Preflight;
                    if (more.corsError == u"MethodDisallowedByPreflightResponse")
                        more.failedParameter = QString::fromUtf8(v.exchange.request.method);
                    if (more.corsError == u"HeaderDisallowedByPreflightResponse")
                        more.failedParameter = refusedHeader(v.exchange, check.value.value_or(QByteArray()));
                    more.secondary = true;
                    m_symptoms.append(more);
                }
            }
        }
    }
    const QString chosen = framework.toLower();
    if (chosen == u"fastapi" || chosen == u"starlette")
        m_framework = QStringLiteral("fastapi");
    else if (chosen == u"aiohttp" || chosen == u"flask")
        m_framework = chosen;
    else if (m_snippet && m_snippet->config.framework != frameworks::Framework::Unknown
             && m_snippet->config.framework != frameworks::Framework::Django)
        m_framework = frameworks::toString(m_snippet->config.framework);
    else
        m_framework = detected;
}

QList<Symptom> DiagnosisContext::symptomsOf(std::initializer_list<const char*> kinds, bool anyStage) const
{
    QList<Symptom> out;
    for (const Symptom& s : m_symptoms) {
        for (const char* k : kinds) {
            const QLatin1String kind(k);
            if (s.corsError == kind || (anyStage && baseKind(s.corsError) == kind && s.corsError != kind)) {
                out.append(s);
                break;
            }
        }
    }
    return out;
}

QList<QPair<int, ingest::ServerEvent>> DiagnosisContext::serverEvents() const
{
    QList<QPair<int, ingest::ServerEvent>> out;
    for (int i = 0; i < m_input.evidence.size(); ++i) {
        if (m_input.evidence.at(i).server)
            out.append({ i, *m_input.evidence.at(i).server });
    }
    return out;
}

bool DiagnosisContext::hasKind(ingest::EvidenceKind kind) const
{
    for (const auto& e : m_input.evidence) {
        if (e.kind == kind)
            return true;
    }
    return false;
}

QList<EvidenceQuote> DiagnosisContext::quote(int evidenceIndex) const
{
    QList<EvidenceQuote> out;
    if (evidenceIndex < 0 || evidenceIndex >= m_input.evidence.size())
        return out;
    const auto& e = m_input.evidence.at(evidenceIndex);
    for (const auto& l : e.quote)
        out.append(EvidenceQuote { l.number, l.text, ingest::toString(e.kind) });
    return out;
}

QList<EvidenceQuote> DiagnosisContext::quote(const Symptom& s) const
{
    if (s.exchangeIndex >= 0 && s.exchangeIndex < m_exchanges.size()) {
        const ExchangeView& v = m_exchanges.at(s.exchangeIndex);
        for (const auto& c : v.verdict.checks) {
            if (c.status == cors::CheckStatus::Fail && c.corsError == s.corsError)
                return quoteCheck(v, c);
        }
        for (const auto& c : v.verdict.checks) {
            if (c.reported)
                return quoteCheck(v, c);
        }
        return quote(s.evidenceIndex);
    }
    return quote(s.evidenceIndex);
}

QList<EvidenceQuote> DiagnosisContext::quoteCheck(const ExchangeView& v, const cors::Check& c) const
{
    const QString where = c.stage == cors::Stage::Preflight ? QStringLiteral("preflight response") : c.stage == cors::Stage::Actual ? QStringLiteral("response") : QStringLiteral("request");
    QString status;
    if (c.stage == cors::Stage::Preflight && v.exchange.preflight)
        status = QStringLiteral(" (status %1)").arg(v.exchange.preflight->response.status);
    else if (c.stage == cors::Stage::Actual && c.hop >= 0 && c.hop < v.exchange.actual.size())
        status = QStringLiteral(" (status %1)").arg(v.exchange.actual.at(c.hop).response.status);
    QString text = QStringLiteral("%1 %2%3: ").arg(QString::fromUtf8(v.exchange.request.method), v.exchange.request.url.toString(), QString());
    text += where + status;
    if (!c.header.isEmpty())
        text += QStringLiteral(" — %1: %2").arg(QString::fromUtf8(c.header), c.value ? QString::fromUtf8(*c.value) : QStringLiteral("(absent)"));
    if (!c.explanation.isEmpty())
        text += QStringLiteral(" — ") + c.explanation;
    const QString source = v.harEntry >= 0 ? QStringLiteral("har entry %1").arg(v.harEntry) : ingest::toString(m_input.evidence.at(v.evidenceIndex).kind);
    return { EvidenceQuote { v.line, text, source } };
}

QString DiagnosisContext::anyOrigin() const
{
    for (const Symptom& s : m_symptoms) {
        if (!s.origin.isEmpty() && s.origin != u"null")
            return s.origin;
    }
    for (const auto& e : m_input.evidence) {
        if (!e.pageOrigin.isEmpty())
            return e.pageOrigin;
        if (e.requestHead) {
            if (auto o = e.requestHead->headers.value("origin"))
                return QString::fromUtf8(*o);
        }
        if (e.server && !e.server->origin.isEmpty())
            return e.server->origin;
    }
    for (const auto& v : m_exchanges)
        return v.exchange.pageOrigin;
    return {};
}

QString DiagnosisContext::anyUrl() const
{
    for (const Symptom& s : m_symptoms) {
        if (!s.url.isEmpty())
            return s.redirectedFrom.isEmpty() || s.redirectedFrom.startsWith(u'(') ? s.url : s.redirectedFrom;
    }
    for (const auto& e : m_input.evidence) {
        if (e.intent)
            return e.intent->url.toString();
        if (e.requestHead)
            return e.requestHead->url.toString();
    }
    return {};
}

http::Exchange DiagnosisContext::failingExchange(const Symptom* s) const
{
    if (s && s->exchangeIndex >= 0 && s->exchangeIndex < m_exchanges.size())
        return m_exchanges.at(s->exchangeIndex).exchange;
    for (const auto& v : m_exchanges) {
        if (!v.verdict.allowed)
            return v.exchange;
    }
    http::Exchange ex;
    // A curl command is the most complete description of the request.
    for (const auto& e : m_input.evidence) {
        if (e.intent) {
            ex.request = *e.intent;
            if (!e.pageOrigin.isEmpty())
                ex.pageOrigin = e.pageOrigin;
            break;
        }
    }
    const QString origin = s && !s->origin.isEmpty() ? s->origin : anyOrigin();
    if (!origin.isEmpty()) {
        ex.pageOrigin = origin;
    } else if (ex.pageOrigin == u"null") {
        // Nothing names the page: the first origin the user's own configuration lists, if any.
        const QStringList listed = m_snippet ? m_snippet->allowedOrigins() : QStringList();
        const auto it = std::find_if(listed.begin(), listed.end(), [](const QString& o) { return o.startsWith(QLatin1String("http")); });
        ex.pageOrigin = it != listed.end() ? *it : QStringLiteral("http://localhost:3000");
    }
    QString url = s ? (s->redirectedFrom.isEmpty() || s->redirectedFrom.startsWith(u'(') ? s->url : s->redirectedFrom) : QString();
    if (url.isEmpty())
        url = anyUrl();
    if (!url.isEmpty() && ex.request.url.isEmpty())
        ex.request.url = QUrl(url);
    const bool urlInvented = ex.request.url.isEmpty();
    if (urlInvented)
        ex.request.url = QUrl(QStringLiteral("http://localhost:8000/api"));
    if (s) {
        const QString base = baseKind(s->corsError);
        if (base == u"MethodDisallowedByPreflightResponse" && !s->failedParameter.isEmpty())
            ex.request.method = s->failedParameter.toUtf8();
        else if (!s->method.isEmpty() && ex.request.method == "GET")
            ex.request.method = s->method.toUtf8();
        if (base == u"HeaderDisallowedByPreflightResponse" && !s->failedParameter.isEmpty()
            && !ex.request.headers.contains(s->failedParameter.toUtf8())) {
            const QByteArray name = s->failedParameter.toUtf8();
            ex.request.headers.append(name, name == "content-type" ? QByteArray("application/json") : name == "authorization" ? QByteArray("Bearer token") : QByteArray("1"));
        }
        if (base == u"WildcardOriginNotAllowed" || base == u"InvalidAllowCredentials")
            ex.request.credentials = http::CredentialsMode::Include;
        if (s->preflight && ex.request.method == "GET" && ex.request.headers.isEmpty()) {
            // The preflight was sent, so the request had a non-safelisted method or header.
            ex.request.method = "POST";
            ex.request.headers.append("Content-Type", "application/json");
        }
    }
    for (const auto& [idx, ev] : serverEvents()) {
        Q_UNUSED(idx);
        if (ev.corsFailures.contains(QStringLiteral("method")) && !ev.method.isEmpty() && ex.request.method == "GET")
            ex.request.method = ev.method.toUtf8();
        for (const QString& h : ev.headers) {
            if (!ex.request.headers.contains(h.toUtf8()))
                ex.request.headers.append(h.toUtf8(), h == u"content-type" ? QByteArray("application/json") : QByteArray("1"));
        }
        if (urlInvented && !ev.path.isEmpty() && ev.path.startsWith(u'/'))
            ex.request.url.setPath(ev.path);
    }
    // Nothing names the URL: one the user's own app answers for this method.
    if (urlInvented && ex.request.url.path() == u"/api" && m_snippet) {
        const QString path = m_snippet->pathFor(ex.request.method);
        if (!path.isEmpty())
            ex.request.url.setPath(path);
    }
    return ex;
}

QString DiagnosisContext::probeCommand(const Symptom* s) const
{
    return probeCommandFor(failingExchange(s));
}

QString DiagnosisContext::probeCommandFor(const http::Exchange& ex)
{
    if (ex.request.url.isEmpty())
        return {};
    QString cmd = QStringLiteral("corsbench-cli probe '%1' --origin '%2'").arg(ex.request.url.toString(), ex.pageOrigin);
    if (ex.request.method != "GET")
        cmd += QStringLiteral(" -X %1").arg(QString::fromUtf8(ex.request.method));
    for (const auto& h : ex.request.headers)
        cmd += QStringLiteral(" -H '%1: %2'").arg(QString::fromUtf8(h.name), QString::fromUtf8(h.value));
    if (ex.request.credentials == http::CredentialsMode::Include)
        cmd += QStringLiteral(" --credentials include");
    return cmd;
}

} // namespace corsbench::diagnosis
