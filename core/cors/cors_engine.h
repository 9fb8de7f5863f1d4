// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"
#include "core/http/exchange.h"

namespace corsbench::cors {

/// The browser's CORS decision for one exchange, following the Fetch standard and, where
/// they differ, what Chromium, Firefox and WebKit actually do. Stateless, thread-safe.
class CorsEngine {
public:
    Verdict evaluate(const http::Exchange& exchange) const;

    /// Whether this intent needs a preflight from this page origin, why, and (when it does)
    /// the OPTIONS request a browser sends.
    static PreflightPlan planPreflight(const http::Exchange& exchange);
};

} // namespace corsbench::cors
