// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/support/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

/// Reading and writing the corsbench exchange and case JSON format
/// (`corsbench.exchange/1`, see docs/exchange-format.md).
namespace corsbench::io {

/// What real browsers decided for a recorded case (`expect`, `expect_firefox`, `expect_webkit`).
struct CaseExpectation {
    bool allowed = false;
    bool preflightSent = false;
    QString corsError; // empty when allowed
    QString failedParameter;
    QString console;
    bool hasFirefox = false;
    bool firefoxAllowed = false;
    QString firefoxReasonKey;
    QString firefoxConsole;
    bool hasWebkit = false;
    bool webkitAllowed = false;
    QStringList webkitConsole;
};

struct CaseFile {
    QString id;
    QString title;
    http::Exchange exchange;
    std::optional<CaseExpectation> expect;
};

struct WriteOptions {
    /// Replace secrets (Authorization, Cookie, Set-Cookie, Proxy-Authorization, API-key and
    /// token headers, URL passwords) with "[redacted]".
    bool redactSecrets = true;
};

/// Parses an exchange, or a case file (its `exchange` member is used). Errors name the
/// member path (`exchange.request.headers[2][1]`) or the byte offset, line and column.
[[nodiscard]] Result<http::Exchange> parseExchange(QByteArrayView json);
[[nodiscard]] Result<CaseFile> parseCase(QByteArrayView json);
[[nodiscard]] Result<http::Exchange> exchangeFromJson(const QJsonObject& object, const QString& path = {});

QJsonObject exchangeToJson(const http::Exchange& exchange, const WriteOptions& options = {});
QByteArray writeExchange(const http::Exchange& exchange, const WriteOptions& options = {});

/// True when a header carries a secret that exports redact unless the user opts in.
bool isSecretHeader(QByteArrayView name);

} // namespace corsbench::io
