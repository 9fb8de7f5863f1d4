// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"

#include <QString>
#include <QStringList>

#include <ostream>

namespace corsbench::http {
inline void PrintTo(const HttpResponseHead& head, std::ostream* os)
{
    *os << head.status << ' ' << head.reason.constData();
    for (const Header& h : head.headers)
        *os << "\n  " << h.name.constData() << ": " << h.value.constData();
}
} // namespace corsbench::http

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
QT_END_NAMESPACE
