// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// Run-time choice among the HAR kernels CMake compiled (CORSBENCH_HAR_KERNEL_<NAME> defines).
#include "core/ingest/har_kernel.h"

#include <simdjson.h>

#include <array>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#define CORSBENCH_HAR_X86_DISPATCH 1
#endif

namespace corsbench::ingest::har {

static_assert(kPadding >= simdjson::SIMDJSON_PADDING);

#ifdef CORSBENCH_HAR_KERNEL_HASWELL
EntryKernel* newKernel_haswell();
#endif
#ifdef CORSBENCH_HAR_KERNEL_WESTMERE
EntryKernel* newKernel_westmere();
#endif
EntryKernel* newKernel_portable();

namespace {

[[maybe_unused]] bool cpuRuns(Kernel k)
{
#ifdef CORSBENCH_HAR_X86_DISPATCH
    __builtin_cpu_init();
    switch (k) {
    case Kernel::Haswell: {
        // simdjson's haswell kernel: AVX2, BMI1, PCLMULQDQ, LZCNT (CPUID 0x80000001 ECX bit 5),
        // and POPCNT for our own scanner. __builtin_cpu_supports("avx2") includes the OS check.
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        const bool lzcnt = __get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx) && (ecx & (1u << 5));
        return lzcnt && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("pclmul")
            && __builtin_cpu_supports("popcnt");
    }
    case Kernel::Westmere:
        return __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("popcnt");
    default:
        return true;
    }
#else
    return k == Kernel::Portable || k == Kernel::Auto;
#endif
}

struct Available {
    std::array<Kernel, 3> items {};
    std::size_t count = 0;
};

const Available& available()
{
    static const Available list = [] {
        Available a;
#ifdef CORSBENCH_HAR_KERNEL_HASWELL
        if (cpuRuns(Kernel::Haswell))
            a.items[a.count++] = Kernel::Haswell;
#endif
#ifdef CORSBENCH_HAR_KERNEL_WESTMERE
        if (cpuRuns(Kernel::Westmere))
            a.items[a.count++] = Kernel::Westmere;
#endif
        a.items[a.count++] = Kernel::Portable;
        return a;
    }();
    return list;
}

} // namespace

std::span<const Kernel> availableKernels()
{
    const Available& a = available();
    return std::span<const Kernel>(a.items.data(), a.count);
}

Kernel resolveKernel(Kernel wanted)
{
    for (Kernel k : availableKernels()) {
        if (wanted == Kernel::Auto || k == wanted)
            return k;
    }
    return Kernel::Portable;
}

const char* kernelName(Kernel kernel)
{
    switch (kernel) {
    case Kernel::Auto:
        return "auto";
    case Kernel::Haswell:
        return "haswell";
    case Kernel::Westmere:
        return "westmere";
    case Kernel::Portable:
        return "portable";
    }
    return "?";
}

const char* errorMessage(int code)
{
    return simdjson::error_message(static_cast<simdjson::error_code>(code));
}

EntryKernel* newKernel(Kernel wanted)
{
    switch (resolveKernel(wanted)) {
#ifdef CORSBENCH_HAR_KERNEL_HASWELL
    case Kernel::Haswell:
        return newKernel_haswell();
#endif
#ifdef CORSBENCH_HAR_KERNEL_WESTMERE
    case Kernel::Westmere:
        return newKernel_westmere();
#endif
    default:
        return newKernel_portable();
    }
}

} // namespace corsbench::ingest::har
