// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/net/scanner.h"
#include "core/support/result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace corsbench::ui {

class ScanFindingsModel;
class ScanProbesModel;

/// What the scan dialog collects: plain values, no widgets.
struct ScanInput
{
    QString url;
    QString baseOrigin; // empty: the first allowed origin, else the URL's own origin
    QString allowOrigins; // origins that must work, one per line
    http::CredentialsMode credentials = http::CredentialsMode::Include;
    int delayMs = 0;
    int maxRequests = 40;
    int timeoutSeconds = 10;
    QString cookie; // empty with "include": the scanner sends corsbench_scan=1
    QString proxy; // as ProbeInput::proxy
    friend bool operator==(const ScanInput&, const ScanInput&) = default;
};

/// A validated scan: the target and the scanner's options.
struct ScanPlan
{
    QUrl url;
    net::ScanOptions options;
};

/// Errors (with a message for the user): URL not absolute http(s), an invalid base or allowed
/// origin (named with its line), delay or budget out of range, a bad cookie or proxy.
[[nodiscard]] Result<ScanPlan> scanPlan(const ScanInput& input);
/// True when the target is not on this machine: the GUI asks before sending crafted origins.
bool scanNeedsConfirmation(const ScanInput& input);
/// The question the dialog shows when scanNeedsConfirmation() (rich text, host escaped).
QString scanConfirmationQuestion(const ScanInput& input);
/// The hidden `--scan URL [--allow ORIGIN]...` start-up options. Empty URL and no origins: no
/// scan. Errors: --allow without --scan, or an input scanPlan() rejects.
[[nodiscard]] Result<std::optional<ScanInput>> scanInputFromArguments(const QString& url, const QStringList& allow);

/// The scan's one verdict (as `corsbench-cli scan` defines it) with its two sides spelled out.
struct ScanVerdict
{
    enum class Outcome { Pass, Fail, Unreachable, Incomplete };
    Outcome outcome = Outcome::Incomplete;
    QString label; // "PASS", "FAIL", "UNREACHABLE", "INCOMPLETE"
    QString headline; // "PASS — …", "FAIL — …"
    QString allowedSide; // the origins that must work
    QString craftedSide; // the crafted origins
};
ScanVerdict scanVerdict(const net::ScanReport& report);

/// Runs a scan off the GUI thread, reports progress, and exposes the report through two item
/// models and a verdict. Cancelling stops between probes: the partial report still arrives
/// (marked cancelled) and the presenter goes back to idle.
class ScanPresenter : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Cancelling };
    Q_ENUM(State)

    explicit ScanPresenter(QObject* parent = nullptr);
    /// Cancels a running scan and waits for its worker (at most one request's timeout).
    ~ScanPresenter() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    /// The last finished or cancelled scan; null before the first.
    std::shared_ptr<const net::ScanReport> report() const { return m_report; }
    const ScanVerdict& verdict() const { return m_verdict; }
    ScanFindingsModel* findingsModel() const { return m_findings; }
    ScanProbesModel* probesModel() const { return m_probes; }
    /// The evidence exchange of findings-model row `row` as exchange JSON (unredacted: it stays
    /// on this machine); empty when `row` is out of range.
    QString evidenceJson(int row) const;

public Q_SLOTS:
    /// Unless `confirmed`, a non-loopback target only emits confirmationNeeded(). Bad input emits
    /// failed(); otherwise started(), progressed()… and finished(). Ignored while running.
    void start(const corsbench::ui::ScanInput& input, bool confirmed = false);
    /// Stops after the request in flight; finished() follows with the partial report.
    void cancel();
    /// Emits evidenceOpened() for findings-model row `row`.
    void openEvidence(int row);

Q_SIGNALS:
    void confirmationNeeded(const corsbench::ui::ScanInput& input, const QString& question);
    void started(const QString& description);
    /// `text`: requests sent / budget and the origin being tried; `done`/`planned`: probes.
    void progressed(const QString& text, int done, int planned);
    void stateChanged(corsbench::ui::ScanPresenter::State state);
    /// report(), verdict() and the models hold the new scan.
    void finished();
    /// Nothing was sent (bad input) or the scanner refused the input.
    void failed(const QString& message);
    void evidenceOpened(const QString& exchangeJson, const QString& title);

private:
    void setState(State state);
    void onProgress(quint64 generation, const net::ScanProgress& progress);
    void onDone(quint64 generation, Result<net::ScanReport> result);

    State m_state = State::Idle;
    quint64 m_generation = 0;
    int m_delayMs = 0; // of the running scan
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QPointer<QThread> m_worker;
    std::shared_ptr<const net::ScanReport> m_report;
    ScanVerdict m_verdict;
    ScanFindingsModel* m_findings = nullptr;
    ScanProbesModel* m_probes = nullptr;
};

} // namespace corsbench::ui
