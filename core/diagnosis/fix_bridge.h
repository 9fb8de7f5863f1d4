// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnosis/cause.h"

#include <QString>

#include <optional>

namespace corsbench::diagnosis {

/// Asks core/frameworks for verified fixes of `cause` (empty when that module is not built).
QList<FixProposal> proposeFixesFor(const Cause& cause, const QString& framework, const std::optional<QString>& userSnippet);
/// Framework guessed from a Python snippet ("fastapi", "aiohttp", "flask" or "").
QString detectSnippetFramework(const QString& snippet);

} // namespace corsbench::diagnosis
