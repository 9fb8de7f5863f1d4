// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/io/input_file.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace corsbench::io {
namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

} // namespace

Result<bool> checkText(QByteArrayView data)
{
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        return makeError(ErrorCode::BinaryInput,
            QStringLiteral("binary data, not text (a NUL byte at offset %1); expected a JSON exchange").arg(nul));
    // UTF-8 validation: reject invalid sequences with their offset.
    qsizetype i = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const qsizetype n = data.size();
    while (i < n) {
        const unsigned char c = p[i];
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return makeError(ErrorCode::BinaryInput, QStringLiteral("not UTF-8 text (byte 0x%1 at offset %2)").arg(c, 2, 16, QLatin1Char('0')).arg(i));
        if (extra > 0 && i + extra >= n)
            return makeError(ErrorCode::BinaryInput, QStringLiteral("not UTF-8 text (truncated sequence at offset %1)").arg(i));
        for (int k = 1; k <= extra; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return makeError(ErrorCode::BinaryInput, QStringLiteral("not UTF-8 text (invalid sequence at offset %1)").arg(i));
        i += extra + 1;
    }
    return true;
}

Result<QByteArray> readInput(const QString& path, qint64 maxBytes)
{
    QFile file;
    bool ok = false;
    if (path == u"-") {
        ok = file.open(stdin, QIODevice::ReadOnly);
    } else {
        const QFileInfo info(path);
        if (!info.exists())
            return makeError(ErrorCode::IoError, QStringLiteral("%1: no such file").arg(path));
        if (info.isDir())
            return makeError(ErrorCode::IoError, QStringLiteral("%1: is a directory").arg(path));
        if (info.isFile() && info.size() > maxBytes)
            return makeError(ErrorCode::TooLarge,
                QStringLiteral("%1: the file is %2; inputs are limited to %3").arg(path, megabytes(info.size()), megabytes(maxBytes)));
        file.setFileName(path);
        ok = file.open(QIODevice::ReadOnly);
    }
    if (!ok)
        return makeError(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
    QByteArray data;
    char buf[65536];
    while (true) {
        const qint64 got = file.read(buf, sizeof buf);
        if (got < 0)
            return makeError(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
        if (got == 0)
            break;
        if (data.size() + got > maxBytes)
            return makeError(ErrorCode::TooLarge,
                QStringLiteral("%1: more than %2 of input; inputs are limited to that").arg(path == u"-" ? QStringLiteral("standard input") : path, megabytes(maxBytes)));
        data.append(buf, got);
    }
    return data;
}

} // namespace corsbench::io
