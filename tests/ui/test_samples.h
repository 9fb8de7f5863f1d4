// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/cors_engine.h"
#include "core/io/exchange_json.h"

#include <QFile>
#include <QString>

#include <gtest/gtest.h>

namespace corsbench::ui::test {

/// A bundled sample (compiled into the test binary from resources.qrc).
inline QByteArray sampleJson(const QString& name)
{
    QFile file(QStringLiteral(":/samples/") + name);
    if (!file.open(QIODevice::ReadOnly))
        ADD_FAILURE() << "missing sample " << name.toStdString();
    return file.readAll();
}

inline http::Exchange sampleExchange(const QString& name)
{
    Result<http::Exchange> exchange = io::parseExchange(sampleJson(name));
    if (!exchange) {
        ADD_FAILURE() << exchange.error().message.toStdString();
        return {};
    }
    return exchange.value();
}

struct Evaluated
{
    http::Exchange exchange;
    cors::Verdict verdict;
};

inline Evaluated evaluateSample(const QString& name)
{
    Evaluated result { sampleExchange(name), {} };
    result.verdict = cors::CorsEngine().evaluate(result.exchange);
    return result;
}

} // namespace corsbench::ui::test
