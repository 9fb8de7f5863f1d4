// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/editor/request_editor.h"

#include <QFont>
#include <QFontDatabase>
#include <QVBoxLayout>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

namespace corsbench::ui {

namespace {

QFont editorFont()
{
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setPointSize(10);
    return font;
}

constexpr int kAnnotationStyle = 200; // a style number the JSON lexer does not use

} // namespace

RequestEditor::RequestEditor(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QsciScintilla(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);

    const QFont font = editorFont();
    // The lexer is owned by the editor (QObject parent); its default font is proportional.
    auto* lexer = new QsciLexerJSON(m_editor);
    lexer->setDefaultFont(font);
    lexer->setFont(font);
    m_editor->setLexer(lexer);
    m_editor->setFont(font);

    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginsFont(font);
    m_editor->setMarginWidth(0, QStringLiteral("00000"));
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginsForegroundColor(QColor(0x6b, 0x72, 0x80));
    m_editor->setMarginsBackgroundColor(QColor(0xf3, 0xf4, 0xf6));
    m_editor->setMarginWidth(1, 4); // markers paint the line background, not this margin
    m_editor->setMarginSensitivity(1, false);
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setIndentationWidth(2);
    m_editor->setTabWidth(2);
    m_editor->setAutoIndent(true);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setCaretLineVisible(true);
    m_editor->setCaretLineBackgroundColor(QColor(0xf5, 0xf7, 0xfb));
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    // Scintilla's default scroll width (2000 px) always shows the horizontal bar.
    m_editor->setScrollWidth(1);
    m_editor->setScrollWidthTracking(true);
    m_editor->setFrameShape(QFrame::NoFrame);

    m_errorMarker = m_editor->markerDefine(QsciScintilla::Background, 0);
    m_editor->setMarkerBackgroundColor(QColor(0xfd, 0xe2, 0xe2), m_errorMarker);
    m_warningMarker = m_editor->markerDefine(QsciScintilla::Background, 1);
    m_editor->setMarkerBackgroundColor(QColor(0xfe, 0xf3, 0xc7), m_warningMarker);
    m_editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_editor->SendScintilla(QsciScintillaBase::SCI_STYLESETFORE, kAnnotationStyle, QColor(0x99, 0x1b, 0x1b));
    m_editor->SendScintilla(QsciScintillaBase::SCI_STYLESETBACK, kAnnotationStyle, QColor(0xfe, 0xf2, 0xf2));

    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        if (!m_settingText)
            Q_EMIT textEdited();
    });
}

RequestEditor::~RequestEditor() = default;

QString RequestEditor::text() const
{
    return m_editor->text();
}

void RequestEditor::setText(const QString& text)
{
    m_settingText = true;
    m_editor->setText(text);
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_editor->setModified(false);
    m_settingText = false;
    setMarkers({});
}

void RequestEditor::setMarkers(const QList<EditorMarker>& markers)
{
    m_markers = markers;
    m_editor->markerDeleteAll();
    m_editor->clearAnnotations();
    for (const EditorMarker& marker : markers) {
        const int line = qBound(0, marker.line, qMax(0, m_editor->lines() - 1));
        m_editor->markerAdd(line, marker.kind == EditorMarker::Kind::Error ? m_errorMarker : m_warningMarker);
        if (!marker.message.isEmpty())
            m_editor->annotate(line, marker.message, kAnnotationStyle);
    }
}

void RequestEditor::goTo(int line, int column)
{
    m_editor->setCursorPosition(line, qMax(0, column));
    m_editor->ensureLineVisible(line);
}

bool RequestEditor::isUndoAvailable() const
{
    return m_editor->isUndoAvailable();
}

} // namespace corsbench::ui
