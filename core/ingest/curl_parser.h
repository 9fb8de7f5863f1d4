// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/support/result.h"

#include <QStringList>

namespace corsbench::ingest {

/// A cURL command line as Chrome's "Copy as cURL" writes it (bash or cmd quoting).
struct CurlCommand {
    http::RequestIntent intent; // author headers only; credentials "include" when cookies are sent
    QString origin; // the Origin header it sends ("" when none)
    http::HeaderList allHeaders; // every -H as given
    bool isPreflight = false; // OPTIONS with Access-Control-Request-Method
    QStringList arguments; // the tokenised argv (without "curl")
    QStringList notes;
};

/// Parses `text` (may span continuation lines). Errors: not a curl command, unbalanced quotes,
/// no URL. Bounded: at most 64 KiB and 2000 arguments.
[[nodiscard]] Result<CurlCommand> parseCurlCommand(QStringView text);

/// Splits a command line with POSIX shell (bash) quoting or, when `cmdStyle`, Windows cmd quoting
/// (`^` escapes, `\"` inside double quotes).
[[nodiscard]] Result<QStringList> splitCommandLine(QStringView text, bool cmdStyle);

} // namespace corsbench::ingest
