// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/console_parser.h"

namespace corsbench::ingest {
namespace {

// Matches `text` against prefix{HINT}suffix; on success stores the hint.
bool matchHint(QStringView text, QStringView prefix, QStringView suffix, QString& hint)
{
    if (text.size() < prefix.size() + suffix.size() || !text.startsWith(prefix) || !text.endsWith(suffix))
        return false;
    hint = text.mid(prefix.size(), text.size() - prefix.size() - suffix.size()).toString();
    return true;
}

bool chopSuffix(QStringView& text, QStringView suffix)
{
    if (!text.endsWith(suffix))
        return false;
    text.chop(suffix.size());
    return true;
}

// Text between the first pair of backticks after `from`.
QString backticked(QStringView text, qsizetype from = 0)
{
    const qsizetype a = text.indexOf(u'`', from);
    if (a < 0)
        return {};
    const qsizetype b = text.indexOf(u'`', a + 1);
    if (b < 0)
        return {};
    return text.mid(a + 1, b - a - 1).toString();
}

// Chromium encodes non-printable hint characters as \uXXXX since 2024-25.
QString decodeHint(const QString& hint)
{
    if (!hint.contains(QLatin1String("\\u")))
        return hint;
    QString out;
    out.reserve(hint.size());
    for (qsizetype i = 0; i < hint.size(); ++i) {
        if (hint.at(i) == u'\\' && i + 5 < hint.size() + 0 && hint.at(i + 1) == u'u') {
            bool ok = false;
            const uint code = QStringView(hint).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out.append(QChar(char16_t(code)));
                i += 5;
                continue;
            }
        }
        out.append(hint.at(i));
    }
    return out;
}

QString normaliseQuotes(QStringView text)
{
    QString s = text.toString();
    for (QChar& c : s) {
        const char16_t u = c.unicode();
        if (u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x2032)
            c = u'\'';
        else if (u == 0x201C || u == 0x201D)
            c = u'"';
    }
    return s;
}

std::optional<int> parseStatusAfter(QStringView text, QStringView marker)
{
    const qsizetype at = text.lastIndexOf(marker);
    if (at < 0)
        return std::nullopt;
    QStringView rest = text.mid(at + marker.size()).trimmed();
    qsizetype n = 0;
    while (n < rest.size() && n < 4 && rest.at(n).isDigit())
        ++n;
    if (n == 0)
        return std::nullopt;
    return rest.left(n).toInt();
}

bool isHttpMethodToken(QStringView t)
{
    static const char* const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" };
    for (const char* m : methods) {
        if (t == QLatin1String(m))
            return true;
    }
    return false;
}

// The first whitespace-delimited token of `text` that looks like a URL.
QString firstUrlToken(QStringView text)
{
    for (QStringView tok : text.split(u' ', Qt::SkipEmptyParts)) {
        if (tok.startsWith(u"http://") || tok.startsWith(u"https://") || tok.startsWith(u"ws://")
            || tok.startsWith(u"wss://") || tok.startsWith(u"file://")) {
            while (!tok.isEmpty() && (tok.endsWith(u'\'') || tok.endsWith(u'"') || tok.endsWith(u'.')
                       || tok.endsWith(u',') || tok.endsWith(u')') || tok.endsWith(u'\u201D')))
                tok.chop(1);
            return tok.toString();
        }
    }
    return {};
}

} // namespace

bool classifyChromeReason(QStringView reason, ConsoleMessage& m)
{
    QStringView r = reason.trimmed();
    m.reason = r.toString();
    static constexpr QStringView kPreflightPrefix = u"Response to preflight request doesn't pass access control check: ";
    if (r.startsWith(kPreflightPrefix)) {
        m.preflight = true;
        r = r.mid(kPreflightPrefix.size());
    }
    // Suffixes, newest first (browsers.md §2.3).
    if (chopSuffix(r, u" If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."))
        m.legacyWording = true;
    if (chopSuffix(r, u" Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."))
        m.legacyWording = true;
    chopSuffix(r, u" Have the server send the header with a valid value.");
    chopSuffix(r, u" The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.");

    const QString pf = m.preflight ? QStringLiteral("Preflight") : QString();
    QString hint;
    auto set = [&](const QString& kind, bool usesPreflightPrefix = true) {
        m.corsError = usesPreflightPrefix ? pf + kind : kind;
        m.failedParameter = decodeHint(hint);
        return true;
    };
    if (r == u"No 'Access-Control-Allow-Origin' header is present on the requested resource.")
        return set(QStringLiteral("MissingAllowOriginHeader"));
    if (matchHint(r, u"The 'Access-Control-Allow-Origin' header contains multiple values '", u"', but only one is allowed.", hint))
        return set(QStringLiteral("MultipleAllowOriginValues"));
    if (matchHint(r, u"The 'Access-Control-Allow-Origin' header contains the invalid value '", u"'.", hint))
        return set(QStringLiteral("InvalidAllowOriginValue"));
    if (matchHint(r, u"The 'Access-Control-Allow-Origin' header has a value '", u"' that is not equal to the supplied origin.", hint))
        return set(QStringLiteral("AllowOriginMismatch"));
    if (r == u"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.")
        return set(QStringLiteral("WildcardOriginNotAllowed")); // Chromium reports an empty failedParameter here
    if (matchHint(r, u"The value of the 'Access-Control-Allow-Credentials' header in the response is '", u"' which must be 'true' when the request's credentials mode is 'include'.", hint))
        return set(QStringLiteral("InvalidAllowCredentials"));
    if (r == u"Cross origin requests are not allowed by request mode.")
        return set(QStringLiteral("DisallowedByMode"), false);
    if (r == u"The response is invalid.")
        return set(QStringLiteral("InvalidResponse"), false);
    if (r.startsWith(u"Cross origin requests are only supported for protocol schemes:")) {
        hint.clear();
        return set(QStringLiteral("CorsDisabledScheme"), false);
    }
    if (r == u"It does not have HTTP ok status.") {
        m.preflight = true;
        return set(QStringLiteral("PreflightInvalidStatus"), false);
    }
    if (r == u"Redirect is not allowed for a preflight request.") {
        m.preflight = true;
        return set(QStringLiteral("PreflightDisallowedRedirect"), false);
    }
    if (r == u"Cannot parse Access-Control-Allow-Methods response header field in preflight response.") {
        m.preflight = true;
        return set(QStringLiteral("InvalidAllowMethodsPreflightResponse"), false);
    }
    if (r == u"Cannot parse Access-Control-Allow-Headers response header field in preflight response.") {
        m.preflight = true;
        return set(QStringLiteral("InvalidAllowHeadersPreflightResponse"), false);
    }
    if (matchHint(r, u"Method ", u" is not allowed by Access-Control-Allow-Methods in preflight response.", hint)) {
        m.preflight = true;
        return set(QStringLiteral("MethodDisallowedByPreflightResponse"), false);
    }
    if (matchHint(r, u"Request header field ", u" is not allowed by Access-Control-Allow-Headers in preflight response.", hint)) {
        m.preflight = true;
        return set(QStringLiteral("HeaderDisallowedByPreflightResponse"), false);
    }
    if (matchHint(r, u"Redirect location '", u"' contains a username and password, which is disallowed for cross-origin requests.", hint))
        return set(QStringLiteral("RedirectContainsCredentials"), false);
    if (r.startsWith(u"The request client is not a secure context and the resource is in more-private address space")) {
        m.addressSpace = backticked(r);
        return set(QStringLiteral("InsecureLocalNetwork"), false);
    }
    if (r.startsWith(u"Request had a target IP address space of")) {
        m.targetAddressSpace = backticked(r);
        m.addressSpace = backticked(r, r.indexOf(u"yet the resource"));
        return set(QStringLiteral("InvalidLocalNetworkAccess"), false);
    }
    if (r.startsWith(u"Request had no target IP address space, yet the resource is in address space")) {
        m.addressSpace = backticked(r);
        m.legacyWording = true;
        return set(QStringLiteral("UnexpectedPrivateNetworkAccess"), false);
    }
    if (r.startsWith(u"No 'Access-Control-Allow-Private-Network' header was present in the preflight response")) {
        m.preflight = true;
        m.legacyWording = true;
        m.targetAddressSpace = backticked(r);
        return set(QStringLiteral("PreflightMissingAllowPrivateNetwork"), false);
    }
    if (r.startsWith(u"The 'Access-Control-Allow-Private-Network' header in the preflight response")) {
        m.preflight = true;
        m.legacyWording = true;
        m.targetAddressSpace = backticked(r);
        const qsizetype v = r.indexOf(u"had a value of '");
        if (v >= 0) {
            QStringView rest = r.mid(v + 16);
            hint = rest.left(qMax<qsizetype>(0, rest.indexOf(u'\''))).toString();
        }
        return set(QStringLiteral("PreflightInvalidAllowPrivateNetwork"), false);
    }
    if (r.startsWith(u"No 'Private-Network-Access-Id' header")) {
        m.preflight = true;
        m.legacyWording = true;
        m.targetAddressSpace = backticked(r);
        return set(QStringLiteral("PreflightMissingPrivateNetworkAccessId"), false);
    }
    if (r.startsWith(u"No 'Private-Network-Access-Name' header")) {
        m.preflight = true;
        m.legacyWording = true;
        m.targetAddressSpace = backticked(r);
        return set(QStringLiteral("PreflightMissingPrivateNetworkAccessName"), false);
    }
    if (r.startsWith(u"Unable to ask for permission to access the")) {
        m.legacyWording = true;
        m.targetAddressSpace = backticked(r);
        return set(QStringLiteral("PrivateNetworkAccessPermissionUnavailable"), false);
    }
    if (r.startsWith(u"Permission was denied for this request to access the")) {
        m.targetAddressSpace = backticked(r);
        return set(QStringLiteral("LocalNetworkAccessPermissionDenied"), false);
    }
    if (r.startsWith(u"No 'Access-Control-Allow-External' header was present in the preflight response")) {
        m.preflight = true;
        m.legacyWording = true;
        return set(QStringLiteral("PreflightMissingAllowExternal"), false);
    }
    if (r.startsWith(u"The 'Access-Control-Allow-External' header in the preflight response")) {
        m.preflight = true;
        m.legacyWording = true;
        const qsizetype v = r.indexOf(u"had a value of '");
        if (v >= 0) {
            QStringView rest = r.mid(v + 16);
            hint = rest.left(qMax<qsizetype>(0, rest.indexOf(u'\''))).toString();
        }
        return set(QStringLiteral("PreflightInvalidAllowExternal"), false);
    }
    return false;
}

std::optional<ConsoleMessage> parseChromeConsoleLine(QStringView line)
{
    ConsoleMessage m;
    m.browser = QStringLiteral("chrome");
    static constexpr QStringView kBlocked = u"has been blocked by CORS policy:";
    qsizetype b = line.indexOf(kBlocked);
    QStringView reason;
    if (b >= 0) {
        reason = line.mid(b + kBlocked.size()).trimmed();
        QStringView head = line.left(b);
        const qsizetype a = head.indexOf(u"Access to ");
        if (a < 0)
            return std::nullopt;
        head = head.mid(a + 10);
        const qsizetype at = head.indexOf(u" at '");
        if (at < 0 || at > 64)
            return std::nullopt;
        m.initiator = head.left(at).toString();
        QStringView rest = head.mid(at + 5);
        const qsizetype fo = rest.lastIndexOf(u"from origin '");
        if (fo < 0)
            return std::nullopt;
        QStringView originPart = rest.mid(fo + 13).trimmed();
        if (originPart.endsWith(u'\''))
            originPart.chop(1);
        m.origin = originPart.toString();
        QStringView urls = rest.left(fo).trimmed();
        const qsizetype rf = urls.indexOf(u"' (redirected from '");
        if (rf >= 0) {
            m.url = urls.left(rf).toString();
            QStringView init = urls.mid(rf + 20);
            chopSuffix(init, u"')");
            m.redirectedFrom = init.toString();
        } else {
            chopSuffix(urls, u"'");
            m.url = urls.toString();
        }
    } else {
        // DevTools Issues panel summary form.
        b = line.indexOf(u"Access blocked by CORS policy:");
        if (b < 0)
            return std::nullopt;
        reason = line.mid(b + 30).trimmed();
    }
    if (!classifyChromeReason(reason, m))
        m.corsError.clear(); // recognised as a Chrome CORS line, reason unknown (newer build?)
    return m;
}

std::optional<ConsoleMessage> parseFirefoxConsoleLine(QStringView rawLine)
{
    const QString s = normaliseQuotes(rawLine);
    QStringView line(s);
    ConsoleMessage m;
    m.browser = QStringLiteral("firefox");
    qsizetype p = line.indexOf(u"Cross-Origin Request Blocked:");
    if (p < 0) {
        p = line.indexOf(u"Cross-Origin Request Warning:");
        if (p < 0)
            return std::nullopt;
        m.warningOnly = true;
    }
    line = line.mid(p);
    const qsizetype at = line.indexOf(u"remote resource at ");
    const qsizetype rs = line.indexOf(u"(Reason:");
    if (at >= 0) {
        const qsizetype urlStart = at + 19;
        qsizetype urlEnd = rs >= 0 ? rs : line.size();
        QStringView url = line.mid(urlStart, urlEnd - urlStart).trimmed();
        chopSuffix(url, u" soon.");
        chopSuffix(url, u".");
        if (url.startsWith(u'\''))
            url = url.mid(1);
        chopSuffix(url, u"'");
        m.url = url.toString();
    }
    if (rs < 0)
        return m;
    QStringView after = line.mid(rs + 8);
    const qsizetype sc = after.lastIndexOf(u"Status code:");
    QStringView reasonPart = sc >= 0 ? after.left(sc) : after;
    if (sc >= 0) {
        m.status = parseStatusAfter(after, u"Status code:");
    }
    reasonPart = reasonPart.trimmed();
    chopSuffix(reasonPart, u".");
    chopSuffix(reasonPart, u")");
    QStringView r = reasonPart.trimmed();
    m.reason = r.toString();
    QString hint;
    auto set = [&](const char* key, const char* kind) {
        m.firefoxReasonKey = QLatin1String(key);
        m.corsError = QLatin1String(kind);
        m.failedParameter = hint;
    };
    if (r == u"CORS disabled")
        set("CORSDisabled", "");
    else if (r == u"CORS request did not succeed")
        set("CORSDidNotSucceed", "");
    else if (r == u"CORS header 'Origin' cannot be added")
        set("CORSOriginHeaderNotAdded", "");
    else if (r == u"CORS request external redirect not allowed") {
        set("CORSExternalRedirectNotAllowed", "PreflightDisallowedRedirect");
        m.preflight = true;
    } else if (r.compare(u"CORS request not http", Qt::CaseInsensitive) == 0)
        set("CORSRequestNotHttp", "CorsDisabledScheme");
    else if (r == u"CORS header 'Access-Control-Allow-Origin' missing")
        set("CORSMissingAllowOrigin", "MissingAllowOriginHeader");
    else if (r == u"Multiple CORS header 'Access-Control-Allow-Origin' not allowed")
        set("CORSMultipleAllowOriginNotAllowed", "MultipleAllowOriginValues");
    else if (matchHint(r, u"CORS header 'Access-Control-Allow-Origin' does not match '", u"'", hint)) {
        const bool several = hint.contains(u',');
        set("CORSAllowOriginNotMatchingOrigin", several ? "MultipleAllowOriginValues" : "AllowOriginMismatch");
    } else if (r == u"Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*'") {
        set("CORSNotSupportingCredentials", "WildcardOriginNotAllowed");
    } else if (r == u"Did not find method in CORS header 'Access-Control-Allow-Methods'") {
        set("CORSMethodNotFound", "MethodDisallowedByPreflightResponse");
        m.preflight = true;
    } else if (r == u"expected 'true' in CORS header 'Access-Control-Allow-Credentials'")
        set("CORSMissingAllowCredentials", "InvalidAllowCredentials");
    else if (r == u"CORS preflight response did not succeed" || r == u"CORS preflight channel did not succeed") {
        set("CORSPreflightDidNotSucceed", "PreflightInvalidStatus");
        m.preflight = true;
        m.legacyWording = r.endsWith(u"channel did not succeed");
    } else if (matchHint(r, u"invalid token '", u"' in CORS header 'Access-Control-Allow-Methods'", hint)) {
        set("CORSInvalidAllowMethod", "InvalidAllowMethodsPreflightResponse");
        m.preflight = true;
    } else if (matchHint(r, u"invalid token '", u"' in CORS header 'Access-Control-Allow-Headers'", hint)) {
        set("CORSInvalidAllowHeader", "InvalidAllowHeadersPreflightResponse");
        m.preflight = true;
    } else if (matchHint(r, u"header '", u"' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response", hint)
        || matchHint(r, u"header '", u"' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight channel", hint)) {
        m.legacyWording = r.endsWith(u"channel");
        set("CORSMissingAllowHeaderFromPreflight", "HeaderDisallowedByPreflightResponse");
        m.preflight = true;
    } else if (matchHint(r, u"missing token '", u"' in CORS header 'Access-Control-Allow-Headers' from CORS preflight channel", hint)) {
        m.legacyWording = true;
        set("CORSMissingAllowHeaderFromPreflight", "HeaderDisallowedByPreflightResponse");
        m.preflight = true;
    } else if (r.startsWith(u"When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered")) {
        hint = QStringLiteral("authorization");
        set("CORSAllowHeaderFromPreflightDeprecation", "HeaderDisallowedByPreflightResponse");
        m.preflight = true;
        m.warningOnly = true;
    }
    return m;
}

std::optional<ConsoleMessage> parseSafariReasonLine(QStringView line)
{
    ConsoleMessage m;
    m.browser = QStringLiteral("safari");
    QString hint;
    // WebKit prints reasons bare; Web Inspector copies may prefix "[Error] " or
    // "Failed to load resource: ". Find the reason anywhere in the line.
    auto find = [&](QStringView needle) { return line.indexOf(needle); };
    qsizetype p;
    if ((p = find(u"Cross-origin redirection to ")) >= 0) {
        QStringView rest = line.mid(p + 28);
        const qsizetype d = rest.indexOf(u" denied by Cross-Origin Resource Sharing policy: ");
        if (d < 0)
            return std::nullopt;
        m.url = rest.left(d).toString();
        QStringView inner = rest.mid(d + 49);
        m.reason = line.mid(p).toString();
        if (inner.startsWith(u"redirection URL ") || inner.contains(u"has credentials")) {
            m.corsError = QStringLiteral("RedirectContainsCredentials");
            return m;
        }
        if (inner.startsWith(u"not allowed to follow a cross-origin CORS redirection with non CORS scheme")) {
            m.corsError = QStringLiteral("CorsDisabledScheme");
            return m;
        }
        if (auto innerMsg = parseSafariReasonLine(inner)) {
            innerMsg->redirectedFrom = QStringLiteral("(redirect)");
            innerMsg->url = m.url;
            innerMsg->reason = m.reason;
            return innerMsg;
        }
        return m;
    }
    if ((p = find(u" is not allowed by Access-Control-Allow-Origin.")) >= 0) {
        const qsizetype o = line.lastIndexOf(u"Origin ", p);
        if (o < 0)
            return std::nullopt;
        m.origin = line.mid(o + 7, p - o - 7).trimmed().toString();
        m.status = parseStatusAfter(line.mid(p), u"Status code:");
        // WebKit words missing, empty, wrong and malformed ACAO identically.
        m.corsError = QStringLiteral("MissingAllowOriginHeader");
        m.ambiguous = true;
        m.reason = line.mid(o).toString();
        return m;
    }
    if ((p = find(u"Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.")) >= 0) {
        m.corsError = QStringLiteral("WildcardOriginNotAllowed");
    } else if ((p = find(u"Access-Control-Allow-Origin cannot contain more than one origin.")) >= 0) {
        m.corsError = QStringLiteral("MultipleAllowOriginValues");
    } else if ((p = find(u"Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".")) >= 0) {
        m.corsError = QStringLiteral("InvalidAllowCredentials");
    } else if ((p = find(u"Preflight response is not successful.")) >= 0) {
        m.corsError = QStringLiteral("PreflightInvalidStatus");
        m.preflight = true;
        m.status = parseStatusAfter(line.mid(p), u"Status code:");
    } else if ((p = find(u"Header Access-Control-Allow-Methods has an invalid value:")) >= 0) {
        m.corsError = QStringLiteral("InvalidAllowMethodsPreflightResponse");
        m.preflight = true;
        m.failedParameter = line.mid(p + 57).trimmed().toString();
    } else if ((p = find(u"Header Access-Control-Allow-Headers has an invalid value:")) >= 0) {
        m.corsError = QStringLiteral("InvalidAllowHeadersPreflightResponse");
        m.preflight = true;
        m.failedParameter = line.mid(p + 57).trimmed().toString();
    } else if ((p = find(u" is not allowed by Access-Control-Allow-Methods.")) >= 0) {
        const qsizetype s = line.lastIndexOf(u"Method ", p);
        if (s < 0)
            return std::nullopt;
        m.corsError = QStringLiteral("MethodDisallowedByPreflightResponse");
        m.preflight = true;
        m.failedParameter = line.mid(s + 7, p - s - 7).toString();
        m.method = m.failedParameter;
        p = s;
    } else if ((p = find(u" is not allowed by Access-Control-Allow-Headers.")) >= 0) {
        const qsizetype s = line.lastIndexOf(u"Request header field ", p);
        if (s < 0)
            return std::nullopt;
        m.corsError = QStringLiteral("HeaderDisallowedByPreflightResponse");
        m.preflight = true;
        m.failedParameter = line.mid(s + 21, p - s - 21).toString().toLower();
        p = s;
    } else if ((p = find(u"Unsafe attempt to load URL ")) >= 0 && line.contains(u"Domains, protocols and ports must match")) {
        m.corsError = QStringLiteral("DisallowedByMode");
        QStringView rest = line.mid(p + 27);
        const qsizetype fo = rest.indexOf(u" from origin ");
        if (fo > 0) {
            m.url = rest.left(fo).toString();
            QStringView o = rest.mid(fo + 13);
            m.origin = o.left(qMax<qsizetype>(0, o.indexOf(u". Domains"))).toString();
        }
    } else if ((p = find(u"Cross origin requests are only supported for HTTP.")) >= 0) {
        m.corsError = QStringLiteral("CorsDisabledScheme");
    } else if ((p = find(u"Load cannot follow more than 20 redirections")) >= 0) {
        m.corsError.clear();
        m.netError = QStringLiteral("too many redirects");
    } else if ((p = find(u"Not allowed to follow a redirection while loading ")) >= 0) {
        m.netError = QStringLiteral("redirect mode error");
        m.url = firstUrlToken(line.mid(p));
    } else {
        return std::nullopt;
    }
    m.reason = line.mid(p).toString();
    return m;
}

std::optional<ConsoleMessage> parseSafariCannotLoadLine(QStringView line)
{
    const qsizetype d = line.indexOf(u" due to access control checks.");
    if (d < 0)
        return std::nullopt;
    static const char* const starts[][2] = { { "Fetch API cannot load ", "fetch" },
        { "XMLHttpRequest cannot load ", "XMLHttpRequest" }, { "EventSource cannot load ", "EventSource" },
        { "Cannot load ", "other" } };
    for (const auto& s : starts) {
        const QLatin1String start(s[0]);
        const qsizetype p = line.lastIndexOf(start, d);
        if (p >= 0) {
            ConsoleMessage m;
            m.browser = QStringLiteral("safari");
            m.initiator = QLatin1String(s[1]);
            m.url = line.mid(p + start.size(), d - p - start.size()).trimmed().toString();
            m.reason = line.mid(p).toString();
            return m;
        }
    }
    return std::nullopt;
}

std::optional<ConsoleMessage> parseNetworkErrorLine(QStringView line)
{
    ConsoleMessage m;
    const qsizetype ne = line.indexOf(u"net::ERR_");
    if (ne >= 0) {
        m.browser = QStringLiteral("chrome");
        qsizetype e = ne;
        while (e < line.size() && (line.at(e).isLetterOrNumber() || line.at(e) == u'_' || line.at(e) == u':'))
            ++e;
        m.netError = line.mid(ne, e - ne).toString();
        QStringView before = line.left(ne);
        const auto toks = before.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < toks.size(); ++i) {
            if (isHttpMethodToken(toks.at(i)))
                m.method = toks.at(i).toString();
        }
        m.url = firstUrlToken(before);
        QStringView after = line.mid(e).trimmed();
        qsizetype n = 0;
        while (n < after.size() && n < 3 && after.at(n).isDigit())
            ++n;
        if (n == 3)
            m.status = after.left(3).toInt();
        m.reason = line.mid(ne).toString();
        return m;
    }
    static const char* const jsErrors[][2] = {
        { "TypeError: Failed to fetch", "chrome" },
        { "TypeError: NetworkError when attempting to fetch resource", "firefox" },
        { "TypeError: Load failed", "safari" },
        { "AxiosError: Network Error", "" },
        { "Error: Network Error", "" },
    };
    for (const auto& j : jsErrors) {
        if (line.contains(QLatin1String(j[0]))) {
            m.browser = QLatin1String(j[1]);
            m.netError = QLatin1String(j[0]);
            m.reason = line.trimmed().toString();
            return m;
        }
    }
    const qsizetype fl = line.indexOf(u"Failed to load resource: ");
    if (fl >= 0) {
        QStringView rest = line.mid(fl + 25);
        static constexpr QStringView kStatus = u"the server responded with a status of ";
        if (rest.startsWith(kStatus)) {
            m.browser = QStringLiteral("chrome");
            m.status = parseStatusAfter(rest, kStatus);
            m.netError = QStringLiteral("http-status");
            m.reason = rest.toString();
            return m;
        }
        if (rest.contains(u"certificate") || rest.contains(u"Could not connect") || rest.contains(u"timed out")
            || rest.contains(u"network connection was lost") || rest.contains(u"SSL")) {
            m.browser = QStringLiteral("safari");
            m.netError = rest.trimmed().toString();
            m.reason = m.netError;
            return m;
        }
    }
    for (const char* tls : { "SEC_ERROR_", "SSL_ERROR_", "MOZILLA_PKIX_ERROR_" }) {
        const qsizetype t = line.indexOf(QLatin1String(tls));
        if (t >= 0) {
            m.browser = QStringLiteral("firefox");
            qsizetype e = t;
            while (e < line.size() && (line.at(e).isLetterOrNumber() || line.at(e) == u'_'))
                ++e;
            m.netError = line.mid(t, e - t).toString();
            m.url = firstUrlToken(line);
            m.reason = line.trimmed().toString();
            return m;
        }
    }
    return std::nullopt;
}

std::optional<ConsoleMessage> parseMixedContentLine(QStringView line)
{
    ConsoleMessage m;
    qsizetype p = line.indexOf(u"Mixed Content: The page at '");
    if (p >= 0) {
        m.browser = QStringLiteral("chrome");
        QStringView rest = line.mid(p + 28);
        const qsizetype q = rest.indexOf(u'\'');
        const QString page = rest.left(qMax<qsizetype>(0, q)).toString();
        m.origin = page;
        const qsizetype ins = rest.indexOf(u"requested an insecure ");
        if (ins >= 0) {
            QStringView r2 = rest.mid(ins);
            const qsizetype a = r2.indexOf(u'\'');
            const qsizetype b = a >= 0 ? r2.indexOf(u'\'', a + 1) : -1;
            if (a >= 0 && b > a)
                m.insecureUrl = r2.mid(a + 1, b - a - 1).toString();
        }
        m.url = m.insecureUrl;
        m.reason = line.mid(p).toString();
        return m;
    }
    p = line.indexOf(u"Blocked loading mixed active content");
    if (p >= 0) {
        m.browser = QStringLiteral("firefox");
        m.insecureUrl = firstUrlToken(normaliseQuotes(line.mid(p)).replace(u'"', u' '));
        m.url = m.insecureUrl;
        m.reason = line.mid(p).toString();
        return m;
    }
    if ((p = line.indexOf(u"was not allowed to display insecure content")) >= 0
        || (p = line.indexOf(u"requested insecure content from")) >= 0) {
        m.browser = QStringLiteral("safari");
        m.insecureUrl = firstUrlToken(line.mid(p));
        m.url = m.insecureUrl;
        m.reason = line.trimmed().toString();
        return m;
    }
    return std::nullopt;
}

} // namespace corsbench::ingest
