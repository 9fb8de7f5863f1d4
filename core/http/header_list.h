// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace corsbench::http {

struct Header {
    QByteArray name;
    QByteArray value;
    friend bool operator==(const Header&, const Header&) = default;
};

} // namespace corsbench::http

Q_DECLARE_TYPEINFO(corsbench::http::Header, Q_RELOCATABLE_TYPE);

namespace corsbench::http {

/// Ordered header lines as they crossed the wire: duplicates and name case kept.
/// Look-ups are ASCII case-insensitive on the name.
class HeaderList {
public:
    HeaderList() = default;
    HeaderList(std::initializer_list<Header> headers)
        : m_headers(headers)
    {
    }

    void append(QByteArray name, QByteArray value) { m_headers.append(Header { std::move(name), std::move(value) }); }
    void append(const Header& header) { m_headers.append(header); }
    /// Room for `n` headers in total, so appending that many allocates once.
    void reserve(qsizetype n) { m_headers.reserve(n); }
    void removeAll(const QByteArray& name);
    void set(const QByteArray& name, const QByteArray& value);

    bool contains(QByteArrayView name) const;
    qsizetype count(QByteArrayView name) const;
    /// First value for `name`, or nullopt when absent.
    std::optional<QByteArray> value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    /// All values for `name` joined with ", " as Chromium's HttpResponseHeaders does;
    /// each value trimmed of optional white space first. nullopt when absent.
    std::optional<QByteArray> combinedValue(QByteArrayView name) const;

    qsizetype size() const { return m_headers.size(); }
    bool isEmpty() const { return m_headers.isEmpty(); }
    const Header& at(qsizetype i) const { return m_headers.at(i); }
    QList<Header>::const_iterator begin() const { return m_headers.cbegin(); }
    QList<Header>::const_iterator end() const { return m_headers.cend(); }
    const QList<Header>& toList() const { return m_headers; }

    friend bool operator==(const HeaderList&, const HeaderList&) = default;

private:
    QList<Header> m_headers;
};

/// ASCII case-insensitive comparison of header names.
bool headerNameEquals(QByteArrayView a, QByteArrayView b);
/// Strips leading and trailing HTTP white space (SP, HTAB) as header parsers do.
QByteArray trimOws(QByteArrayView value);

} // namespace corsbench::http
