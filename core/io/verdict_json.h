// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"

#include <QJsonObject>
#include <QString>

namespace corsbench::io {

/// The documented `check --json` object (docs/cli.md): allowed, preflight, checks[], error,
/// exposed_headers, browsers, warnings.
QJsonObject verdictToJson(const cors::Verdict& verdict);
/// Human-readable report: verdict, the failed check with evidence, every check, the messages.
QString verdictToText(const cors::Verdict& verdict, const http::Exchange& exchange, bool color = false);

} // namespace corsbench::io
