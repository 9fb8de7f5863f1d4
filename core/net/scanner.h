// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/net/prober.h"
#include "core/support/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/// A CORS policy audit of one endpoint, the security side: a bounded, sequential set of probes
/// with crafted origins (reflection, null, pre/post-domain tricks, unescaped-dot regexes,
/// http-on-https, subdomains, preflight wildcards). Every finding carries its evidence exchange.
namespace corsbench::net {

enum class Severity { Critical, High, Medium, Low, Info };
QString toString(Severity s);

struct ScanFinding {
    QString id; // stable kebab-case: "origin-reflected", "null-origin-trusted", ...
    Severity severity = Severity::Info;
    QString title;
    QString origin; // the crafted (or allowed) origin that showed it
    QString evidence; // the response header lines that prove it
    http::Exchange exchange; // the evidence exchange (shared format)
    QString why; // why it is exploitable
    QString fix;
};

/// One origin tried during the scan and what the server and the browser made of it.
struct ScanProbe {
    QString origin;
    QString purpose; // "arbitrary origin", "pre-domain trick", "must pass (--allow)", ...
    bool mustPass = false; // an --allow origin
    bool allowed = false; // the browser lets the page read the response (with the scan's credentials)
    QString errorKind; // Chromium CorsError when blocked
    std::optional<QByteArray> acao; // Access-Control-Allow-Origin seen (combined), nullopt = absent
    std::optional<QByteArray> acac;
    bool networkFailure = false;
    QString networkError;
    http::Exchange exchange;
};

/// Where a running scan is, for progress displays.
struct ScanProgress {
    int requestsSent = 0; // so far
    int budget = 0; // ScanOptions::maxRequests
    int probesDone = 0; // origins (and the preflight wildcard probe) finished
    int probesPlanned = 0; // origins planned plus the preflight wildcard probe
    QString origin; // the origin being tried (about to be sent, or just answered)
    QString purpose; // its purpose, as in ScanProbe::purpose
    bool probeFinished = false; // false: `origin` is about to be sent; true: its requests are done
};

struct ScanOptions {
    ScanOptions() { intent.credentials = http::CredentialsMode::Include; }

    ProbeOptions probe; // transport, browser profile, cookie
    http::RequestIntent intent; // method, headers, credentials (default include: the attack case)
    QString baseOrigin; // the legitimate page origin the tricks are built around (default: --allow[0] or the URL's)
    QStringList allowOrigins; // origins that must work
    int delayMs = 0; // pause between requests
    int maxRequests = 40;
    /// Called on the scanning thread before and after each probe. Optional.
    std::function<void(const ScanProgress&)> progress;
    /// Polled on the scanning thread between probes and during the delay; returning true stops
    /// the scan, which then returns the partial report marked `cancelled`. A request already on
    /// the wire is finished first (bounded by the transport timeouts). Optional.
    std::function<bool()> cancelRequested;
};

struct ScanReport {
    QUrl url;
    QString baseOrigin;
    QList<ScanProbe> probes;
    QList<ScanFinding> findings;
    int requestsSent = 0;
    bool budgetExhausted = false;
    bool unreachable = false; // every probe failed at the transport level
    bool cancelled = false; // stopped through ScanOptions::cancelRequested: probes is partial
    QStringList notes;
    /// One verdict for both sides: every --allow origin passes AND every crafted origin fails
    /// (no finding of severity Low or worse). A cancelled scan never passes: not every crafted
    /// origin was tried.
    bool pass() const;
};

class Scanner {
public:
    explicit Scanner(ScanOptions options);
    /// Errors: invalid URL or origins (nothing sent). Runs a local event loop like Prober.
    [[nodiscard]] Result<ScanReport> scan(const QUrl& url) const;

    /// The crafted origins for a base origin, with their purpose (exposed for tests and --dry-run).
    static QList<QPair<QString, QString>> craftedOrigins(const QString& baseOrigin);

private:
    ScanOptions m_options;
};

/// True when `url` points at this machine (localhost, *.localhost, 127.0.0.0/8, ::1). The GUI
/// asks before scanning anything else; the CLI requires the URL to be given explicitly.
bool isLoopbackTarget(const QUrl& url);

QJsonObject scanReportToJson(const ScanReport& report);
QString scanReportToText(const ScanReport& report);

} // namespace corsbench::net
