// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace corsbench::frameworks {

/// A unified diff (`--- a/NAME`, `+++ b/NAME`, hunks with 3 lines of context) of two texts,
/// empty when they are equal. Line-based LCS; inputs beyond ~4M line pairs fall back to one hunk.
QString unifiedDiff(const QString& before, const QString& after, const QString& fileName);

} // namespace corsbench::frameworks
