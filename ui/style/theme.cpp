// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/style/theme.h"

#include <QHash>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace corsbench::ui {

using cors::CheckStatus;

QColor Theme::foreground(CheckStatus status) const
{
    switch (status) {
    case CheckStatus::Pass:
        return pass;
    case CheckStatus::Fail:
        return fail;
    case CheckStatus::Warning:
        return warning;
    case CheckStatus::Info:
        return info;
    case CheckStatus::Skipped:
        return skipped;
    }
    return text;
}

QColor Theme::background(CheckStatus status) const
{
    switch (status) {
    case CheckStatus::Pass:
        return passBackground;
    case CheckStatus::Fail:
        return failBackground;
    case CheckStatus::Warning:
        return warningBackground;
    case CheckStatus::Info:
        return infoBackground;
    case CheckStatus::Skipped:
        return skippedBackground;
    }
    return skippedBackground;
}

const Theme& theme()
{
    static const Theme style;
    return style;
}

QString statusLabel(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("PASS");
    case CheckStatus::Fail:
        return QStringLiteral("FAIL");
    case CheckStatus::Warning:
        return QStringLiteral("WARN");
    case CheckStatus::Info:
        return QStringLiteral("INFO");
    case CheckStatus::Skipped:
        return QStringLiteral("SKIP");
    }
    return {};
}

QIcon statusIcon(CheckStatus status)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(status);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int size : { 12, 16, 24 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme().foreground(status));
        const qreal inset = size * 0.2;
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

QString monospaceFamily()
{
    return QStringLiteral("DejaVu Sans Mono");
}

QLabel* sectionCaption(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.6);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, theme().mutedText);
    label->setPalette(palette);
    return label;
}

} // namespace corsbench::ui
