// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/io/verdict_json.h"

#include "core/http/origin.h"

#include <QJsonArray>
#include <QTextStream>

namespace corsbench::io {
namespace {

using cors::CheckStatus;

QJsonValue optBool(const std::optional<bool>& b)
{
    return b ? QJsonValue(*b) : QJsonValue(QJsonValue::Null);
}

QJsonValue strOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonArray headersJson(const http::HeaderList& headers)
{
    QJsonArray arr;
    for (const auto& h : headers)
        arr.append(QJsonArray { QString::fromLatin1(h.name), QString::fromLatin1(h.value) });
    return arr;
}

QString marker(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return QStringLiteral("PASS");
    case CheckStatus::Fail:
        return QStringLiteral("FAIL");
    case CheckStatus::Warning:
        return QStringLiteral("WARN");
    case CheckStatus::Info:
        return QStringLiteral("info");
    case CheckStatus::Skipped:
        return QStringLiteral("skip");
    }
    return {};
}

QString colored(const QString& text, const char* code, bool color)
{
    if (!color)
        return text;
    return QStringLiteral("\x1b[%1m").arg(QLatin1String(code)) + text + QStringLiteral("\x1b[0m");
}

QString stageLabel(const cors::Check& c)
{
    if (c.stage == cors::Stage::Actual && c.hop > 0)
        return QStringLiteral("hop %1").arg(c.hop + 1);
    return toString(c.stage);
}

} // namespace

QJsonObject verdictToJson(const cors::Verdict& v)
{
    QJsonObject o;
    o.insert(QStringLiteral("allowed"), v.allowed);
    o.insert(QStringLiteral("complete"), v.chromium.allowed.has_value());
    o.insert(QStringLiteral("cross_origin"), v.crossOrigin);
    o.insert(QStringLiteral("cors_applies"), v.corsApplies);
    o.insert(QStringLiteral("page_origin"), v.pageOrigin);
    o.insert(QStringLiteral("method"), QString::fromLatin1(v.method));

    QJsonObject pf;
    pf.insert(QStringLiteral("required"), v.preflight.required);
    pf.insert(QStringLiteral("recorded"), v.preflight.recorded);
    pf.insert(QStringLiteral("needed_by_request"), v.preflight.neededByRequest);
    pf.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(v.preflight.reasons));
    if (v.preflight.neededByRequest) {
        pf.insert(QStringLiteral("request"),
            QJsonObject { { QStringLiteral("method"), QString::fromLatin1(v.preflight.request.method) },
                { QStringLiteral("url"), v.preflight.request.url.toString(QUrl::FullyEncoded) },
                { QStringLiteral("headers"), headersJson(v.preflight.request.headers) } });
    } else {
        pf.insert(QStringLiteral("request"), QJsonValue::Null);
    }
    if (v.cache.applicable) {
        pf.insert(QStringLiteral("cache_seconds"),
            QJsonObject { { QStringLiteral("chromium"), v.cache.chromiumSeconds }, { QStringLiteral("firefox"), v.cache.firefoxSeconds },
                { QStringLiteral("webkit"), v.cache.webkitSeconds } });
    }
    o.insert(QStringLiteral("preflight"), pf);

    QJsonArray checks;
    QJsonArray warnings;
    for (const auto& c : v.checks) {
        QJsonObject co { { QStringLiteral("id"), c.id }, { QStringLiteral("title"), c.title }, { QStringLiteral("stage"), toString(c.stage) },
            { QStringLiteral("status"), toString(c.status) }, { QStringLiteral("explanation"), c.explanation },
            { QStringLiteral("reported"), c.reported } };
        if (c.hop >= 0)
            co.insert(QStringLiteral("hop"), c.hop);
        co.insert(QStringLiteral("header"), c.header.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(c.header)));
        co.insert(QStringLiteral("value"), c.value ? QJsonValue(QString::fromLatin1(*c.value)) : QJsonValue(QJsonValue::Null));
        co.insert(QStringLiteral("cors_error"), strOrNull(c.corsError));
        checks.append(co);
        if (c.status == CheckStatus::Warning)
            warnings.append(QJsonObject { { QStringLiteral("id"), c.id }, { QStringLiteral("message"), c.explanation } });
    }
    o.insert(QStringLiteral("checks"), checks);
    o.insert(QStringLiteral("warnings"), warnings);

    if (v.error) {
        const auto& e = *v.error;
        QJsonObject eo;
        eo.insert(QStringLiteral("kind"), strOrNull(e.kind));
        eo.insert(QStringLiteral("failed_parameter"), e.failedParameter);
        eo.insert(QStringLiteral("chrome_message"), strOrNull(e.chromeMessage));
        eo.insert(QStringLiteral("firefox_reason_key"), strOrNull(e.firefoxReasonKey));
        eo.insert(QStringLiteral("firefox_message"), strOrNull(e.firefoxMessage));
        eo.insert(QStringLiteral("safari_message"), e.safariMessages.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(e.safariMessages)));
        eo.insert(QStringLiteral("check"), strOrNull(e.checkId));
        eo.insert(QStringLiteral("network_error"), strOrNull(e.networkError));
        o.insert(QStringLiteral("error"), eo);
    } else {
        o.insert(QStringLiteral("error"), QJsonValue::Null);
    }
    o.insert(QStringLiteral("exposed_headers"), QJsonArray::fromStringList(v.exposedHeaders));
    o.insert(QStringLiteral("hidden_headers"), QJsonArray::fromStringList(v.hiddenHeaders));

    QJsonObject browsers;
    for (const cors::BrowserOutcome* b : { &v.chromium, &v.firefox, &v.webkit }) {
        QJsonObject bo { { QStringLiteral("allowed"), optBool(b->allowed) }, { QStringLiteral("console"), QJsonArray::fromStringList(b->console) } };
        if (b == &v.chromium) {
            bo.insert(QStringLiteral("cors_error"), strOrNull(b->errorKind));
            bo.insert(QStringLiteral("failed_parameter"), b->allowed == std::optional<bool>(false) ? QJsonValue(b->failedParameter) : QJsonValue(QJsonValue::Null));
        } else if (b == &v.firefox) {
            bo.insert(QStringLiteral("reason_key"), strOrNull(b->errorKind));
        }
        if (!b->note.isEmpty())
            bo.insert(QStringLiteral("note"), b->note);
        browsers.insert(b->browser.isEmpty() ? QStringLiteral("unknown") : b->browser, bo);
    }
    o.insert(QStringLiteral("browsers"), browsers);
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(v.notes));
    return o;
}

QString verdictToText(const cors::Verdict& v, const http::Exchange& ex, bool color)
{
    QString out;
    QTextStream s(&out);
    const QString target = ex.request.url.toString(QUrl::FullyEncoded);
    if (!v.chromium.allowed.has_value() && !v.error) {
        s << colored(QStringLiteral("INCOMPLETE"), "1;33", color) << " — " << v.chromium.note << "\n";
    } else if (v.allowed) {
        s << colored(QStringLiteral("ALLOWED"), "1;32", color);
        if (!v.corsApplies)
            s << (v.crossOrigin ? " (no-cors: opaque response)" : " (same-origin: CORS does not apply)");
        s << "\n";
    } else if (v.error && v.error->kind.isEmpty()) {
        s << colored(QStringLiteral("BLOCKED"), "1;31", color) << " — not a CORS rejection: " << v.error->networkError << "\n";
    } else {
        s << colored(QStringLiteral("BLOCKED by CORS"), "1;31", color) << " — " << (v.error ? v.error->kind : QString());
        if (v.error && !v.error->failedParameter.isEmpty())
            s << " (" << v.error->failedParameter << ")";
        s << "\n";
    }
    s << "  " << QString::fromLatin1(v.method) << " " << target << "\n";
    s << "  from origin " << v.pageOrigin << ", credentials: " << http::toString(ex.request.credentials)
      << ", mode: " << http::toString(ex.request.mode) << "\n";
    if (v.corsApplies) {
        if (v.preflight.required) {
            s << "  preflight: required — " << v.preflight.reasons.join(QStringLiteral("; ")) << "\n";
            QString acrm;
            QString acrh;
            for (const auto& h : v.preflight.request.headers) {
                if (h.name == "Access-Control-Request-Method")
                    acrm = QString::fromLatin1(h.value);
                if (h.name == "Access-Control-Request-Headers")
                    acrh = QString::fromLatin1(h.value);
            }
            s << "    OPTIONS with Access-Control-Request-Method: " << acrm;
            if (!acrh.isEmpty())
                s << ", Access-Control-Request-Headers: " << acrh;
            s << "\n";
        } else {
            s << "  preflight: not needed (CORS-safelisted method and headers)\n";
        }
    }

    for (const auto& c : v.checks) {
        if (!c.reported)
            continue;
        s << "\n" << colored(QStringLiteral("The check the browser fails:"), "1", color) << " " << c.title << " [" << c.id << ", " << stageLabel(c) << "]\n";
        if (!c.header.isEmpty())
            s << "  evidence: " << QString::fromLatin1(c.header) << ": " << (c.value ? QStringLiteral("'") + QString::fromLatin1(*c.value) + u'\'' : QStringLiteral("(absent)")) << "\n";
        else if (c.value)
            s << "  evidence: " << QString::fromLatin1(*c.value) << "\n";
        s << "  " << c.explanation << "\n";
    }
    QStringList alsoFailing;
    for (const auto& c : v.checks)
        if (c.status == CheckStatus::Fail && !c.reported)
            alsoFailing.append(QStringLiteral("%1 (%2)").arg(c.title, c.explanation));
    if (!alsoFailing.isEmpty()) {
        s << "\nAlso failing (you would hit these next):\n";
        for (const auto& a : alsoFailing)
            s << "  - " << a << "\n";
    }

    s << "\nChecks:\n";
    for (const auto& c : v.checks) {
        QString m = marker(c.status);
        const char* code = c.status == CheckStatus::Pass ? "32" : c.status == CheckStatus::Fail ? "31" : c.status == CheckStatus::Warning ? "33" : "2";
        s << "  " << colored(QStringLiteral("[%1]").arg(m), code, color) << " " << stageLabel(c).leftJustified(9) << " " << c.title;
        if (c.reported)
            s << "  <= reported";
        s << "\n            " << c.explanation << "\n";
    }
    if (!v.exposedHeaders.isEmpty() || !v.hiddenHeaders.isEmpty()) {
        s << "\nReadable response headers: " << (v.exposedHeaders.isEmpty() ? QStringLiteral("(none)") : v.exposedHeaders.join(QStringLiteral(", "))) << "\n";
        if (!v.hiddenHeaders.isEmpty())
            s << "Hidden from script: " << v.hiddenHeaders.join(QStringLiteral(", ")) << "\n";
    }
    if (v.cache.applicable)
        s << "Preflight cache: Chromium " << v.cache.chromiumSeconds << " s, Firefox " << v.cache.firefoxSeconds << " s, Safari "
          << v.cache.webkitSeconds << " s\n";

    s << "\nWhat each browser does:\n";
    for (const cors::BrowserOutcome* b : { &v.chromium, &v.firefox, &v.webkit }) {
        const QString name = b == &v.chromium ? QStringLiteral("Chrome ") : b == &v.firefox ? QStringLiteral("Firefox") : QStringLiteral("Safari ");
        const QString state = !b->allowed ? QStringLiteral("unknown") : *b->allowed ? QStringLiteral("allowed") : QStringLiteral("blocked");
        s << "  " << name << "  " << state;
        if (!b->errorKind.isEmpty())
            s << " (" << b->errorKind << ")";
        s << "\n";
        for (const QString& line : b->console)
            s << "           " << line << "\n";
        if (!b->note.isEmpty())
            s << "           note: " << b->note << "\n";
    }
    for (const QString& n : v.notes)
        s << "note: " << n << "\n";
    s.flush();
    return out;
}

} // namespace corsbench::io
