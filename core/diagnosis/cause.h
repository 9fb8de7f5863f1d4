// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corsbench::diagnosis {

/// A quoted input line a cause rests on.
struct EvidenceQuote {
    int line = 0; // 1-based line in the input; 0 when the evidence has no line (HAR entry, derived)
    QString text;
    QString source; // evidence kind ("chrome-console", "har", "engine", ...)
};

/// A server change that removes the cause (from core/frameworks when available).
struct FixProposal {
    QString framework; // "fastapi", "aiohttp", "flask", "client", ...
    QString title;
    QString diff;
    QString snippet;
    QString verification;
    bool verified = false;
    bool developmentOnly = false;
};

/// One ranked explanation of why the request fails.
struct Cause {
    QString id; // stable kebab-case id ("origin-not-allowed", ...)
    QString title;
    double confidence = 0.0; // 0..1
    QString failedCheck; // CorsEngine check id or Chromium CorsError kind
    QList<EvidenceQuote> evidence;
    QString explanation; // plain words
    QStringList whatToDo;
    QList<FixProposal> fixes;
    QStringList missingEvidence; // what would settle it
    QString probeCommand; // a `corsbench-cli probe ...` that would settle it
    bool notCors = false; // the real problem is not a CORS configuration (5xx, network, mixed content)
    /// The failing request as far as known, for fix generation and simulation.
    std::optional<http::Exchange> failing;
    QString fixCauseId; // cause id passed to the fix generator (defaults to id)
    QStringList extraMethods; // methods-default: other methods the fix must allow too
    /// Replaying the request against the user's own server code reproduced the symptom.
    bool reproduced = false;
    QString simulation; // that replay, one line ("Replayed against your ... → 400 ...")
    /// The user's code already allows the failing request: no edit of it is offered.
    bool withholdFixes = false;
};

} // namespace corsbench::diagnosis
