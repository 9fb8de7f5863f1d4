// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corsbench::cors {

enum class CheckStatus { Pass, Fail, Warning, Info, Skipped };
enum class Stage { Request, Preflight, Actual };

/// One check the browser performs (or a warning corsbench adds), in browser order.
struct Check {
    QString id; // stable kebab-case id, e.g. "preflight-allow-origin"
    QString title; // short human title
    Stage stage = Stage::Request;
    int hop = -1; // index into Exchange::actual for Stage::Actual
    CheckStatus status = CheckStatus::Skipped;
    QByteArray header; // header looked at, empty if none
    std::optional<QByteArray> value; // value seen; nullopt = header absent
    QString explanation; // one line
    QString corsError; // Chromium CorsError this check raises when it fails (may be empty)
    bool reported = false; // the failure Chromium reports
};

} // namespace corsbench::cors

// Check holds only implicitly shared Qt values: QList may move it with memmove.
Q_DECLARE_TYPEINFO(corsbench::cors::Check, Q_RELOCATABLE_TYPE);

namespace corsbench::cors {

/// What one browser engine does with the exchange.
struct BrowserOutcome {
    QString browser; // "chromium", "firefox", "webkit"
    std::optional<bool> allowed; // nullopt: the exchange lacks the response this engine needs
    QString errorKind; // Chromium Network.CorsError name / Firefox reason key; empty when allowed
    QString failedParameter; // Chromium only
    QStringList console; // exact console lines, in order
    QString note;
};

/// The failure the browser reports, with all three engines' wording.
struct ReportedError {
    QString kind; // Chromium Network.CorsError name
    QString failedParameter;
    QString chromeMessage;
    QString firefoxReasonKey;
    QString firefoxMessage;
    QStringList safariMessages;
    QString checkId; // id of the Check that raised it
    QString networkError; // set when the failure is a transport error, not CORS
};

struct PreflightPlan {
    bool required = false; // the browser sends a preflight (false when it stops before any request)
    bool neededByRequest = false; // the request itself needs one (method or headers)
    QStringList reasons; // why (method, header names)
    http::HttpRequestHead request; // what a browser sends
    bool recorded = false; // the exchange holds a preflight
};

/// How long each engine caches a successful preflight.
struct PreflightCache {
    bool applicable = false;
    std::optional<QByteArray> maxAgeHeader;
    int chromiumSeconds = 0;
    int firefoxSeconds = 0;
    int webkitSeconds = 0;
};

struct Verdict {
    bool allowed = false;
    bool crossOrigin = true;
    bool corsApplies = true; // false: same-origin or no-cors
    QString pageOrigin; // serialized
    QByteArray method; // after fetch() normalisation
    PreflightPlan preflight;
    PreflightCache cache;
    QList<Check> checks;
    std::optional<ReportedError> error;
    BrowserOutcome chromium;
    BrowserOutcome firefox;
    BrowserOutcome webkit;
    QStringList exposedHeaders; // lower-cased names of response headers script can read
    QStringList hiddenHeaders; // response headers present that script cannot read
    QStringList notes;

    qsizetype failureCount() const;
    qsizetype warningCount() const;
};

QString toString(CheckStatus s);
QString toString(Stage s);

} // namespace corsbench::cors
