// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"
#include "core/net/browser_profile.h"
#include "core/net/transport.h"
#include "core/support/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace corsbench::net {

struct ProbeOptions {
    TransportOptions transport;
    BrowserProfile browser;
    QString pageUrl; // URL of the calling page; default: the page origin + "/"
    QByteArray cookie; // Cookie header for credentials "include" (and same-origin requests)
    bool sendAnyway = false; // send the actual request even when a browser would not
    int maxRedirects = 20; // Fetch's limit
};

enum class StepKind {
    Preflight, // the preflight for the original URL (Exchange::preflight)
    Actual, // one hop of the actual request (Exchange::actual[hop])
    RedirectPreflight, // a new preflight Chromium sends after following a redirect
    SentAnyway, // an actual request a browser would NOT have sent (ProbeOptions::sendAnyway)
};

QString toString(StepKind kind);

/// One request that went on the wire during a probe, in the order sent.
struct ProbeStep {
    StepKind kind = StepKind::Actual;
    int hop = -1; // Exchange::actual index for Actual; redirect number for RedirectPreflight
    Transfer transfer;
};

/// The outcome of one probe: the exchange as a browser saw it (what `--save` writes and
/// `check` judges offline), the engine's verdict on it, and every transfer with its timings.
struct ProbeResult {
    http::Exchange exchange;
    cors::Verdict verdict;
    QList<ProbeStep> steps;
    QStringList notes; // what the prober did and why ("actual request not sent: ...")
    /// A transport failure (refused, timeout, TLS, ...) decided the outcome: CLI exit 3.
    bool networkFailure = false;
    QString networkError; // its message
    double totalMs = 0;

    QString transport() const; // of the first step, e.g. "raw HTTP/1.1 over TCP"
    QString proxy() const;
};

/// Changes applied to a saved exchange's request before replaying it.
struct ReplayEdits {
    std::optional<QString> pageOrigin;
    std::optional<QByteArray> method;
    std::optional<QUrl> url;
    http::HeaderList setHeaders; // replace (or add) author headers by name
    QList<QByteArray> removeHeaders; // author header names to drop
    std::optional<QByteArray> body;
    std::optional<http::CredentialsMode> credentials;
};

struct ReplayResult {
    ProbeResult probe;
    QStringList diff; // diffExchanges(saved, probe.exchange) plus the verdict change
};

/// Fires the requests a browser would fire for one fetch() and judges them with the CORS
/// engine. Synchronous: each call runs a local event loop until done (bounded by the
/// timeouts), so call it from a thread with a Qt event dispatcher — the CLI's main thread,
/// or a worker thread (see probeAsync) for the GUI.
class Prober {
public:
    explicit Prober(ProbeOptions options = {});

    const ProbeOptions& options() const { return m_options; }

    /// Errors: invalid page origin or URL (nothing is sent). Transport failures are not errors:
    /// they are `network_error` responses inside the result.
    [[nodiscard]] Result<ProbeResult> probe(const QString& pageOrigin, const http::RequestIntent& intent) const;

    /// Re-sends a saved exchange's request (with edits) and diffs the new exchange against it.
    [[nodiscard]] Result<ReplayResult> replay(const http::Exchange& saved, const ReplayEdits& edits = {}) const;

private:
    ProbeOptions m_options;
};

/// Runs Prober::probe on a worker thread and calls `done` on `context`'s thread when finished
/// (dropped if `context` is destroyed first). For the GUI: never blocks the caller.
void probeAsync(const ProbeOptions& options, const QString& pageOrigin, const http::RequestIntent& intent,
                QObject* context, std::function<void(Result<ProbeResult>)> done);

/// Readable differences between two exchanges: request changes, preflight sent or not, status
/// lines, and per-header additions/removals/changes (wire-order, case-insensitive names).
/// Headers named in `ignore` (lower-case; default: date) are not compared. Empty = identical.
QStringList diffExchanges(const http::Exchange& before, const http::Exchange& after,
                          const QList<QByteArray>& ignore = { QByteArray("date") });

} // namespace corsbench::net
