// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/har_reader.h"

#include "core/http/origin.h"

#include <QFile>
#include <QHash>

#include <simdjson.h>

#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <deque>
#include <vector>
#include <exception>

namespace corsbench::ingest {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

struct RawHead {
    QByteArray method;
    QByteArray url;
    http::HeaderList headers;
};

struct RawResponse {
    int status = 0;
    QByteArray statusText;
    http::HeaderList headers;
    QByteArray redirectUrl;
    QByteArray error; // Chrome "_error" / Firefox "_error"
};

struct RawEntry {
    RawHead request;
    RawResponse response;
    QByteArray resourceType;
};

inline QByteArray bytes(std::string_view sv)
{
    return QByteArray(sv.data(), qsizetype(sv.size()));
}

// Header names and values repeat across a HAR's entries; sharing one QByteArray per distinct
// string saves an allocation per header and the memory of kept exchanges.
class StringPool {
public:
    QByteArray get(std::string_view sv)
    {
        if (sv.size() > 512)
            return QByteArray(sv.data(), qsizetype(sv.size()));
        uint64_t h = 1469598103934665603ULL;
        for (char c : sv)
            h = (h ^ uint8_t(c)) * 1099511628211ULL;
        QByteArray& slot = m_slots[h & (kSlots - 1)];
        if (slot.size() == qsizetype(sv.size()) && std::memcmp(slot.constData(), sv.data(), sv.size()) == 0)
            return slot;
        slot = QByteArray(sv.data(), qsizetype(sv.size()));
        return slot;
    }

private:
    static constexpr size_t kSlots = 4096;
    std::vector<QByteArray> m_slots = std::vector<QByteArray>(kSlots);
};

error_code readHeaders(od::value v, http::HeaderList& out, StringPool& pool)
{
    od::array arr;
    if (auto e = v.get_array().get(arr))
        return e;
    for (auto item : arr) {
        od::object h;
        if (auto e = item.get_object().get(h))
            return e;
        QByteArray name;
        QByteArray value;
        for (auto f : h) {
            od::field field;
            if (auto e = std::move(f).get(field))
                return e;
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key == "name" || key == "value") {
                std::string_view s;
                if (auto e = field.value().get_string().get(s))
                    return e;
                (key == "name" ? name : value) = pool.get(s);
            }
        }
        if (!name.isEmpty())
            out.append(std::move(name), std::move(value));
    }
    return simdjson::SUCCESS;
}

error_code readRequest(od::value v, RawHead& out, StringPool& pool)
{
    od::object obj;
    if (auto e = v.get_object().get(obj))
        return e;
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "method" || key == "url") {
            std::string_view s;
            if (auto e = field.value().get_string().get(s))
                return e;
            (key == "method" ? out.method : out.url) = bytes(s);
        } else if (key == "headers") {
            if (auto e = readHeaders(field.value(), out.headers, pool))
                return e;
        }
    }
    return simdjson::SUCCESS;
}

error_code readResponse(od::value v, RawResponse& out, StringPool& pool)
{
    od::object obj;
    if (auto e = v.get_object().get(obj))
        return e;
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "status") {
            // Chrome writes integers; be lenient about doubles.
            int64_t n = 0;
            if (field.value().get_int64().get(n) == simdjson::SUCCESS)
                out.status = int(n);
        } else if (key == "statusText" || key == "redirectURL" || key == "_error") {
            std::string_view s;
            if (field.value().get_string().get(s) == simdjson::SUCCESS)
                (key == "statusText" ? out.statusText : key == "redirectURL" ? out.redirectUrl : out.error) = bytes(s);
        } else if (key == "headers") {
            if (auto e = readHeaders(field.value(), out.headers, pool))
                return e;
        }
    }
    return simdjson::SUCCESS;
}

error_code readEntry(od::object obj, RawEntry& out, StringPool& pool)
{
    for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "request") {
            if (auto e = readRequest(field.value(), out.request, pool))
                return e;
        } else if (key == "response") {
            if (auto e = readResponse(field.value(), out.response, pool))
                return e;
        } else if (key == "_resourceType") {
            std::string_view s;
            if (field.value().get_string().get(s) == simdjson::SUCCESS)
                out.resourceType = bytes(s);
        } else if (key == "_error") {
            std::string_view s;
            if (field.value().get_string().get(s) == simdjson::SUCCESS)
                out.response.error = bytes(s);
        }
    }
    return simdjson::SUCCESS;
}

bool isBrowserHeader(const QByteArray& name)
{
    if (name.isEmpty() || name.at(0) == ':')
        return true;
    const QByteArrayView n(name);
    auto starts = [&](const char* p) { return n.size() >= qsizetype(qstrlen(p)) && qstrnicmp(n.data(), p, qstrlen(p)) == 0; };
    if (starts("sec-") || starts("proxy-"))
        return true;
    static const char* const names[] = { "host", "connection", "user-agent", "accept-encoding", "accept-language",
        "referer", "origin", "cookie", "content-length", "keep-alive", "te", "dnt", "pragma", "cache-control",
        "priority", "access-control-request-method", "access-control-request-headers", "if-none-match",
        "if-modified-since", "upgrade-insecure-requests" };
    for (const char* h : names) {
        if (n.size() == qsizetype(qstrlen(h)) && qstrnicmp(n.data(), h, n.size()) == 0)
            return true;
    }
    return false;
}

http::HttpRequestHead toHead(const RawHead& raw)
{
    return http::HttpRequestHead { raw.method, QUrl::fromEncoded(raw.url), raw.headers };
}

http::HttpResponseHead toResponse(const RawResponse& raw)
{
    http::HttpResponseHead r;
    r.status = raw.status;
    r.reason = raw.statusText;
    r.headers = raw.headers;
    if (raw.status <= 0)
        r.networkError = raw.error.isEmpty() ? QStringLiteral("no response recorded (status 0)") : QString::fromUtf8(raw.error);
    return r;
}

struct PendingPreflight {
    http::Preflight preflight;
    QByteArray requestMethod;
    qint64 index = 0;
};

class Assembler {
public:
    Assembler(const ExchangeSink& sink, HarStats& stats)
        : m_sink(sink)
        , m_stats(stats)
    {
    }

    void add(RawEntry&& e, qint64 index)
    {
        ++m_stats.entries;
        const auto originValue = e.request.headers.value("origin");
        const bool isPreflight = e.request.method == "OPTIONS" && e.request.headers.contains("access-control-request-method");
        // A redirect hop continues the held exchange.
        if (m_held && !m_held->actual.isEmpty()) {
            const auto& last = m_held->actual.last().response;
            if (last.isRedirect() && !isPreflight) {
                const QByteArray location = last.headers.value("location").value_or(QByteArray());
                const QUrl next = m_held->actual.last().request ? m_held->actual.last().request->url.resolved(QUrl::fromEncoded(location))
                                                                : QUrl::fromEncoded(location);
                if (next == QUrl::fromEncoded(e.request.url)) {
                    m_held->actual.append(http::Hop { toHead(e.request), toResponse(e.response) });
                    return;
                }
            }
        }
        flushHeld();
        if (!originValue)
            return;
        ++m_stats.corsEntries;
        const QByteArray key = e.request.url + ' ' + *originValue;
        if (isPreflight) {
            ++m_stats.preflights;
            PendingPreflight p;
            p.preflight.request = toHead(e.request);
            p.preflight.response = toResponse(e.response);
            p.requestMethod = e.request.headers.value("access-control-request-method").value_or(QByteArray());
            p.index = index;
            if (m_pending.contains(key))
                emitPreflightOnly(m_pending.take(key));
            m_pending.insert(key, std::move(p));
            m_order.push_back(key);
            trimPending();
            return;
        }
        http::Exchange ex;
        ex.pageOrigin = QString::fromUtf8(*originValue);
        if (const auto ref = e.request.headers.value("referer"))
            ex.pageUrl = QString::fromUtf8(*ref);
        const QUrl url = QUrl::fromEncoded(e.request.url); // parsed once, shared by intent and hop
        ex.request.method = e.request.method;
        ex.request.url = url;
        for (const auto& h : e.request.headers) {
            if (!isBrowserHeader(h.name) && !(headerNameEqualsAccept(h.name) && h.value == "*/*"))
                ex.request.headers.append(h);
        }
        if (e.request.headers.contains("cookie"))
            ex.request.credentials = http::CredentialsMode::Include;
        HarSource src;
        src.entryIndex = index;
        auto it = m_pending.find(key);
        if (it != m_pending.end()) {
            if (it->requestMethod == e.request.method || it->requestMethod.toUpper() == e.request.method.toUpper()) {
                ex.preflight = std::move(it->preflight);
                src.preflightIndex = it->index;
                m_pending.erase(it);
                ++m_stats.paired;
                // The preflight names the author headers the page set.
                const QByteArray acrh = ex.preflight->request ? ex.preflight->request->headers.value("access-control-request-headers").value_or(QByteArray()) : QByteArray();
                for (const QByteArray& n : acrh.split(',')) {
                    const QByteArray t = n.trimmed();
                    if (!t.isEmpty() && !ex.request.headers.contains(t))
                        ex.request.headers.append(t, e.request.headers.value(t).value_or(QByteArray()));
                }
            }
        }
        if (e.response.status <= 0 && ex.preflight) {
            // The actual request never went out (the preflight failed).
        } else {
            ex.actual.append(http::Hop { http::HttpRequestHead { e.request.method, url, e.request.headers }, toResponse(e.response) });
        }
        m_held = std::move(ex);
        m_heldSource = src;
    }

    void finish()
    {
        flushHeld();
        for (const QByteArray& key : m_order) {
            auto it = m_pending.find(key);
            if (it != m_pending.end()) {
                PendingPreflight p = std::move(*it);
                m_pending.erase(it);
                emitPreflightOnly(std::move(p));
            }
        }
        m_order.clear();
    }

private:
    static bool headerNameEqualsAccept(const QByteArray& n) { return n.compare("accept", Qt::CaseInsensitive) == 0; }

    void flushHeld()
    {
        if (!m_held)
            return;
        ++m_stats.exchanges;
        m_sink(std::move(*m_held), m_heldSource);
        m_held.reset();
    }

    void emitPreflightOnly(PendingPreflight&& p)
    {
        ++m_stats.unpairedPreflights;
        http::Exchange ex;
        const http::HttpRequestHead& req = *p.preflight.request;
        ex.pageOrigin = QString::fromUtf8(req.headers.value("origin").value_or("null"));
        if (const auto ref = req.headers.value("referer"))
            ex.pageUrl = QString::fromUtf8(*ref);
        ex.request.method = p.requestMethod.isEmpty() ? QByteArray("GET") : p.requestMethod;
        ex.request.url = req.url;
        const QByteArray acrh = req.headers.value("access-control-request-headers").value_or(QByteArray());
        for (const QByteArray& n : acrh.split(',')) {
            const QByteArray t = n.trimmed();
            if (!t.isEmpty())
                ex.request.headers.append(t, t == "content-type" ? QByteArray("application/json") : QByteArray("1"));
        }
        ex.preflight = std::move(p.preflight);
        HarSource src;
        src.entryIndex = p.index;
        src.preflightIndex = p.index;
        ++m_stats.exchanges;
        m_sink(std::move(ex), src);
    }

    void trimPending()
    {
        // Bounded: a HAR full of preflights without actual requests must not grow memory.
        while (m_order.size() > 4096) {
            const QByteArray key = m_order.front();
            m_order.pop_front();
            auto it = m_pending.find(key);
            if (it != m_pending.end()) {
                PendingPreflight p = std::move(*it);
                m_pending.erase(it);
                emitPreflightOnly(std::move(p));
            }
        }
    }

    const ExchangeSink& m_sink;
    HarStats& m_stats;
    QHash<QByteArray, PendingPreflight> m_pending;
    std::deque<QByteArray> m_order;
    std::optional<http::Exchange> m_held;
    HarSource m_heldSource;
};

QString describe(error_code e, const char* where)
{
    return QStringLiteral("HAR is not valid JSON or not HAR 1.2 (%1): %2")
        .arg(QLatin1String(where), QLatin1String(simdjson::error_message(e)));
}

Result<HarStats> walk(const char* data, size_t size, size_t capacity, const ExchangeSink& sink)
{
    HarStats stats;
    od::parser parser;
    od::document doc;
    if (auto e = parser.iterate(data, size, capacity).get(doc))
        return makeError(ErrorCode::InvalidJson, describe(e, "document"));
    od::object root;
    if (auto e = doc.get_object().get(root))
        return makeError(ErrorCode::InvalidFormat, describe(e, "top level must be an object"));
    Assembler assembler(sink, stats);
    StringPool pool;
    bool sawLog = false;
    bool sawEntries = false;
    for (auto rf : root) {
        od::field rootField;
        if (auto e = std::move(rf).get(rootField))
            return makeError(ErrorCode::InvalidJson, describe(e, "top level"));
        std::string_view rootKey;
        if (auto e = rootField.unescaped_key().get(rootKey))
            return makeError(ErrorCode::InvalidJson, describe(e, "top level key"));
        if (rootKey != "log")
            continue;
        sawLog = true;
        od::object log;
        if (auto e = rootField.value().get_object().get(log))
            return makeError(ErrorCode::InvalidFormat, describe(e, "log must be an object"));
        for (auto lf : log) {
            od::field logField;
            if (auto e = std::move(lf).get(logField))
                return makeError(ErrorCode::InvalidJson, describe(e, "log"));
            std::string_view key;
            if (auto e = logField.unescaped_key().get(key))
                return makeError(ErrorCode::InvalidJson, describe(e, "log key"));
            if (key == "creator") {
                od::object creator;
                if (logField.value().get_object().get(creator) == simdjson::SUCCESS) {
                    for (auto cf : creator) {
                        od::field c;
                        if (std::move(cf).get(c) != simdjson::SUCCESS)
                            break;
                        std::string_view ck;
                        std::string_view cv;
                        if (c.unescaped_key().get(ck) == simdjson::SUCCESS && (ck == "name" || ck == "version")
                            && c.value().get_string().get(cv) == simdjson::SUCCESS)
                            stats.creator += (stats.creator.isEmpty() ? QString() : QStringLiteral(" ")) + QString::fromUtf8(cv.data(), qsizetype(cv.size()));
                    }
                }
            } else if (key == "entries") {
                sawEntries = true;
                od::array entries;
                if (auto e = logField.value().get_array().get(entries))
                    return makeError(ErrorCode::InvalidFormat, describe(e, "log.entries must be an array"));
                qint64 index = 0;
                for (auto item : entries) {
                    od::value v;
                    if (auto e = std::move(item).get(v))
                        return makeError(ErrorCode::InvalidJson, describe(e, qPrintable(QStringLiteral("log.entries[%1]").arg(index))));
                    RawEntry entry;
                    od::object entryObject;
                    if (auto e = v.get_object().get(entryObject))
                        return makeError(ErrorCode::InvalidFormat, describe(e, qPrintable(QStringLiteral("log.entries[%1]").arg(index))));
                    if (auto e = readEntry(entryObject, entry, pool))
                        return makeError(ErrorCode::InvalidFormat, describe(e, qPrintable(QStringLiteral("log.entries[%1]").arg(index))));
                    assembler.add(std::move(entry), index);
                    ++index;
                }
            }
        }
    }
    if (!sawLog || !sawEntries)
        return makeError(ErrorCode::InvalidFormat, QStringLiteral("not a HAR file: no log.entries member"));
    assembler.finish();
    return stats;
}


#ifdef __SSE2__
// Bit i set when p[i] == ch, for 64 bytes.
inline uint64_t byteMask64(const char* p, char ch)
{
    const __m128i c = _mm_set1_epi8(ch);
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        m |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)))) << (16 * k);
    }
    return m;
}

// Characters escaped by a backslash in a 64-byte block (simdjson's find_escaped); `prevEscaped`
// carries an escape across blocks.
inline uint64_t findEscaped(uint64_t backslash, uint64_t& prevEscaped)
{
    backslash &= ~prevEscaped;
    const uint64_t followsEscape = backslash << 1 | prevEscaped;
    constexpr uint64_t evenBits = 0x5555555555555555ULL;
    const uint64_t oddSequenceStarts = backslash & ~evenBits & ~followsEscape;
    unsigned long long sequencesStartingOnEvenBits = 0;
    prevEscaped = __builtin_uaddll_overflow(oddSequenceStarts, backslash, &sequencesStartingOnEvenBits) ? 1 : 0;
    const uint64_t invertMask = uint64_t(sequencesStartingOnEvenBits) << 1;
    return (evenBits ^ invertMask) & followsEscape;
}
#endif

// Streams the HAR skeleton byte by byte (strings skipped with memchr), finds each element of
// log.entries and log.creator, and parses only those spans with simdjson. Memory is bounded by the
// read window plus the largest single entry, not by the file size.
class StreamParser {
public:
    StreamParser(const ExchangeSink& sink, HarStats& stats)
        : m_assembler(sink, stats)
        , m_stats(stats)
    {
    }

    /// Scans buf[m_scan, filled); `allocated` bytes of buf are readable (>= filled + padding).
    std::optional<Error> scan(const char* buf, qsizetype filled, qsizetype allocated)
    {
        qsizetype i = m_scan;
        while (i < filled) {
            if (m_inString) {
                if (!m_collect) {
                    // Bulk path: 64 bytes at a time, escapes resolved with simdjson's odd-backslash
                    // carry trick, so escape-dense bodies cost no more than plain text.
                    qsizetype j = i;
                    uint64_t prevEscaped = m_escape ? 1 : 0;
                    bool closed = false;
#ifdef __SSE2__
                    while (j + 64 <= filled) {
                        const uint64_t quotes = byteMask64(buf + j, '"');
                        const uint64_t escaped = findEscaped(byteMask64(buf + j, '\\'), prevEscaped);
                        const uint64_t real = quotes & ~escaped;
                        if (real) {
                            j += __builtin_ctzll(real);
                            closed = true;
                            break;
                        }
                        j += 64;
                    }
#endif
                    while (!closed && j < filled) {
                        const char d = buf[j];
                        if (prevEscaped)
                            prevEscaped = 0;
                        else if (d == '\\')
                            prevEscaped = 1;
                        else if (d == '"') {
                            closed = true;
                            break;
                        }
                        ++j;
                    }
                    if (!closed) {
                        m_escape = prevEscaped != 0;
                        i = filled;
                        break;
                    }
                    m_escape = false;
                    m_inString = false;
                    i = j + 1;
                    continue;
                }
                if (m_escape) {
                    m_escape = false;
                    if (m_key.size() < 64)
                        m_key += buf[i];
                    ++i;
                    continue;
                }
                const char d = buf[i];
                if (d == '\\') {
                    m_escape = true;
                } else if (d == '"') {
                    m_inString = false;
                    if (m_depth < 4)
                        m_lastString[m_depth] = m_key;
                } else if (m_key.size() < 64) {
                    m_key += d;
                }
                ++i;
                continue;
            }
            const char c = buf[i];
            switch (c) {
            case '"':
                m_inString = true;
                m_collect = m_depth <= 2 && m_elemStart < 0 && m_creatorStart < 0;
                m_key.clear();
                break;
            case '{':
            case '[':
                if (m_depth == 0 && c != '{')
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("not a HAR file: the top level must be an object"));
                if (m_inEntries && m_depth == kEntriesDepth && m_elemStart < 0) {
                    if (c != '{')
                        return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR log.entries[%1] must be an object").arg(m_index));
                    m_elemStart = i;
                }
                if (m_depth == 1 && c == '{' && m_lastString[1] == "log")
                    m_inLog = true;
                if (m_inLog && m_depth == 2 && c == '[' && m_lastString[2] == "entries" && !m_sawEntries) {
                    m_inEntries = true;
                    m_sawEntries = true;
                }
                if (m_inLog && m_depth == 2 && c == '{' && m_lastString[2] == "creator")
                    m_creatorStart = i;
                if (++m_depth > 1000)
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR nests deeper than 1000 levels"));
                break;
            case '}':
            case ']':
                if (--m_depth < 0)
                    return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR is not valid JSON: unbalanced '%1' at byte %2").arg(QLatin1Char(c)).arg(m_base + i));
                if (m_elemStart >= 0 && m_depth == kEntriesDepth) {
                    if (auto err = parseEntry(buf + m_elemStart, i - m_elemStart + 1, allocated - m_elemStart))
                        return err;
                    m_elemStart = -1;
                } else if (m_inEntries && m_depth < kEntriesDepth) {
                    m_inEntries = false;
                }
                if (m_creatorStart >= 0 && m_depth == 2) {
                    parseCreator(buf + m_creatorStart, i - m_creatorStart + 1, allocated - m_creatorStart);
                    m_creatorStart = -1;
                }
                if (m_depth == 1 && m_inLog && c == '}')
                    m_inLog = false;
                if (m_depth == 0)
                    m_done = true;
                break;
            case ' ':
            case '\n':
            case '\r':
            case '\t':
            case ',':
            case ':':
                break;
            default:
                if (m_depth == 0)
                    return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR is not valid JSON: unexpected '%1' at byte %2").arg(QLatin1Char(c)).arg(m_base + i));
                if (m_inEntries && m_depth == kEntriesDepth && m_elemStart < 0)
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR log.entries[%1] must be an object").arg(m_index));
                break;
            }
            ++i;
        }
        m_scan = filled;
        return std::nullopt;
    }

    /// Earliest buffer index still needed (start of an unfinished entry), for compaction.
    qsizetype keepFrom() const
    {
        qsizetype k = m_scan;
        if (m_elemStart >= 0)
            k = qMin(k, m_elemStart);
        if (m_creatorStart >= 0)
            k = qMin(k, m_creatorStart);
        return k;
    }

    void rebase(qsizetype shift)
    {
        m_scan -= shift;
        m_base += shift;
        if (m_elemStart >= 0)
            m_elemStart -= shift;
        if (m_creatorStart >= 0)
            m_creatorStart -= shift;
    }

    std::optional<Error> finish()
    {
        if (m_depth != 0 || m_inString || !m_done)
            return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR is truncated or not valid JSON (the document does not end where it should)"));
        if (!m_sawEntries)
            return makeError(ErrorCode::InvalidFormat, QStringLiteral("not a HAR file: no log.entries member"));
        m_assembler.finish();
        return std::nullopt;
    }

private:
    static constexpr int kEntriesDepth = 3;

    std::optional<Error> parseEntry(const char* data, qsizetype len, qsizetype capacity)
    {
        od::document doc;
        od::object obj;
        RawEntry entry;
        error_code e = m_parser.iterate(data, size_t(len), size_t(capacity)).get(doc);
        if (!e)
            e = doc.get_object().get(obj);
        if (!e)
            e = readEntry(obj, entry, m_pool);
        if (e)
            return makeError(ErrorCode::InvalidFormat, describe(e, qPrintable(QStringLiteral("log.entries[%1]").arg(m_index))));
        m_assembler.add(std::move(entry), m_index++);
        return std::nullopt;
    }

    void parseCreator(const char* data, qsizetype len, qsizetype capacity)
    {
        od::document doc;
        od::object creator;
        if (m_parser.iterate(data, size_t(len), size_t(capacity)).get(doc) || doc.get_object().get(creator))
            return;
        for (auto cf : creator) {
            od::field c;
            if (std::move(cf).get(c) != simdjson::SUCCESS)
                break;
            std::string_view ck;
            std::string_view cv;
            if (c.unescaped_key().get(ck) == simdjson::SUCCESS && (ck == "name" || ck == "version")
                && c.value().get_string().get(cv) == simdjson::SUCCESS)
                m_stats.creator += (m_stats.creator.isEmpty() ? QString() : QStringLiteral(" ")) + QString::fromUtf8(cv.data(), qsizetype(cv.size()));
        }
    }

    Assembler m_assembler;
    HarStats& m_stats;
    od::parser m_parser;
    StringPool m_pool;
    qsizetype m_scan = 0;
    qint64 m_base = 0; // file offset of buffer index 0
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_collect = false;
    bool m_inLog = false;
    bool m_inEntries = false;
    bool m_sawEntries = false;
    bool m_done = false;
    qsizetype m_elemStart = -1;
    qsizetype m_creatorStart = -1;
    qint64 m_index = 0;
    QByteArray m_key;
    QByteArray m_lastString[4];
};

Result<HarStats> streamBuffer(const char* data, qsizetype size, qsizetype allocated, const ExchangeSink& sink)
{
    HarStats stats;
    StreamParser sp(sink, stats);
    if (auto err = sp.scan(data, size, allocated))
        return *err;
    if (auto err = sp.finish())
        return *err;
    return stats;
}

} // namespace

bool HarReader::looksLikeHar(QByteArrayView head)
{
    const QByteArrayView h = head.first(qMin<qsizetype>(head.size(), 4096));
    qsizetype i = 0;
    while (i < h.size() && (h[i] == ' ' || h[i] == '\n' || h[i] == '\r' || h[i] == '\t'))
        ++i;
    if (i >= h.size() || h[i] != '{')
        return false;
    return h.indexOf("\"log\"") >= 0 && (h.indexOf("\"entries\"") >= 0 || h.indexOf("\"creator\"") >= 0 || h.indexOf("\"version\"") >= 0);
}

Result<HarStats> HarReader::parsePadded(const char* data, qsizetype size, qsizetype paddedCapacity, const ExchangeSink& sink)
{
    if (paddedCapacity < size + qsizetype(simdjson::SIMDJSON_PADDING))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("HAR buffer lacks simdjson padding"));
    try {
        return walk(data, size_t(size), size_t(paddedCapacity), sink);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<HarStats> HarReader::parse(QByteArrayView json, const ExchangeSink& sink)
{
    QByteArray padded;
    padded.reserve(json.size() + qsizetype(simdjson::SIMDJSON_PADDING));
    padded.append(json.data(), json.size());
    padded.append(QByteArray(qsizetype(simdjson::SIMDJSON_PADDING), '\0'));
    try {
        return streamBuffer(padded.constData(), json.size(), padded.size(), sink);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<HarStats> HarReader::parseFile(const QString& path, const ExchangeSink& sink, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("%1 is %2 bytes, more than the %3-byte limit").arg(path).arg(file.size()).arg(maxBytes));
    constexpr qsizetype kPad = qsizetype(simdjson::SIMDJSON_PADDING);
    constexpr qsizetype kMaxEntryBytes = qsizetype(512) * 1024 * 1024;
    qsizetype window = qsizetype(8) * 1024 * 1024;
    QByteArray buffer(window + kPad, '\0');
    qsizetype filled = 0;
    HarStats stats;
    try {
        StreamParser sp(sink, stats);
        while (true) {
            if (filled == window) {
                const qsizetype keep = sp.keepFrom();
                if (keep > 0) {
                    std::memmove(buffer.data(), buffer.constData() + keep, size_t(filled - keep));
                    filled -= keep;
                    sp.rebase(keep);
                } else {
                    // One entry larger than the window: grow (bounded).
                    if (window * 2 > kMaxEntryBytes)
                        return makeError(ErrorCode::TooLarge, QStringLiteral("a HAR entry in %1 is larger than %2 bytes").arg(path).arg(kMaxEntryBytes));
                    window *= 2;
                    buffer.resize(window + kPad);
                }
            }
            const qint64 n = file.read(buffer.data() + filled, window - filled);
            if (n < 0)
                return makeError(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
            if (n == 0)
                break;
            filled += qsizetype(n);
            if (auto err = sp.scan(buffer.constData(), filled, buffer.size()))
                return *err;
        }
        if (auto err = sp.finish())
            return *err;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    return stats;
}

} // namespace corsbench::ingest
