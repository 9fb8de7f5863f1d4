// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/ingest/evidence.h"

#include <QStringView>

#include <optional>

/// Server-side lines: Python exception lines, framework CORS messages, access logs.
/// Linear scanning only; callers bound line lengths.
namespace corsbench::ingest {

/// "pkg.module.TypeName: message" as the last line of a Python traceback or on its own
/// (also `starlette.middleware.cors.CORSError: …`, which no Starlette version defines).
std::optional<ServerEvent> parsePythonExceptionLine(QStringView line);
/// Framework messages: aiohttp_cors "CORS preflight request failed: …", "CORS policy error: Origin
/// '…' is not allowed", Starlette "Disallowed CORS origin, method, headers", Flask "Exception on
/// /path [POST]", uvicorn "Exception in ASGI application", nginx error-log lines.
std::optional<ServerEvent> parseFrameworkMessageLine(QStringView line);
/// uvicorn, gunicorn/nginx (combined), aiohttp.access and werkzeug access-log lines.
std::optional<ServerEvent> parseAccessLogLine(QStringView line);

/// Reads CORS failure words out of a server message into `event` (origin, method, headers).
void analyseCorsMessage(QStringView message, ServerEvent& event);

/// The framework a traceback frame's file path belongs to ("starlette", "aiohttp", ...), or "".
QString frameworkOfPath(QStringView path);

} // namespace corsbench::ingest
