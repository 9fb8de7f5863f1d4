// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/frameworks/config_parser.h"
#include "core/http/exchange.h"

#include <QString>

/// Offline models of what FastAPI/Starlette, aiohttp_cors, Flask-CORS and django-cors-headers
/// answer to a request, header for header (names, case, order, values), including the
/// application behaviour around CORS (errors, missing routes, trailing-slash redirects).
namespace corsbench::frameworks {

/// A parsed configuration plus the library version it runs on.
struct ServerModel {
    ServerConfig config;
    /// Version of the CORS library: Starlette for FastAPI ("0.26.1", "1.3.1"), aiohttp_cors,
    /// flask-cors, django-cors-headers. Empty = the Debian 12 version (0.26.1, 0.7.0, 3.0.10, 3.14.0).
    QString version;

    static ServerModel fromConfig(ServerConfig config, QString version = {});
    Framework framework() const { return config.framework; }
    /// The version the model assumes, never empty.
    QString effectiveVersion() const;
};

/// One request as it reaches the server.
struct ServerRequest {
    QByteArray method;
    QString path; // path + query, percent-encoded as on the wire
    http::HeaderList headers;
    QString scheme = QStringLiteral("http");
    QString authority = QStringLiteral("127.0.0.1:8000"); // for absolute redirect locations
};

/// What the modelled server answers. `body` is the start of the body when the framework's text
/// matters ("Disallowed CORS origin", "CORS preflight request failed: ...").
struct ServerResponse {
    http::HttpResponseHead head;
    QByteArray body;
    bool connectionDropped = false; // e.g. aiohttp_cors AssertionError
    QString note; // which branch of the framework produced it
};

ServerResponse simulateRequest(const ServerModel& model, const ServerRequest& request);

/// The request as the server sees it: path + query as on the wire, scheme and authority from the URL.
ServerRequest toServerRequest(const http::HttpRequestHead& head);

struct SimulationOptions {
    /// Whether the browser attaches a Cookie to the actual request (credentials "include" with a
    /// cookie stored for the site). nullopt: taken from the recorded actual request, else false.
    std::optional<bool> sendCookie;
};

/// Fills `preflight` (when the browser would send one) and `actual` (unless the preflight
/// fails; redirects followed as hops) of `intent` with the modelled server's responses.
http::Exchange simulateExchange(const ServerModel& model, const http::Exchange& intent, const SimulationOptions& options = {});

/// Names of the response headers the differential tests compare: Access-Control-* and Vary.
bool isCorsResponseHeader(QByteArrayView name);

} // namespace corsbench::frameworks
