// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/io/json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace corsbench::io {
namespace {

// The documented member order of the exchange and case formats (docs/exchange-format.md), then
// the verdict and CLI report members.
constexpr const char* kOrder[] = {
    "format", "id", "title", "browser", "server", "allowed", "verdict", "error", "kind", "browsers",
    "detected", "causes", "conclusive", "confidence", "failed_check", "evidence", "explanation", "what_to_do", "fixes",
    "framework", "diff", "snippet", "verification", "verified",
    "page_origin", "page_url", "request", "preflight", "actual",
    "method", "url", "status", "reason", "network_error", "headers", "credentials", "mode", "redirect", "body_kind",
    "blob_type", "body", "response",
    "expect", "expect_firefox", "expect_webkit",
};

int rank(const QString& key)
{
    const auto* it = std::find_if(std::begin(kOrder), std::end(kOrder), [&](const char* k) { return key == QLatin1String(k); });
    return it == std::end(kOrder) ? int(std::size(kOrder)) : int(it - std::begin(kOrder));
}

bool isScalar(const QJsonValue& v)
{
    return !v.isArray() && !v.isObject();
}

QByteArray scalar(const QJsonValue& v)
{
    // QJsonDocument does the escaping and number formatting; strip the one-element array.
    const QByteArray a = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

void write(const QJsonValue& v, int depth, QByteArray& out)
{
    const QByteArray pad(depth + 1, ' ');
    const QByteArray closePad(depth, ' ');
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        if (std::all_of(a.begin(), a.end(), [](const QJsonValue& e) { return isScalar(e); })) {
            out += '[';
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (i)
                    out += ", ";
                out += scalar(a.at(i));
            }
            out += ']';
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += pad;
            write(a.at(i), depth + 1, out);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += closePad + ']';
        return;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys = o.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) { return rank(a) < rank(b); });
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += pad + scalar(keys.at(i)) + ": ";
            write(o.value(keys.at(i)), depth + 1, out);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closePad + '}';
        return;
    }
    out += scalar(v);
}

} // namespace

QByteArray toReadableJson(const QJsonValue& value)
{
    QByteArray out;
    write(value, 0, out);
    out += '\n';
    return out;
}

} // namespace corsbench::io
