// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corsbench::ingest {

/// What one detected piece of a paste is.
enum class EvidenceKind {
    ChromeConsole, // "Access to fetch at ... has been blocked by CORS policy: ..."
    FirefoxConsole, // "Cross-Origin Request Blocked: ... (Reason: ...)"
    SafariConsole, // reason line (+ "Fetch API cannot load ... due to access control checks.")
    BrowserNetworkError, // "GET url net::ERR_FAILED", "TypeError: Failed to fetch", ...
    MixedContent, // "Mixed Content: The page at ... requested an insecure resource ..."
    PythonTraceback, // "Traceback (most recent call last):" ... "Type: message"
    ServerLog, // a framework's log/exception/body line (Starlette, aiohttp_cors, Flask, nginx error)
    AccessLog, // uvicorn / gunicorn / aiohttp / werkzeug / nginx access-log line
    Har, // HAR 1.2 export (Chrome, Firefox)
    Curl, // "curl ..." command (Chrome "Copy as cURL", bash or cmd)
    HttpRequest, // raw request head
    HttpResponse, // raw response head (+ first body line)
    ExchangeJson, // corsbench exchange or case JSON
    ServerConfig, // the server's Python CORS setup (added by diagnosis from lines nothing else claimed)
};

QString toString(EvidenceKind kind); // "chrome-console", "firefox-console", ...

/// One quoted line of the user's input; `number` is 1-based.
struct SourceLine {
    int number = 0;
    QString text;
};

/// A browser console message about a blocked cross-origin load.
struct ConsoleMessage {
    QString browser; // "chrome", "firefox", "safari"
    /// Chromium Network.CorsError name (Firefox and Safari reasons mapped to it); empty when unknown.
    QString corsError;
    QString firefoxReasonKey; // "CORSMissingAllowOrigin", ... (Firefox only)
    QString initiator; // "fetch", "XMLHttpRequest", "script", ... (Chrome/Safari)
    QString url; // the URL that failed (after redirects)
    QString redirectedFrom; // initial URL when the message names a redirect
    QString origin; // page origin ("null" for opaque)
    QString failedParameter; // hint: ACAO value, method, header name, ...
    bool preflight = false; // the message is about the preflight response
    std::optional<int> status; // "Status code: N" (Firefox/Safari)
    QString addressSpace; // LNA/PNA: resource address space
    QString targetAddressSpace;
    QString netError; // "net::ERR_FAILED", "net::ERR_CONNECTION_REFUSED", ...
    QString method; // from a net-error line or a Safari method message
    QString insecureUrl; // mixed content: the http:// URL
    bool legacyWording = false; // pre-2025 Chrome no-cors hint, Firefox "channel" wording, ...
    bool warningOnly = false; // Firefox "Cross-Origin Request Warning"
    /// Safari words missing and mismatching ACAO the same way; corsError is then a best guess.
    bool ambiguous = false;
    QString reason; // the reason text as printed
};

/// A server-side line: exception, framework message, access-log entry.
struct ServerEvent {
    QString framework; // "starlette", "fastapi", "aiohttp", "flask", "uvicorn", "gunicorn", "nginx", "werkzeug", ""
    QString exceptionType; // fully qualified as printed: "aiohttp.web_exceptions.HTTPForbidden"
    QString message;
    /// The exception name does not exist in the library it claims to come from
    /// (`starlette.middleware.cors.CORSError`).
    bool nonexistentName = false;
    QString nonexistentNote;
    QString method;
    QString path;
    int status = 0;
    QString origin; // origin a CORS message names
    /// What a framework's CORS rejection names: "origin", "method", "headers", "private-network",
    /// "no-origins", "missing-origin", "missing-request-method".
    QStringList corsFailures;
    QStringList headers; // refused header names
    QString frames; // "file:line" of the innermost user frame of a traceback
};

/// One detected piece of evidence with where it came from.
struct Evidence {
    EvidenceKind kind = EvidenceKind::ServerLog;
    int firstLine = 0; // 1-based, inclusive
    int lastLine = 0;
    QList<SourceLine> quote; // the lines it rests on (at most a few)
    QJsonObject summary; // parsed summary, for display and --json
    std::optional<ConsoleMessage> console;
    std::optional<ServerEvent> server;
    QList<http::Exchange> exchanges; // HAR, raw HTTP, exchange JSON
    QList<int> exchangeLines; // first line of each exchange in `exchanges` (0 when unknown)
    std::optional<http::RequestIntent> intent; // curl
    QString pageOrigin; // curl: the Origin it sends
    std::optional<http::HttpRequestHead> requestHead; // raw HTTP request
    std::optional<http::HttpResponseHead> responseHead; // raw HTTP response
    QString responseBody; // first body line(s) of a raw response
    QStringList notes; // things the user should know about this piece
};

/// A piece of the input that looked like a known format but could not be read.
struct IngestProblem {
    int firstLine = 0;
    int lastLine = 0;
    QString message;
};

struct IngestResult {
    QList<Evidence> evidence; // input order
    QList<IngestProblem> problems;
    int lineCount = 0;
    int unrecognisedLines = 0; // non-blank lines nothing claimed
    /// Unclaimed lines saying a non-browser client works ("works in Postman", "curl is fine").
    QList<SourceLine> nonBrowserClientMentions;
};

} // namespace corsbench::ingest
