// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace corsbench::ui {

/// A 0-based line and column (UTF-16 code units) in the editor text.
struct SourcePosition
{
    int line = 0;
    int column = 0;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

/// The position of a UTF-8 byte offset (as QJsonParseError reports it) in `utf8`.
SourcePosition positionOfUtf8Offset(QByteArrayView utf8, qsizetype offset);

/// Where the value named by a member path such as `exchange.request.headers[2][1]` starts in
/// the JSON `text`. Best effort: returns the deepest member of the path that exists, or
/// nullopt when not even the first one does. `text` must be well-formed JSON.
std::optional<SourcePosition> locateJsonPath(QStringView text, QStringView path);

/// Member paths (`a.b[2].c`) mentioned in an error message, in order.
QStringList jsonPathsInMessage(const QString& message);

} // namespace corsbench::ui
