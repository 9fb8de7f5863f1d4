// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>

/// JSON as people read it (and as the shared corpus is written): members in the documented order
/// rather than QJsonDocument's alphabetical one, arrays of plain values on one line (a header
/// `["Name", "value"]` pair stays a pair), one space per level.
namespace corsbench::io {

/// Members named in corsbench's formats come first in their documented order
/// (format, id, title, page_origin, request, preflight, actual, method, url, headers, ...);
/// any other member follows alphabetically. Ends with a newline.
QByteArray toReadableJson(const QJsonValue& value);

} // namespace corsbench::io
