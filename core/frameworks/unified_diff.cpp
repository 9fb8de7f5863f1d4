// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/frameworks/unified_diff.h"

#include <QStringList>

#include <vector>

namespace corsbench::frameworks {

namespace {

struct Op {
    char kind; // ' ', '-', '+'
    qsizetype a; // line index in before (for ' ' and '-')
    qsizetype b; // line index in after (for ' ' and '+')
};

QStringList splitLines(const QString& s)
{
    QStringList lines = s.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

QString unifiedDiff(const QString& before, const QString& after, const QString& fileName)
{
    if (before == after)
        return {};
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    // Trim common prefix/suffix, LCS on the middle.
    qsizetype pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    qsizetype suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    const qsizetype n = a.size() - pre - suf;
    const qsizetype m = b.size() - pre - suf;
    std::vector<Op> ops;
    for (qsizetype i = 0; i < pre; ++i)
        ops.push_back({ ' ', i, i });
    if (n * m <= 4'000'000) {
        std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                L[size_t(i)][size_t(j)] = a[pre + i] == b[pre + j] ? L[size_t(i + 1)][size_t(j + 1)] + 1
                                                                     : std::max(L[size_t(i + 1)][size_t(j)], L[size_t(i)][size_t(j + 1)]);
            }
        }
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                ops.push_back({ ' ', pre + i, pre + j });
                ++i;
                ++j;
            } else if (i < n && (j == m || L[size_t(i + 1)][size_t(j)] >= L[size_t(i)][size_t(j + 1)])) {
                ops.push_back({ '-', pre + i, pre + j });
                ++i;
            } else {
                ops.push_back({ '+', pre + i, pre + j });
                ++j;
            }
        }
    } else {
        for (qsizetype i = 0; i < n; ++i)
            ops.push_back({ '-', pre + i, pre });
        for (qsizetype j = 0; j < m; ++j)
            ops.push_back({ '+', pre + n, pre + j });
    }
    for (qsizetype i = 0; i < suf; ++i)
        ops.push_back({ ' ', a.size() - suf + i, b.size() - suf + i });

    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(fileName);
    const qsizetype context = 3;
    size_t k = 0;
    while (k < ops.size()) {
        // find next change
        size_t first = k;
        while (first < ops.size() && ops[first].kind == ' ')
            ++first;
        if (first >= ops.size())
            break;
        size_t start = first >= size_t(context) ? first - size_t(context) : 0;
        if (start < k)
            start = k;
        // extend hunk while changes are within 2*context
        size_t end = first;
        size_t lastChange = first;
        while (end < ops.size()) {
            if (ops[end].kind != ' ')
                lastChange = end;
            else if (end - lastChange > size_t(2 * context))
                break;
            ++end;
        }
        const size_t stop = std::min(ops.size(), lastChange + 1 + size_t(context));
        qsizetype aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        QString body;
        for (size_t x = start; x < stop; ++x) {
            const Op& op = ops[x];
            if (op.kind != '+') {
                if (aStart < 0)
                    aStart = op.a;
                ++aCount;
            }
            if (op.kind != '-') {
                if (bStart < 0)
                    bStart = op.b;
                ++bCount;
            }
            const QString& text = op.kind == '+' ? b[op.b] : a[op.a];
            body += QLatin1Char(op.kind) + text + QLatin1Char('\n');
        }
        if (aStart < 0)
            aStart = ops[start].a;
        if (bStart < 0)
            bStart = ops[start].b;
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(aCount ? aStart + 1 : aStart).arg(aCount).arg(bCount ? bStart + 1 : bStart).arg(bCount);
        out += body;
        k = stop;
    }
    return out;
}

} // namespace corsbench::frameworks
