// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"

#include <QList>
#include <QString>

#include <optional>

namespace corsbench::ui {

enum class StepKind { Preflight, Request, Redirect, Outcome };
/// Blocked: went out, failed a check. NotSent: never went out because an earlier step failed.
/// Refused: never went out because the browser refused it up front (e.g. Local Network Access).
enum class StepState { Passed, Blocked, NotSent, Refused, Neutral };

/// One lane of the timeline: a request/response pair that went (or would have gone) on the
/// wire, or the final outcome the script sees. Plain data for TimelineView and the inspector.
struct TimelineStep
{
    StepKind kind = StepKind::Request;
    StepState state = StepState::Neutral;
    QString caption; // "PREFLIGHT", "REQUEST", "REDIRECT 2", "SCRIPT"
    QString title; // "OPTIONS /api/data"
    QString result; // "→ 204 No Content", "not sent"
    QString detail; // the failed check, or why nothing went out
    QString toolTip;
    std::optional<http::HttpRequestHead> request;
    bool requestComputed = false; // request head computed by corsbench, not recorded
    std::optional<http::HttpResponseHead> response;
    double durationMs = -1; // measured by a probe (start to end of the transfer); -1 = not measured
};

/// Measured durations (ms) of the wire steps of a probed exchange; empty for a recorded one.
struct StepTimings
{
    double preflightMs = -1;
    QList<double> hopMs; // Exchange::actual index
};

/// The steps of an exchange in wire order: preflight (when recorded), each actual hop (or a
/// "not sent" placeholder), then the outcome. Step indices match ChecksModel::StepRole.
/// With `timings`, the preflight and hop steps carry their duration (also in `result`).
QList<TimelineStep> buildTimelineSteps(
    const http::Exchange& exchange, const cors::Verdict& verdict, const StepTimings& timings = {});

} // namespace corsbench::ui
