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

Result<net::ProxySettings> proxySettingsFromText(const QString& text)
{
    const QString t = text.trimmed();
    net::ProxySettings settings;
    if (t.isEmpty() || t.compare(u"system", Qt::CaseInsensitive) == 0)
        return settings; // Mode::Environment
    if (t.compare(u"none", Qt::CaseInsensitive) == 0 || t.compare(u"direct", Qt::CaseInsensitive) == 0) {
        settings.mode = net::ProxySettings::Mode::None;
        return settings;
    }
    const QUrl url(t.contains(u"://") ? t : QStringLiteral("http://") + t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || t.contains(u' '))
        return makeError(ErrorCode::InvalidArgument,
            QObject::tr("The proxy must be \"system\", \"none\" or an http:// proxy URL such as "
                        "http://127.0.0.1:3128, not \"%1\".")
                .arg(text));
    if (url.scheme().compare(u"http", Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::UnsupportedValue,
            QObject::tr("Only http:// proxies are supported (https:// targets go through a CONNECT tunnel), not "
                        "\"%1\".")
                .arg(url.scheme()));
    if ((!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment())
        return makeError(ErrorCode::InvalidArgument,
            QObject::tr("A proxy URL is scheme://host:port without a path, not \"%1\".").arg(text));
    settings.mode = net::ProxySettings::Mode::Explicit;
    settings.url = url;
    return settings;
}

Result<net::ProbeOptions> probeOptions(const ProbeInput& input)
{
    net::ProbeOptions options;
    const int totalMs = qMax(1, input.timeoutSeconds) * 1000;
    options.transport.totalTimeoutMs = totalMs;
    options.transport.connectTimeoutMs = qMin(options.transport.connectTimeoutMs, totalMs);
    options.transport.insecure = input.insecure;
    options.sendAnyway = input.sendAnyway;
    const QString cookie = input.cookie.trimmed();
    if (cookie.contains(u'\n') || cookie.contains(u'\r'))
        return makeError(
            ErrorCode::InvalidArgument, QObject::tr("The cookie must be one line (name=value; name2=value2)."));
    options.cookie = cookie.toUtf8();
    Result<net::ProxySettings> proxy = proxySettingsFromText(input.proxy);
    if (!proxy)
        return proxy.error();
    options.transport.proxy = proxy.value();
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
    QString text = m_transport.isEmpty() ? tr("no transport") : m_transport;
    if (!m_proxy.isEmpty())
        text += tr(" · %1").arg(m_proxy);
    text += tr(" · %1 ms").arg(QString::number(m_totalMs, 'f', 0));
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
    Result<net::ProbeOptions> options = probeOptions(input);
    if (!options) {
        Q_EMIT failed(options.error().message);
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    Q_EMIT started(tr("Probing %1 %2 from %3…")
                       .arg(QString::fromLatin1(intent->method), intent->url.toDisplayString(), input.pageOrigin));
    net::probeAsync(options.value(), input.pageOrigin.trimmed(), intent.value(), this,
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
    m_proxy = probe.proxy();
    m_totalMs = probe.totalMs;
    m_networkFailure = probe.networkFailure;
    m_networkError = probe.networkError;
    io::WriteOptions options;
    options.redactSecrets = false; // stays on this machine
    Q_EMIT finished(QString::fromUtf8(io::writeExchange(probe.exchange, options)), probe.networkFailure);
}

} // namespace corsbench::ui
