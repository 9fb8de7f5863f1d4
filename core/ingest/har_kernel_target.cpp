// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
//
// One HAR kernel. CMake compiles this file once per CPU target (core/ingest/sources.cmake) with
// that target's flags and CORSBENCH_HAR_KERNEL set to its name; har_kernel.cpp picks one at run
// time. simdjson's on-demand API compiles the kernel its compile flags allow ("builtin").
// Keep this file free of Qt and of anything another translation unit also instantiates: inline
// code compiled here may use AVX2.
#include "core/ingest/har_entry_walk.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#define CORSBENCH_HAR_STR2(a) #a
#define CORSBENCH_HAR_STR(a) CORSBENCH_HAR_STR2(a)

namespace corsbench::ingest::har::CORSBENCH_HAR_NS {

namespace {

// The kernel we were asked for is the one simdjson compiles (haswell flags really produce the
// haswell kernel); "portable" is whatever the baseline flags give.
constexpr std::string_view kBuiltin = CORSBENCH_HAR_STR(SIMDJSON_BUILTIN_IMPLEMENTATION);
constexpr std::string_view kWanted = CORSBENCH_HAR_STR(CORSBENCH_HAR_KERNEL);
static_assert(kWanted == "portable" || kBuiltin == kWanted, "compile flags do not select the simdjson kernel this file is built for");

struct Masks {
    std::uint64_t quote;
    std::uint64_t backslash;
    std::uint64_t open; // '{' or '['
    std::uint64_t close; // '}' or ']'
};

// Bit i describes p[i], for 64 bytes. '[' | 0x20 == '{' and ']' | 0x20 == '}'.
simdjson_inline Masks classify(const char* p)
{
#if defined(__AVX2__)
    Masks m {};
    for (int k = 0; k < 2; ++k) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k));
        const __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
        const int shift = 32 * k;
        m.quote |= std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"'))))) << shift;
        m.backslash |= std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))))) << shift;
        m.open |= std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(folded, _mm256_set1_epi8('{'))))) << shift;
        m.close |= std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(folded, _mm256_set1_epi8('}'))))) << shift;
    }
    return m;
#elif defined(__SSE2__)
    Masks m {};
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const int shift = 16 * k;
        m.quote |= std::uint64_t(std::uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))))) << shift;
        m.backslash |= std::uint64_t(std::uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))))) << shift;
        m.open |= std::uint64_t(std::uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{'))))) << shift;
        m.close |= std::uint64_t(std::uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('}'))))) << shift;
    }
    return m;
#else
    Masks m {};
    for (int i = 0; i < 64; ++i) {
        const unsigned char c = static_cast<unsigned char>(p[i]);
        const std::uint64_t bit = std::uint64_t(1) << i;
        m.quote |= c == '"' ? bit : 0;
        m.backslash |= c == '\\' ? bit : 0;
        m.open |= (c | 0x20) == '{' ? bit : 0;
        m.close |= (c | 0x20) == '}' ? bit : 0;
    }
    return m;
#endif
}

// Bit i set when an odd number of quote bits are at or below i: the string mask.
simdjson_inline std::uint64_t prefixXor(std::uint64_t x)
{
#if defined(__PCLMUL__)
    const __m128i all = _mm_set1_epi8(static_cast<char>(0xFF));
    return std::uint64_t(_mm_cvtsi128_si64(_mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(x)), all, 0)));
#else
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
#endif
}

// Characters escaped by a backslash (simdjson's find_escaped); `prevEscaped` carries an escape
// that starts on bit 63 into the next block.
simdjson_inline std::uint64_t findEscaped(std::uint64_t backslash, std::uint64_t& prevEscaped)
{
    backslash &= ~prevEscaped;
    const std::uint64_t followsEscape = backslash << 1 | prevEscaped;
    constexpr std::uint64_t evenBits = 0x5555555555555555ULL;
    const std::uint64_t oddSequenceStarts = backslash & ~evenBits & ~followsEscape;
    const std::uint64_t sequencesStartingOnEvenBits = oddSequenceStarts + backslash;
    prevEscaped = sequencesStartingOnEvenBits < backslash ? 1 : 0; // carry out of bit 63
    const std::uint64_t invertMask = sequencesStartingOnEvenBits << 1;
    return (evenBits ^ invertMask) & followsEscape;
}

// The index of the byte that closes the object or array being skipped (see
// EntryKernel::skipToObjectEnd).
std::ptrdiff_t skipToEnd(const char* data, std::size_t from, std::size_t to, SkipState& state)
{
    std::uint64_t prevEscaped = state.escaped ? 1 : 0;
    std::uint64_t inStringCarry = state.inString ? ~std::uint64_t(0) : 0;
    int depth = state.depth;
    for (std::size_t pos = from; pos < to; pos += 64) {
        const std::size_t n = std::min<std::size_t>(64, to - pos);
        const std::uint64_t valid = n == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << n) - 1;
        const Masks m = classify(data + pos); // reads up to 63 bytes past `to`: the padding
        std::uint64_t escaped = 0;
        if ((m.backslash & valid) | prevEscaped) {
            escaped = findEscaped(m.backslash & valid, prevEscaped);
            if (n < 64) {
                prevEscaped = (escaped >> n) & 1; // the escape lands on the next block's first byte
                escaped &= valid;
            }
        }
        const std::uint64_t inString = prefixXor(m.quote & valid & ~escaped) ^ inStringCarry;
        inStringCarry = std::uint64_t(std::int64_t(inString) >> 63);
        const std::uint64_t open = m.open & valid & ~inString & ~escaped;
        const std::uint64_t close = m.close & valid & ~inString & ~escaped;
        if (!(open | close))
            continue;
        const int opens = std::popcount(open);
        const int closes = std::popcount(close);
        if (closes < depth && depth + opens <= EntryKernel::kMaxDepth) {
            depth += opens - closes; // cannot reach 0 nor the limit inside this block
            continue;
        }
        for (std::uint64_t events = open | close; events; events &= events - 1) {
            const int b = std::countr_zero(events);
            if ((open >> b) & 1) {
                if (++depth > EntryKernel::kMaxDepth)
                    return -1;
            } else if (--depth == 0) {
                state = SkipState {};
                return std::ptrdiff_t(pos) + b;
            }
        }
    }
    state.depth = depth;
    state.inString = inStringCarry != 0;
    state.escaped = prevEscaped != 0;
    return std::ptrdiff_t(to);
}

// Forwards the shared walk's fields to the reader (a virtual call per field; the reader's side
// is Qt code compiled for the baseline target).
struct SinkVisitor {
    EntrySink& sink;
    const char* data; // the entry being walked, data[0, len), readable to len + 64
    std::size_t len;
    bool knownHeaders(Part part, const char* start)
    {
        if (start < data || start >= data + len || *start != '[')
            return false;
        if (sink.knownHeadersAt(part, std::string_view(start, std::size_t(data + len - start))))
            return true;
        SkipState state;
        const std::ptrdiff_t end = skipToEnd(data, std::size_t(start - data) + 1, len, state);
        if (end < 0 || std::size_t(end) >= len)
            return false;
        return sink.knownHeaders(part, std::string_view(start, std::size_t(data + end + 1 - start)));
    }
    bool complete() const { return sink.complete(); }
    void text(Text field, std::string_view value) { sink.text(field, value); }
    void status(std::int64_t code) { sink.status(code); }
    void header(Part part, std::string_view name, std::string_view value) { sink.header(part, name, value); }
};

class Kernel final : public EntryKernel {
public:
    const char* name() const override { return kBuiltin.data(); }

    int parseEntry(const char* data, std::size_t len, std::size_t capacity, EntrySink& sink) override
    {
        od::document doc;
        if (auto e = m_parser.iterate(data, len, capacity).get(doc))
            return e;
        od::object obj;
        if (auto e = doc.get_object().get(obj))
            return e;
        SinkVisitor visitor { sink, data, len };
        return walkEntry(obj, visitor);
    }

    int parseCreator(const char* data, std::size_t len, std::size_t capacity, EntrySink& sink) override
    {
        od::document doc;
        if (auto e = m_parser.iterate(data, len, capacity).get(doc))
            return e;
        od::object creator;
        if (auto e = doc.get_object().get(creator))
            return e;
        for (auto f : creator) {
            od::field field;
            if (auto e = std::move(f).get(field))
                return e;
            std::string_view key;
            if (auto e = keyOf(field, key))
                return e;
            std::string_view value;
            if ((key == "name" || key == "version") && field.value().get_string().get(value) == simdjson::SUCCESS)
                sink.text(key == "name" ? Text::CreatorName : Text::CreatorVersion, value);
        }
        return simdjson::SUCCESS;
    }

    std::ptrdiff_t skipToObjectEnd(const char* data, std::size_t from, std::size_t to, SkipState& state) const override
    {
        return skipToEnd(data, from, to, state);
    }

private:
    od::parser m_parser;
};

} // namespace

} // namespace corsbench::ingest::har::CORSBENCH_HAR_NS

namespace corsbench::ingest::har {

EntryKernel* CORSBENCH_HAR_CAT(newKernel_, CORSBENCH_HAR_KERNEL)()
{
    return new CORSBENCH_HAR_NS::Kernel();
}

} // namespace corsbench::ingest::har
