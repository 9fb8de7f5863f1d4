// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/net/probe_report.h"

#include "core/io/exchange_json.h"
#include "core/io/verdict_json.h"

#include <QJsonValue>

namespace corsbench::net {

namespace {

QJsonValue msValue(double v)
{
    if (v < 0)
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(qRound(v * 1000.0) / 1000.0);
}

QString msText(double v)
{
    if (v < 0)
        return QStringLiteral("-");
    return QString::number(v, 'f', 1);
}

QString printableHead(const QByteArray& raw)
{
    QString s;
    s.reserve(raw.size());
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r')
            continue;
        if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f))
            s += QLatin1Char(static_cast<char>(c));
        else
            s += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return s;
}

QByteArray redactedHead(const QByteArray& raw, bool redact)
{
    if (!redact)
        return raw;
    QList<QByteArray> lines = raw.split('\n');
    for (QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && io::isSecretHeader(line.left(colon)))
            line = line.left(colon) + ": [redacted]" + (line.endsWith('\r') ? "\r" : "");
    }
    return lines.join('\n');
}

QByteArray requestHeadBytes(const Transfer& t)
{
    const qsizetype end = t.rawRequest.indexOf("\r\n\r\n");
    return end < 0 ? t.rawRequest : t.rawRequest.left(end + 2);
}

} // namespace

QString stepLabel(const ProbeStep& step)
{
    switch (step.kind) {
    case StepKind::Preflight:
        return QStringLiteral("preflight");
    case StepKind::Actual:
        return step.hop == 0 ? QStringLiteral("actual") : QStringLiteral("actual hop %1").arg(step.hop + 1);
    case StepKind::RedirectPreflight:
        return QStringLiteral("preflight after redirect %1").arg(step.hop);
    case StepKind::SentAnyway:
        return QStringLiteral("actual (sent anyway)");
    }
    return {};
}

QJsonArray timingsToJson(const ProbeResult& result)
{
    QJsonArray arr;
    for (const ProbeStep& s : result.steps) {
        const Timings& tm = s.transfer.timings;
        QJsonObject o;
        o[QStringLiteral("phase")] = toString(s.kind);
        o[QStringLiteral("label")] = stepLabel(s);
        if (s.hop >= 0)
            o[QStringLiteral("hop")] = s.hop;
        o[QStringLiteral("method")] = QString::fromLatin1(s.transfer.request.method);
        o[QStringLiteral("url")] = s.transfer.request.url.toString();
        o[QStringLiteral("start_ms")] = msValue(tm.startMs);
        o[QStringLiteral("dns_done_ms")] = msValue(tm.dnsDoneMs);
        o[QStringLiteral("connected_ms")] = msValue(tm.connectedMs);
        o[QStringLiteral("tls_done_ms")] = msValue(tm.tlsDoneMs);
        o[QStringLiteral("request_sent_ms")] = msValue(tm.requestSentMs);
        o[QStringLiteral("first_byte_ms")] = msValue(tm.firstByteMs);
        o[QStringLiteral("end_ms")] = msValue(tm.endMs);
        o[QStringLiteral("total_ms")] = msValue(tm.totalMs());
        o[QStringLiteral("peer")] = s.transfer.peer;
        o[QStringLiteral("reused_connection")] = s.transfer.reusedConnection;
        o[QStringLiteral("transport")] = s.transfer.transport;
        if (!s.transfer.ok())
            o[QStringLiteral("network_error")] = s.transfer.response.networkError;
        arr.append(o);
    }
    return arr;
}

QJsonObject probeResultToJson(const ProbeResult& result, bool redactSecrets)
{
    QJsonObject o = io::verdictToJson(result.verdict);
    io::WriteOptions wo;
    wo.redactSecrets = redactSecrets;
    o[QStringLiteral("exchange")] = io::exchangeToJson(result.exchange, wo);
    o[QStringLiteral("timings")] = timingsToJson(result);
    o[QStringLiteral("total_ms")] = msValue(result.totalMs);
    o[QStringLiteral("transport")] = result.transport();
    o[QStringLiteral("proxy")] = result.proxy();
    o[QStringLiteral("network_error")]
        = result.networkFailure ? QJsonValue(result.networkError) : QJsonValue(QJsonValue::Null);
    QJsonArray requests;
    for (const ProbeStep& s : result.steps) {
        QJsonObject r;
        r[QStringLiteral("label")] = stepLabel(s);
        r[QStringLiteral("phase")] = toString(s.kind);
        r[QStringLiteral("request_head")]
            = QString::fromLatin1(redactedHead(requestHeadBytes(s.transfer), redactSecrets));
        if (s.transfer.ok())
            r[QStringLiteral("response_head")]
                = QString::fromLatin1(redactedHead(s.transfer.rawResponseHead, redactSecrets));
        else
            r[QStringLiteral("network_error")] = s.transfer.response.networkError;
        r[QStringLiteral("error_kind")] = toString(s.transfer.errorKind);
        if (!s.transfer.certificateProblems.isEmpty())
            r[QStringLiteral("certificate_problems")] = QJsonArray::fromStringList(s.transfer.certificateProblems);
        if (!s.transfer.warnings.isEmpty())
            r[QStringLiteral("warnings")] = QJsonArray::fromStringList(s.transfer.warnings);
        r[QStringLiteral("response_body_bytes")] = s.transfer.responseBody.size();
        requests.append(r);
    }
    o[QStringLiteral("requests")] = requests;
    o[QStringLiteral("notes")] = QJsonArray::fromStringList(result.notes);
    return o;
}

QString timelineText(const ProbeResult& result)
{
    QString out = QStringLiteral("Timeline (ms from start; dns/connect/tls/sent/first byte/end)\n");
    int i = 1;
    for (const ProbeStep& s : result.steps) {
        const Timings& tm = s.transfer.timings;
        out += QStringLiteral("  #%1 %2  %3 %4\n")
                   .arg(i++)
                   .arg(stepLabel(s), -22)
                   .arg(QString::fromLatin1(s.transfer.request.method), s.transfer.request.url.toString());
        out += QStringLiteral("     start %1  dns %2  connect %3  tls %4  sent %5  first byte %6  end %7  "
                              "= %8 ms%9\n")
                   .arg(msText(tm.startMs), msText(tm.dnsDoneMs),
                        s.transfer.reusedConnection ? QStringLiteral("(reused)") : msText(tm.connectedMs),
                        msText(tm.tlsDoneMs),
                        msText(tm.requestSentMs), msText(tm.firstByteMs), msText(tm.endMs), msText(tm.totalMs()))
                   .arg(s.transfer.ok() ? QString()
                                        : QStringLiteral("  FAILED: %1").arg(s.transfer.response.networkError));
    }
    if (result.steps.isEmpty())
        out += QStringLiteral("  (nothing was sent)\n");
    out += QStringLiteral("  total %1 ms\n").arg(msText(result.totalMs));
    return out;
}

QString rawHeadsText(const ProbeResult& result)
{
    QString out;
    int i = 1;
    for (const ProbeStep& s : result.steps) {
        out += QStringLiteral("── #%1 %2: request sent ──\n").arg(i).arg(stepLabel(s));
        out += printableHead(redactedHead(requestHeadBytes(s.transfer), true));
        if (!s.transfer.body.isEmpty())
            out += QStringLiteral("[body: %1 bytes]\n").arg(s.transfer.body.size());
        out += QStringLiteral("── #%1 %2: response received ──\n").arg(i).arg(stepLabel(s));
        if (s.transfer.ok()) {
            out += printableHead(redactedHead(s.transfer.rawResponseHead, true));
            QString bodyNote = QStringLiteral("[body: %1 bytes%2]").arg(s.transfer.responseBody.size())
                                   .arg(s.transfer.responseBodyTruncated ? QStringLiteral(", truncated") : QString());
            if (!s.transfer.bodyProblem.isEmpty())
                bodyNote += QStringLiteral(" (%1)").arg(s.transfer.bodyProblem);
            out += bodyNote + QLatin1Char('\n');
        } else {
            out += QStringLiteral("(no HTTP response: %1)\n").arg(s.transfer.response.networkError);
        }
        for (const QString& w : s.transfer.warnings)
            out += QStringLiteral("warning: %1\n").arg(w);
        for (const QString& c : s.transfer.certificateProblems)
            out += QStringLiteral("certificate problem: %1\n").arg(c);
        out += QLatin1Char('\n');
        ++i;
    }
    return out;
}

QString probeResultToText(const ProbeResult& result, bool color)
{
    const http::Exchange& ex = result.exchange;
    QString out = QStringLiteral("Probe: %1 %2 from origin %3\n")
                      .arg(QString::fromLatin1(ex.request.method), ex.request.url.toString(), ex.pageOrigin);
    out += QStringLiteral("Transport: %1; %2\n\n")
               .arg(result.transport().isEmpty() ? QStringLiteral("(nothing sent)") : result.transport(),
                    result.proxy().isEmpty() ? QStringLiteral("direct") : result.proxy());
    out += timelineText(result);
    out += QLatin1Char('\n');
    out += rawHeadsText(result);
    for (const QString& n : result.notes)
        out += QStringLiteral("note: %1\n").arg(n);
    if (result.networkFailure)
        out += QStringLiteral("NETWORK FAILURE: %1\n").arg(result.networkError);
    if (!result.notes.isEmpty() || result.networkFailure)
        out += QLatin1Char('\n');
    out += io::verdictToText(result.verdict, ex, color);
    return out;
}

} // namespace corsbench::net
