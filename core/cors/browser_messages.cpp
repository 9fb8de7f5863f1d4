// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/cors/browser_messages.h"

namespace corsbench::cors::messages {

bool isChromiumPreflightError(const QString& kind)
{
    static const QStringList kPreflight = {
        QStringLiteral("PreflightWildcardOriginNotAllowed"),
        QStringLiteral("PreflightMissingAllowOriginHeader"),
        QStringLiteral("PreflightMultipleAllowOriginValues"),
        QStringLiteral("PreflightInvalidAllowOriginValue"),
        QStringLiteral("PreflightAllowOriginMismatch"),
        QStringLiteral("PreflightInvalidAllowCredentials"),
        QStringLiteral("PreflightInvalidStatus"),
        QStringLiteral("PreflightDisallowedRedirect"),
    };
    return kPreflight.contains(kind);
}

QString encodeHint(const QString& hint)
{
    QString out;
    out.reserve(hint.size());
    for (QChar c : hint) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7F)
            out.append(c);
        else
            out.append(QStringLiteral("\\u") + QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    return out;
}

QString chromiumReason(const QString& kind, const QString& hintRaw, const QString& addressSpace)
{
    const QString hint = encodeHint(hintRaw);
    QString k = kind;
    if (k.startsWith(u"Preflight") && k != u"PreflightInvalidStatus" && k != u"PreflightDisallowedRedirect")
        k = k.mid(9);
    if (k == u"DisallowedByMode")
        return QStringLiteral("Cross origin requests are not allowed by request mode.");
    if (k == u"InvalidResponse")
        return QStringLiteral("The response is invalid.");
    if (k == u"WildcardOriginNotAllowed")
        return QStringLiteral("The value of the 'Access-Control-Allow-Origin' header in the response must not be the "
                              "wildcard '*' when the request's credentials mode is 'include'.");
    if (k == u"MissingAllowOriginHeader")
        return QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    if (k == u"MultipleAllowOriginValues")
        return QStringLiteral("The 'Access-Control-Allow-Origin' header contains multiple values '%1', but only one is allowed.").arg(hint);
    if (k == u"InvalidAllowOriginValue")
        return QStringLiteral("The 'Access-Control-Allow-Origin' header contains the invalid value '%1'.").arg(hint);
    if (k == u"AllowOriginMismatch")
        return QStringLiteral("The 'Access-Control-Allow-Origin' header has a value '%1' that is not equal to the supplied origin.").arg(hint);
    if (k == u"InvalidAllowCredentials")
        return QStringLiteral("The value of the 'Access-Control-Allow-Credentials' header in the response is '%1' which "
                              "must be 'true' when the request's credentials mode is 'include'.").arg(hint);
    if (k == u"CorsDisabledScheme")
        return QStringLiteral("Cross origin requests are only supported for protocol schemes: http, data, isolated-app, "
                              "chrome-extension, chrome, https, chrome-untrusted.");
    if (k == u"PreflightInvalidStatus")
        return QStringLiteral("It does not have HTTP ok status.");
    if (k == u"PreflightDisallowedRedirect")
        return QStringLiteral("Redirect is not allowed for a preflight request.");
    if (k == u"InvalidAllowMethodsPreflightResponse")
        return QStringLiteral("Cannot parse Access-Control-Allow-Methods response header field in preflight response.");
    if (k == u"InvalidAllowHeadersPreflightResponse")
        return QStringLiteral("Cannot parse Access-Control-Allow-Headers response header field in preflight response.");
    if (k == u"MethodDisallowedByPreflightResponse")
        return QStringLiteral("Method %1 is not allowed by Access-Control-Allow-Methods in preflight response.").arg(hint);
    if (k == u"HeaderDisallowedByPreflightResponse")
        return QStringLiteral("Request header field %1 is not allowed by Access-Control-Allow-Headers in preflight response.").arg(hint);
    if (k == u"RedirectContainsCredentials")
        return QStringLiteral("Redirect location '%1' contains a username and password, which is disallowed for "
                              "cross-origin requests.").arg(hint);
    if (k == u"InsecureLocalNetwork" || k == u"InsecurePrivateNetwork")
        return QStringLiteral("The request client is not a secure context and the resource is in more-private address space `%1`.").arg(addressSpace);
    if (k == u"InvalidLocalNetworkAccess" || k == u"InvalidPrivateNetworkAccess")
        return QStringLiteral("Request had a target IP address space of `%1` yet the resource is in address space `%2`.").arg(hint, addressSpace);
    if (k == u"LocalNetworkAccessPermissionDenied")
        return QStringLiteral("Permission was denied for this request to access the `%1` address space.").arg(addressSpace);
    return {};
}

QString chromiumConsole(const QString& kind, const QString& hint, const ChromiumLine& line, const QString& addressSpace)
{
    QString out = QStringLiteral("Access to ") + line.initiator + QStringLiteral(" at '") + line.lastUrl + QStringLiteral("' ");
    if (!line.initialUrl.isEmpty() && line.initialUrl != line.lastUrl)
        out += QStringLiteral("(redirected from '") + line.initialUrl + QStringLiteral("') ");
    out += QStringLiteral("from origin '") + line.origin + QStringLiteral("' has been blocked by CORS policy: ");
    if (isChromiumPreflightError(kind))
        out += QStringLiteral("Response to preflight request doesn't pass access control check: ");
    out += chromiumReason(kind, hint, addressSpace);
    QString base = kind;
    if (base.startsWith(u"Preflight"))
        base = base.mid(9);
    const bool xhr = line.initiator == u"XMLHttpRequest";
    if (!xhr && (base == u"MultipleAllowOriginValues" || base == u"InvalidAllowOriginValue" || base == u"AllowOriginMismatch"))
        out += QStringLiteral(" Have the server send the header with a valid value.");
    if (xhr && (base == u"WildcardOriginNotAllowed" || base == u"InvalidAllowCredentials"))
        out += QStringLiteral(" The credentials mode of requests initiated by the XMLHttpRequest is controlled by the "
                              "withCredentials attribute.");
    return out;
}

QString firefoxConsole(const QString& key, const QString& url, const QString& param)
{
    const QString head = QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ");
    auto line = [&](const QString& reason) { return head + url + QStringLiteral(". (Reason: ") + reason + QStringLiteral(")."); };
    if (key == u"CORSDisabled")
        return line(QStringLiteral("CORS disabled"));
    if (key == u"CORSDidNotSucceed")
        return line(QStringLiteral("CORS request did not succeed")) + QStringLiteral(" Status code: ")
            + (param.isEmpty() ? QStringLiteral("(null)") : param) + u'.';
    if (key == u"CORSOriginHeaderNotAdded")
        return line(QStringLiteral("CORS header \u2018Origin\u2019 cannot be added"));
    if (key == u"CORSExternalRedirectNotAllowed")
        return line(QStringLiteral("CORS request external redirect not allowed"));
    if (key == u"CORSRequestNotHttp")
        return line(QStringLiteral("CORS request not http"));
    if (key == u"CORSMissingAllowOrigin")
        return line(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing")) + QStringLiteral(" Status code: ") + param + u'.';
    if (key == u"CORSMultipleAllowOriginNotAllowed")
        return line(QStringLiteral("Multiple CORS header \u2018Access-Control-Allow-Origin\u2019 not allowed"));
    if (key == u"CORSAllowOriginNotMatchingOrigin")
        return line(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018%1\u2019").arg(param));
    if (key == u"CORSNotSupportingCredentials")
        return head + u'\u2018' + url + QStringLiteral("\u2019. (Reason: Credential is not supported if the CORS header "
                                                      "\u2018Access-Control-Allow-Origin\u2019 is \u2018*\u2019).");
    if (key == u"CORSMethodNotFound")
        return line(QStringLiteral("Did not find method in CORS header \u2018Access-Control-Allow-Methods\u2019"));
    if (key == u"CORSMissingAllowCredentials")
        return line(QStringLiteral("expected \u2018true\u2019 in CORS header \u2018Access-Control-Allow-Credentials\u2019"));
    if (key == u"CORSPreflightDidNotSucceed")
        return line(QStringLiteral("CORS preflight response did not succeed")) + QStringLiteral(" Status code: ") + param + u'.';
    if (key == u"CORSInvalidAllowMethod")
        return line(QStringLiteral("invalid token \u2018%1\u2019 in CORS header \u2018Access-Control-Allow-Methods\u2019").arg(param));
    if (key == u"CORSInvalidAllowHeader")
        return line(QStringLiteral("invalid token \u2018%1\u2019 in CORS header \u2018Access-Control-Allow-Headers\u2019").arg(param));
    if (key == u"CORSMissingAllowHeaderFromPreflight")
        return line(QStringLiteral("header \u2018%1\u2019 is not allowed according to header "
                                   "\u2018Access-Control-Allow-Headers\u2019 from CORS preflight response").arg(param));
    if (key == u"CORSAllowHeaderFromPreflightDeprecation")
        return QStringLiteral("Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ")
            + url
            + QStringLiteral(" soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not "
                             "covered. To include the `Authorization` header, it must be explicitly listed in CORS header "
                             "`Access-Control-Allow-Headers`).");
    return {};
}

QString webkitAccessControlLine(const QString& url, const QString& initiator)
{
    const QString start = initiator == u"XMLHttpRequest" ? QStringLiteral("XMLHttpRequest cannot load ") : QStringLiteral("Fetch API cannot load ");
    return start + url + QStringLiteral(" due to access control checks.");
}

} // namespace corsbench::cors::messages
