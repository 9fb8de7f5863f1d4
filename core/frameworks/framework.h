// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace corsbench::frameworks {

/// The server-side CORS libraries corsbench models.
enum class Framework { Unknown, FastApi, Aiohttp, Flask, Django };

QString toString(Framework framework); // "fastapi", "aiohttp", "flask", "django", "unknown"
QString displayName(Framework framework); // "FastAPI/Starlette", "aiohttp_cors", ...
std::optional<Framework> frameworkFromString(QStringView text); // accepts "fastapi", "starlette", ...

/// Guesses the framework of a Python source snippet from its imports and calls.
Framework detectFramework(QStringView source);

} // namespace corsbench::frameworks
