// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>

namespace corsbench::testing {

inline QString ingestDataPath(const char* name)
{
    return QStringLiteral(CORSBENCH_TEST_DATA_DIR "/ingest/") + QLatin1String(name);
}

inline QByteArray readIngestData(const char* name)
{
    QFile f(ingestDataPath(name));
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open test data " << name;
        return {};
    }
    return f.readAll();
}

} // namespace corsbench::testing
