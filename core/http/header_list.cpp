// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/http/header_list.h"

namespace corsbench::http {

bool headerNameEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

QByteArray trimOws(QByteArrayView value)
{
    qsizetype b = 0;
    qsizetype e = value.size();
    while (b < e && (value[b] == ' ' || value[b] == '\t'))
        ++b;
    while (e > b && (value[e - 1] == ' ' || value[e - 1] == '\t'))
        --e;
    return value.sliced(b, e - b).toByteArray();
}

void HeaderList::removeAll(const QByteArray& name)
{
    m_headers.removeIf([&](const Header& h) { return headerNameEquals(h.name, name); });
}

void HeaderList::set(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : m_headers) {
        if (headerNameEquals(h.name, name)) {
            h.value = value;
            return;
        }
    }
    append(name, value);
}

bool HeaderList::contains(QByteArrayView name) const
{
    for (const auto& h : m_headers)
        if (headerNameEquals(h.name, name))
            return true;
    return false;
}

qsizetype HeaderList::count(QByteArrayView name) const
{
    qsizetype n = 0;
    for (const auto& h : m_headers)
        if (headerNameEquals(h.name, name))
            ++n;
    return n;
}

std::optional<QByteArray> HeaderList::value(QByteArrayView name) const
{
    for (const auto& h : m_headers)
        if (headerNameEquals(h.name, name))
            return h.value;
    return std::nullopt;
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto& h : m_headers)
        if (headerNameEquals(h.name, name))
            out.append(h.value);
    return out;
}

namespace {
bool needsTrim(const QByteArray& v)
{
    return !v.isEmpty() && (v.front() == ' ' || v.front() == '\t' || v.back() == ' ' || v.back() == '\t');
}
} // namespace

std::optional<QByteArray> HeaderList::combinedValue(QByteArrayView name) const
{
    std::optional<QByteArray> out;
    for (const auto& h : m_headers) {
        if (!headerNameEquals(h.name, name))
            continue;
        if (out) {
            out->append(", ");
            out->append(trimOws(h.value));
        } else {
            out = needsTrim(h.value) ? trimOws(h.value) : h.value; // shares, no copy
        }
    }
    return out;
}

} // namespace corsbench::http
