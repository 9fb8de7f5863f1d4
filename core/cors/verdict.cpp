// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cors/verdict.h"

#include <algorithm>

namespace corsbench::cors {

qsizetype Verdict::failureCount() const
{
    return std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.status == CheckStatus::Fail; });
}

qsizetype Verdict::warningCount() const
{
    return std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.status == CheckStatus::Warning; });
}

QString toString(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Fail:
        return QStringLiteral("fail");
    case CheckStatus::Warning:
        return QStringLiteral("warning");
    case CheckStatus::Info:
        return QStringLiteral("info");
    case CheckStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString toString(Stage s)
{
    switch (s) {
    case Stage::Request:
        return QStringLiteral("request");
    case Stage::Preflight:
        return QStringLiteral("preflight");
    case Stage::Actual:
        return QStringLiteral("actual");
    }
    return {};
}

} // namespace corsbench::cors
