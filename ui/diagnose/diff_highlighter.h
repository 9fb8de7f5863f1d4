// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>

namespace corsbench::ui {

/// Colours a unified diff: added lines green, removed lines red, hunk headers blue.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument* document);

    enum class LineKind { Context, Added, Removed, Hunk, FileHeader };
    static LineKind classify(const QString& line);

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace corsbench::ui
