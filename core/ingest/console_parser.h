// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/ingest/evidence.h"

#include <QStringView>

#include <optional>

/// Browser console lines → ConsoleMessage. Pure string scanning (no regular expressions), linear
/// in the line length; callers bound line lengths.
namespace corsbench::ingest {

/// "Access to fetch at '…' [(redirected from '…') ]from origin '…' has been blocked by CORS
/// policy: …" (every Chromium reason, all eras; also DevTools' "Access blocked by CORS policy: …").
std::optional<ConsoleMessage> parseChromeConsoleLine(QStringView line);
/// "Cross-Origin Request Blocked: … (Reason: …)[ Status code: N.]" (typographic or ASCII quotes,
/// old "channel" wording, the Authorization deprecation warning).
std::optional<ConsoleMessage> parseFirefoxConsoleLine(QStringView line);
/// A WebKit reason line ("Origin X is not allowed by Access-Control-Allow-Origin. Status code: N",
/// "Preflight response is not successful. Status code: N", …).
std::optional<ConsoleMessage> parseSafariReasonLine(QStringView line);
/// "Fetch API cannot load URL due to access control checks." → the URL and initiator.
std::optional<ConsoleMessage> parseSafariCannotLoadLine(QStringView line);
/// "GET URL net::ERR_FAILED 200 (OK)", "TypeError: Failed to fetch", Firefox "NetworkError when
/// attempting to fetch resource.", Safari "TypeError: Load failed".
std::optional<ConsoleMessage> parseNetworkErrorLine(QStringView line);
/// Chrome "Mixed Content: The page at '…' was loaded over HTTPS, but requested an insecure
/// resource '…'." and Firefox "Blocked loading mixed active content “…”".
std::optional<ConsoleMessage> parseMixedContentLine(QStringView line);

/// Chromium's reason text (after "has been blocked by CORS policy: ") → kind, hint, flags.
/// Returns false when the reason is not one Chromium prints.
bool classifyChromeReason(QStringView reason, ConsoleMessage& out);

} // namespace corsbench::ingest
