// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/http/exchange.h"

namespace corsbench::http {

bool HttpResponseHead::isRedirect() const
{
    if (isNetworkError())
        return false;
    const bool redirectStatus = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirectStatus && headers.contains("location");
}

QString toString(CredentialsMode m)
{
    switch (m) {
    case CredentialsMode::Omit:
        return QStringLiteral("omit");
    case CredentialsMode::SameOrigin:
        return QStringLiteral("same-origin");
    case CredentialsMode::Include:
        return QStringLiteral("include");
    }
    return {};
}

QString toString(RequestMode m)
{
    switch (m) {
    case RequestMode::Cors:
        return QStringLiteral("cors");
    case RequestMode::NoCors:
        return QStringLiteral("no-cors");
    case RequestMode::SameOrigin:
        return QStringLiteral("same-origin");
    case RequestMode::Navigate:
        return QStringLiteral("navigate");
    }
    return {};
}

QString toString(RedirectMode m)
{
    switch (m) {
    case RedirectMode::Follow:
        return QStringLiteral("follow");
    case RedirectMode::Error:
        return QStringLiteral("error");
    case RedirectMode::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

QString toString(BodyKind k)
{
    switch (k) {
    case BodyKind::None:
        return QStringLiteral("none");
    case BodyKind::Text:
        return QStringLiteral("text");
    case BodyKind::Json:
        return QStringLiteral("json");
    case BodyKind::UrlSearchParams:
        return QStringLiteral("urlsearchparams");
    case BodyKind::FormData:
        return QStringLiteral("formdata");
    case BodyKind::Blob:
        return QStringLiteral("blob");
    }
    return {};
}

std::optional<CredentialsMode> credentialsModeFromString(QStringView s)
{
    if (s == u"omit")
        return CredentialsMode::Omit;
    if (s == u"same-origin")
        return CredentialsMode::SameOrigin;
    if (s == u"include")
        return CredentialsMode::Include;
    return std::nullopt;
}

std::optional<RequestMode> requestModeFromString(QStringView s)
{
    if (s == u"cors")
        return RequestMode::Cors;
    if (s == u"no-cors")
        return RequestMode::NoCors;
    if (s == u"same-origin")
        return RequestMode::SameOrigin;
    if (s == u"navigate")
        return RequestMode::Navigate;
    return std::nullopt;
}

std::optional<RedirectMode> redirectModeFromString(QStringView s)
{
    if (s == u"follow")
        return RedirectMode::Follow;
    if (s == u"error")
        return RedirectMode::Error;
    if (s == u"manual")
        return RedirectMode::Manual;
    return std::nullopt;
}

std::optional<BodyKind> bodyKindFromString(QStringView s)
{
    if (s == u"none")
        return BodyKind::None;
    if (s == u"text")
        return BodyKind::Text;
    if (s == u"json")
        return BodyKind::Json;
    if (s == u"urlsearchparams")
        return BodyKind::UrlSearchParams;
    if (s == u"formdata")
        return BodyKind::FormData;
    if (s == u"blob")
        return BodyKind::Blob;
    return std::nullopt;
}

} // namespace corsbench::http
