// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/probe_presenter.h"

#include "core/io/exchange_json.h"
#include "core/net/scanner.h"

#include <QUrl>

namespace corsbench::ui {

Result<http::RequestIntent> probeIntent(const ProbeInput& input)
{
    const QUrl url(input.url.trimmed(), QUrl::StrictMode);
    if (input.url.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https"))
        return makeError(ErrorCode::InvalidArgument,
            QObject::tr("The URL must be an absolute http:// or https:// URL, not \"%1\".").arg(input.url));
    http::RequestIntent intent;
    intent.url = url;
    const QString method = input.method.trimmed();
    intent.method = method.isEmpty() ? QByteArray(input.body.isEmpty() ? "GET" : "POST") : method.toLatin1();
    const QStringList lines = input.headers.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return makeError(ErrorCode::InvalidArgument,
                QObject::tr("Header line %1 is not \"Name: value\": %2").arg(i + 1).arg(line));
        intent.headers.append(line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8());
    }
    if (!input.body.isEmpty()) {
        intent.body = input.body.toUtf8();
        intent.bodyKind = http::BodyKind::Text;
    }
    intent.credentials = input.credentials;
    return intent;
}

net::ProbeOptions probeOptions(const ProbeInput& input)
{
    net::ProbeOptions options;
    const int totalMs = qMax(1, input.timeoutSeconds) * 1000;
    options.transport.totalTimeoutMs = totalMs;
    options.transport.connectTimeoutMs = qMin(options.transport.connectTimeoutMs, totalMs);
    options.transport.insecure = input.insecure;
    options.sendAnyway = input.sendAnyway;
    return options;
}

Result<std::optional<ProbeInput>> probeInputFromArguments(const QString& url, const QString& origin)
{
    if (url.isEmpty() && origin.isEmpty())
        return std::optional<ProbeInput> {};
    if (url.isEmpty() || origin.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QObject::tr("--probe and --origin go together"));
    ProbeInput input;
    input.url = url.trimmed();
    input.pageOrigin = origin.trimmed();
    if (Result<http::RequestIntent> intent = probeIntent(input); !intent)
        return intent.error();
    return std::optional<ProbeInput> { input };
}

bool probeNeedsConfirmation(const ProbeInput& input)
{
    return !net::isLoopbackTarget(QUrl(input.url.trimmed()));
}

ProbePresenter::ProbePresenter(QObject* parent)
    : QObject(parent)
{
}

QString ProbePresenter::summary() const
{
    if (m_transport.isEmpty() && m_networkError.isEmpty())
        return {};
    QString text =
        tr("%1 · %2 ms")
            .arg(m_transport.isEmpty() ? tr("no transport") : m_transport, QString::number(m_totalMs, 'f', 0));
    if (m_networkFailure)
        text += tr(" · network error: %1").arg(m_networkError);
    return text;
}

void ProbePresenter::start(const ProbeInput& input)
{
    if (m_running)
        return;
    Result<http::RequestIntent> intent = probeIntent(input);
    if (!intent) {
        Q_EMIT failed(intent.error().message);
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    Q_EMIT started(tr("Probing %1 %2 from %3…")
                       .arg(QString::fromLatin1(intent->method), intent->url.toDisplayString(), input.pageOrigin));
    net::probeAsync(probeOptions(input), input.pageOrigin.trimmed(), intent.value(), this,
        [this, generation](Result<net::ProbeResult> result) { onDone(generation, std::move(result)); });
}

void ProbePresenter::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    Q_EMIT cancelled();
}

void ProbePresenter::onDone(quint64 generation, Result<net::ProbeResult> result)
{
    if (generation != m_generation)
        return; // cancelled
    m_running = false;
    if (!result) {
        Q_EMIT failed(result.error().message);
        return;
    }
    const net::ProbeResult& probe = result.value();
    m_timings.clear();
    m_stepTimings = {};
    for (const net::ProbeStep& step : probe.steps) {
        m_timings.append(step.transfer.timings);
        const double ms = step.transfer.timings.totalMs();
        if (step.kind == net::StepKind::Preflight) {
            m_stepTimings.preflightMs = ms;
        } else if (step.kind == net::StepKind::Actual && step.hop >= 0) {
            while (m_stepTimings.hopMs.size() <= step.hop)
                m_stepTimings.hopMs.append(-1);
            m_stepTimings.hopMs[step.hop] = ms;
        }
    }
    m_transport = probe.transport();
    m_totalMs = probe.totalMs;
    m_networkFailure = probe.networkFailure;
    m_networkError = probe.networkError;
    io::WriteOptions options;
    options.redactSecrets = false; // stays on this machine
    Q_EMIT finished(QString::fromUtf8(io::writeExchange(probe.exchange, options)), probe.networkFailure);
}

} // namespace corsbench::ui
