// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
//
// The baseline of har_parse: a bare simdjson on-demand walk of the whole document, visiting the
// fields HarReader reads (the same har_entry_walk.h) and building nothing. Compiled once per CPU
// target like HarReader's kernel (corsbench_add_har_kernels in bench/CMakeLists.txt), so both
// run the same simdjson kernel. No Qt here.
#include "bench/har_bare_walk.h"

#include "core/ingest/har_entry_walk.h"

namespace corsbench::ingest::har::CORSBENCH_HAR_NS {
namespace {

struct Counter {
    BareCounts& counts;
    void text(Text, std::string_view s) { counts.bytes += std::int64_t(s.size()); }
    void status(std::int64_t n) { counts.statuses += n > 0; }
    void header(Part part, std::string_view name, std::string_view value)
    {
        ++counts.headers;
        counts.requestHeaders += part == Part::Request;
        counts.bytes += std::int64_t(name.size() + value.size());
    }
};

int walk(const char* data, std::size_t len, std::size_t capacity, BareCounts& counts)
{
    od::parser parser;
    od::document doc;
    if (auto e = parser.iterate(data, len, capacity).get(doc))
        return e;
    od::array entries;
    if (auto e = doc["log"]["entries"].get_array().get(entries))
        return e;
    Counter counter { counts };
    for (auto item : entries) {
        od::object entry;
        if (auto e = item.get_object().get(entry))
            return e;
        if (auto e = walkEntry(entry, counter))
            return e;
        ++counts.entries;
    }
    return simdjson::SUCCESS;
}

} // namespace
} // namespace corsbench::ingest::har::CORSBENCH_HAR_NS

namespace corsbench::ingest::har {

int CORSBENCH_HAR_CAT(bareWalk_, CORSBENCH_HAR_KERNEL)(const char* data, std::size_t len, std::size_t capacity, BareCounts& counts)
{
    return CORSBENCH_HAR_NS::walk(data, len, capacity, counts);
}

} // namespace corsbench::ingest::har
