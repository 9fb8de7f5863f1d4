// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#define QT_USE_QSTRINGBUILDER // one allocation per concatenated explanation
#include "core/cors/cors_engine.h"

#include "core/cors/browser_messages.h"
#include "core/cors/fetch_rules.h"
#include "core/http/origin.h"

#include <QHostAddress>

#include <algorithm>

namespace corsbench::cors {
namespace {

using http::Exchange;
using http::HeaderList;
using http::HttpResponseHead;
using http::Origin;

constexpr int kMaxRedirects = 20;

QString str(QByteArrayView b)
{
    return QString::fromLatin1(b);
}

bool containsIgnoringCase(const QList<QByteArrayView>& list, QByteArrayView name)
{
    return std::any_of(list.begin(), list.end(), [&](QByteArrayView v) { return http::headerNameEquals(v, name); });
}

/// The URL as browsers print it (GURL/URL-standard serialisation: default port dropped,
/// "/" for an empty path).
QString urlSpec(QUrl url)
{
    if (url.path().isEmpty() && !url.host().isEmpty())
        url.setPath(QStringLiteral("/"));
    if (url.port() != -1 && url.port() == http::defaultPortForScheme(url.scheme().toLower()))
        url.setPort(-1);
    return url.toString(QUrl::FullyEncoded);
}

bool isHttpScheme(const QUrl& url)
{
    const QString s = url.scheme(); // QUrl keeps schemes lower-case
    return s == u"http" || s == u"https";
}

// --- Access-Control-Allow-Origin, per engine -------------------------------------------

enum class AcaoKind { Ok, Missing, Wildcard, Multiple, Invalid, Mismatch };

/// Chromium's test for a value that GURL would accept as a URL.
bool isValidUrlLike(QByteArrayView v)
{
    const qsizetype colon = v.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView scheme = v.first(colon);
    if (!((scheme[0] >= 'a' && scheme[0] <= 'z') || (scheme[0] >= 'A' && scheme[0] <= 'Z')))
        return false;
    for (char c : scheme) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    const QByteArray lower = scheme.toByteArray().toLower();
    if (lower == "http" || lower == "https" || lower == "ws" || lower == "wss" || lower == "ftp") {
        QByteArrayView rest = v.sliced(colon + 1);
        while (!rest.isEmpty() && (rest[0] == '/' || rest[0] == '\\'))
            rest = rest.sliced(1);
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '/' && rest[end] != '?' && rest[end] != '#')
            ++end;
        QByteArrayView host = rest.first(end);
        const qsizetype at = host.lastIndexOf('@');
        if (at >= 0)
            host = host.sliced(at + 1);
        if (host.startsWith('[')) {
            const qsizetype close = host.indexOf(']');
            return close > 1;
        }
        const qsizetype portColon = host.lastIndexOf(':');
        if (portColon >= 0) {
            const QByteArrayView port = host.sliced(portColon + 1);
            for (char c : port)
                if (c < '0' || c > '9')
                    return false;
            if (port.size() > 5 || (!port.isEmpty() && port.toInt() > 65535))
                return false;
            host = host.first(portColon);
        }
        if (host.isEmpty())
            return false;
        for (char c : host) {
            const auto u = static_cast<unsigned char>(c);
            if (u <= 0x20 || c == '<' || c == '>' || c == '^' || c == '|' || c == '%' || c == '"')
                return false;
        }
    }
    return true;
}

struct AcaoResult {
    AcaoKind kind = AcaoKind::Ok;
    QByteArray value; // the (joined) value looked at
    bool present = false;
};

AcaoResult chromiumAcao(const HeaderList& h, const QString& origin, bool include)
{
    AcaoResult r;
    const auto v = h.combinedValue("access-control-allow-origin");
    if (!v) {
        r.kind = AcaoKind::Missing;
        return r;
    }
    r.present = true;
    r.value = *v;
    if (*v == "*") {
        r.kind = include ? AcaoKind::Wildcard : AcaoKind::Ok;
        return r;
    }
    if (QLatin1StringView(*v) == origin) { // compares without a copy
        r.kind = AcaoKind::Ok;
        return r;
    }
    if (v->contains(' ') || v->contains(','))
        r.kind = AcaoKind::Multiple;
    else if (*v != "null" && !isValidUrlLike(*v))
        r.kind = AcaoKind::Invalid;
    else
        r.kind = AcaoKind::Mismatch;
    return r;
}

QString chromiumAcaoKind(AcaoKind k, bool preflight)
{
    QString base;
    switch (k) {
    case AcaoKind::Ok:
        return {};
    case AcaoKind::Missing:
        base = QStringLiteral("MissingAllowOriginHeader");
        break;
    case AcaoKind::Wildcard:
        base = QStringLiteral("WildcardOriginNotAllowed");
        break;
    case AcaoKind::Multiple:
        base = QStringLiteral("MultipleAllowOriginValues");
        break;
    case AcaoKind::Invalid:
        base = QStringLiteral("InvalidAllowOriginValue");
        break;
    case AcaoKind::Mismatch:
        base = QStringLiteral("AllowOriginMismatch");
        break;
    }
    return preflight ? QStringLiteral("Preflight") + base : base;
}

/// One line on an Access-Control-Allow-Origin result, for the check list.
QString acaoExplanation(const AcaoResult& acao, const QString& origin, int status, bool preflight)
{
    switch (acao.kind) {
    case AcaoKind::Ok:
        return acao.value == "*" ? QStringLiteral("'*' allows any origin (no credentials)") : QStringLiteral("equals the request's origin");
    case AcaoKind::Missing:
        if (preflight)
            return QStringLiteral("the preflight response has no Access-Control-Allow-Origin header (status %1)").arg(status);
        return QStringLiteral("the response (status %1) has no Access-Control-Allow-Origin header%2")
            .arg(status)
            .arg(status >= 500 ? QStringLiteral("; error responses often skip the CORS middleware (a server error, not only a CORS one)") : QString());
    case AcaoKind::Wildcard:
        return QStringLiteral("'*' is not allowed when the request's credentials mode is 'include'");
    case AcaoKind::Multiple:
        return QStringLiteral("'%1' holds several values (duplicate header lines are joined); exactly one origin is allowed").arg(str(acao.value));
    case AcaoKind::Invalid:
        return QStringLiteral("'%1' is not a valid origin").arg(str(acao.value));
    case AcaoKind::Mismatch:
        return QStringLiteral("'%1' is not the request's origin %2 (byte-exact: scheme, host and port)").arg(str(acao.value), origin);
    }
    return {};
}

/// A single engine's failure: what it reports and where.
struct EngineFailure {
    QString kind; // Chromium kind / Firefox key
    QString param; // Chromium hint / Firefox %2$S
    QString reason; // WebKit reason line
    QString url; // URL the message names
    bool preflight = false;
    QString networkError;
    QString consoleLine; // Chromium's line for a failure that is not a CORS error
};

std::optional<EngineFailure> firefoxCorsCheck(const HttpResponseHead& r, const QString& origin, bool include)
{
    EngineFailure f;
    const qsizetype lines = r.headers.count("access-control-allow-origin");
    if (lines > 1) {
        f.kind = QStringLiteral("CORSMultipleAllowOriginNotAllowed");
        return f;
    }
    if (lines == 0) {
        f.kind = QStringLiteral("CORSMissingAllowOrigin");
        f.param = QString::number(r.status);
        return f;
    }
    const QByteArray v = *r.headers.combinedValue("access-control-allow-origin"); // one line: trimmed, shared
    if (v == "*") {
        if (include) {
            f.kind = QStringLiteral("CORSNotSupportingCredentials");
            return f;
        }
    } else if (QLatin1StringView(v) != origin) {
        f.kind = QStringLiteral("CORSAllowOriginNotMatchingOrigin");
        f.param = QString::fromUtf8(v);
        return f;
    }
    if (include) {
        const auto acac = r.headers.combinedValue("access-control-allow-credentials");
        if (acac.value_or(QByteArray()) != "true") {
            f.kind = QStringLiteral("CORSMissingAllowCredentials");
            return f;
        }
    }
    return std::nullopt;
}

std::optional<QString> webkitCorsCheck(const HttpResponseHead& r, const QString& origin, bool include)
{
    const QByteArray v = r.headers.combinedValue("access-control-allow-origin").value_or(QByteArray());
    if (v == "*" && !include)
        return std::nullopt;
    if (QLatin1StringView(v) != origin) {
        if (v == "*")
            return QStringLiteral("Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.");
        if (v.contains(','))
            return QStringLiteral("Access-Control-Allow-Origin cannot contain more than one origin.");
        return QStringLiteral("Origin %1 is not allowed by Access-Control-Allow-Origin. Status code: %2").arg(origin).arg(r.status);
    }
    if (include) {
        const QByteArray acac = r.headers.combinedValue("access-control-allow-credentials").value_or(QByteArray());
        if (acac != "true")
            return QStringLiteral("Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".");
    }
    return std::nullopt;
}

/// WebKit's canonical spelling of a header it knows by name (HTTPHeaderNames.in), or empty.
QByteArray webkitCanonicalHeaderName(QByteArrayView lower)
{
    static const char* const kKnown[] = { "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Ranges",
        "Age", "Authorization", "Cache-Control", "Connection", "Content-Disposition", "Content-Encoding", "Content-Language",
        "Content-Length", "Content-Location", "Content-Range", "Content-Security-Policy", "Content-Type", "Cookie", "Cookie2",
        "Date", "Default-Style", "DNT", "ETag", "Expect", "Expires", "Host", "If-Match", "If-Modified-Since", "If-None-Match",
        "If-Range", "If-Unmodified-Since", "Keep-Alive", "Last-Event-ID", "Last-Modified", "Link", "Location", "Origin",
        "Ping-From", "Ping-To", "Pragma", "Priority", "Proxy-Authorization", "Purpose", "Range", "Referer", "Referrer-Policy",
        "Refresh", "Report-To", "Server-Timing", "Service-Worker", "Service-Worker-Allowed", "Set-Cookie", "Set-Cookie2",
        "SourceMap", "TE", "Timing-Allow-Origin", "Trailer", "Transfer-Encoding", "Upgrade", "Upgrade-Insecure-Requests",
        "User-Agent", "Via", "X-Content-Type-Options", "X-DNS-Prefetch-Control", "X-Frame-Options", "X-SourceMap",
        "X-Temp-Tablet", "X-XSS-Protection" };
    for (const char* k : kKnown)
        if (http::headerNameEquals(QByteArrayView(k), lower))
            return QByteArray(k);
    return {};
}

// --- Local Network Access -----------------------------------------------------------------

enum class AddressSpace { Unknown, Public, Local, Loopback };

std::optional<quint32> parseDottedIpv4(QStringView h)
{
    quint32 v = 0;
    int parts = 0;
    for (QStringView part : h.tokenize(u'.')) {
        if (part.isEmpty() || part.size() > 3)
            return std::nullopt;
        int n = 0;
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
            n = n * 10 + (c.unicode() - u'0');
        }
        if (n > 255)
            return std::nullopt;
        v = (v << 8) | static_cast<quint32>(n);
        ++parts;
    }
    if (parts != 4)
        return std::nullopt;
    return v;
}

AddressSpace addressSpaceOfIpv4(quint32 v4)
{
    if ((v4 >> 24) == 127)
        return AddressSpace::Loopback;
    if ((v4 >> 24) == 10 || (v4 >> 20) == 0xAC1 || (v4 >> 16) == 0xC0A8 || (v4 >> 16) == 0xA9FE || v4 == 0)
        return AddressSpace::Local;
    return AddressSpace::Public;
}

AddressSpace addressSpaceOfHost(QStringView hostIn)
{
    QStringView host = hostIn;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return AddressSpace::Loopback;
    if (const auto v4 = parseDottedIpv4(host))
        return addressSpaceOfIpv4(*v4);
    if (!host.contains(u':'))
        return AddressSpace::Unknown; // a name: its address is not known offline
    QHostAddress addr;
    if (!addr.setAddress(host.toString()))
        return AddressSpace::Unknown;
    if (addr.isLoopback())
        return AddressSpace::Loopback;
    bool ok = false;
    const quint32 mapped = addr.toIPv4Address(&ok);
    if (ok)
        return addressSpaceOfIpv4(mapped);
    const Q_IPV6ADDR v6 = addr.toIPv6Address();
    if ((v6[0] & 0xFE) == 0xFC || (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80))
        return AddressSpace::Local;
    return AddressSpace::Public;
}

/// Host of an http(s) URL string without a full URL parse; empty when unusual.
QStringView hostOfHttpUrl(QStringView url)
{
    const qsizetype sep = url.indexOf(u"://");
    if (sep <= 0)
        return {};
    QStringView rest = url.sliced(sep + 3);
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != u'/' && rest[end] != u'?' && rest[end] != u'#')
        ++end;
    QStringView authority = rest.first(end);
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0)
        authority = authority.sliced(at + 1);
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        return close > 0 ? authority.first(close + 1) : QStringView();
    }
    const qsizetype colon = authority.lastIndexOf(u':');
    return colon >= 0 ? authority.first(colon) : authority;
}

QString addressSpaceWord(AddressSpace s)
{
    switch (s) {
    case AddressSpace::Loopback:
        return QStringLiteral("loopback");
    case AddressSpace::Local:
        return QStringLiteral("local");
    case AddressSpace::Public:
        return QStringLiteral("public");
    case AddressSpace::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

struct PageContext {
    AddressSpace space = AddressSpace::Unknown;
    bool secure = false;
    QString description;
};

PageContext pageContext(const Exchange& ex)
{
    PageContext pc;
    const QString& page = ex.pageUrl.isEmpty() ? ex.pageOrigin : ex.pageUrl;
    if (page.startsWith(u"data:", Qt::CaseInsensitive)) {
        pc.space = AddressSpace::Public;
        pc.secure = false;
        pc.description = QStringLiteral("a data: URL page (public, not a secure context)");
        return pc;
    }
    const bool https = page.startsWith(u"https://", Qt::CaseInsensitive) || page.startsWith(u"wss://", Qt::CaseInsensitive);
    const bool http = page.startsWith(u"http://", Qt::CaseInsensitive) || page.startsWith(u"ws://", Qt::CaseInsensitive);
    if (!https && !http)
        return pc;
    const QStringView host = hostOfHttpUrl(page);
    if (host.isEmpty())
        return pc;
    pc.space = addressSpaceOfHost(host);
    pc.secure = https || pc.space == AddressSpace::Loopback;
    return pc;
}

// --- network errors ------------------------------------------------------------------------

QString chromiumNetError(const QString& text)
{
    const QString t = text.toLower();
    if (t.contains(u"refused"))
        return QStringLiteral("net::ERR_CONNECTION_REFUSED");
    if (t.contains(u"reset"))
        return QStringLiteral("net::ERR_CONNECTION_RESET");
    if (t.contains(u"timed out") || t.contains(u"timeout"))
        return QStringLiteral("net::ERR_TIMED_OUT");
    if (t.contains(u"certificate"))
        return QStringLiteral("net::ERR_CERT_AUTHORITY_INVALID");
    if (t.contains(u"tls") || t.contains(u"ssl"))
        return QStringLiteral("net::ERR_SSL_PROTOCOL_ERROR");
    if (t.contains(u"dns") || t.contains(u"not found") || t.contains(u"resolve"))
        return QStringLiteral("net::ERR_NAME_NOT_RESOLVED");
    if (t.contains(u"too many redirects"))
        return QStringLiteral("net::ERR_TOO_MANY_REDIRECTS");
    if (t.contains(u"too large") || t.contains(u"too big") || t.contains(u"oversized"))
        return QStringLiteral("net::ERR_RESPONSE_HEADERS_TOO_BIG");
    if (t.contains(u"empty") || t.contains(u"closed"))
        return QStringLiteral("net::ERR_EMPTY_RESPONSE");
    if (t.contains(u"malformed") || t.contains(u"invalid"))
        return QStringLiteral("net::ERR_INVALID_HTTP_RESPONSE");
    return QStringLiteral("net::ERR_FAILED");
}

// --- the evaluation -----------------------------------------------------------------------

struct EngineState {
    std::optional<EngineFailure> failure;
    bool unknown = false; // lacks a response this engine needs
    QStringList warnings;
};

PreflightPlan planPreflightFor(const Exchange& ex, const QByteArray& method, const HeaderList& headers, const QString& origin)
{
    PreflightPlan plan;
    if (!rules::isCorsSafelistedMethod(method))
        plan.reasons.append(QStringLiteral("method ") + str(method) + QStringLiteral(" is not CORS-safelisted (only GET, HEAD, POST)"));
    QList<QByteArray> unsafe = rules::corsUnsafeRequestHeaderNames(headers);
    std::sort(unsafe.begin(), unsafe.end());
    unsafe.erase(std::unique(unsafe.begin(), unsafe.end()), unsafe.end());
    for (const QByteArray& n : unsafe) {
        const auto value = headers.value(n).value_or(QByteArray());
        QString why;
        if (n == "content-type")
            why = QStringLiteral("Content-Type ") + str(value)
                + QStringLiteral(" is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain (or has an unsafe byte)");
        else if (rules::isCorsSafelistedRequestHeader(n, value))
            why = QStringLiteral("header ") + str(n) + QStringLiteral(" is safelisted, but the safelisted values add up to more than 1024 bytes");
        else if (value.size() > 128 && (n == "accept" || n == "accept-language" || n == "content-language"))
            why = QStringLiteral("header ") + str(n) + QStringLiteral(" is longer than 128 bytes");
        else
            why = QStringLiteral("header ") + str(n) + QStringLiteral(" is not CORS-safelisted");
        plan.reasons.append(why);
    }
    plan.required = !plan.reasons.isEmpty();
    plan.neededByRequest = plan.required;
    if (!plan.required)
        return plan; // no preflight goes out: nothing to build

    http::HttpRequestHead& r = plan.request;
    r.method = QByteArrayLiteral("OPTIONS");
    r.url = ex.request.url;
    QByteArray host = ex.request.url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (ex.request.url.port() != -1)
        host += ':' + QByteArray::number(ex.request.url.port());
    r.headers.append(QByteArrayLiteral("Host"), host);
    r.headers.append(QByteArrayLiteral("Accept"), QByteArrayLiteral("*/*"));
    r.headers.append(QByteArrayLiteral("Access-Control-Request-Method"), method);
    if (!unsafe.isEmpty())
        r.headers.append(QByteArrayLiteral("Access-Control-Request-Headers"), unsafe.join(','));
    r.headers.append(QByteArrayLiteral("Origin"), origin.toUtf8());
    r.headers.append(QByteArrayLiteral("Sec-Fetch-Mode"), QByteArrayLiteral("cors"));
    return plan;
}

class Evaluation {
public:
    explicit Evaluation(const Exchange& ex)
        : m_ex(ex)
    {
        m_v.checks.reserve(16); // one allocation for a typical exchange's checks
    }

    Verdict run();

private:
    Check& addCheck(QString id, QString title, Stage stage, CheckStatus status, QString explanation,
        QByteArray header = {}, std::optional<QByteArray> value = std::nullopt, QString corsError = {}, int hop = -1)
    {
        Check& c = m_v.checks.emplaceBack();
        c.id = std::move(id);
        c.title = std::move(title);
        c.stage = stage;
        c.status = status;
        c.explanation = std::move(explanation);
        c.header = std::move(header);
        c.value = std::move(value);
        c.corsError = std::move(corsError);
        c.hop = hop;
        return m_v.checks.last();
    }
    void chromiumFail(EngineFailure f, qsizetype checkIndex)
    {
        if (m_chromium.failure)
            return;
        m_chromium.failure = std::move(f);
        m_reportedCheck = checkIndex;
    }
    void firefoxFail(EngineFailure f)
    {
        if (!m_firefox.failure)
            m_firefox.failure = std::move(f);
    }
    void webkitFail(EngineFailure f)
    {
        if (!m_webkit.failure)
            m_webkit.failure = std::move(f);
    }
    bool anyAlive() const { return !m_chromium.failure || !m_firefox.failure || !m_webkit.failure; }

    void prepareRequest();
    void checkLocalNetworkAccess();
    void evaluatePreflight();
    void evaluateHops();
    void evaluateNetworkFailure(const HttpResponseHead& r, const QString& url, Stage stage, int hop);
    void evaluateExposure(const HttpResponseHead& r);
    void evaluateCache(const HttpResponseHead& r);
    void finish();

    const Exchange& m_ex;
    Verdict m_v;
    Origin m_pageOrigin;
    QString m_origin; // serialized page origin
    QByteArray m_method;
    QUrl m_url;
    mutable std::optional<QString> m_urlSpec;
    const QString& mainUrl() const
    {
        if (!m_urlSpec)
            m_urlSpec = urlSpec(m_url);
        return *m_urlSpec;
    }
    bool m_include = false;
    HeaderList m_headers; // effective author headers (forbidden dropped, implied Content-Type added)
    QList<QByteArray> m_unsafeNames;
    bool m_preflightFailedChromium = false;
    bool m_stop = false; // the browser never gets further (request-stage failure)
    qsizetype m_reportedCheck = -1;
    EngineState m_chromium;
    EngineState m_firefox;
    EngineState m_webkit;
    QString m_lnaSpace;
    bool m_incomplete = false;
    QString m_incompleteReason;
    const HttpResponseHead* m_finalResponse = nullptr;
};

void Evaluation::prepareRequest()
{
    // Page origins repeat across a workspace or a HAR: keep the last one parsed per thread.
    thread_local QString cachedText;
    thread_local Origin cachedOrigin;
    thread_local QString cachedSerialized;
    const bool cached = !cachedText.isNull() && cachedText == m_ex.pageOrigin;
    const auto parsedOrigin = cached ? Result<Origin>(cachedOrigin) : Origin::parse(m_ex.pageOrigin);
    if (parsedOrigin) {
        m_pageOrigin = parsedOrigin.value();
        if (!cached) {
            cachedText = m_ex.pageOrigin;
            cachedOrigin = m_pageOrigin;
            cachedSerialized = m_pageOrigin.serialize();
        }
    } else {
        m_v.notes.append(QStringLiteral("page_origin: %1; treated as an opaque origin").arg(parsedOrigin.error().message));
    }
    m_origin = parsedOrigin ? cachedSerialized : m_pageOrigin.serialize();
    m_v.pageOrigin = m_origin;
    m_method = rules::normalizeMethod(m_ex.request.method);
    m_v.method = m_method;
    m_url = m_ex.request.url;
        m_include = m_ex.request.credentials == http::CredentialsMode::Include;

    for (const auto& h : m_ex.request.headers) {
        if (rules::isForbiddenRequestHeader(h.name, h.value)) {
            addCheck(QStringLiteral("request-forbidden-header"), QStringLiteral("Header a page cannot set"), Stage::Request,
                CheckStatus::Warning,
                QStringLiteral("%1 is a forbidden request header: fetch() silently drops it, the browser controls it").arg(str(h.name)),
                h.name, h.value);
            continue;
        }
        m_headers.append(h);
    }
    if (!m_headers.contains("content-type")) {
        QByteArray implied;
        switch (m_ex.request.bodyKind) {
        case http::BodyKind::Text:
        case http::BodyKind::Json:
            implied = "text/plain;charset=UTF-8";
            break;
        case http::BodyKind::UrlSearchParams:
            implied = "application/x-www-form-urlencoded;charset=UTF-8";
            break;
        case http::BodyKind::FormData:
            implied = "multipart/form-data; boundary=----WebKitFormBoundary";
            break;
        case http::BodyKind::Blob:
            implied = m_ex.request.blobType;
            break;
        case http::BodyKind::None:
            break;
        }
        if (!implied.isEmpty()) {
            m_headers.append(QByteArrayLiteral("Content-Type"), implied);
            addCheck(QStringLiteral("request-implied-content-type"), QStringLiteral("Content-Type implied by the body"),
                Stage::Request, CheckStatus::Info,
                QStringLiteral("the ") + http::toString(m_ex.request.bodyKind) + QStringLiteral(" body makes fetch() send Content-Type: ") + str(implied),
                QByteArrayLiteral("Content-Type"), implied);
        }
    }
    m_unsafeNames = rules::corsUnsafeRequestHeaderNames(m_headers);
}

void Evaluation::checkLocalNetworkAccess()
{
    const PageContext page = pageContext(m_ex);
    const AddressSpace target = addressSpaceOfHost(m_url.host(QUrl::FullyEncoded));
    if (page.space == AddressSpace::Unknown || target == AddressSpace::Unknown)
        return;
    const bool morePrivate = static_cast<int>(target) > static_cast<int>(page.space);
    if (!morePrivate)
        return;
    m_lnaSpace = addressSpaceWord(target);
    if (!page.secure) {
        auto& c = addCheck(QStringLiteral("local-network-access"), QStringLiteral("Local Network Access (Chromium)"),
            Stage::Request, CheckStatus::Fail,
            QStringLiteral("a page that is not a secure context (%1) may not reach the more-private `%2` address space; "
                           "Chromium blocks the request before sending it (Firefox and Safari send it)")
                .arg(page.description.isEmpty() ? addressSpaceWord(page.space) : page.description, m_lnaSpace),
            {}, std::nullopt, QStringLiteral("InsecureLocalNetwork"));
        Q_UNUSED(c);
        EngineFailure f;
        f.kind = QStringLiteral("InsecureLocalNetwork");
        f.url = mainUrl();
        chromiumFail(f, m_v.checks.size() - 1);
    } else {
        addCheck(QStringLiteral("local-network-access"), QStringLiteral("Local Network Access (Chromium)"), Stage::Request,
            CheckStatus::Warning,
            QStringLiteral("a %1 page reaching the `%2` address space: Chromium 142+ asks the user for permission and blocks "
                           "with LocalNetworkAccessPermissionDenied if it is refused")
                .arg(addressSpaceWord(page.space), m_lnaSpace));
    }
}

void Evaluation::evaluateNetworkFailure(const HttpResponseHead& r, const QString& url, Stage stage, int hop)
{
    const QString id = stage == Stage::Preflight ? QStringLiteral("preflight-network") : QStringLiteral("actual-network");
    addCheck(id, QStringLiteral("Server answered"), stage, CheckStatus::Fail,
        QStringLiteral("no HTTP response: %1 — a transport failure, not a CORS rejection").arg(r.networkError), {}, std::nullopt,
        stage == Stage::Preflight ? QStringLiteral("InvalidResponse") : QString(), hop);
    EngineFailure f;
    f.url = url;
    f.networkError = r.networkError;
    f.preflight = stage == Stage::Preflight;
    chromiumFail(f, m_v.checks.size() - 1);
    EngineFailure ff = f;
    ff.kind = QStringLiteral("CORSDidNotSucceed");
    firefoxFail(ff);
    EngineFailure wk = f;
    wk.reason = r.networkError;
    webkitFail(wk);
}

void Evaluation::evaluatePreflight()
{
    const auto& pf = *m_ex.preflight;
    const HttpResponseHead& r = pf.response;
    const Stage st = Stage::Preflight;
    if (r.isNetworkError()) {
        evaluateNetworkFailure(r, mainUrl(), st, -1);
        m_preflightFailedChromium = true;
        return;
    }
    const bool liveBefore = !m_chromium.failure;

    // 1. Redirect (Chromium and Firefox refuse it outright; WebKit reports the status).
    const bool redirect = r.isRedirect();
    if (redirect) {
        addCheck(QStringLiteral("preflight-redirect"), QStringLiteral("Preflight is not redirected"), st, CheckStatus::Fail,
            QStringLiteral("the OPTIONS request was answered %1 → %2; browsers never follow a redirect of a preflight")
                .arg(r.status)
                .arg(str(r.headers.value("location").value_or(QByteArray()))),
            QByteArrayLiteral("Location"), r.headers.value("location"), QStringLiteral("PreflightDisallowedRedirect"));
        EngineFailure f;
        f.kind = QStringLiteral("PreflightDisallowedRedirect");
        f.preflight = true;
        f.url = mainUrl();
        chromiumFail(f, m_v.checks.size() - 1);
        EngineFailure ff = f;
        ff.kind = QStringLiteral("CORSExternalRedirectNotAllowed");
        firefoxFail(ff);
    } else {
        addCheck(QStringLiteral("preflight-redirect"), QStringLiteral("Preflight is not redirected"), st, CheckStatus::Pass,
            QStringLiteral("answered directly, not with a redirect"));
    }

    // WebKit: status first, redirects included.
    if (r.status < 200 || r.status > 299) {
        EngineFailure wk;
        wk.reason = QStringLiteral("Preflight response is not successful. Status code: %1").arg(r.status);
        wk.url = mainUrl();
        webkitFail(wk);
    }

    // 2. Access-Control-Allow-Origin / -Credentials with the actual request's credentials mode.
    const AcaoResult acao = chromiumAcao(r.headers, m_origin, m_include);
    {
        const QString kind = chromiumAcaoKind(acao.kind, true);
        const QString expl = acaoExplanation(acao, m_origin, r.status, true);
        addCheck(QStringLiteral("preflight-allow-origin"), QStringLiteral("Access-Control-Allow-Origin allows the origin"), st,
            acao.kind == AcaoKind::Ok ? CheckStatus::Pass : CheckStatus::Fail, expl, QByteArrayLiteral("Access-Control-Allow-Origin"),
            acao.present ? std::optional<QByteArray>(acao.value) : std::nullopt, kind);
        if (acao.kind != AcaoKind::Ok && !redirect) {
            EngineFailure f;
            f.kind = kind;
            f.param = (acao.kind == AcaoKind::Missing || acao.kind == AcaoKind::Wildcard) ? QString() : str(acao.value);
            f.preflight = true;
            f.url = mainUrl();
            chromiumFail(f, m_v.checks.size() - 1);
        }
    }
    if (m_include) {
        const auto acac = r.headers.combinedValue("access-control-allow-credentials");
        const bool ok = acac.value_or(QByteArray()) == "true";
        addCheck(QStringLiteral("preflight-allow-credentials"), QStringLiteral("Access-Control-Allow-Credentials is 'true'"), st,
            ok ? CheckStatus::Pass : CheckStatus::Fail,
            ok ? QStringLiteral("credentials allowed")
               : QStringLiteral("credentials mode is 'include', so the value must be exactly 'true' (got '%1')").arg(str(acac.value_or(QByteArray()))),
            QByteArrayLiteral("Access-Control-Allow-Credentials"), acac, QStringLiteral("PreflightInvalidAllowCredentials"));
        if (!ok && acao.kind == AcaoKind::Ok && !redirect) {
            EngineFailure f;
            f.kind = QStringLiteral("PreflightInvalidAllowCredentials");
            f.param = str(acac.value_or(QByteArray()));
            f.preflight = true;
            f.url = mainUrl();
            chromiumFail(f, m_v.checks.size() - 1);
        }
    }
    if (!redirect) {
        if (auto ff = firefoxCorsCheck(r, m_origin, m_include)) {
            ff->url = mainUrl();
            firefoxFail(*ff);
        }
    }
    if (auto wk = webkitCorsCheck(r, m_origin, m_include)) {
        EngineFailure f;
        f.reason = *wk;
        f.url = mainUrl();
        webkitFail(f);
    }

    // 3. Status.
    const bool okStatus = r.status >= 200 && r.status <= 299;
    addCheck(QStringLiteral("preflight-status"), QStringLiteral("Preflight status is 2xx"), st,
        okStatus ? CheckStatus::Pass : CheckStatus::Fail,
        okStatus ? QStringLiteral("an ok status (200-299)")
                 : QStringLiteral("%1 is not an ok status (200-299)%2")
                       .arg(r.status)
                       .arg(r.status == 400 && r.headers.contains("access-control-allow-methods")
                               ? QStringLiteral("; a 400 with CORS headers is how Starlette refuses a preflight (disallowed method, header or origin)")
                               : QString()),
        {}, QByteArray::number(r.status), QStringLiteral("PreflightInvalidStatus"));
    if (!okStatus && !redirect) {
        EngineFailure f;
        f.kind = QStringLiteral("PreflightInvalidStatus");
        f.preflight = true;
        f.url = mainUrl();
        chromiumFail(f, m_v.checks.size() - 1);
        EngineFailure ff;
        ff.kind = QStringLiteral("CORSPreflightDidNotSucceed");
        ff.param = QString::number(r.status);
        ff.url = mainUrl();
        firefoxFail(ff);
    }

    // 4. Parse Access-Control-Allow-Methods and -Headers.
    const auto acamRaw = r.headers.combinedValue("access-control-allow-methods");
    const auto acahRaw = r.headers.combinedValue("access-control-allow-headers");
    const QByteArray acamValue = acamRaw.value_or(QByteArray());
    const QByteArray acahValue = acahRaw.value_or(QByteArray());
    const auto methods = rules::parseTokenListViews(acamValue);
    const auto allowHeaders = rules::parseTokenListViews(acahValue);
    auto firstBadItem = [](const QByteArray& v) {
        for (const QByteArray& part : v.split(',')) {
            const QByteArray t = http::trimOws(part);
            if (!t.isEmpty() && !rules::isToken(t))
                return t;
        }
        return QByteArray();
    };
    addCheck(QStringLiteral("preflight-allow-methods-syntax"), QStringLiteral("Access-Control-Allow-Methods parses"), st,
        methods ? CheckStatus::Pass : CheckStatus::Fail,
        methods ? (acamRaw ? QStringLiteral("a comma-separated list of methods") : QStringLiteral("absent (only GET, HEAD and POST are allowed then)"))
                : QStringLiteral("'%1' is not a token; the list must be comma-separated").arg(str(firstBadItem(*acamRaw))),
        QByteArrayLiteral("Access-Control-Allow-Methods"), acamRaw, QStringLiteral("InvalidAllowMethodsPreflightResponse"));
    if (!methods) {
        EngineFailure f;
        f.kind = QStringLiteral("InvalidAllowMethodsPreflightResponse");
        f.url = mainUrl();
        if (!redirect)
            chromiumFail(f, m_v.checks.size() - 1);
    }
    addCheck(QStringLiteral("preflight-allow-headers-syntax"), QStringLiteral("Access-Control-Allow-Headers parses"), st,
        allowHeaders ? CheckStatus::Pass : CheckStatus::Fail,
        allowHeaders ? (acahRaw ? QStringLiteral("a comma-separated list of header names") : QStringLiteral("absent (no request header beyond the safelisted ones is allowed)"))
                     : QStringLiteral("'%1' is not a token; the list must be comma-separated").arg(str(firstBadItem(*acahRaw))),
        QByteArrayLiteral("Access-Control-Allow-Headers"), acahRaw, QStringLiteral("InvalidAllowHeadersPreflightResponse"));
    if (!allowHeaders) {
        EngineFailure f;
        f.kind = QStringLiteral("InvalidAllowHeadersPreflightResponse");
        f.url = mainUrl();
        if (!redirect)
            chromiumFail(f, m_v.checks.size() - 1);
    }

    // 5. Method.
    const bool methodWildcard = methods && !m_include && methods->contains("*");
    const bool methodOk = rules::isCorsSafelistedMethod(m_method) || (methods && methods->contains(m_method)) || methodWildcard;
    {
        QString expl;
        if (rules::isCorsSafelistedMethod(m_method))
            expl = QStringLiteral("a CORS-safelisted method (GET, HEAD, POST): no need to list it");
        else if (methods && methods->contains(m_method))
            expl = QStringLiteral("the method is listed (exact, case-sensitive match)");
        else if (methodWildcard)
            expl = QStringLiteral("'*' allows any method (no credentials)");
        else if (!methods)
            expl = QStringLiteral("the list could not be parsed");
        else {
            expl = QStringLiteral("%1 is not listed").arg(str(m_method));
            const auto it = std::find_if(methods->begin(), methods->end(), [&](QByteArrayView m) { return m.compare(m_method, Qt::CaseInsensitive) == 0; });
            if (it != methods->end())
                expl += QStringLiteral(" (the list has '%1': method matching is case-sensitive and fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT)").arg(str(*it));
            else if (methods->contains("*") && m_include)
                expl += QStringLiteral(" ('*' is a literal method name when credentials are included)");
        }
        addCheck(QStringLiteral("preflight-method-allowed"), QStringLiteral("Method allowed by the preflight"), st,
            methodOk ? CheckStatus::Pass : CheckStatus::Fail, expl, QByteArrayLiteral("Access-Control-Allow-Methods"), acamRaw,
            QStringLiteral("MethodDisallowedByPreflightResponse"));
    }
    if (!methodOk && methods) {
        EngineFailure f;
        f.kind = QStringLiteral("MethodDisallowedByPreflightResponse");
        f.param = str(m_method);
        f.url = mainUrl();
        if (!redirect)
            chromiumFail(f, m_v.checks.size() - 1);
    }

    // 6. Headers.
    // A handful of names: a list beats a hash set here.
    const QList<QByteArrayView> allowedList = allowHeaders.value_or(QList<QByteArrayView>());
    struct {
        const QList<QByteArrayView>& list;
        bool contains(QByteArrayView name) const { return containsIgnoringCase(list, name); }
    } allowed { allowedList };
    const bool headerWildcard = !m_include && allowed.contains("*");
    QList<QByteArray> seen;
    std::optional<EngineFailure> firstHeaderFailure;
    for (const QByteArray& name : m_unsafeNames) {
        if (seen.contains(name))
            continue;
        seen.append(name);
        const bool listed = allowed.contains(name);
        const bool ok = listed || headerWildcard;
        QString expl;
        if (listed)
            expl = QStringLiteral("listed (names match case-insensitively)");
        else if (headerWildcard)
            expl = QStringLiteral("'*' allows it (no credentials)");
        else if (!allowHeaders)
            expl = QStringLiteral("the list could not be parsed");
        else
            expl = QStringLiteral("'%1' is not listed%2").arg(str(name),
                allowed.contains("*") ? QStringLiteral(" ('*' is a literal name when credentials are included)") : QString());
        addCheck(QStringLiteral("preflight-header-allowed"), QStringLiteral("Request header %1 allowed").arg(str(name)), st,
            ok ? CheckStatus::Pass : CheckStatus::Fail, expl, QByteArrayLiteral("Access-Control-Allow-Headers"), acahRaw,
            QStringLiteral("HeaderDisallowedByPreflightResponse"));
        if (!ok && allowHeaders && !firstHeaderFailure) {
            EngineFailure f;
            f.kind = QStringLiteral("HeaderDisallowedByPreflightResponse");
            f.param = str(name);
            f.url = mainUrl();
            firstHeaderFailure = f;
            if (!redirect && methodOk)
                chromiumFail(f, m_v.checks.size() - 1);
        }
        if (ok && !listed && name == "authorization") {
            addCheck(QStringLiteral("preflight-authorization-wildcard"), QStringLiteral("Authorization covered only by '*'"), st,
                CheckStatus::Warning,
                QStringLiteral("the Fetch standard says '*' never covers Authorization; Chromium and Firefox still allow it "
                               "with a deprecation notice, so list Authorization explicitly before they enforce it"),
                QByteArrayLiteral("Access-Control-Allow-Headers"), acahRaw);
            m_firefox.warnings.append(messages::firefoxConsole(QStringLiteral("CORSAllowHeaderFromPreflightDeprecation"), mainUrl(), {}));
        }
    }

    // Firefox after ACAO/status: ACAM tokens → method → ACAH tokens → headers (sorted names).
    if (!redirect) {
        if (!methods) {
            EngineFailure ff;
            ff.kind = QStringLiteral("CORSInvalidAllowMethod");
            ff.param = str(firstBadItem(*acamRaw));
            ff.url = mainUrl();
            firefoxFail(ff);
        } else if (!methodOk) {
            EngineFailure ff;
            ff.kind = QStringLiteral("CORSMethodNotFound");
            ff.url = mainUrl();
            firefoxFail(ff);
        } else if (!allowHeaders) {
            EngineFailure ff;
            ff.kind = QStringLiteral("CORSInvalidAllowHeader");
            ff.param = str(firstBadItem(*acahRaw));
            ff.url = mainUrl();
            firefoxFail(ff);
        } else {
            QList<QByteArray> sorted = seen;
            std::sort(sorted.begin(), sorted.end());
            for (const auto& name : sorted) {
                if (!allowed.contains(name) && !headerWildcard) {
                    EngineFailure ff;
                    ff.kind = QStringLiteral("CORSMissingAllowHeaderFromPreflight");
                    ff.param = str(name);
                    ff.url = mainUrl();
                    firefoxFail(ff);
                    break;
                }
            }
        }
    }
    // WebKit: ACAM parse → ACAH parse → method → headers (as the page wrote them).
    {
        EngineFailure wk;
        wk.url = mainUrl();
        if (!methods) {
            wk.reason = QStringLiteral("Header Access-Control-Allow-Methods has an invalid value: %1").arg(str(*acamRaw));
            webkitFail(wk);
        } else if (!allowHeaders) {
            wk.reason = QStringLiteral("Header Access-Control-Allow-Headers has an invalid value: %1").arg(str(*acahRaw));
            webkitFail(wk);
        } else if (!methodOk) {
            wk.reason = QStringLiteral("Method %1 is not allowed by Access-Control-Allow-Methods.").arg(str(m_method));
            webkitFail(wk);
        } else {
            // WebKit's HTTPHeaderMap keeps well-known headers (printed in canonical case) ahead of
            // the others (printed as written) (oracle: lead-two-headers-xtoken-contenttype).
            for (int pass = 0; pass < 2 && !m_webkit.failure; ++pass) {
                for (const auto& h : m_headers) {
                    const QByteArray lower = h.name.toLower();
                    const QByteArray canonical = webkitCanonicalHeaderName(lower);
                    if ((pass == 0) == canonical.isEmpty() || !m_unsafeNames.contains(lower))
                        continue;
                    if (!allowed.contains(lower) && !headerWildcard) {
                        wk.reason = QStringLiteral("Request header field %1 is not allowed by Access-Control-Allow-Headers.")
                                        .arg(str(canonical.isEmpty() ? h.name : canonical));
                        webkitFail(wk);
                        break;
                    }
                }
            }
        }
    }

    // Private Network Access (Chromium 104-141): a preflight that asked
    // Access-Control-Request-Private-Network needed Access-Control-Allow-Private-Network: true.
    const bool pnaRequested = pf.request && pf.request->headers.value("access-control-request-private-network").value_or(QByteArray()) == "true";
    const auto acapn = r.headers.combinedValue("access-control-allow-private-network");
    if (pnaRequested || acapn) {
        const bool ok = acapn.value_or(QByteArray()) == "true";
        addCheck(QStringLiteral("preflight-private-network"), QStringLiteral("Private Network Access preflight (legacy Chromium)"), st,
            ok || !pnaRequested ? CheckStatus::Info : CheckStatus::Warning,
            ok ? QStringLiteral("Access-Control-Allow-Private-Network: true answers the Private Network Access preflight of Chromium 104-141")
               : pnaRequested ? QStringLiteral("the preflight asked Access-Control-Request-Private-Network: true but the answer lacks "
                                               "Access-Control-Allow-Private-Network: true: Chromium 104-141 failed with "
                                               "PreflightMissingAllowPrivateNetwork; Chromium 142+ asks the user for Local Network Access instead")
                              : QStringLiteral("Access-Control-Allow-Private-Network is only read by Chromium 104-141; current Chromium asks the user for Local Network Access"),
            QByteArrayLiteral("Access-Control-Allow-Private-Network"), acapn);
    }

    if (liveBefore && m_chromium.failure)
        m_preflightFailedChromium = true;
    if (!m_chromium.failure)
        evaluateCache(r);
}

void Evaluation::evaluateCache(const HttpResponseHead& r)
{
    PreflightCache& c = m_v.cache;
    c.applicable = true;
    c.maxAgeHeader = r.headers.combinedValue("access-control-max-age");
    bool ok = false;
    const QByteArrayView maxAge = c.maxAgeHeader ? QByteArrayView(*c.maxAgeHeader) : QByteArrayView();
    qlonglong secs = c.maxAgeHeader ? maxAge.toLongLong(&ok) : 0;
    const bool digitsOnly = ok && !maxAge.startsWith('-') && !maxAge.startsWith('+');
    c.chromiumSeconds = !c.maxAgeHeader || !ok ? 5 : static_cast<int>(std::clamp<qlonglong>(secs, 0, 7200));
    c.firefoxSeconds = !c.maxAgeHeader ? 5 : (!digitsOnly || secs == 0 ? 0 : static_cast<int>(std::min<qlonglong>(secs, 86400)));
    c.webkitSeconds = !c.maxAgeHeader || !ok ? 5 : static_cast<int>(std::clamp<qlonglong>(secs, 0, 600));
    const QString expl = QStringLiteral("cached for Chromium ") + QString::number(c.chromiumSeconds) + QStringLiteral(" s, Firefox ")
        + QString::number(c.firefoxSeconds) + QStringLiteral(" s, Safari ") + QString::number(c.webkitSeconds) + QStringLiteral(" s")
        + (c.maxAgeHeader ? QString() : QStringLiteral(" (no Access-Control-Max-Age: the 5 s default)"));
    const bool longCache = c.chromiumSeconds > 600 || c.firefoxSeconds > 3600;
    addCheck(QStringLiteral("preflight-max-age"), QStringLiteral("Preflight cache (Access-Control-Max-Age)"), Stage::Preflight,
        longCache ? CheckStatus::Warning : CheckStatus::Info,
        longCache ? expl + QStringLiteral(": a server-side CORS fix stays invisible to a browser that cached the old answer for that long")
                  : expl,
        QByteArrayLiteral("Access-Control-Max-Age"), c.maxAgeHeader);
}

void Evaluation::evaluateExposure(const HttpResponseHead& r)
{
    const auto aceh = r.headers.combinedValue("access-control-expose-headers");
    QList<QByteArrayView> exposedList;
    const QByteArray acehValue = aceh.value_or(QByteArray());
    bool star = false;
    if (const auto list = rules::parseTokenListViews(acehValue)) {
        exposedList = *list;
        star = !m_include && exposedList.contains(QByteArrayView("*"));
    }
    QStringList readable;
    QStringList hidden;
    readable.reserve(r.headers.size());
    auto lowerName = [](QByteArrayView name) {
        QString out(name.size(), Qt::Uninitialized);
        QChar* d = out.data();
        for (qsizetype i = 0; i < name.size(); ++i) {
            char c = name[i];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            d[i] = QLatin1Char(c);
        }
        return out;
    };
    auto seenBefore = [&](qsizetype index) {
        for (qsizetype k = 0; k < index; ++k)
            if (http::headerNameEquals(r.headers.at(k).name, r.headers.at(index).name))
                return true;
        return false;
    };
    for (qsizetype i = 0; i < r.headers.size(); ++i) {
        const QByteArray& name = r.headers.at(i).name;
        if (seenBefore(i))
            continue;
        const bool cookie = http::headerNameEquals(name, "set-cookie") || http::headerNameEquals(name, "set-cookie2");
        const QString lower = lowerName(name);
        bool safelisted = false;
        for (const char* n : { "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma" })
            safelisted = safelisted || http::headerNameEquals(name, n);
        if (!cookie && (safelisted || star || containsIgnoringCase(exposedList, name)))
            readable.append(lower);
        else
            hidden.append(lower);
    }
    m_v.exposedHeaders = readable;
    m_v.hiddenHeaders = hidden;
    QStringList custom;
    for (const QString& h : hidden)
        if (h.startsWith(u"x-") || (!h.startsWith(u"access-control-") && h != u"date" && h != u"server" && h != u"vary"
                                       && h != u"connection" && h != u"keep-alive" && h != u"transfer-encoding" && h != u"set-cookie"
                                       && h != u"content-encoding" && h != u"etag" && h != u"location" && h != u"strict-transport-security"
                                       && h != u"alt-svc" && h != u"age" && h != u"via"))
            custom.append(h);
    if (!custom.isEmpty()) {
        addCheck(QStringLiteral("actual-unreadable-headers"), QStringLiteral("Response headers script can read"), Stage::Actual,
            CheckStatus::Warning,
            QStringLiteral("script cannot read %1: list them in Access-Control-Expose-Headers (expose_headers) if the page needs them")
                .arg(custom.join(QStringLiteral(", "))),
            QByteArrayLiteral("Access-Control-Expose-Headers"), aceh, {}, static_cast<int>(m_ex.actual.size() - 1));
    } else {
        addCheck(QStringLiteral("actual-unreadable-headers"), QStringLiteral("Response headers script can read"), Stage::Actual,
            CheckStatus::Info, QStringLiteral("readable: ") + readable.join(QStringLiteral(", ")), QByteArrayLiteral("Access-Control-Expose-Headers"),
            aceh, {}, static_cast<int>(m_ex.actual.size() - 1));
    }
}

void Evaluation::evaluateHops()
{
    const bool corsRequest = m_v.corsApplies;
    QUrl current = m_url;
    bool corsFlag = corsRequest;
    bool tainted = false;
    QByteArray method = m_method;
    const bool preflightFailed = m_preflightFailedChromium;
    for (int i = 0; i < m_ex.actual.size(); ++i) {
        const auto& hop = m_ex.actual.at(i);
        if (hop.request)
            current = hop.request->url;
        const auto hopUrl = [&]() { return current == m_url ? mainUrl() : urlSpec(current); };
        const HttpResponseHead& r = hop.response;
        const Stage st = Stage::Actual;
        const bool hopSameOrigin = m_pageOrigin.isSameOrigin(Origin::fromUrl(current));
        if (m_ex.request.mode == http::RequestMode::SameOrigin && i > 0 && !hopSameOrigin) {
            addCheck(QStringLiteral("redirect-mode-same-origin"), QStringLiteral("Request stays same-origin"), st, CheckStatus::Fail,
                QStringLiteral("mode 'same-origin' forbids following a redirect to %1").arg(hopUrl()), {}, std::nullopt,
                QStringLiteral("DisallowedByMode"), i);
            EngineFailure f;
            f.kind = QStringLiteral("DisallowedByMode");
            f.url = hopUrl();
            chromiumFail(f, m_v.checks.size() - 1);
            return;
        }
        if (m_ex.request.mode == http::RequestMode::Cors && !hopSameOrigin)
            corsFlag = true;
        if (r.isNetworkError()) {
            evaluateNetworkFailure(r, hopUrl(), st, i);
            return;
        }
        const QString requestOrigin = tainted ? QStringLiteral("null") : m_origin;
        if (corsFlag) {
            const AcaoResult acao = chromiumAcao(r.headers, requestOrigin, m_include);
            const QString kind = chromiumAcaoKind(acao.kind, false);
            const QString expl = acaoExplanation(acao, requestOrigin, r.status, false);
            addCheck(QStringLiteral("actual-allow-origin"), QStringLiteral("Access-Control-Allow-Origin allows the origin"), st,
                acao.kind == AcaoKind::Ok ? CheckStatus::Pass : (preflightFailed ? CheckStatus::Info : CheckStatus::Fail), expl,
                QByteArrayLiteral("Access-Control-Allow-Origin"), acao.present ? std::optional<QByteArray>(acao.value) : std::nullopt, kind, i);
            if (acao.kind != AcaoKind::Ok) {
                EngineFailure f;
                f.kind = kind;
                f.param = (acao.kind == AcaoKind::Missing || acao.kind == AcaoKind::Wildcard) ? QString() : str(acao.value);
                f.url = hopUrl();
                chromiumFail(f, m_v.checks.size() - 1);
            }
            if (m_include) {
                const auto acac = r.headers.combinedValue("access-control-allow-credentials");
                const bool ok = acac.value_or(QByteArray()) == "true";
                addCheck(QStringLiteral("actual-allow-credentials"), QStringLiteral("Access-Control-Allow-Credentials is 'true'"), st,
                    ok ? CheckStatus::Pass : (preflightFailed ? CheckStatus::Info : CheckStatus::Fail),
                    ok ? QStringLiteral("credentials allowed")
                       : QStringLiteral("credentials mode is 'include', so the value must be exactly 'true' (got '%1')").arg(str(acac.value_or(QByteArray()))),
                    QByteArrayLiteral("Access-Control-Allow-Credentials"), acac, QStringLiteral("InvalidAllowCredentials"), i);
                if (!ok && acao.kind == AcaoKind::Ok) {
                    EngineFailure f;
                    f.kind = QStringLiteral("InvalidAllowCredentials");
                    f.param = str(acac.value_or(QByteArray()));
                    f.url = hopUrl();
                    chromiumFail(f, m_v.checks.size() - 1);
                }
            }
            const bool redirect = r.isRedirect(); // WebKit words it as a redirection in every redirect mode
            QString redirectTarget;
            if (r.isRedirect())
                redirectTarget = urlSpec(current.resolved(QUrl::fromEncoded(r.headers.value("location").value_or(QByteArray()))));
            if (auto ff = firefoxCorsCheck(r, requestOrigin, m_include)) {
                ff->url = hopUrl();
                firefoxFail(*ff);
            }
            if (auto wk = webkitCorsCheck(r, requestOrigin, m_include)) {
                EngineFailure f;
                f.reason = redirect ? QStringLiteral("Cross-origin redirection to %1 denied by Cross-Origin Resource Sharing policy: %2").arg(redirectTarget, *wk)
                                    : *wk;
                f.url = hopUrl();
                webkitFail(f);
            }
            // Vary: Origin when a specific origin is echoed.
            if (acao.kind == AcaoKind::Ok && acao.value != "*") {
                bool varyOrigin = false;
                for (const auto& h : r.headers) {
                    if (!http::headerNameEquals(h.name, "vary"))
                        continue;
                    const auto parts = rules::parseTokenListViews(h.value);
                    if (parts && (containsIgnoringCase(*parts, "origin") || parts->contains(QByteArrayView("*"))))
                        varyOrigin = true;
                }
                addCheck(QStringLiteral("actual-vary-origin"), QStringLiteral("Vary: Origin with an echoed origin"), st,
                    varyOrigin ? CheckStatus::Pass : CheckStatus::Warning,
                    varyOrigin ? QStringLiteral("caches keep one copy per origin")
                               : QStringLiteral("the response echoes one origin but lacks Vary: Origin: a shared cache (CDN, proxy, the browser) "
                                                "may serve this copy to another origin and break it, or poison it"),
                    QByteArrayLiteral("Vary"), r.headers.combinedValue("vary"), {}, i);
            }
        } else if (m_ex.request.mode == http::RequestMode::Cors) {
            addCheck(QStringLiteral("actual-same-origin"), QStringLiteral("Same-origin response"), st, CheckStatus::Info,
                hopUrl() + QStringLiteral(" is same-origin with the page: no CORS check"), {}, std::nullopt, {}, i);
        } else {
            addCheck(QStringLiteral("actual-opaque"), QStringLiteral("Opaque response"), st, CheckStatus::Info,
                QStringLiteral("mode '") + http::toString(m_ex.request.mode)
                    + QStringLiteral("': no CORS check; script gets an opaque response (status 0, no headers, no body)"),
                {}, std::nullopt, {}, i);
        }
        if (r.status >= 400)
            addCheck(QStringLiteral("actual-status"), QStringLiteral("Response status"), st, CheckStatus::Info,
                QStringLiteral("%1 is an error status, but CORS only decides whether script may read it").arg(r.status), {},
                QByteArray::number(r.status), {}, i);

        if (m_chromium.failure && m_firefox.failure && m_webkit.failure)
            return; // every engine stopped at this response: nothing is followed

        if (!r.isRedirect()) {
            m_finalResponse = &r;
            if (i + 1 < m_ex.actual.size())
                m_v.notes.append(QStringLiteral("actual[%1] follows a response that is not a redirect; ignored").arg(i + 1));
            break;
        }
        // Redirect handling.
        const QByteArray location = r.headers.value("location").value_or(QByteArray());
        const QUrl next = current.resolved(QUrl::fromEncoded(http::trimOws(location)));
        if (m_ex.request.redirect == http::RedirectMode::Manual) {
            addCheck(QStringLiteral("redirect-mode"), QStringLiteral("Redirect mode"), st, CheckStatus::Info,
                QStringLiteral("redirect: 'manual' — the page gets an opaque-redirect response and cannot read it"), QByteArrayLiteral("Location"), location, {}, i);
            m_finalResponse = &r;
            break;
        }
        if (m_ex.request.redirect == http::RedirectMode::Error) {
            addCheck(QStringLiteral("redirect-mode"), QStringLiteral("Redirect mode"), st, CheckStatus::Fail,
                QStringLiteral("redirect: 'error' turns any redirect into a network error (TypeError: Failed to fetch)"), QByteArrayLiteral("Location"), location, {}, i);
            EngineFailure f;
            f.url = hopUrl();
            f.networkError = QStringLiteral("redirect mode is 'error'");
            chromiumFail(f, m_v.checks.size() - 1);
            EngineFailure wk;
            wk.url = hopUrl();
            wk.reason = QStringLiteral("Not allowed to follow a redirection while loading %1").arg(hopUrl());
            webkitFail(wk); // followed by "... due to access control checks." (oracle: lead-redirect-mode-error)
            firefoxFail(f); // a TypeError in script, no CORS console line (oracle: lead-redirect-mode-error)
            return;
        }
        if (i + 1 >= kMaxRedirects + 1) {
            addCheck(QStringLiteral("redirect-count"), QStringLiteral("At most 20 redirects"), st, CheckStatus::Fail,
                QStringLiteral("more than 20 redirects: net::ERR_TOO_MANY_REDIRECTS"), {}, std::nullopt, {}, i);
            EngineFailure f;
            f.url = hopUrl();
            f.networkError = QStringLiteral("too many redirects");
            chromiumFail(f, m_v.checks.size() - 1);
            EngineFailure wk = f;
            wk.reason = QStringLiteral("Load cannot follow more than 20 redirections");
            webkitFail(wk);
            EngineFailure ff = f;
            ff.kind = QStringLiteral("CORSDidNotSucceed");
            firefoxFail(ff);
            return;
        }
        if (corsFlag && !isHttpScheme(next)) {
            addCheck(QStringLiteral("redirect-scheme"), QStringLiteral("Redirect target scheme"), st, CheckStatus::Fail,
                QStringLiteral("redirect to %1: only http and https can be followed in CORS mode").arg(urlSpec(next)), QByteArrayLiteral("Location"), location,
                QStringLiteral("CorsDisabledScheme"), i);
            EngineFailure f;
            f.kind = QStringLiteral("CorsDisabledScheme");
            f.url = urlSpec(next);
            chromiumFail(f, m_v.checks.size() - 1);
            EngineFailure ff = f;
            ff.kind = QStringLiteral("CORSRequestNotHttp");
            firefoxFail(ff);
            EngineFailure wk = f;
            wk.reason = QStringLiteral("Cross-origin redirection to %1 denied by Cross-Origin Resource Sharing policy: not allowed to follow a cross-origin CORS redirection with non CORS scheme").arg(urlSpec(next));
            webkitFail(wk);
            return;
        }
        const bool nextHasCredentials = !next.userName().isEmpty() || !next.password().isEmpty();
        // Chromium CheckRedirectLocation: in cors mode a Location with credentials is refused when
        // the request is tainted or the Location is cross-origin with the page, CORS flag or not.
        if (m_ex.request.mode == http::RequestMode::Cors && nextHasCredentials
            && (corsFlag || tainted || !m_pageOrigin.isSameOrigin(Origin::fromUrl(next)))) {
            addCheck(QStringLiteral("redirect-credentials"), QStringLiteral("Redirect target has no user:password"), st, CheckStatus::Fail,
                QStringLiteral("the Location %1 carries credentials, which cross-origin requests may not follow").arg(urlSpec(next)),
                QByteArrayLiteral("Location"), location, QStringLiteral("RedirectContainsCredentials"), i);
            EngineFailure f;
            f.kind = QStringLiteral("RedirectContainsCredentials");
            f.param = QString(); // Chromium 156 prints an empty location here (oracle: lead-redirect-userinfo)
            f.url = hopUrl();
            chromiumFail(f, m_v.checks.size() - 1);
            EngineFailure wk = f;
            QUrl withoutCredentials = next;
            withoutCredentials.setUserInfo(QString());
            wk.reason = QStringLiteral("Cross-origin redirection to %1 denied by Cross-Origin Resource Sharing policy: redirection URL %2 has credentials")
                            .arg(urlSpec(withoutCredentials), urlSpec(next));
            webkitFail(wk);
            EngineFailure ff = f;
            ff.kind = QStringLiteral("CORSDidNotSucceed");
            firefoxFail(ff);
            return;
        }
        const Origin curOrigin = Origin::fromUrl(current);
        const Origin nextOrigin = Origin::fromUrl(next);
        if (!curOrigin.isSameOrigin(nextOrigin) && !m_pageOrigin.isSameOrigin(curOrigin) && !tainted) {
            tainted = true;
            addCheck(QStringLiteral("redirect-tainted-origin"), QStringLiteral("Origin after a cross-origin redirect"), st,
                CheckStatus::Info,
                QStringLiteral("the redirect leaves %1 for another origin, so the next request sends Origin: null and needs "
                               "Access-Control-Allow-Origin: null (or '*' without credentials)").arg(curOrigin.serialize()),
                QByteArrayLiteral("Location"), location, {}, i);
        }
        if (((r.status == 301 || r.status == 302) && method == "POST") || (r.status == 303 && method != "HEAD"))
            method = "GET";
        addCheck(QStringLiteral("redirect-followed"), QStringLiteral("Redirect followed"), st, CheckStatus::Info,
            QStringLiteral("%1 → %2 %3").arg(r.status).arg(str(method), urlSpec(next)), QByteArrayLiteral("Location"), location, {}, i);
        if (m_v.preflight.required && corsFlag)
            addCheck(QStringLiteral("redirect-new-preflight"), QStringLiteral("Preflight after redirect"), st, CheckStatus::Info,
                QStringLiteral("browsers send a fresh preflight for %1 before following (not recorded in this exchange)").arg(urlSpec(next)),
                {}, std::nullopt, {}, i);
        if (i + 1 >= m_ex.actual.size()) {
            m_incomplete = true;
            m_incompleteReason = QStringLiteral("the exchange stops at a %1 redirect to %2; the next hop is not recorded").arg(r.status).arg(urlSpec(next));
            return;
        }
        current = next;
    }
}

void Evaluation::finish()
{
    // The Chromium verdict drives the overall one.
    auto fillChromium = [&]() {
        BrowserOutcome& o = m_v.chromium;
        o.browser = QStringLiteral("chromium");
        if (m_chromium.failure) {
            const EngineFailure& f = *m_chromium.failure;
            o.allowed = false;
            o.errorKind = f.kind;
            o.failedParameter = f.param;
            if (f.kind.isEmpty()) {
                o.console.append(!f.consoleLine.isEmpty() ? f.consoleLine
                                                          : QStringLiteral("Failed to load resource: ") + chromiumNetError(f.networkError));
            } else {
                messages::ChromiumLine line;
                line.lastUrl = f.url.isEmpty() ? mainUrl() : f.url;
                line.initialUrl = mainUrl();
                line.origin = m_origin;
                o.console.append(messages::chromiumConsole(f.kind, f.param, line, m_lnaSpace));
            }
        } else if (m_incomplete) {
            o.allowed = std::nullopt;
            o.note = m_incompleteReason;
        } else {
            o.allowed = true;
        }
    };
    auto fillFirefox = [&]() {
        BrowserOutcome& o = m_v.firefox;
        o.browser = QStringLiteral("firefox");
        if (m_firefox.failure) {
            const EngineFailure& f = *m_firefox.failure;
            o.allowed = false;
            o.errorKind = f.kind;
            o.failedParameter = f.param;
            if (!f.kind.isEmpty())
                o.console.append(messages::firefoxConsole(f.kind, f.url.isEmpty() ? mainUrl() : f.url, f.param));
        } else if (m_firefox.unknown || m_incomplete) {
            o.allowed = std::nullopt;
            o.note = m_incomplete ? m_incompleteReason : QStringLiteral("Firefox would send this request, but the exchange has no response to judge");
        } else {
            o.allowed = true;
        }
        o.console.append(m_firefox.warnings);
    };
    auto fillWebkit = [&]() {
        BrowserOutcome& o = m_v.webkit;
        o.browser = QStringLiteral("webkit");
        if (m_webkit.failure) {
            const EngineFailure& f = *m_webkit.failure;
            o.allowed = false;
            if (!f.reason.isEmpty())
                o.console.append(f.reason);
            if (f.networkError.isEmpty())
                o.console.append(messages::webkitAccessControlLine(f.url.isEmpty() ? mainUrl() : f.url));
            else
                o.console.append(QStringLiteral("Fetch API cannot load %1.").arg(f.url.isEmpty() ? mainUrl() : f.url));
        } else if (m_webkit.unknown || m_incomplete) {
            o.allowed = std::nullopt;
            o.note = m_incomplete ? m_incompleteReason : QStringLiteral("Safari would send this request, but the exchange has no response to judge");
        } else {
            o.allowed = true;
        }
    };
    fillChromium();
    fillFirefox();
    fillWebkit();
    for (Check& c : m_v.checks)
        if (c.status != CheckStatus::Fail)
            c.corsError.clear(); // only a failing check raises its error

    m_v.allowed = m_v.chromium.allowed.value_or(false);
    if (m_chromium.failure) {
        ReportedError e;
        e.kind = m_v.chromium.errorKind;
        e.failedParameter = m_v.chromium.failedParameter;
        // Only a CORS rejection has a "has been blocked by CORS policy" line.
        e.chromeMessage = e.kind.isEmpty() ? QString() : m_v.chromium.console.value(0);
        e.networkError = m_chromium.failure->networkError;
        if (m_firefox.failure) {
            e.firefoxReasonKey = m_v.firefox.errorKind;
            e.firefoxMessage = m_v.firefox.console.value(0);
        }
        if (m_webkit.failure)
            e.safariMessages = m_v.webkit.console;
        if (m_reportedCheck >= 0 && m_reportedCheck < m_v.checks.size()) {
            m_v.checks[m_reportedCheck].reported = true;
            e.checkId = m_v.checks[m_reportedCheck].id;
        }
        m_v.error = e;
    }
    if (m_incomplete && !m_chromium.failure)
        m_v.notes.append(m_incompleteReason);
    if (m_finalResponse && !m_chromium.failure) {
        if (m_v.corsApplies) {
            evaluateExposure(*m_finalResponse);
        } else if (!m_v.crossOrigin) {
            // A basic (same-origin) response: everything but Set-Cookie is readable.
            for (const auto& h : m_finalResponse->headers) {
                const QString name = str(h.name).toLower();
                const bool cookie = name == u"set-cookie" || name == u"set-cookie2";
                QStringList& list = cookie ? m_v.hiddenHeaders : m_v.exposedHeaders;
                if (!list.contains(name))
                    list.append(name);
            }
        }
    }
    // Checks after the reported failure that also fail are what the user hits next deploy.
}

Verdict Evaluation::run()
{
    prepareRequest();
    const Origin target = Origin::fromUrl(m_url);
    m_v.crossOrigin = !m_pageOrigin.isSameOrigin(target);

    if (rules::isForbiddenMethod(m_method)) {
        addCheck(QStringLiteral("request-method-forbidden"), QStringLiteral("Method a page may use"), Stage::Request, CheckStatus::Fail,
            QStringLiteral("%1 is a forbidden method: fetch() throws a TypeError before sending anything").arg(str(m_method)), {}, m_method);
        m_v.allowed = false;
        ReportedError e;
        const QString typeError = QStringLiteral("TypeError: Failed to execute 'fetch' on 'Window': '%1' HTTP method is unsupported.").arg(str(m_ex.request.method));
        e.networkError = QStringLiteral("forbidden method");
        e.checkId = QStringLiteral("request-method-forbidden");
        m_v.checks.last().reported = true;
        m_v.error = e;
        for (BrowserOutcome* o : { &m_v.chromium, &m_v.firefox, &m_v.webkit })
            o->allowed = false;
        m_v.chromium.browser = QStringLiteral("chromium");
        m_v.firefox.browser = QStringLiteral("firefox");
        m_v.webkit.browser = QStringLiteral("webkit");
        m_v.chromium.console.append(typeError);
        return m_v;
    }

    const auto mode = m_ex.request.mode;
    if (!m_v.crossOrigin) {
        m_v.corsApplies = false;
        addCheck(QStringLiteral("request-same-origin"), QStringLiteral("Cross-origin request"), Stage::Request, CheckStatus::Info,
            QStringLiteral("%1 is same-origin with the page (%2): no CORS checks, no preflight, every header readable").arg(target.serialize(), m_origin));
    } else if (mode == http::RequestMode::SameOrigin) {
        addCheck(QStringLiteral("request-mode"), QStringLiteral("Request mode allows cross-origin"), Stage::Request, CheckStatus::Fail,
            QStringLiteral("mode 'same-origin' forbids a request to %1 from %2: fetch() rejects before sending anything (no CORS error is reported)").arg(target.serialize(), m_origin));
        EngineFailure f;
        f.url = mainUrl();
        f.networkError = QStringLiteral("request mode 'same-origin' with a cross-origin URL");
        f.consoleLine = QStringLiteral("Fetch API cannot load %1. Request mode is \"same-origin\" but the URL's origin is not same as the request origin %2.").arg(mainUrl(), m_origin);
        chromiumFail(f, m_v.checks.size() - 1);
        EngineFailure wk;
        wk.url = mainUrl();
        wk.networkError = f.networkError; // WebKit: just "Fetch API cannot load URL." (oracle: lead-mode-same-origin-cross)
        webkitFail(wk);
        EngineFailure ff;
        ff.url = mainUrl();
        ff.networkError = f.networkError; // a TypeError in script, no CORS console line
        firefoxFail(ff);
        m_stop = true;
    } else if (mode == http::RequestMode::NoCors || mode == http::RequestMode::Navigate) {
        m_v.corsApplies = false;
        if (mode == http::RequestMode::NoCors && !rules::isCorsSafelistedMethod(m_method)) {
            addCheck(QStringLiteral("request-no-cors-method"), QStringLiteral("Method allowed in no-cors mode"), Stage::Request,
                CheckStatus::Fail, QStringLiteral("no-cors requests may only use GET, HEAD or POST: fetch() throws a TypeError"), {}, m_method);
            EngineFailure f;
            f.url = mainUrl();
            f.networkError = QStringLiteral("'%1' is unsupported in no-cors mode").arg(str(m_method));
            f.consoleLine = QStringLiteral("TypeError: Failed to execute 'fetch' on 'Window': '%1' is unsupported in no-cors mode.").arg(str(m_ex.request.method));
            chromiumFail(f, m_v.checks.size() - 1);
            firefoxFail(f);
            webkitFail(f);
            m_stop = true;
        } else {
            addCheck(QStringLiteral("request-no-cors"), QStringLiteral("Opaque response"), Stage::Request, CheckStatus::Warning,
                QStringLiteral("mode 'no-cors': the fetch succeeds but the response is opaque: status 0, no headers, no body for script"));
        }
    } else if (!isHttpScheme(m_url)) {
        addCheck(QStringLiteral("request-scheme"), QStringLiteral("URL scheme supports CORS"), Stage::Request, CheckStatus::Fail,
            QStringLiteral("'%1' URLs cannot be fetched cross-origin").arg(m_url.scheme()), {}, std::nullopt, QStringLiteral("CorsDisabledScheme"));
        EngineFailure f;
        f.kind = QStringLiteral("CorsDisabledScheme");
        f.url = mainUrl();
        chromiumFail(f, m_v.checks.size() - 1);
        EngineFailure ff = f;
        ff.kind = QStringLiteral("CORSRequestNotHttp");
        firefoxFail(ff);
        EngineFailure wk = f;
        wk.reason = QStringLiteral("Cross origin requests are only supported for HTTP.");
        webkitFail(wk);
        m_stop = true;
    }

    if (m_v.crossOrigin && !m_stop)
        checkLocalNetworkAccess();

    m_v.preflight = planPreflightFor(m_ex, m_method, m_headers, m_origin);
    if (!m_v.corsApplies)
        m_v.preflight.required = false;
    m_v.preflight.recorded = m_ex.preflight.has_value();
    m_v.preflight.neededByRequest = m_v.preflight.required;
    if (m_chromium.failure && !m_ex.preflight)
        m_v.preflight.required = false; // Chromium stopped before sending anything

    if (!m_stop && m_v.corsApplies) {
        if (m_v.preflight.required) {
            addCheck(QStringLiteral("preflight-required"), QStringLiteral("Preflight needed"), Stage::Request, CheckStatus::Info,
                QStringLiteral("a preflight OPTIONS goes first: ") + m_v.preflight.reasons.join(QStringLiteral("; ")));
        } else {
            addCheck(QStringLiteral("preflight-required"), QStringLiteral("Preflight needed"), Stage::Request, CheckStatus::Info,
                QStringLiteral("no preflight: ") + str(m_method) + QStringLiteral(" with CORS-safelisted headers only"));
        }
        if (m_ex.preflight && !m_chromium.failure) {
            evaluatePreflight();
        } else if (m_ex.preflight && m_chromium.failure) {
            // Chromium never sent it (e.g. Local Network Access); the others did.
            evaluatePreflight();
        } else if (m_v.preflight.required) {
            addCheck(QStringLiteral("preflight-recorded"), QStringLiteral("Preflight recorded"), Stage::Preflight,
                m_ex.actual.isEmpty() ? CheckStatus::Skipped : CheckStatus::Warning,
                QStringLiteral("a preflight is required but the exchange has none (served from the preflight cache, or not captured); its checks are skipped"));
        }
    } else if (m_ex.preflight && !m_stop) {
        m_v.notes.append(QStringLiteral("a preflight was recorded although no CORS preflight applies (same-origin or no-cors); ignored"));
    }

    if (!m_stop) {
        if (!m_ex.actual.isEmpty()) {
            evaluateHops();
        } else if (!m_chromium.failure || !m_firefox.failure || !m_webkit.failure) {
            // Nothing recorded past this point.
            const bool preflightPassed = m_ex.preflight && !m_preflightFailedChromium;
            if (!m_chromium.failure) {
                m_incomplete = true;
                m_incompleteReason = preflightPassed ? QStringLiteral("the preflight passed but the actual request is not recorded")
                                                     : QStringLiteral("the exchange records no response to judge");
            }
            if (!m_firefox.failure)
                m_firefox.unknown = true;
            if (!m_webkit.failure)
                m_webkit.unknown = true;
        }
    }
    finish();
    return std::move(m_v);
}

} // namespace

PreflightPlan CorsEngine::planPreflight(const Exchange& ex)
{
    HeaderList headers;
    for (const auto& h : ex.request.headers)
        if (!rules::isForbiddenRequestHeader(h.name, h.value))
            headers.append(h);
    if (!headers.contains("content-type") && ex.request.bodyKind == http::BodyKind::Blob && !ex.request.blobType.isEmpty())
        headers.append(QByteArrayLiteral("Content-Type"), ex.request.blobType);
    const auto origin = Origin::parse(ex.pageOrigin);
    // Same-origin requests and non-cors modes never get a preflight.
    if (ex.request.mode != http::RequestMode::Cors || (origin && origin->isSameOrigin(Origin::fromUrl(ex.request.url))))
        return PreflightPlan {};
    return planPreflightFor(ex, rules::normalizeMethod(ex.request.method), headers,
        origin ? origin->serialize() : QStringLiteral("null"));
}

Verdict CorsEngine::evaluate(const Exchange& exchange) const
{
    return Evaluation(exchange).run();
}

} // namespace corsbench::cors
