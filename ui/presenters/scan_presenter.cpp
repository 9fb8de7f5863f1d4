// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/scan_presenter.h"

#include "core/http/origin.h"
#include "core/io/exchange_json.h"
#include "ui/models/scan_findings_model.h"
#include "ui/models/scan_probes_model.h"
#include "ui/presenters/probe_presenter.h"

#include <QThread>

#include <utility>

namespace corsbench::ui {

namespace {

constexpr int kMaxDelayMs = 60000;
constexpr int kMaxBudget = 40; // the bound, as in the CLI

Error inputError(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

QString severityCounts(const QList<net::ScanFinding>& findings, bool* anyFailing)
{
    int counts[5] = {};
    for (const net::ScanFinding& f : findings) {
        if (f.id == QLatin1String("allowed-origin-blocked"))
            continue; // the allowed side
        ++counts[static_cast<int>(f.severity)];
    }
    *anyFailing = counts[0] + counts[1] + counts[2] + counts[3] > 0;
    QStringList parts;
    for (const net::Severity s : { net::Severity::Critical, net::Severity::High, net::Severity::Medium,
             net::Severity::Low, net::Severity::Info }) {
        if (const int n = counts[static_cast<int>(s)]; n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(net::toString(s));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

Result<ScanPlan> scanPlan(const ScanInput& input)
{
    const QString urlText = input.url.trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    if (urlText.isEmpty() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https"))
        return inputError(
            QObject::tr("The URL to scan must be an absolute http:// or https:// URL, not \"%1\".").arg(input.url));

    ScanPlan plan;
    plan.url = url;
    net::ScanOptions& options = plan.options;
    const QStringList lines = input.allowOrigins.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        Result<http::Origin> origin = http::Origin::parse(line);
        if (!origin)
            return inputError(QObject::tr("Allowed origin on line %1 is not an origin (scheme://host[:port]): "
                                          "\"%2\" — %3")
                                  .arg(i + 1)
                                  .arg(line, origin.error().message));
        const QString serialized = origin->serialize();
        if (!options.allowOrigins.contains(serialized))
            options.allowOrigins << serialized;
    }
    if (const QString base = input.baseOrigin.trimmed(); !base.isEmpty()) {
        Result<http::Origin> origin = http::Origin::parse(base);
        if (!origin)
            return inputError(QObject::tr("The base origin is not an origin (scheme://host[:port]): \"%1\" — %2")
                                  .arg(base, origin.error().message));
        options.baseOrigin = origin->serialize();
    }
    if (input.delayMs < 0 || input.delayMs > kMaxDelayMs)
        return inputError(QObject::tr("The delay must be between 0 and %1 ms.").arg(kMaxDelayMs));
    if (input.maxRequests < 1 || input.maxRequests > kMaxBudget)
        return inputError(QObject::tr("The request budget must be between 1 and %1.").arg(kMaxBudget));
    options.delayMs = input.delayMs;
    options.maxRequests = input.maxRequests;
    options.intent.credentials = input.credentials;

    ProbeInput transport;
    transport.timeoutSeconds = input.timeoutSeconds;
    transport.cookie = input.cookie;
    transport.proxy = input.proxy;
    Result<net::ProbeOptions> probe = probeOptions(transport);
    if (!probe)
        return probe.error();
    options.probe = probe.value();
    return plan;
}

bool scanNeedsConfirmation(const ScanInput& input)
{
    return !net::isLoopbackTarget(QUrl(input.url.trimmed()));
}

QString scanConfirmationQuestion(const ScanInput& input)
{
    const QUrl url(input.url.trimmed());
    return QObject::tr("<p><b>%1</b> is not on this machine (not loopback).</p>"
                       "<p>The scan sends up to %2 requests to %3 with crafted Origin headers (an arbitrary "
                       "origin, <code>null</code>, look-alike domains). Only scan servers you are allowed to "
                       "test.</p><p>Start the scan?</p>")
        .arg(url.host().toHtmlEscaped())
        .arg(input.maxRequests)
        .arg(url.toDisplayString().toHtmlEscaped());
}

Result<std::optional<ScanInput>> scanInputFromArguments(const QString& url, const QStringList& allow)
{
    if (url.isEmpty() && allow.isEmpty())
        return std::optional<ScanInput> {};
    if (url.isEmpty())
        return inputError(QObject::tr("--allow needs --scan URL"));
    ScanInput input;
    input.url = url.trimmed();
    input.allowOrigins = allow.join(u'\n');
    if (Result<ScanPlan> plan = scanPlan(input); !plan)
        return plan.error();
    return std::optional<ScanInput> { input };
}

ScanVerdict scanVerdict(const net::ScanReport& report)
{
    int mustTotal = 0;
    int mustOk = 0;
    int crafted = 0;
    int craftedAccepted = 0;
    int unanswered = 0;
    QStringList mustBlocked;
    for (const net::ScanProbe& p : report.probes) {
        if (p.networkFailure) {
            ++unanswered;
            continue;
        }
        if (p.mustPass) {
            ++mustTotal;
            if (p.allowed)
                ++mustOk;
            else
                mustBlocked << p.origin;
        } else {
            ++crafted;
            craftedAccepted += p.allowed ? 1 : 0;
        }
    }

    ScanVerdict v;
    if (mustTotal == 0)
        v.allowedSide = QObject::tr("Allowed origins: none given — only the crafted side is judged.");
    else if (mustOk == mustTotal)
        v.allowedSide = QObject::tr("Allowed origins: all %1 work.").arg(mustTotal);
    else
        v.allowedSide = QObject::tr("Allowed origins: %1 of %2 work — blocked: %3.")
                            .arg(mustOk)
                            .arg(mustTotal)
                            .arg(mustBlocked.join(QStringLiteral(", ")));

    bool craftedFailing = false;
    const QString counts = severityCounts(report.findings, &craftedFailing);
    if (crafted == 0)
        v.craftedSide = QObject::tr("Crafted origins: none tried.");
    else if (craftedAccepted == 0 && !craftedFailing)
        v.craftedSide = QObject::tr("Crafted origins: all %1 refused.").arg(crafted);
    else
        v.craftedSide =
            QObject::tr("Crafted origins: %1 of %2 accepted by the browser.").arg(craftedAccepted).arg(crafted);
    if (!counts.isEmpty())
        v.craftedSide += QObject::tr(" Findings: %1.").arg(counts);
    if (unanswered > 0)
        v.craftedSide += QObject::tr(" %1 probe(s) got no HTTP response.").arg(unanswered);

    const bool allowedFailing = mustOk < mustTotal;
    if (report.unreachable) {
        v.outcome = ScanVerdict::Outcome::Unreachable;
        v.headline = QObject::tr("UNREACHABLE — no probe got an HTTP response");
    } else if (report.pass()) {
        v.outcome = ScanVerdict::Outcome::Pass;
        v.headline = QObject::tr("PASS — the allowed origins work and every crafted origin is refused");
    } else if (report.cancelled && !allowedFailing && !craftedFailing) {
        v.outcome = ScanVerdict::Outcome::Incomplete;
        v.headline =
            QObject::tr("INCOMPLETE — cancelled after %1 requests; nothing found so far").arg(report.requestsSent);
    } else {
        v.outcome = ScanVerdict::Outcome::Fail;
        if (craftedFailing && allowedFailing)
            v.headline = QObject::tr("FAIL — crafted origins are trusted and an origin that must work is blocked");
        else if (allowedFailing)
            v.headline = QObject::tr("FAIL — an origin that must work is blocked");
        else
            v.headline = QObject::tr("FAIL — the server trusts origins it should refuse");
        if (report.cancelled)
            v.headline += QObject::tr(" (scan cancelled: partial results)");
    }
    v.label = v.headline.section(QStringLiteral(" — "), 0, 0);
    return v;
}

ScanPresenter::ScanPresenter(QObject* parent)
    : QObject(parent)
    , m_findings(new ScanFindingsModel(this))
    , m_probes(new ScanProbesModel(this))
{
}

ScanPresenter::~ScanPresenter()
{
    if (m_cancel)
        m_cancel->store(true);
    // The worker posts to this object: it must be gone before we are.
    if (m_worker)
        m_worker->wait();
}

void ScanPresenter::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString ScanPresenter::evidenceJson(int row) const
{
    if (row < 0 || row >= m_findings->rowCount())
        return {};
    io::WriteOptions options;
    options.redactSecrets = false; // stays on this machine
    return QString::fromUtf8(io::writeExchange(m_findings->finding(row).exchange, options));
}

void ScanPresenter::openEvidence(int row)
{
    const QString json = evidenceJson(row);
    if (json.isEmpty())
        return;
    const net::ScanFinding& f = m_findings->finding(row);
    Q_EMIT evidenceOpened(json, tr("scan evidence: %1 from %2").arg(f.id, f.origin));
}

void ScanPresenter::start(const ScanInput& input, bool confirmed)
{
    if (isRunning())
        return;
    Result<ScanPlan> plan = scanPlan(input);
    if (!plan) {
        Q_EMIT failed(plan.error().message);
        return;
    }
    if (!confirmed && scanNeedsConfirmation(input)) {
        Q_EMIT confirmationNeeded(input, scanConfirmationQuestion(input));
        return;
    }

    const quint64 generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    net::ScanOptions options = plan->options;
    options.cancelRequested = [cancel] { return cancel->load(); };
    // Called on the worker thread; `this` outlives the worker (see the destructor).
    options.progress = [this, generation](const net::ScanProgress& p) {
        QMetaObject::invokeMethod(
            this, [this, generation, p] { onProgress(generation, p); }, Qt::QueuedConnection);
    };
    m_delayMs = plan->options.delayMs;
    const QUrl url = plan->url;
    QThread* worker = QThread::create([this, generation, url, options] {
        auto result = std::make_shared<Result<net::ScanReport>>(net::Scanner(options).scan(url));
        QMetaObject::invokeMethod(
            this, [this, generation, result] { onDone(generation, std::move(*result)); }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    setState(State::Running);
    Q_EMIT started(tr("Scanning %1 with crafted origins…").arg(url.toDisplayString()));
    Q_EMIT progressed(tr("0 / %1 requests · starting").arg(plan->options.maxRequests), 0, 0);
    worker->start();
}

void ScanPresenter::cancel()
{
    if (m_state != State::Running)
        return;
    m_cancel->store(true);
    setState(State::Cancelling);
    Q_EMIT progressed(tr("Cancelling — waiting for the request in flight…"), -1, -1);
}

void ScanPresenter::onProgress(quint64 generation, const net::ScanProgress& p)
{
    if (generation != m_generation || m_state != State::Running)
        return;
    const QString sent = tr("%1 / %2 requests").arg(p.requestsSent).arg(p.budget);
    QString text = p.probeFinished ? tr("%1 · answered: %2").arg(sent, p.origin)
                                   : tr("%1 · trying %2 (%3)").arg(sent, p.origin, p.purpose);
    if (p.probeFinished && m_delayMs > 0 && p.probesDone < p.probesPlanned)
        text += tr(" · next in %1 ms").arg(m_delayMs);
    Q_EMIT progressed(text, p.probesDone, p.probesPlanned);
}

void ScanPresenter::onDone(quint64 generation, Result<net::ScanReport> result)
{
    if (generation != m_generation)
        return;
    m_worker = nullptr; // deletes itself
    if (!result) {
        setState(State::Idle);
        Q_EMIT failed(result.error().message);
        return;
    }
    m_report = std::make_shared<const net::ScanReport>(std::move(result).value());
    m_verdict = scanVerdict(*m_report);
    m_findings->setFindings(m_report->findings);
    m_probes->setProbes(m_report->probes);
    setState(State::Idle);
    Q_EMIT finished();
}

} // namespace corsbench::ui
