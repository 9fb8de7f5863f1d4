// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/cause.h"
#include "core/ingest/evidence.h"
#include "core/support/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace corsbench::diagnosis {

struct DiagnoseOptions {
    QString framework = QStringLiteral("auto"); // auto | fastapi | aiohttp | flask
    std::optional<QString> userSnippet; // server source the user gave (replayed, and the base of fix diffs)
    /// Input line of each userSnippet line when it was cut out of the input; empty when it is a
    /// file of its own (--config).
    QList<int> snippetInputLines;
    bool withFixes = true;
    double minConfidence = 0.15; // causes below are dropped
};

/// The outcome: what was detected and the ranked causes (best first).
struct Diagnosis {
    ingest::IngestResult input;
    QString framework; // the framework used for fixes ("" = unknown)
    QList<Cause> causes;
    QStringList missingEvidence; // what would make the diagnosis conclusive
    QStringList notes;

    /// At least one cause at confidence >= 0.5.
    bool conclusive() const;
};

/// Runs every rule of RuleRegistry::builtIn() over the evidence. Pure, never throws.
Diagnosis diagnose(const ingest::IngestResult& input, const DiagnoseOptions& options = {});

/// The lines of `text` no detector claimed, when they look like a server's Python CORS setup
/// (CORSMiddleware, aiohttp_cors, flask_cors, django-cors-headers); nullopt otherwise.
/// `inputLines`, when given, receives the input line number of each snippet line.
std::optional<QString> snippetFromUnclaimedLines(QByteArrayView text, const ingest::IngestResult& input, QList<int>* inputLines = nullptr);

/// What a paste box does: ingests `text`, takes the server snippet out of the unclaimed lines
/// (unless options.userSnippet is set) and diagnoses. Errors: input the ingest refuses (binary,
/// too large, malformed HAR).
[[nodiscard]] Result<Diagnosis> diagnoseText(QByteArrayView text, DiagnoseOptions options = {});

/// The documented --json object: {detected[], causes[], missing_evidence[], notes[], framework}.
QJsonObject toJson(const Diagnosis& diagnosis);
/// Human-readable report.
QString toText(const Diagnosis& diagnosis);

} // namespace corsbench::diagnosis
