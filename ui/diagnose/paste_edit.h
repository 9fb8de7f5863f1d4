// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>
#include <QStringList>

namespace corsbench::ui {

/// Plain-text paste box with line numbers (diagnoses quote 1-based lines). Files dropped or
/// pasted from a file manager are reported through filesDropped() instead of inserting their URLs.
class PasteEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PasteEdit(QWidget* parent = nullptr);

    /// Selects 1-based lines `first`..`last`, highlights them and scrolls them into view.
    /// Returns false when the lines are not in the text.
    bool selectLines(int first, int last);
    /// 1-based first and last line of the current selection (or the caret line).
    std::pair<int, int> selectedLines() const;
    int gutterWidth() const;

Q_SIGNALS:
    void filesDropped(const QStringList& paths);

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    friend class PasteGutter;
    void paintGutter(QPaintEvent* event);
    void updateGutter(const QRect& rect, int dy);

    QWidget* m_gutter = nullptr;
};

} // namespace corsbench::ui
