// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/diagnose/paste_edit.h"

#include "ui/style/theme.h"

#include <QMimeData>
#include <QPainter>
#include <QTextBlock>
#include <QUrl>

namespace corsbench::ui {

class PasteGutter : public QWidget
{
public:
    explicit PasteGutter(PasteEdit* editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return { m_editor->gutterWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }

private:
    PasteEdit* m_editor;
};

namespace {

QStringList localFiles(const QMimeData* source)
{
    QStringList paths;
    if (!source || !source->hasUrls())
        return paths;
    for (const QUrl& url : source->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

PasteEdit::PasteEdit(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new PasteGutter(this))
{
    // Console lines are long; wrapped lines keep one number (the gutter numbers blocks).
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    QFont mono(monospaceFamily());
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF());
    setFont(mono);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &PasteEdit::updateGutter);
    // The evidence highlight belongs to the text it was made for.
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!extraSelections().isEmpty())
            setExtraSelections({});
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int PasteEdit::gutterWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(u'9') * qMax(digits, 2);
}

void PasteEdit::updateGutter(const QRect& rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void PasteEdit::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void PasteEdit::paintGutter(QPaintEvent* event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), theme().skippedBackground);
    painter.setPen(theme().mutedText);
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - 6;
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight, QString::number(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

bool PasteEdit::selectLines(int first, int last)
{
    if (first < 1 || first > blockCount())
        return false;
    last = qBound(first, last, blockCount());
    const QTextBlock begin = document()->findBlockByNumber(first - 1);
    const QTextBlock end = document()->findBlockByNumber(last - 1);
    QTextCursor cursor(begin);
    cursor.setPosition(end.position() + end.length() - 1, QTextCursor::KeepAnchor);
    // Keep the top of the range visible: select backwards so the caret is on the first line.
    QTextCursor shown(document());
    shown.setPosition(cursor.selectionEnd());
    shown.setPosition(cursor.selectionStart(), QTextCursor::KeepAnchor);
    setTextCursor(shown);
    centerCursor();

    QTextEdit::ExtraSelection highlight;
    highlight.format.setBackground(theme().warningBackground);
    highlight.format.setProperty(QTextFormat::FullWidthSelection, true);
    QList<QTextEdit::ExtraSelection> selections;
    for (QTextBlock b = begin; b.isValid() && b.blockNumber() <= last - 1; b = b.next()) {
        highlight.cursor = QTextCursor(b);
        selections << highlight;
    }
    setExtraSelections(selections);
    return true;
}

std::pair<int, int> PasteEdit::selectedLines() const
{
    const QTextCursor cursor = textCursor();
    const int first = document()->findBlock(cursor.selectionStart()).blockNumber() + 1;
    const int last = document()->findBlock(cursor.selectionEnd()).blockNumber() + 1;
    return { first, last };
}

bool PasteEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return !localFiles(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void PasteEdit::insertFromMimeData(const QMimeData* source)
{
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace corsbench::ui
