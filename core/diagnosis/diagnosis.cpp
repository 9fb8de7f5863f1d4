// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/diagnosis/diagnosis.h"

#include "core/diagnosis/diagnosis_context.h"
#include "core/diagnosis/fix_bridge.h"
#include "core/diagnosis/rule.h"
#include "core/cors/cors_engine.h"
#include "core/frameworks/config_parser.h"
#include "core/frameworks/server_model.h"
#include "core/ingest/ingest.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace corsbench::diagnosis {

bool Diagnosis::conclusive() const
{
    for (const Cause& c : causes) {
        if (c.confidence >= 0.5)
            return true;
    }
    return false;
}

namespace {

void merge(QList<Cause>& causes, Cause&& c)
{
    for (Cause& existing : causes) {
        if (existing.id == c.id) {
            if (c.confidence > existing.confidence) {
                std::swap(existing, c);
            }
            addEvidence(existing, c.evidence);
            if (existing.reproduced)
                return; // the replay settled what the generic reading would still ask for
            for (const QString& m : c.missingEvidence) {
                if (!existing.missingEvidence.contains(m))
                    existing.missingEvidence.append(m);
            }
            return;
        }
    }
    causes.append(std::move(c));
}

QStringList globalMissingEvidence(const ingest::IngestResult& input, const QList<Cause>& causes)
{
    bool console = false;
    bool server = false;
    bool exchange = false;
    for (const auto& e : input.evidence) {
        console = console || e.console.has_value();
        server = server || e.server.has_value();
        exchange = exchange || !e.exchanges.isEmpty();
    }
    QStringList out;
    const bool strong = !causes.isEmpty() && causes.first().confidence >= 0.8;
    if (!console && !exchange)
        out << QStringLiteral("the browser console line (Chrome: \"Access to fetch at … has been blocked by CORS policy: …\")");
    if (!strong && !exchange)
        out << QStringLiteral("the preflight and actual response headers (DevTools → Network → Save all as HAR, or corsbench-cli probe)");
    if (!strong && !server)
        out << QStringLiteral("the server's log lines for the same request (uvicorn/gunicorn access log, traceback)");
    return out;
}

QJsonObject fixJson(const FixProposal& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("framework"), f.framework);
    o.insert(QStringLiteral("title"), f.title);
    o.insert(QStringLiteral("diff"), f.diff);
    o.insert(QStringLiteral("snippet"), f.snippet);
    o.insert(QStringLiteral("verification"), f.verification);
    o.insert(QStringLiteral("verified"), f.verified);
    o.insert(QStringLiteral("development_only"), f.developmentOnly);
    return o;
}

/// Parses the user's server code once for every rule; what it found is listed as detected
/// evidence, what it could not read as a note.
std::optional<ServerSnippet> parseSnippet(const DiagnoseOptions& options, const QString& framework, Diagnosis& d)
{
    if (!options.userSnippet || options.userSnippet->trimmed().isEmpty())
        return std::nullopt;
    const auto hint = frameworks::frameworkFromString(framework).value_or(frameworks::Framework::Unknown);
    auto parsed = frameworks::parseServerConfig(*options.userSnippet, hint);
    if (!parsed) {
        d.notes << QStringLiteral("your server code could not be read: %1").arg(parsed.error().message);
        return std::nullopt;
    }
    ServerSnippet s;
    s.config = std::move(parsed.value());
    s.inputLines = options.snippetInputLines;
    s.lines = options.userSnippet->split(u'\n');
    if (s.config.framework == frameworks::Framework::Unknown)
        return std::nullopt;

    ingest::Evidence e;
    e.kind = ingest::EvidenceKind::ServerConfig;
    int first = 0;
    int last = 0;
    // The code starts at its first Python-looking line (stray log lines nothing claimed come before).
    static const QRegularExpression pythonish(QStringLiteral(R"(^(from |import |@|def |async def |class |[A-Za-z_][\w.\[\]"']*\s*(=|\(|:)))"));
    bool started = false;
    for (int i = 0; i < s.lines.size(); ++i) {
        if (s.lines.at(i).trimmed().isEmpty())
            continue;
        started = started || pythonish.match(s.lines.at(i)).hasMatch();
        if (!started)
            continue;
        const int n = s.inputLine(i + 1);
        first = first == 0 ? n : qMin(first, n);
        last = qMax(last, n);
    }
    e.firstLine = first;
    e.lastLine = last;
    if (s.config.middlewareLine > 0)
        e.quote.append(ingest::SourceLine { s.inputLine(s.config.middlewareLine), s.lines.value(s.config.middlewareLine - 1).trimmed() });
    QJsonObject summary;
    summary.insert(QStringLiteral("framework"), frameworks::toString(s.config.framework));
    summary.insert(QStringLiteral("cors_configured"), s.config.middlewarePresent);
    if (!options.snippetInputLines.isEmpty() || first > 0)
        summary.insert(QStringLiteral("source"), options.snippetInputLines.isEmpty() ? QStringLiteral("--config file") : QStringLiteral("pasted"));
    QJsonObject args;
    for (const auto& a : s.config.arguments)
        args.insert(a.name, a.value.repr());
    if (!args.isEmpty())
        summary.insert(QStringLiteral("options"), args);
    e.summary = summary;
    for (const auto& issue : s.config.issues)
        e.notes << QStringLiteral("line %1 not understood: %2").arg(s.inputLine(issue.line)).arg(issue.message);
    for (const auto& a : s.config.arguments) {
        if (a.environmentDependent)
            e.notes << QStringLiteral("line %1: %2 depends on the environment; the default %3 is assumed").arg(s.inputLine(a.line)).arg(a.name, a.value.repr());
    }
    e.notes += s.config.notes;
    if (!s.config.startupError.isEmpty())
        e.notes << QStringLiteral("this app does not start: %1").arg(s.config.startupError);
    d.input.evidence.append(e);
    return s;
}

/// A replay of the user's own configuration outranks the generic reading of the same symptom.
void preferReplays(QList<Cause>& causes)
{
    double best = 0;
    for (const Cause& c : causes) {
        if (c.reproduced)
            best = qMax(best, c.confidence);
    }
    if (best <= 0)
        return;
    for (Cause& c : causes) {
        if (!c.reproduced && c.id == u"preflight-rejected")
            c.confidence = qMin(c.confidence, best) * 0.6;
    }
}

/// A cause read from logs or console lines that the user's own code, replayed, does not show:
/// the code as given already lets that request through, so the server that failed runs other
/// code or settings. Said on the cause (confidence lowered, no edit offered) and as its own cause.
void crossCheckWithSnippet(const DiagnosisContext& ctx, QList<Cause>& causes)
{
    if (!ctx.snippet() || ctx.snippet()->config.framework == frameworks::Framework::Unknown)
        return;
    static const QStringList configCauses = { QStringLiteral("origin-not-allowed"), QStringLiteral("methods-default"),
        QStringLiteral("header-not-allowed"), QStringLiteral("authorization-not-allowed"), QStringLiteral("credentials-with-wildcard"),
        QStringLiteral("credentials-mode-mismatch"), QStringLiteral("middleware-missing"), QStringLiteral("aiohttp-route-not-added") };
    const frameworks::ServerModel model = frameworks::ServerModel::fromConfig(ctx.snippet()->config);
    const cors::CorsEngine engine;
    bool contradicted = false;
    std::optional<Cause> notRunning;
    for (Cause& c : causes) {
        if (c.reproduced || !c.failing || !configCauses.contains(c.id))
            continue;
        bool allowed = true;
        for (bool cookie : { false, true }) {
            if (cookie && c.failing->request.credentials != http::CredentialsMode::Include)
                continue;
            frameworks::SimulationOptions so;
            so.sendCookie = cookie;
            allowed = allowed && engine.evaluate(frameworks::simulateExchange(model, *c.failing, so)).allowed;
        }
        if (!allowed)
            continue;
        contradicted = true;
        c.confidence *= 0.6;
        c.withholdFixes = true;
        c.explanation += QStringLiteral(" However, your code as given already allows this request (%1 %2 from %3, replayed against it): "
                                        "the server that produced this evidence is not running this code or these settings.")
                             .arg(QString::fromUtf8(c.failing->request.method), c.failing->request.url.path(), c.failing->pageOrigin);
        if (!notRunning) {
            notRunning = Cause {};
            notRunning->id = QStringLiteral("config-not-what-runs");
            notRunning->title = QStringLiteral("The code you gave allows this request: the server that answered runs something else");
            notRunning->confidence = qMax(0.6, c.confidence + 0.05);
            notRunning->failedCheck = c.failedCheck;
            notRunning->evidence = c.evidence;
            if (ctx.snippet()->config.middlewareLine > 0)
                addEvidence(*notRunning, { ctx.snippet()->quote(ctx.snippet()->config.middlewareLine) });
            notRunning->explanation = QStringLiteral(
                "Replaying %1 %2 from %3 against the configuration you gave lets the browser read the response, but the evidence "
                "shows the server refusing it. Usual reasons: the server was not restarted after the change, another process or an "
                "old container answers on that port, a proxy or gateway answers the OPTIONS request itself, or an environment "
                "variable gives the allow-list another value in that deployment.")
                                          .arg(QString::fromUtf8(c.failing->request.method), c.failing->request.url.path(), c.failing->pageOrigin);
            notRunning->whatToDo << QStringLiteral("Restart the server and probe it; compare its answer with `corsbench-cli simulate` on the same file.");
            notRunning->probeCommand = DiagnosisContext::probeCommandFor(*c.failing);
        }
    }
    if (contradicted && notRunning) {
        for (const Cause& c : causes) {
            if (c.id == notRunning->id)
                return;
        }
        causes.append(*notRunning);
    }
}

/// Only fixes that change something are kept (an unconfirmed one stays flagged verified=false),
/// and a cause without any confirmed fix says what would get one.
QList<FixProposal> keepHonestFixes(Cause& cause, QList<FixProposal> fixes, const std::optional<QString>& userSnippet)
{
    QList<FixProposal> kept;
    bool anyVerified = false;
    for (FixProposal& f : fixes) {
        if (!f.verified && userSnippet && f.diff.isEmpty() && f.snippet.trimmed() == userSnippet->trimmed())
            continue; // "fix" that leaves the code as it is
        anyVerified = anyVerified || f.verified;
        kept.append(std::move(f));
    }
    if (!anyVerified && cause.failing) {
        cause.whatToDo << (cause.reproduced ? QStringLiteral("No change tried makes the replayed request pass; the fixes below are shown unverified.")
                                            : QStringLiteral("No verified fix: the evidence does not pin down the failing request. Give its method and headers "
                                                             "(DevTools → Network) or your server code, or probe the server, and diagnose again."));
    }
    return kept;
}

} // namespace

Diagnosis diagnose(const ingest::IngestResult& input, const DiagnoseOptions& options)
{
    Diagnosis d;
    d.input = input;
    QString framework = options.framework;
    if ((framework.isEmpty() || framework == u"auto") && options.userSnippet)
        framework = detectSnippetFramework(*options.userSnippet);
    std::optional<ServerSnippet> snippet = parseSnippet(options, framework, d);
    const DiagnosisContext ctx(d.input, framework, std::move(snippet));
    d.framework = ctx.framework();
    QList<Cause> causes;
    for (const Rule* rule : RuleRegistry::builtIn().rules()) {
        for (Cause& c : rule->evaluate(ctx)) {
            c.confidence = std::clamp(c.confidence, 0.0, 1.0);
            if (c.confidence >= options.minConfidence)
                merge(causes, std::move(c));
        }
    }
    preferReplays(causes);
    crossCheckWithSnippet(ctx, causes);
    std::stable_sort(causes.begin(), causes.end(), [](const Cause& a, const Cause& b) { return a.confidence > b.confidence; });
    if (options.withFixes) {
        for (Cause& c : causes) {
            if (c.notCors && c.id != u"error-response-without-cors")
                continue;
            if (!c.withholdFixes)
                c.fixes = keepHonestFixes(c, proposeFixesFor(c, d.framework, options.userSnippet), options.userSnippet);
        }
    }
    d.causes = std::move(causes);
    d.missingEvidence = globalMissingEvidence(d.input, d.causes);
    for (const auto& e : d.input.evidence)
        d.notes += e.notes;
    d.notes.removeDuplicates();
    if (d.input.evidence.isEmpty())
        d.notes << QStringLiteral("nothing in the input was recognised as CORS evidence");
    return d;
}

std::optional<QString> snippetFromUnclaimedLines(QByteArrayView text, const ingest::IngestResult& input, QList<int>* inputLines)
{
    if (text.size() > 4 * 1024 * 1024)
        return std::nullopt;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    QList<bool> claimed(lines.size() + 2, false);
    for (const auto& e : input.evidence) {
        for (int l = qMax(1, e.firstLine); l <= e.lastLine && l <= lines.size(); ++l)
            claimed[l] = true;
    }
    QString snippet;
    QList<int> numbers;
    int end = int(lines.size());
    while (end > 0 && (claimed[end] || lines.at(end - 1).trimmed().isEmpty()))
        --end; // no trailing blank lines
    for (int i = 0; i < end; ++i) {
        if (claimed[i + 1] || (numbers.isEmpty() && lines.at(i).trimmed().isEmpty()))
            continue; // claimed by other evidence, or a leading blank line
        snippet += lines.at(i) + u'\n';
        numbers.append(i + 1);
    }
    if (detectSnippetFramework(snippet).isEmpty())
        return std::nullopt;
    if (inputLines)
        *inputLines = std::move(numbers);
    return snippet;
}

Result<Diagnosis> diagnoseText(QByteArrayView text, DiagnoseOptions options)
{
    auto ingested = ingest::ingestText(text);
    if (!ingested)
        return ingested.error();
    if (!options.userSnippet && !text.isEmpty())
        options.userSnippet = snippetFromUnclaimedLines(text, ingested.value(), &options.snippetInputLines);
    return diagnose(ingested.value(), options);
}

QJsonObject toJson(const Diagnosis& d)
{
    QJsonArray detected;
    for (const auto& e : d.input.evidence) {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), ingest::toString(e.kind));
        o.insert(QStringLiteral("lines"), QJsonArray { e.firstLine, e.lastLine });
        o.insert(QStringLiteral("summary"), e.summary);
        if (!e.notes.isEmpty())
            o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(e.notes));
        detected.append(o);
    }
    QJsonArray causes;
    for (const Cause& c : d.causes) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), c.id);
        o.insert(QStringLiteral("title"), c.title);
        o.insert(QStringLiteral("confidence"), qRound(c.confidence * 100) / 100.0);
        o.insert(QStringLiteral("failed_check"), c.failedCheck);
        QJsonArray ev;
        for (const auto& q : c.evidence)
            ev.append(QJsonObject { { QStringLiteral("line"), q.line }, { QStringLiteral("text"), q.text }, { QStringLiteral("source"), q.source } });
        o.insert(QStringLiteral("evidence"), ev);
        o.insert(QStringLiteral("explanation"), c.explanation);
        o.insert(QStringLiteral("what_to_do"), QJsonArray::fromStringList(c.whatToDo));
        QJsonArray fixes;
        for (const auto& f : c.fixes)
            fixes.append(fixJson(f));
        o.insert(QStringLiteral("fixes"), fixes);
        o.insert(QStringLiteral("not_cors"), c.notCors);
        o.insert(QStringLiteral("reproduced"), c.reproduced);
        if (!c.simulation.isEmpty())
            o.insert(QStringLiteral("simulation"), c.simulation);
        if (!c.missingEvidence.isEmpty())
            o.insert(QStringLiteral("missing_evidence"), QJsonArray::fromStringList(c.missingEvidence));
        if (!c.probeCommand.isEmpty())
            o.insert(QStringLiteral("probe"), c.probeCommand);
        causes.append(o);
    }
    QJsonArray problems;
    for (const auto& p : d.input.problems)
        problems.append(QJsonObject { { QStringLiteral("lines"), QJsonArray { p.firstLine, p.lastLine } }, { QStringLiteral("message"), p.message } });
    QJsonObject root;
    root.insert(QStringLiteral("detected"), detected);
    root.insert(QStringLiteral("causes"), causes);
    root.insert(QStringLiteral("conclusive"), d.conclusive());
    root.insert(QStringLiteral("framework"), d.framework.isEmpty() ? QStringLiteral("unknown") : d.framework);
    root.insert(QStringLiteral("missing_evidence"), QJsonArray::fromStringList(d.missingEvidence));
    root.insert(QStringLiteral("notes"), QJsonArray::fromStringList(d.notes));
    root.insert(QStringLiteral("problems"), problems);
    root.insert(QStringLiteral("unrecognised_lines"), d.input.unrecognisedLines);
    return root;
}

QString toText(const Diagnosis& d)
{
    QString out;
    out += QStringLiteral("Detected (%1):\n").arg(d.input.evidence.size());
    for (const auto& e : d.input.evidence) {
        const QString range = e.firstLine == e.lastLine ? QStringLiteral("line %1").arg(e.firstLine)
                                                        : QStringLiteral("lines %1-%2").arg(e.firstLine).arg(e.lastLine);
        QString detail;
        const QJsonObject& s = e.summary;
        for (const char* k : { "cors_error", "firefox_reason_key", "exception", "method", "path", "url", "origin", "status", "failed_parameter", "framework", "entries", "exchanges" }) {
            const QJsonValue v = s.value(QLatin1String(k));
            if (v.isUndefined() || (v.isString() && v.toString().isEmpty()))
                continue;
            detail += QStringLiteral(" %1=%2").arg(QLatin1String(k), v.isDouble() ? QString::number(v.toDouble()) : v.toString().left(120));
        }
        out += QStringLiteral("  - %1 (%2)%3\n").arg(ingest::toString(e.kind), range, detail);
        for (const QString& n : e.notes)
            out += QStringLiteral("      note: %1\n").arg(n);
    }
    for (const auto& p : d.input.problems)
        out += QStringLiteral("  ! lines %1-%2: %3\n").arg(p.firstLine).arg(p.lastLine).arg(p.message);
    if (d.causes.isEmpty()) {
        out += QStringLiteral("\nNo cause could be identified.\n");
    } else {
        out += QStringLiteral("\nCauses, most likely first%1:\n").arg(d.framework.isEmpty() ? QString() : QStringLiteral(" (framework: %1)").arg(d.framework));
        int n = 0;
        for (const Cause& c : d.causes) {
            ++n;
            out += QStringLiteral("\n%1. %2  [%3, confidence %4%5]\n").arg(n).arg(c.title, c.id).arg(c.confidence, 0, 'f', 2).arg(c.failedCheck.isEmpty() ? QString() : QStringLiteral(", ") + c.failedCheck);
            if (c.notCors)
                out += QStringLiteral("   Not a CORS configuration problem.\n");
            if (c.reproduced)
                out += QStringLiteral("   Reproduced with your own server code.\n");
            for (const auto& q : c.evidence)
                out += QStringLiteral("   > %1%2\n").arg(q.line > 0 ? QStringLiteral("%1: ").arg(q.line) : QString(), q.text.left(300));
            out += QStringLiteral("   Why: %1\n").arg(c.explanation);
            for (const QString& w : c.whatToDo)
                out += QStringLiteral("   Do: %1\n").arg(w);
            for (const QString& m : c.missingEvidence)
                out += QStringLiteral("   Would settle it: %1\n").arg(m);
            if (!c.probeCommand.isEmpty())
                out += QStringLiteral("   Probe: %1\n").arg(c.probeCommand);
            for (const auto& f : c.fixes) {
                out += QStringLiteral("   Fix (%1)%2%3: %4\n").arg(f.framework, f.verified ? QStringLiteral(", verified") : QStringLiteral(", NOT verified"), f.developmentOnly ? QStringLiteral(", development only") : QString(), f.title);
                if (!f.verification.isEmpty())
                    out += QStringLiteral("     %1\n").arg(f.verification);
                const QString body = f.diff.isEmpty() ? f.snippet : f.diff;
                for (const QString& l : body.split(u'\n'))
                    out += QStringLiteral("     | %1\n").arg(l);
            }
        }
    }
    if (!d.missingEvidence.isEmpty()) {
        out += QStringLiteral("\nWhat would settle it:\n");
        for (const QString& m : d.missingEvidence)
            out += QStringLiteral("  - %1\n").arg(m);
    }
    return out;
}

} // namespace corsbench::diagnosis
