// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/presenters/source_location.h"

#include <QList>
#include <QRegularExpression>

#include <variant>

namespace corsbench::ui {

namespace {

using Segment = std::variant<QString, int>; // object key or array index

QList<Segment> splitPath(QStringView path)
{
    QList<Segment> segments;
    static const QRegularExpression token(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    auto it = token.globalMatch(path);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.hasCaptured(2))
            segments.append(match.captured(2).toInt());
        else
            segments.append(match.captured(1));
    }
    return segments;
}

SourcePosition positionOf(QStringView text, qsizetype offset)
{
    SourcePosition position;
    const QStringView before = text.left(offset);
    position.line = static_cast<int>(before.count(u'\n'));
    const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
    position.column = static_cast<int>(offset - lineStart);
    return position;
}

/// Minimal scanner over well-formed JSON that finds where a path's value starts.
class PathScanner
{
public:
    explicit PathScanner(QStringView text)
        : m_text(text)
    {
    }

    /// Offset of the deepest existing member of `segments`, or -1.
    qsizetype locate(const QList<Segment>& segments)
    {
        m_pos = 0;
        skipSpace();
        qsizetype best = -1;
        descend(segments, 0, best);
        return best;
    }

private:
    void descend(const QList<Segment>& segments, qsizetype depth, qsizetype& best)
    {
        if (depth == segments.size() || atEnd())
            return;
        const Segment& segment = segments.at(depth);
        if (const auto* key = std::get_if<QString>(&segment)) {
            if (peek() != u'{')
                return;
            ++m_pos;
            skipSpace();
            while (!atEnd() && peek() != u'}') {
                const QString name = readString();
                skipSpace();
                if (peek() == u':')
                    ++m_pos;
                skipSpace();
                if (name == *key) {
                    best = m_pos;
                    descend(segments, depth + 1, best);
                    return;
                }
                skipValue();
                skipSpace();
                if (peek() == u',')
                    ++m_pos;
                skipSpace();
            }
            return;
        }
        const int index = std::get<int>(segment);
        if (peek() != u'[')
            return;
        ++m_pos;
        skipSpace();
        for (int i = 0; !atEnd() && peek() != u']'; ++i) {
            if (i == index) {
                best = m_pos;
                descend(segments, depth + 1, best);
                return;
            }
            skipValue();
            skipSpace();
            if (peek() == u',')
                ++m_pos;
            skipSpace();
        }
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }

    QString readString()
    {
        if (peek() != u'"')
            return {};
        const qsizetype start = ++m_pos;
        while (!atEnd() && peek() != u'"')
            m_pos += peek() == u'\\' ? 2 : 1;
        const QString value = m_text.mid(start, m_pos - start).toString();
        ++m_pos;
        return value;
    }

    void skipValue()
    {
        const QChar c = peek();
        if (c == u'"') {
            readString();
            return;
        }
        if (c == u'{' || c == u'[') {
            int depth = 0;
            while (!atEnd()) {
                const QChar d = peek();
                if (d == u'"') {
                    readString();
                    continue;
                }
                ++m_pos;
                if (d == u'{' || d == u'[')
                    ++depth;
                else if ((d == u'}' || d == u']') && --depth == 0)
                    return;
            }
            return;
        }
        while (!atEnd() && peek() != u',' && peek() != u'}' && peek() != u']' && !peek().isSpace())
            ++m_pos;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

SourcePosition positionOfUtf8Offset(QByteArrayView utf8, qsizetype offset)
{
    const QString before = QString::fromUtf8(utf8.first(qBound(qsizetype(0), offset, utf8.size())));
    return positionOf(before, before.size());
}

std::optional<SourcePosition> locateJsonPath(QStringView text, QStringView path)
{
    QList<Segment> segments = splitPath(path);
    if (segments.isEmpty())
        return std::nullopt;
    PathScanner scanner(text);
    qsizetype offset = scanner.locate(segments);
    // Plain exchange files have no `exchange` wrapper around the paths a case file uses.
    if (offset < 0 && std::holds_alternative<QString>(segments.first())
        && std::get<QString>(segments.first()) == QLatin1String("exchange")) {
        segments.removeFirst();
        offset = scanner.locate(segments);
    }
    if (offset < 0)
        return std::nullopt;
    return positionOf(text, offset);
}

QStringList jsonPathsInMessage(const QString& message)
{
    // A dotted/indexed member path: at least one `.name` or `[n]` after a name.
    static const QRegularExpression pathPattern(
        QStringLiteral(R"(\b[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)"));
    QStringList paths;
    auto it = pathPattern.globalMatch(message);
    while (it.hasNext())
        paths.append(it.next().captured(0));
    return paths;
}

} // namespace corsbench::ui
