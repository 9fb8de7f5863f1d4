// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/frameworks/framework.h"
#include "core/http/exchange.h"

#include <QList>
#include <QString>

#include <optional>

namespace corsbench::frameworks {

/// One proposed server change, checked by simulating the framework with it.
struct Fix {
    Framework framework = Framework::Unknown;
    QString title; // "Add http://localhost:3000 to allow_origins"
    QString diff; // unified diff against the user's snippet (empty when no snippet)
    QString snippet; // full fixed snippet, or a complete minimal runnable example
    QString verification; // "preflight now 200, ACAO echoes http://localhost:3000, check passes"
    bool verified = false; // the model + CorsEngine judged the failing exchange as allowed with the fix
    bool developmentOnly = false;
};

struct FixRequest {
    /// "origin-not-allowed", "credentials-with-wildcard", "methods-default", "header-not-allowed",
    /// "authorization-not-allowed", "preflight-redirect-trailing-slash", "middleware-missing",
    /// "error-response-without-cors", "aiohttp-route-not-added", "credentials-mode-mismatch"
    /// (unknown ids get a generic "make the simulated exchange pass" fix).
    QString causeId;
    http::Exchange failing; // page origin + request intent at least
    std::optional<QString> userSnippet; // the user's config/app source, when given
    Framework framework = Framework::Unknown; // Unknown → FastAPI and aiohttp (and Flask if detected)
    /// "methods-default": further methods the same edit must allow (the evidence names several).
    QStringList extraMethods;
};

/// Fixes for one cause, best first. Never proposes reflecting any origin or `*` with credentials.
/// Pure function of its input; thread-safe.
QList<Fix> proposeFixes(const FixRequest& request);

} // namespace corsbench::frameworks
