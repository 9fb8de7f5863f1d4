// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace corsbench {

enum class ErrorCode {
    InvalidArgument,
    InvalidJson,
    InvalidFormat,
    UnsupportedValue,
    TooLarge,
    BinaryInput,
    IoError,
    NetworkError,
};

/// A user-facing failure: `code` for logic and tests, `message` for people.
struct Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message;
    QString detail;
};

/// Subset of std::expected: a value or an Error. Never throws.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) // NOLINT(google-explicit-constructor)
        : m_data(std::move(value))
    {
    }
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_data(std::move(error))
    {
    }

    bool has_value() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return has_value(); }
    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const Error& error() const { return std::get<Error>(m_data); }
    T value_or(T fallback) const { return has_value() ? value() : std::move(fallback); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, Error> m_data;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error { code, std::move(message), std::move(detail) };
}

} // namespace corsbench
