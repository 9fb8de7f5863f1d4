// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cors/verdict.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QLabel;
class QWidget;

namespace corsbench::ui {

/// The one place UI colours live: status colours shared by the checks table, the timeline
/// and the verdict banner, so "red" means the same thing everywhere.
struct Theme
{
    QColor pass { 0x15, 0x80, 0x3d };
    QColor passBackground { 0xdc, 0xfc, 0xe7 };
    QColor fail { 0xc8, 0x1e, 0x1e };
    QColor failBackground { 0xfe, 0xe2, 0xe2 };
    QColor warning { 0xb4, 0x53, 0x09 };
    QColor warningBackground { 0xfe, 0xf3, 0xc7 };
    QColor info { 0x1d, 0x4e, 0xd8 };
    QColor infoBackground { 0xdb, 0xea, 0xfe };
    QColor skipped { 0x6b, 0x72, 0x80 };
    QColor skippedBackground { 0xf3, 0xf4, 0xf6 };
    QColor text { 0x11, 0x18, 0x27 };
    QColor mutedText { 0x6b, 0x72, 0x80 };
    QColor border { 0xd1, 0xd5, 0xdb };
    QColor selection { 0x25, 0x63, 0xeb };
    QColor connector { 0x9c, 0xa3, 0xaf };

    QColor foreground(cors::CheckStatus status) const;
    QColor background(cors::CheckStatus status) const;
};

const Theme& theme();

/// PASS, FAIL, WARN, INFO, SKIP.
QString statusLabel(cors::CheckStatus status);
/// A small filled circle in the status colour (cached; needs a QGuiApplication).
QIcon statusIcon(cors::CheckStatus status);
/// The font used for HTTP heads and console lines.
QString monospaceFamily();
/// The small bold muted caption above a section ("TIMELINE", "EVIDENCE", ...).
QLabel* sectionCaption(const QString& text, QWidget* parent);

} // namespace corsbench::ui
