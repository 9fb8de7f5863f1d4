// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/diagnosis/cause.h"
#include "core/frameworks/config_parser.h"
#include "core/ingest/evidence.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace corsbench::diagnosis {

/// One observed CORS failure, from a console line or from the engine's verdict on an exchange.
struct Symptom {
    QString corsError; // Chromium Network.CorsError name
    QString failedParameter;
    bool preflight = false;
    QString url;
    QString redirectedFrom;
    QString origin;
    QString method;
    std::optional<int> status;
    QString browser; // "chrome", "firefox", "safari", "engine"
    QString firefoxReasonKey; // Firefox console: its own reason ("CORSPreflightDidNotSucceed")
    bool ambiguous = false;
    bool warningOnly = false;
    bool secondary = false; // a later failed check of the same exchange, not the one reported
    int evidenceIndex = -1; // into IngestResult::evidence
    int exchangeIndex = -1; // into DiagnosisContext::exchanges when from the engine
};

/// An exchange found in the input with the engine's verdict on it.
struct ExchangeView {
    http::Exchange exchange;
    cors::Verdict verdict;
    int evidenceIndex = -1;
    int line = 0; // first input line (0 for HAR entries)
    int harEntry = -1;
};

/// The user's server code, parsed: what rules replay the failing request against.
struct ServerSnippet {
    frameworks::ServerConfig config;
    /// Input line of each snippet line (index 0 = snippet line 1); empty when the snippet came
    /// from its own file (then quotes use snippet lines with source "config").
    QList<int> inputLines;
    QStringList lines; // the snippet's lines, for quoting

    /// The input line for a 1-based snippet line (itself when the snippet is a separate file).
    int inputLine(int snippetLine) const;
    /// The quote of one snippet line, tagged "<framework>-config".
    EvidenceQuote quote(int snippetLine) const;
    /// The origins the configuration lists (allow_origins, aiohttp_cors keys, origins=...).
    static QStringList allowedOrigins(const frameworks::ServerConfig& config);
    QStringList allowedOrigins() const { return allowedOrigins(config); }
    /// A URL path the app answers `method` on ("/api/items/{id}" → "/api/items/1"), "" if none.
    QString pathFor(const QByteArray& method) const;
};

/// Everything rules look at; built once per diagnosis.
class DiagnosisContext {
public:
    DiagnosisContext(const ingest::IngestResult& input, QString framework, std::optional<ServerSnippet> snippet = std::nullopt);

    const ingest::IngestResult& input() const { return m_input; }
    const QList<Symptom>& symptoms() const { return m_symptoms; }
    const QList<ExchangeView>& exchanges() const { return m_exchanges; }
    /// "fastapi", "aiohttp", "flask" or "" (unknown): the user's choice or what the evidence shows.
    const QString& framework() const { return m_framework; }
    /// The server code the user gave, when it parsed; rules replay the request against it.
    const std::optional<ServerSnippet>& snippet() const { return m_snippet; }

    /// Symptoms whose kind is one of `kinds` (with or without the "Preflight" prefix when
    /// `anyStage`).
    QList<Symptom> symptomsOf(std::initializer_list<const char*> kinds, bool anyStage = true) const;
    /// Server-side events (tracebacks, framework lines, access logs, response bodies) with evidence index.
    QList<QPair<int, ingest::ServerEvent>> serverEvents() const;
    bool hasKind(ingest::EvidenceKind kind) const;

    /// Quotes for one evidence item (its lines) tagged with its kind.
    QList<EvidenceQuote> quote(int evidenceIndex) const;
    QList<EvidenceQuote> quote(const Symptom& s) const;
    /// Quotes the engine check that failed for an exchange (header and value).
    QList<EvidenceQuote> quoteCheck(const ExchangeView& view, const cors::Check& check) const;

    /// The page origin and URL seen anywhere in the input ("" when none).
    QString anyOrigin() const;
    QString anyUrl() const;
    /// Best-known failing exchange for fix generation: a recorded one when present, otherwise one
    /// synthesised from a symptom (origin, URL, method, header hint).
    http::Exchange failingExchange(const Symptom* s = nullptr) const;
    /// `corsbench-cli probe URL --origin O [-X M] [-H 'N: 1']` for a symptom, or "" without a URL.
    QString probeCommand(const Symptom* s = nullptr) const;
    /// `corsbench-cli probe ...` that sends `ex`'s request from its page origin.
    static QString probeCommandFor(const http::Exchange& ex);

private:
    const ingest::IngestResult& m_input;
    QList<Symptom> m_symptoms;
    QList<ExchangeView> m_exchanges;
    QString m_framework;
    std::optional<ServerSnippet> m_snippet;
};

/// Adds evidence to `cause` without duplicates.
void addEvidence(Cause& cause, const QList<EvidenceQuote>& quotes);
bool isPreflightKind(const QString& kind);
/// The kind without the "Preflight" prefix ("PreflightAllowOriginMismatch" → "AllowOriginMismatch").
QString baseKind(const QString& kind);

} // namespace corsbench::diagnosis
