// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/support/result.h"

#include <QByteArray>
#include <QString>

namespace corsbench::io {

/// Default cap for inputs read whole into memory (exchanges, configs, pastes).
inline constexpr qint64 kMaxInputBytes = 32 * 1024 * 1024;

/// Reads a whole file, or standard input for "-", refusing more than `maxBytes` (checked
/// before and while reading, so a 200 MB file or an endless pipe never fills memory).
[[nodiscard]] Result<QByteArray> readInput(const QString& path, qint64 maxBytes = kMaxInputBytes);
/// Rejects binary data (NUL bytes, invalid UTF-8) with a message naming the offset.
[[nodiscard]] Result<bool> checkText(QByteArrayView data);

} // namespace corsbench::io
