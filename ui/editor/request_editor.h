// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QsciScintilla;

namespace corsbench::ui {

/// A highlighted line in the editor, e.g. where the JSON failed to parse.
struct EditorMarker
{
    enum class Kind { Error, Warning };
    int line = 0; // 0-based
    int column = -1; // 0-based, -1 when unknown
    Kind kind = Kind::Error;
    QString message; // shown as the line's annotation
    friend bool operator==(const EditorMarker&, const EditorMarker&) = default;
};

/// JSON source editor for exchanges and cases. Wraps QScintilla privately so nothing else
/// in the UI depends on it.
class RequestEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RequestEditor(QWidget* parent = nullptr);
    ~RequestEditor() override;

    QString text() const;
    /// Replaces the whole text without emitting textEdited(); clears markers and undo history.
    void setText(const QString& text);
    void setMarkers(const QList<EditorMarker>& markers);
    QList<EditorMarker> markers() const { return m_markers; }
    /// Moves the caret to a 0-based position and scrolls it into view.
    void goTo(int line, int column = 0);
    bool isUndoAvailable() const;

Q_SIGNALS:
    /// The user changed the text (typing, paste, undo); not emitted by setText().
    void textEdited();

private:
    QsciScintilla* m_editor = nullptr;
    QList<EditorMarker> m_markers;
    int m_errorMarker = -1;
    int m_warningMarker = -1;
    bool m_settingText = false;
};

} // namespace corsbench::ui
