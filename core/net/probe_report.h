// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/prober.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

/// Rendering a ProbeResult for the CLI (and anything else that shows one).
namespace corsbench::net {

/// `probe --json`: the `check --json` object (verdictToJson) plus `exchange` (shared format),
/// `timings` (one entry per request sent), `transport`, `proxy`, `requests` (raw heads as
/// sent/received), `notes` and `network_error` (null when none).
QJsonObject probeResultToJson(const ProbeResult& result, bool redactSecrets = true);
QJsonArray timingsToJson(const ProbeResult& result);

/// Timeline, one line per request: ms from the start of the probe for each phase.
QString timelineText(const ProbeResult& result);
/// Each request head as sent and each response head as received (raw, in wire order).
QString rawHeadsText(const ProbeResult& result);
/// Full human report: target, transport, timeline, raw heads, notes, then verdictToText.
QString probeResultToText(const ProbeResult& result, bool color = false);

/// A human label for a step: "preflight", "actual", "hop 2", "preflight after redirect 1", ...
QString stepLabel(const ProbeStep& step);

} // namespace corsbench::net
