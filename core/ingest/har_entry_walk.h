// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
//
// The one walk over a HAR entry's fields, shared by HarReader's kernels and the bare simdjson
// baseline of bench/har_parse. Include it after <simdjson.h> in a translation unit compiled for
// one CPU target, with CORSBENCH_HAR_KERNEL naming that target (haswell, westmere, portable):
// everything here lands in corsbench::ingest::har::kernel_<target>, so each target's copy has its
// own symbols. Standard C++ and simdjson only.
#pragma once

#ifndef CORSBENCH_HAR_KERNEL
#error "define CORSBENCH_HAR_KERNEL (haswell, westmere, portable) before including har_entry_walk.h"
#endif

#include "core/ingest/har_kernel.h"

#include <simdjson.h>

#include <string_view>

#define CORSBENCH_HAR_CAT2(a, b) a##b
#define CORSBENCH_HAR_CAT(a, b) CORSBENCH_HAR_CAT2(a, b)
#define CORSBENCH_HAR_NS CORSBENCH_HAR_CAT(kernel_, CORSBENCH_HAR_KERNEL)

namespace corsbench::ingest::har::CORSBENCH_HAR_NS {

namespace od = simdjson::ondemand;
using simdjson::error_code;

/// The key of `field`, without copying it unless it contains escapes.
simdjson_inline error_code keyOf(od::field& field, std::string_view& out)
{
    const char* raw = field.key().raw();
    for (std::size_t i = 0;; ++i) {
        // The string is closed (stage 1 checked), so this stops at its closing quote.
        if (raw[i] == '"') {
            out = std::string_view(raw, i);
            return simdjson::SUCCESS;
        }
        if (raw[i] == '\\')
            return field.unescaped_key().get(out);
    }
}

// A visitor V has: text(Text, std::string_view), status(int64_t),
// header(Part, std::string_view name, std::string_view value), and optionally
// knownHeaders(Part, const char* start): given where a headers array starts in the input, true when
// the visitor already holds exactly these headers (it compares the array's raw JSON), so the walk
// skips the array without visiting its headers. The bench's bare walk has no such member.

// Optionally also complete(): true when the visitor needs nothing more from this entry, and the
// walk stops there (the rest of the entry is left unread, as unread members always are).
template <class V>
simdjson_inline bool entryComplete(V& visitor)
{
    if constexpr (requires { visitor.complete(); })
        return visitor.complete();
    else
        return false;
}

template <class V>
simdjson_inline bool knownHeaders(od::value v, Part part, V& visitor)
{
    if constexpr (requires { visitor.knownHeaders(part, static_cast<const char*>(nullptr)); })
        return visitor.knownHeaders(part, v.raw_json_token().data());
    else
        return false;
}

template <class V>
error_code walkHeaders(od::value v, Part part, V& visitor)
{
    od::array arr;
    if (auto e = v.get_array().get(arr))
        return e;
    for (auto item : arr) {
        od::object h;
        if (auto e = item.get_object().get(h))
            return e;
        std::string_view name;
        std::string_view value;
        for (auto f : h) {
            od::field field;
            if (auto e = std::move(f).get(field))
                return e;
            std::string_view key;
            if (auto e = keyOf(field, key))
                return e;
            if (key == "name") {
                if (auto e = field.value().get_string().get(name))
                    return e;
            } else if (key == "value") {
                if (auto e = field.value().get_string().get(value))
                    return e;
            }
        }
        if (!name.empty())
            visitor.header(part, name, value);
    }
    return simdjson::SUCCESS;
}

template <class V>
error_code walkRequest(od::value v, V& visitor)
{
    od::object obj;
    if (auto e = v.get_object().get(obj))
        return e;
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = keyOf(field, key))
            return e;
        if (key == "method" || key == "url") {
            std::string_view s;
            if (auto e = field.value().get_string().get(s))
                return e;
            visitor.text(key == "method" ? Text::Method : Text::Url, s);
        } else if (key == "headers") {
            if (knownHeaders(field.value(), Part::Request, visitor))
                continue; // the visitor has these headers already; simdjson skips the array
            if (auto e = walkHeaders(field.value(), Part::Request, visitor))
                return e;
        }
    }
    return simdjson::SUCCESS;
}

template <class V>
error_code walkResponse(od::value v, V& visitor)
{
    od::object obj;
    if (auto e = v.get_object().get(obj))
        return e;
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = keyOf(field, key))
            return e;
        if (key == "status") {
            // Chrome writes integers; anything else is "no status".
            std::int64_t n = 0;
            if (field.value().get_int64().get(n) == simdjson::SUCCESS)
                visitor.status(n);
        } else if (key == "statusText" || key == "redirectURL" || key == "_error") {
            // Lenient: Chrome writes "_error": null.
            std::string_view s;
            if (field.value().get_string().get(s) == simdjson::SUCCESS)
                visitor.text(key == "statusText" ? Text::StatusText : key == "redirectURL" ? Text::RedirectUrl : Text::ResponseError, s);
        } else if (key == "headers") {
            if (!knownHeaders(field.value(), Part::Response, visitor)) {
                if (auto e = walkHeaders(field.value(), Part::Response, visitor))
                    return e;
            }
            if (entryComplete(visitor))
                return simdjson::SUCCESS;
        }
    }
    return simdjson::SUCCESS;
}

/// One element of log.entries. Members other than request, response, _resourceType and _error
/// (timings, cookies, content.text ...) are skipped by simdjson without being unescaped.
template <class V>
error_code walkEntry(od::object obj, V& visitor)
{
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = keyOf(field, key))
            return e;
        if (key == "request") {
            if (auto e = walkRequest(field.value(), visitor))
                return e;
        } else if (key == "response") {
            if (auto e = walkResponse(field.value(), visitor))
                return e;
            if (entryComplete(visitor))
                break;
        } else if (key == "_resourceType" || key == "_error") {
            std::string_view s;
            if (field.value().get_string().get(s) == simdjson::SUCCESS)
                visitor.text(key == "_error" ? Text::EntryError : Text::ResourceType, s);
        }
    }
    return simdjson::SUCCESS;
}

} // namespace corsbench::ingest::har::CORSBENCH_HAR_NS
