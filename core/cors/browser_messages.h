// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

/// Console wording of Chromium, Firefox and WebKit, character for character
/// (sources: Chromium cors_error_string.cc, Firefox security.properties, WebKit
/// CrossOriginAccessControl.cpp; verified against real browsers in tests/data/corpus).
namespace corsbench::cors::messages {

/// Chromium's Network.CorsError kinds that get "Response to preflight request doesn't pass
/// access control check: " in front of their reason.
bool isChromiumPreflightError(const QString& kind);

/// Chromium's EncodeHint: printable ASCII kept, everything else as \uXXXX.
QString encodeHint(const QString& hint);

/// The `{REASON}` part for a Chromium CorsError kind (`addressSpace` for the LNA kinds).
QString chromiumReason(const QString& kind, const QString& hint, const QString& addressSpace = {});

struct ChromiumLine {
    QString initiator = QStringLiteral("fetch"); // "fetch" or "XMLHttpRequest"
    QString lastUrl;
    QString initialUrl;
    QString origin;
};
QString chromiumConsole(const QString& kind, const QString& hint, const ChromiumLine& line,
    const QString& addressSpace = {});

/// Firefox: the console line for a reason key (without its digit suffix, e.g.
/// "CORSMissingAllowOrigin"); `param` is %2$S (status, ACAO value, token or header name).
QString firefoxConsole(const QString& reasonKey, const QString& url, const QString& param);

/// WebKit's second line: "Fetch API cannot load {URL} due to access control checks."
QString webkitAccessControlLine(const QString& url, const QString& initiator = QStringLiteral("fetch"));

} // namespace corsbench::cors::messages
