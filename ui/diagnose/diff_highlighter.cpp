// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/diagnose/diff_highlighter.h"

#include "ui/style/theme.h"

namespace corsbench::ui {

DiffHighlighter::DiffHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

DiffHighlighter::LineKind DiffHighlighter::classify(const QString& line)
{
    if (line.startsWith(QStringLiteral("+++")) || line.startsWith(QStringLiteral("---")))
        return LineKind::FileHeader;
    if (line.startsWith(QStringLiteral("@@")))
        return LineKind::Hunk;
    if (line.startsWith(u'+'))
        return LineKind::Added;
    if (line.startsWith(u'-'))
        return LineKind::Removed;
    return LineKind::Context;
}

void DiffHighlighter::highlightBlock(const QString& text)
{
    const Theme& style = theme();
    QTextCharFormat format;
    switch (classify(text)) {
    case LineKind::Context:
        return;
    case LineKind::Added:
        format.setForeground(style.pass);
        format.setBackground(style.passBackground);
        break;
    case LineKind::Removed:
        format.setForeground(style.fail);
        format.setBackground(style.failBackground);
        break;
    case LineKind::Hunk:
        format.setForeground(style.info);
        break;
    case LineKind::FileHeader:
        format.setForeground(style.mutedText);
        format.setFontWeight(QFont::Bold);
        break;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace corsbench::ui
