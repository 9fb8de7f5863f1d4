// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/ingest/har_kernel.h"

namespace corsbench::ingest::har {

struct BareCounts {
    std::int64_t entries = 0;
    std::int64_t headers = 0; // request and response
    std::int64_t requestHeaders = 0;
    std::int64_t statuses = 0;
    std::int64_t bytes = 0; // of the strings visited
};

#ifdef CORSBENCH_HAR_KERNEL_HASWELL
int bareWalk_haswell(const char* data, std::size_t len, std::size_t capacity, BareCounts& counts);
#endif
#ifdef CORSBENCH_HAR_KERNEL_WESTMERE
int bareWalk_westmere(const char* data, std::size_t len, std::size_t capacity, BareCounts& counts);
#endif
int bareWalk_portable(const char* data, std::size_t len, std::size_t capacity, BareCounts& counts);

/// The bare walk with the kernel HarReader would use for `kernel` on this CPU.
/// Returns a simdjson error code (0 = success).
inline int bareWalk(Kernel kernel, const char* data, std::size_t len, std::size_t capacity, BareCounts& counts)
{
    switch (resolveKernel(kernel)) {
#ifdef CORSBENCH_HAR_KERNEL_HASWELL
    case Kernel::Haswell:
        return bareWalk_haswell(data, len, capacity, counts);
#endif
#ifdef CORSBENCH_HAR_KERNEL_WESTMERE
    case Kernel::Westmere:
        return bareWalk_westmere(data, len, capacity, counts);
#endif
    default:
        return bareWalk_portable(data, len, capacity, counts);
    }
}

} // namespace corsbench::ingest::har
