// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "core/ingest/har_reader.h"

#include "core/http/origin.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace corsbench::ingest {
namespace {

using har::Part;
using har::Text;

struct HeaderView {
    std::string_view name;
    std::string_view value;
};

struct RawHeaderSlot;

// What the walk saw of one headers array as raw JSON (the kernel's knownHeaders hook).
struct RawHeaders {
    std::string_view raw; // the array's JSON, in the input buffer; empty when not seen
    uint64_t hash = 0;
    bool mixed = false; // the part had more than one headers array: not cached
    // Set when the array was known: the cached list (it also keeps the views' bytes alive) and its slot.
    std::optional<http::HeaderList> list;
    RawHeaderSlot* slot = nullptr;
};

// One entry as the kernel walked it. The views point into the simdjson parser's buffers and are
// valid until the next entry is parsed; the assembler copies what it keeps (and only for
// CORS-relevant entries).
struct EntryView {
    std::string_view method;
    std::string_view url;
    std::string_view statusText;
    std::string_view redirectUrl;
    std::string_view error; // Chrome "_error" / Firefox "_error"
    std::string_view resourceType;
    int status = 0;
    std::vector<HeaderView> request;
    std::vector<HeaderView> response;
    RawHeaders rawRequest;
    RawHeaders rawResponse;
    bool requestHeadersSeen = false;
    bool responseHeadersSeen = false;
    bool statusTextSeen = false;

    void clear()
    {
        method = url = statusText = redirectUrl = error = resourceType = {};
        status = 0;
        request.clear(); // keeps the capacity
        response.clear();
        rawRequest = RawHeaders {};
        rawResponse = RawHeaders {};
        requestHeadersSeen = responseHeadersSeen = statusTextSeen = false;
    }
};

// `lowerName` is lower-case ASCII.
bool nameIs(std::string_view name, std::string_view lowerName)
{
    if (name.size() != lowerName.size())
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if ((c >= 'A' && c <= 'Z' ? char(c + 32) : c) != lowerName[i])
            return false;
    }
    return true;
}

const HeaderView* findHeader(const std::vector<HeaderView>& headers, std::string_view lowerName)
{
    for (const HeaderView& h : headers) {
        if (nameIs(h.name, lowerName))
            return &h;
    }
    return nullptr;
}

inline QByteArray bytes(std::string_view sv)
{
    return QByteArray(sv.data(), qsizetype(sv.size()));
}

// A hash that reads at most 16 bytes whatever the length (collisions are resolved by comparing).
inline uint64_t sampleHash(std::string_view sv)
{
    const size_t n = sv.size();
    uint64_t a = 0;
    uint64_t b = 0;
    if (n >= 8) {
        std::memcpy(&a, sv.data(), 8);
        std::memcpy(&b, sv.data() + n - 8, 8);
    } else if (n > 0) {
        std::memcpy(&a, sv.data(), n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ ((b + n) * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 29;
    return h * 0x165667B19E3779F9ULL;
}

inline bool sameBytes(const QByteArray& a, std::string_view b)
{
    return a.size() == qsizetype(b.size()) && (b.empty() || std::memcmp(a.constData(), b.data(), b.size()) == 0);
}

// Header names and values repeat across a HAR's entries; sharing one QByteArray per distinct
// string saves an allocation per header and the memory of kept exchanges. Direct-mapped and of
// fixed size (4096 strings of at most 512 bytes): a collision only costs a fresh copy, and
// hostile input cannot grow it.
class StringPool {
public:
    QByteArray get(std::string_view sv) { return get(sv, sampleHash(sv)); }

    QByteArray get(std::string_view sv, uint64_t hash)
    {
        const size_t n = sv.size();
        if (n == 0)
            return QByteArray();
        if (n > kMaxLength)
            return bytes(sv);
        QByteArray& slot = m_slots[size_t(hash >> (64 - kSlotBits))];
        if (sameBytes(slot, sv))
            return slot;
        slot = bytes(sv);
        return slot;
    }

private:
    static constexpr int kSlotBits = 12;
    static constexpr size_t kMaxLength = 512;
    std::vector<QByteArray> m_slots = std::vector<QByteArray>(size_t(1) << kSlotBits);
};

// Whole header lists repeat as well: a page's fetches send the same browser headers, a server
// answers alike. A HeaderList is implicitly shared, so handing out a cached list costs one
// reference instead of a list allocation and two string references per header (and kept exchanges
// share the memory). Direct-mapped, 256 lists of at most 64 headers and 8 KiB each; a hit is
// verified byte for byte.
class HeaderListCache {
public:
    struct Slot {
        uint64_t hash = 0;
        http::HeaderList list;
        // The list minus the browser's own headers (the request intent), computed on first use.
        std::optional<http::HeaderList> intent;
    };

    /// The list for `headers`, and the slot that holds it (null when the list is not cached).
    std::pair<http::HeaderList, Slot*> get(const std::vector<HeaderView>& headers, StringPool& pool)
    {
        if (headers.empty())
            return { http::HeaderList(), nullptr };
        m_hashes.clear();
        uint64_t h = headers.size();
        size_t bytes = 0;
        for (const HeaderView& hv : headers) {
            const uint64_t hn = sampleHash(hv.name);
            const uint64_t hv2 = sampleHash(hv.value);
            m_hashes.push_back(hn);
            m_hashes.push_back(hv2);
            h = (h ^ hn) * 0x9E3779B97F4A7C15ULL;
            h = (h ^ hv2) * 0xC2B2AE3D27D4EB4FULL;
            bytes += hv.name.size() + hv.value.size();
        }
        h ^= h >> 31;
        const bool cacheable = headers.size() <= kMaxHeaders && bytes <= kMaxBytes;
        Slot* slot = cacheable ? &m_slots[size_t(h >> (64 - kSlotBits))] : nullptr;
        if (slot && slot->hash == h && equal(slot->list, headers))
            return { slot->list, slot };
        http::HeaderList list;
        list.reserve(qsizetype(headers.size()));
        for (size_t i = 0; i < headers.size(); ++i)
            list.append(pool.get(headers[i].name, m_hashes[2 * i]), pool.get(headers[i].value, m_hashes[2 * i + 1]));
        if (!slot)
            return { list, nullptr };
        slot->hash = h;
        slot->list = list;
        slot->intent.reset();
        return { list, slot };
    }

private:
    static bool equal(const http::HeaderList& list, const std::vector<HeaderView>& headers)
    {
        if (list.size() != qsizetype(headers.size()))
            return false;
        for (size_t i = 0; i < headers.size(); ++i) {
            const http::Header& h = list.at(qsizetype(i));
            if (!sameBytes(h.name, headers[i].name) || !sameBytes(h.value, headers[i].value))
                return false;
        }
        return true;
    }

    static constexpr int kSlotBits = 8;
    static constexpr size_t kMaxHeaders = 64;
    static constexpr size_t kMaxBytes = 8192;
    std::vector<Slot> m_slots = std::vector<Slot>(size_t(1) << kSlotBits);
    std::vector<uint64_t> m_hashes;
};

// A headers array whose raw JSON repeats byte for byte holds the same headers: a cache keyed by
// the raw JSON lets the walk skip the array (the kernel's knownHeaders hook) and share the list
// built the first time. Direct-mapped, 256 arrays of at most 16 KiB and 64 headers; a hit is a
// byte-for-byte comparison, the hash only picks the slot.
struct RawHeaderSlot {
    QByteArray raw;
    http::HeaderList list;
    std::vector<HeaderView> views; // into list's strings
    std::optional<http::HeaderList> intent; // see HeaderListCache::Slot
};

class RawHeaderCache {
public:
    static uint64_t hash(std::string_view raw)
    {
        // Eight 8-byte samples spread over the array, and its length.
        uint64_t h = raw.size() * 0x9E3779B97F4A7C15ULL;
        if (raw.size() >= 8) {
            const size_t step = (raw.size() - 8) / 7;
            for (size_t i = 0; i < 8; ++i) {
                uint64_t w = 0;
                std::memcpy(&w, raw.data() + i * step, 8);
                h = (h ^ w) * 0xC2B2AE3D27D4EB4FULL;
                h ^= h >> 29;
            }
        } else {
            h ^= sampleHash(raw);
        }
        return h * 0x165667B19E3779F9ULL;
    }

    RawHeaderSlot* find(Part part, std::string_view raw, uint64_t h)
    {
        RawHeaderSlot& s = m_slots[size_t(h >> (64 - kSlotBits))];
        if (raw.empty() || !sameBytes(s.raw, raw))
            return nullptr;
        remember(part, &s);
        return &s;
    }

    /// The recently used array of `part` that `from` starts with, if any: no need to know where
    /// the array in `from` ends, its bytes up to the cached array's last byte are the same.
    RawHeaderSlot* findPrefix(Part part, std::string_view from)
    {
        for (RawHeaderSlot* s : m_recent[size_t(part)]) {
            if (!s)
                break;
            const qsizetype n = s->raw.size();
            if (n > 0 && size_t(n) <= from.size() && from[size_t(n) - 1] == s->raw.back() && std::memcmp(from.data(), s->raw.constData(), size_t(n)) == 0)
                return s;
        }
        return nullptr;
    }

    RawHeaderSlot* store(Part part, std::string_view raw, uint64_t h, const http::HeaderList& list)
    {
        if (raw.empty() || raw.size() > kMaxBytes || list.size() > kMaxHeaders)
            return nullptr;
        RawHeaderSlot& s = m_slots[size_t(h >> (64 - kSlotBits))];
        s.raw = bytes(raw);
        s.list = list;
        s.views.clear();
        for (const http::Header& hd : s.list)
            s.views.push_back(HeaderView { std::string_view(hd.name.constData(), size_t(hd.name.size())), std::string_view(hd.value.constData(), size_t(hd.value.size())) });
        s.intent.reset();
        remember(part, &s);
        return &s;
    }

private:
    void remember(Part part, RawHeaderSlot* s)
    {
        auto& recent = m_recent[size_t(part)];
        if (std::find(recent.begin(), recent.end(), s) != recent.end())
            return;
        std::move_backward(recent.begin(), recent.end() - 1, recent.end());
        recent.front() = s;
    }

    static constexpr int kSlotBits = 8;
    static constexpr size_t kMaxBytes = 16384;
    static constexpr qsizetype kMaxHeaders = 64;
    std::vector<RawHeaderSlot> m_slots = std::vector<RawHeaderSlot>(size_t(1) << kSlotBits);
    // Per part, the slots of the 8 arrays most recently seen (into m_slots, which never moves;
    // a slot reused for another array is still compared by its current bytes).
    std::array<std::array<RawHeaderSlot*, 8>, 2> m_recent {};
};

// Parsed URLs per distinct URL string (a preflight and its actual request share one; real HARs
// repeat API URLs). Direct-mapped, 256 URLs of at most 2 KiB. A URL not seen before whose origin
// was (same scheme and authority, a path and query of plain characters that no parsing mode
// recodes) copies that origin's parsed QUrl and sets only its path and query: QUrl::fromEncoded
// spends most of its time on the scheme and host (an IP address is parsed and printed again).
class UrlCache {
public:
    QUrl get(std::string_view url)
    {
        if (url.size() > kMaxLength)
            return QUrl::fromEncoded(bytes(url));
        Slot& slot = m_slots[size_t(sampleHash(url) >> (64 - kSlotBits))];
        if (!slot.valid || !sameBytes(slot.bytes, url)) {
            slot.bytes = bytes(url);
            slot.url = parse(url, slot.bytes);
            slot.valid = true;
        }
        return slot.url;
    }

private:
    struct Slot {
        QByteArray bytes;
        QUrl url;
        bool valid = false;
    };

    static bool isPlain(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    }

    QUrl parse(std::string_view url, const QByteArray& whole)
    {
        const size_t sep = url.find("://");
        if (sep == std::string_view::npos || sep == 0)
            return QUrl::fromEncoded(whole);
        size_t pathStart = sep + 3;
        for (; pathStart < url.size() && url[pathStart] != '/'; ++pathStart) {
            const char c = url[pathStart];
            if (!isPlain(c) && c != ':') // no user info, IPv6, percent-encoding, query or fragment
                return QUrl::fromEncoded(whole);
        }
        if (pathStart == sep + 3 || pathStart == url.size())
            return QUrl::fromEncoded(whole);
        size_t queryStart = std::string_view::npos;
        for (size_t i = pathStart; i < url.size(); ++i) {
            const char c = url[i];
            if (isPlain(c) || (queryStart != std::string_view::npos && (c == '=' || c == '&' || c == '?')))
                continue;
            if (c == '?' && queryStart == std::string_view::npos && i + 1 < url.size()) {
                queryStart = i;
                continue;
            }
            return QUrl::fromEncoded(whole);
        }
        const std::string_view base = url.substr(0, pathStart);
        if (!m_baseValid || !sameBytes(m_baseBytes, base)) {
            m_baseBytes = bytes(base);
            m_base = QUrl::fromEncoded(m_baseBytes);
            m_baseValid = true;
        }
        if (!m_base.isValid() || m_base.host().isEmpty() || !m_base.path().isEmpty())
            return QUrl::fromEncoded(whole);
        QUrl u = m_base;
        const std::string_view path = url.substr(pathStart, queryStart == std::string_view::npos ? std::string_view::npos : queryStart - pathStart);
        u.setPath(QString::fromLatin1(path.data(), qsizetype(path.size())), QUrl::TolerantMode);
        if (queryStart != std::string_view::npos) {
            const std::string_view query = url.substr(queryStart + 1);
            u.setQuery(QString::fromLatin1(query.data(), qsizetype(query.size())), QUrl::TolerantMode);
        }
        return u;
    }

    static constexpr int kSlotBits = 8;
    static constexpr size_t kMaxLength = 2048;
    std::vector<Slot> m_slots = std::vector<Slot>(size_t(1) << kSlotBits);
    QByteArray m_baseBytes;
    QUrl m_base;
    bool m_baseValid = false;
};

// The last UTF-16 copy of a header value (Origin and Referer repeat on every entry of a page).
class LastString {
public:
    QString get(std::string_view sv)
    {
        if (!m_valid || !sameBytes(m_bytes, sv)) {
            m_bytes = bytes(sv);
            m_string = QString::fromUtf8(m_bytes);
            m_valid = true;
        }
        return m_string;
    }

private:
    QByteArray m_bytes;
    QString m_string;
    bool m_valid = false;
};

// Receives the kernel's fields for one entry.
class EntryBuilder final : public har::EntrySink {
public:
    EntryBuilder(HarStats& stats, RawHeaderCache& rawCache)
        : m_stats(stats)
        , m_rawCache(rawCache)
    {
    }

    EntryView& entry() { return m_entry; }

    void text(Text field, std::string_view value) override
    {
        switch (field) {
        case Text::Method:
            m_entry.method = value;
            break;
        case Text::Url:
            m_entry.url = value;
            break;
        case Text::StatusText:
            m_entry.statusText = value;
            m_entry.statusTextSeen = true;
            break;
        case Text::RedirectUrl:
            m_entry.redirectUrl = value;
            break;
        case Text::ResponseError:
        case Text::EntryError:
            m_entry.error = value;
            break;
        case Text::ResourceType:
            m_entry.resourceType = value;
            break;
        case Text::CreatorName:
        case Text::CreatorVersion:
            m_stats.creator += (m_stats.creator.isEmpty() ? QString() : QStringLiteral(" ")) + QString::fromUtf8(value.data(), qsizetype(value.size()));
            break;
        }
    }

    void status(int64_t code) override { m_entry.status = int(code); }

    void header(Part part, std::string_view name, std::string_view value) override
    {
        (part == Part::Request ? m_entry.request : m_entry.response).push_back(HeaderView { name, value });
    }

    // Everything the assembler reads is in: the request (method, URL, headers), the status, its
    // text and the response headers. A failed entry (status <= 0) also needs its _error.
    bool complete() const override
    {
        const EntryView& e = m_entry;
        return e.status > 0 && e.statusTextSeen && e.responseHeadersSeen && e.requestHeadersSeen && !e.url.empty() && !e.method.empty();
    }

    /// Set before each entry: the held exchange ends with a redirect, so the entry may be its next hop.
    bool redirectPending = false;

    bool knownHeaders(Part part, std::string_view rawJson) override
    {
        (part == Part::Request ? m_entry.requestHeadersSeen : m_entry.responseHeadersSeen) = true;
        RawHeaders& rh = part == Part::Request ? m_entry.rawRequest : m_entry.rawResponse;
        if (!rh.raw.empty() || rh.mixed) {
            rh.mixed = true; // a second headers array for the part: walk it, cache nothing
            return false;
        }
        rh.raw = rawJson;
        rh.hash = RawHeaderCache::hash(rawJson);
        RawHeaderSlot* slot = m_rawCache.find(part, rawJson, rh.hash);
        if (!slot)
            return false;
        use(part, slot);
        return true;
    }

    bool knownHeadersAt(Part part, std::string_view from) override
    {
        const RawHeaders& rh = part == Part::Request ? m_entry.rawRequest : m_entry.rawResponse;
        (part == Part::Request ? m_entry.requestHeadersSeen : m_entry.responseHeadersSeen) = true;
        if (part == Part::Response && m_entry.requestHeadersSeen && !redirectPending && !findHeader(m_entry.request, "origin"))
            return true; // not CORS and not a redirect hop: the assembler never reads these headers
        if (!rh.raw.empty() || rh.mixed)
            return false; // knownHeaders() deals with a second array
        RawHeaderSlot* slot = m_rawCache.findPrefix(part, from);
        if (!slot)
            return false;
        (part == Part::Request ? m_entry.rawRequest : m_entry.rawResponse).raw = from.substr(0, size_t(slot->raw.size()));
        use(part, slot);
        return true;
    }

private:
    void use(Part part, RawHeaderSlot* slot)
    {
        RawHeaders& rh = part == Part::Request ? m_entry.rawRequest : m_entry.rawResponse;
        rh.list = slot->list;
        rh.slot = slot;
        (part == Part::Request ? m_entry.request : m_entry.response) = slot->views;
    }

public:
private:
    HarStats& m_stats;
    RawHeaderCache& m_rawCache;
    EntryView m_entry;
};

// Headers the browser adds on its own (not the page's script): left out of the request intent.
bool isBrowserHeader(const QByteArray& name)
{
    using namespace std::string_view_literals;
    const std::string_view n(name.constData(), size_t(name.size()));
    if (n.empty() || n[0] == ':')
        return true;
    if ((n.size() >= 4 && nameIs(n.substr(0, 4), "sec-"sv)) || (n.size() >= 6 && nameIs(n.substr(0, 6), "proxy-"sv)))
        return true;
    static constexpr std::string_view names[] = { "host"sv, "connection"sv, "user-agent"sv, "accept-encoding"sv, "accept-language"sv,
        "referer"sv, "origin"sv, "cookie"sv, "content-length"sv, "keep-alive"sv, "te"sv, "dnt"sv, "pragma"sv, "cache-control"sv,
        "priority"sv, "access-control-request-method"sv, "access-control-request-headers"sv, "if-none-match"sv,
        "if-modified-since"sv, "upgrade-insecure-requests"sv };
    for (std::string_view h : names) {
        if (nameIs(n, h)) // compares lengths first
            return true;
    }
    return false;
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

    void add(const EntryView& e, qint64 index)
    {
        ++m_stats.entries;
        const HeaderView* origin = findHeader(e.request, "origin");
        const HeaderView* acrm = findHeader(e.request, "access-control-request-method");
        const bool isPreflight = e.method == "OPTIONS" && acrm;
        // A redirect hop continues the held exchange.
        if (m_held && !m_held->actual.isEmpty() && !isPreflight) {
            const http::Hop& last = m_held->actual.last();
            if (last.response.isRedirect()) {
                const QByteArray location = last.response.headers.value("location").value_or(QByteArray());
                const QUrl next = last.request ? last.request->url.resolved(QUrl::fromEncoded(location)) : QUrl::fromEncoded(location);
                const QUrl url = parseUrl(e.url);
                if (next == url) {
                    m_held->actual.append(http::Hop { http::HttpRequestHead { m_pool.get(e.method), url, headerList(e, Part::Request) }, response(e) });
                    return;
                }
            }
        }
        flushHeld();
        if (!origin) {
            // Not CORS: nothing is kept, but the request's headers array is remembered so that the
            // walk skips it when it comes again (a page's other requests send the same headers).
            if (!e.rawRequest.list && !e.rawRequest.mixed && !e.rawRequest.raw.empty())
                (void)headersOf(e, Part::Request);
            return;
        }
        ++m_stats.corsEntries;
        QByteArray key;
        key.reserve(qsizetype(e.url.size() + 1 + origin->value.size()));
        key.append(e.url.data(), qsizetype(e.url.size())).append(' ').append(origin->value.data(), qsizetype(origin->value.size()));
        const QUrl url = parseUrl(e.url); // parsed once, shared by intent and hop
        const auto [sent, sentIntent] = headersOf(e, Part::Request);
        if (isPreflight) {
            ++m_stats.preflights;
            PendingPreflight p;
            p.preflight.request = http::HttpRequestHead { m_pool.get(e.method), url, sent };
            p.preflight.response = response(e);
            p.requestMethod = m_pool.get(acrm->value);
            p.index = index;
            if (m_pending.contains(key))
                emitPreflightOnly(m_pending.take(key));
            m_pending.insert(key, std::move(p));
            m_order.push_back(key);
            trimPending();
            return;
        }
        http::Exchange ex;
        ex.pageOrigin = m_lastOrigin.get(origin->value);
        if (const HeaderView* ref = findHeader(e.request, "referer"))
            ex.pageUrl = m_lastReferer.get(ref->value);
        ex.request.method = m_pool.get(e.method);
        ex.request.url = url;
        if (sentIntent) { // taken before response() below stores into the caches
            if (!*sentIntent)
                *sentIntent = intentHeaders(sent);
            ex.request.headers = **sentIntent;
        } else {
            ex.request.headers = intentHeaders(sent);
        }
        if (findHeader(e.request, "cookie"))
            ex.request.credentials = http::CredentialsMode::Include;
        HarSource src;
        src.entryIndex = index;
        auto it = m_pending.find(key);
        if (it != m_pending.end()) {
            if (it->requestMethod == ex.request.method || it->requestMethod.toUpper() == ex.request.method.toUpper()) {
                ex.preflight = std::move(it->preflight);
                src.preflightIndex = it->index;
                m_pending.erase(it);
                ++m_stats.paired;
                // The preflight names the author headers the page set.
                const QByteArray acrh = ex.preflight->request ? ex.preflight->request->headers.value("access-control-request-headers").value_or(QByteArray()) : QByteArray();
                for (const QByteArray& n : acrh.split(',')) {
                    const QByteArray t = n.trimmed();
                    if (!t.isEmpty() && !ex.request.headers.contains(t))
                        ex.request.headers.append(t, sent.value(t).value_or(QByteArray()));
                }
            }
        }
        if (e.status <= 0 && ex.preflight) {
            // The actual request never went out (the preflight failed).
        } else {
            ex.actual.append(http::Hop { http::HttpRequestHead { ex.request.method, url, sent }, response(e) });
        }
        m_held = std::move(ex);
        m_heldSource = src;
    }

    RawHeaderCache& rawCache() { return m_raw; }
    /// The held exchange ends with a redirect: the next entry may be its next hop.
    bool redirectPending() const { return m_held && !m_held->actual.isEmpty() && m_held->actual.last().response.isRedirect(); }

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

    /// The request's or response's header list, and where its intent (see intentHeaders) is cached.
    std::pair<http::HeaderList, std::optional<http::HeaderList>*> headersOf(const EntryView& e, Part part)
    {
        const RawHeaders& rh = part == Part::Request ? e.rawRequest : e.rawResponse;
        if (rh.list && !rh.mixed)
            return { *rh.list, &rh.slot->intent };
        auto [list, slot] = m_lists.get(part == Part::Request ? e.request : e.response, m_pool);
        std::optional<http::HeaderList>* intent = slot ? &slot->intent : nullptr;
        if (!rh.mixed) {
            if (RawHeaderSlot* raw = m_raw.store(part, rh.raw, rh.hash, list))
                intent = &raw->intent;
        }
        return { list, intent };
    }

    http::HeaderList headerList(const EntryView& e, Part part) { return headersOf(e, part).first; }

    // The page's own headers: `sent` minus what the browser adds.
    static http::HeaderList intentHeaders(const http::HeaderList& sent)
    {
        http::HeaderList out;
        for (const auto& h : sent) {
            if (!isBrowserHeader(h.name) && !(headerNameEqualsAccept(h.name) && h.value == "*/*"))
                out.append(h);
        }
        return out;
    }

    http::HttpResponseHead response(const EntryView& e)
    {
        http::HttpResponseHead r;
        r.status = e.status;
        r.reason = m_pool.get(e.statusText);
        r.headers = headerList(e, Part::Response);
        if (e.status <= 0)
            r.networkError = e.error.empty() ? QStringLiteral("no response recorded (status 0)") : QString::fromUtf8(e.error.data(), qsizetype(e.error.size()));
        return r;
    }

    QUrl parseUrl(std::string_view url) { return m_urls.get(url); }

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
        const QByteArray origin = req.headers.value("origin").value_or("null");
        ex.pageOrigin = m_lastOrigin.get(std::string_view(origin.constData(), size_t(origin.size())));
        if (const auto ref = req.headers.value("referer"))
            ex.pageUrl = m_lastReferer.get(std::string_view(ref->constData(), size_t(ref->size())));
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
    StringPool m_pool;
    HeaderListCache m_lists;
    RawHeaderCache m_raw;
    UrlCache m_urls;
    LastString m_lastOrigin;
    LastString m_lastReferer;
};

QString describe(int code, const char* where)
{
    return QStringLiteral("HAR is not valid JSON or not HAR 1.2 (%1): %2").arg(QLatin1String(where), QLatin1String(har::errorMessage(code)));
}

// Streams the HAR skeleton (log, creator, entries) byte by byte, then for each element of
// log.entries finds its end with the kernel's SIMD scanner and walks just that span with simdjson.
// Memory is bounded by the read window plus the largest single entry, not by the file size.
class StreamParser {
public:
    StreamParser(const ExchangeSink& sink, HarStats& stats, har::Kernel kernel)
        : m_assembler(sink, stats)
        , m_builder(stats, m_assembler.rawCache())
        , m_kernel(har::newKernel(kernel))
    {
        stats.kernel = QString::fromLatin1(m_kernel->name());
    }

    /// Scans buf[m_scan, filled); `allocated` bytes of buf are readable (>= filled + kPadding).
    std::optional<Error> scan(const char* buf, qsizetype filled, qsizetype allocated)
    {
        qsizetype i = m_scan;
        while (i < filled) {
            if (m_skipping) {
                // Inside an entry: only its closing brace matters until then.
                const std::ptrdiff_t end = m_kernel->skipToObjectEnd(buf, size_t(i), size_t(filled), m_skip);
                if (end < 0)
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR log.entries[%1] nests deeper than %2 levels").arg(m_index).arg(har::EntryKernel::kMaxDepth));
                if (end >= filled) {
                    i = filled;
                    break;
                }
                m_skipping = false;
                m_depth = kEntriesDepth + 1;
                i = qsizetype(end); // the entry's '}', handled below
            }
            if (m_inString) {
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
                m_key.clear();
                break;
            case '{':
            case '[':
                if (m_depth == 0 && c != '{')
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("not a HAR file: the top level must be an object"));
                if (m_inEntries && m_depth == kEntriesDepth) {
                    if (c != '{')
                        return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR log.entries[%1] must be an object").arg(m_index));
                    m_elemStart = i;
                    m_skipping = true;
                    m_skip = har::SkipState {};
                }
                if (m_depth == 1 && c == '{' && m_lastString[1] == "log")
                    m_inLog = true;
                if (m_inLog && m_depth == 2 && c == '[' && m_lastString[2] == "entries" && !m_sawEntries) {
                    m_inEntries = true;
                    m_sawEntries = true;
                }
                if (m_inLog && m_depth == 2 && c == '{' && m_lastString[2] == "creator")
                    m_creatorStart = i;
                if (++m_depth > har::EntryKernel::kMaxDepth)
                    return makeError(ErrorCode::InvalidFormat, QStringLiteral("HAR nests deeper than %1 levels").arg(har::EntryKernel::kMaxDepth));
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
                    // Optional metadata: a creator simdjson rejects is left out, not an error.
                    (void)m_kernel->parseCreator(buf + m_creatorStart, size_t(i - m_creatorStart + 1), size_t(allocated - m_creatorStart), m_builder);
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
                if (m_inEntries && m_depth == kEntriesDepth)
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
        if (m_depth != 0 || m_inString || m_skipping || !m_done)
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
        m_builder.entry().clear();
        m_builder.redirectPending = m_assembler.redirectPending();
        if (const int e = m_kernel->parseEntry(data, size_t(len), size_t(capacity), m_builder))
            return makeError(ErrorCode::InvalidFormat, describe(e, qPrintable(QStringLiteral("log.entries[%1]").arg(m_index))));
        m_assembler.add(m_builder.entry(), m_index++);
        return std::nullopt;
    }

    Assembler m_assembler;
    EntryBuilder m_builder;
    std::unique_ptr<har::EntryKernel> m_kernel;
    har::SkipState m_skip;
    bool m_skipping = false;
    qsizetype m_scan = 0;
    qint64 m_base = 0; // file offset of buffer index 0
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
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

Result<HarStats> streamBuffer(const char* data, qsizetype size, qsizetype allocated, const ExchangeSink& sink, har::Kernel kernel)
{
    HarStats stats;
    StreamParser sp(sink, stats, kernel);
    if (auto err = sp.scan(data, size, allocated))
        return *err;
    if (auto err = sp.finish())
        return *err;
    return stats;
}

template <class F>
Result<HarStats> guarded(F&& f)
{
    try {
        return f();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidJson, QStringLiteral("HAR could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
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

QString HarReader::kernelName(har::Kernel kernel)
{
    std::unique_ptr<har::EntryKernel> k(har::newKernel(kernel));
    return QString::fromLatin1(k->name());
}

Result<HarStats> HarReader::parsePadded(const char* data, qsizetype size, qsizetype paddedCapacity, const ExchangeSink& sink, har::Kernel kernel)
{
    if (size < 0 || paddedCapacity < size + qsizetype(har::kPadding))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("HAR buffer lacks simdjson padding"));
    return guarded([&] { return streamBuffer(data, size, paddedCapacity, sink, kernel); });
}

Result<HarStats> HarReader::parse(QByteArrayView json, const ExchangeSink& sink, har::Kernel kernel)
{
    QByteArray padded;
    padded.reserve(json.size() + qsizetype(har::kPadding));
    padded.append(json.data(), json.size());
    padded.append(QByteArray(qsizetype(har::kPadding), '\0'));
    return guarded([&] { return streamBuffer(padded.constData(), json.size(), padded.size(), sink, kernel); });
}

Result<HarStats> HarReader::parseFile(const QString& path, const ExchangeSink& sink, qint64 maxBytes, har::Kernel kernel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("%1 is %2 bytes, more than the %3-byte limit").arg(path).arg(file.size()).arg(maxBytes));
    constexpr qsizetype kPad = qsizetype(har::kPadding);
    constexpr qsizetype kMaxEntryBytes = qsizetype(512) * 1024 * 1024;
    return guarded([&]() -> Result<HarStats> {
        // 8 MiB, or the whole file when smaller (a bigger window than the file only costs page faults).
        qsizetype window = qsizetype(qBound<qint64>(qint64(64) * 1024, file.size() + 1, qint64(8) * 1024 * 1024));
        QByteArray buffer(window + kPad, Qt::Uninitialized); // read() fills it; no need to zero 8 MiB first
        qsizetype filled = 0;
        HarStats stats;
        StreamParser sp(sink, stats, kernel);
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
            std::memset(buffer.data() + filled, 0, size_t(kPad)); // defined bytes for simdjson's padding reads
            if (auto err = sp.scan(buffer.constData(), filled, buffer.size()))
                return *err;
        }
        if (auto err = sp.finish())
            return *err;
        return stats;
    });
}

} // namespace corsbench::ingest
