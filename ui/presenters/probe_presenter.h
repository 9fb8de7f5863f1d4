// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/net/prober.h"
#include "core/net/timings.h"
#include "core/support/result.h"
#include "ui/timeline/timeline_steps.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace corsbench::ui {

/// What the probe dialog collects: plain values, no widgets.
struct ProbeInput
{
    QString url;
    QString pageOrigin;
    QString method = QStringLiteral("GET");
    QString headers; // one "Name: value" per line
    QString body;
    http::CredentialsMode credentials = http::CredentialsMode::SameOrigin;
    int timeoutSeconds = 30;
    bool insecure = false;
    bool sendAnyway = false;
    QString cookie; // Cookie header, sent when credentials are "include" (or same-origin)
    QString proxy; // "system" (or empty): environment variables; "none": direct; else http://host:port
    friend bool operator==(const ProbeInput&, const ProbeInput&) = default;
};

/// The request the prober should fire for `input`. Errors: empty/invalid URL, a header line
/// without "Name: value".
[[nodiscard]] Result<http::RequestIntent> probeIntent(const ProbeInput& input);
/// Transport, cookie and proxy for `input`. Errors: a cookie with a line break, a proxy that is
/// neither "system", "none" nor an http:// proxy URL with a host.
[[nodiscard]] Result<net::ProbeOptions> probeOptions(const ProbeInput& input);
/// The proxy field: "" or "system" → environment (http_proxy, https_proxy, no_proxy);
/// "none"/"direct" → no proxy; "host:port" or "http://[user:pass@]host[:port]" → that proxy.
[[nodiscard]] Result<net::ProxySettings> proxySettingsFromText(const QString& text);
/// The hidden `--probe URL --origin ORIGIN` start-up options of the GUI (screenshots, demos).
/// Errors: a URL without an origin, or the other way round. Empty URL and origin: no probe.
[[nodiscard]] Result<std::optional<ProbeInput>> probeInputFromArguments(const QString& url, const QString& origin);
/// True when the target is not on this machine: the GUI asks before sending.
bool probeNeedsConfirmation(const ProbeInput& input);

/// Runs a probe off the GUI thread and hands back the recorded exchange as JSON (unredacted:
/// it stays local) for the exchange presenter to judge. Keeps the timings and transport.
class ProbePresenter : public QObject
{
    Q_OBJECT
public:
    explicit ProbePresenter(QObject* parent = nullptr);

    bool isRunning() const { return m_running; }
    /// Of the last completed probe.
    const QList<net::Timings>& timings() const { return m_timings; }
    /// Durations of the recorded exchange's preflight and hops, for the timeline.
    const StepTimings& stepTimings() const { return m_stepTimings; }
    const QString& transport() const { return m_transport; }
    /// How the last probe reached the server: "direct (no proxy configured)", "HTTP proxy …".
    const QString& proxy() const { return m_proxy; }
    double totalMs() const { return m_totalMs; }
    bool networkFailure() const { return m_networkFailure; }
    const QString& networkError() const { return m_networkError; }
    /// "raw HTTP/1.1 over TCP · direct (no proxy configured) · 12 ms" — transport, proxy, time —
    /// plus the network error; empty before the first probe.
    QString summary() const;

public Q_SLOTS:
    /// Emits started() then, later, finished() or failed() — unless cancelled. Ignored while running.
    void start(const corsbench::ui::ProbeInput& input);
    /// Drops the running probe's result (the worker ends on its own, bounded by the timeouts).
    void cancel();

Q_SIGNALS:
    void started(const QString& description);
    void finished(const QString& exchangeJson, bool networkFailure);
    /// Nothing was sent (bad input).
    void failed(const QString& message);
    void cancelled();

private:
    void onDone(quint64 generation, Result<net::ProbeResult> result);

    quint64 m_generation = 0;
    bool m_running = false;
    QList<net::Timings> m_timings;
    StepTimings m_stepTimings;
    QString m_transport;
    QString m_proxy;
    QString m_networkError;
    double m_totalMs = 0;
    bool m_networkFailure = false;
};

} // namespace corsbench::ui
