// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

// The SIMD part of HAR reading, compiled once per CPU target (har_kernel_target.cpp, see
// core/ingest/sources.cmake) and chosen at run time, so one binary runs on any x86-64 and uses
// AVX2 where the CPU has it. Standard C++ only: no Qt here, so a kernel compiled with -mavx2 shares
// no inline Qt code with the rest of the program.
// What the target decides: our entry-end scanner and simdjson's on-demand iteration code (the
// "builtin" kernel). simdjson 3.0 runs its stage 1 (structural indexing) and string unescaping
// through the library's own runtime-dispatched implementation whatever the flags, which is why
// the kernels measure alike; the flags mostly decide which CPUs the binary runs on.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace corsbench::ingest::har {

/// Readable bytes simdjson needs after any input it parses (simdjson::SIMDJSON_PADDING).
inline constexpr std::size_t kPadding = 64;

/// A compiled variant of the kernel. Auto = the best one this CPU runs.
/// Haswell: AVX2+BMI+PCLMUL+LZCNT; Westmere: SSE4.2+PCLMUL; Portable: the compiler's baseline
/// (simdjson's "fallback" kernel on plain x86-64, its NEON kernel on ARM64).
enum class Kernel : std::uint8_t { Auto, Haswell, Westmere, Portable };

/// The HAR fields CORS needs; everything else in an entry is skipped unread.
enum class Part : std::uint8_t { Request, Response };
enum class Text : std::uint8_t {
    Method, // request.method
    Url, // request.url
    StatusText, // response.statusText
    RedirectUrl, // response.redirectURL
    ResponseError, // response._error (Chrome, Firefox)
    EntryError, // entry._error
    ResourceType, // entry._resourceType (Chrome)
    CreatorName, // log.creator.name
    CreatorVersion, // log.creator.version
};

/// Receives one entry's fields in document order. Views are valid during the call only.
class EntrySink {
public:
    virtual ~EntrySink() = default;
    virtual void text(Text field, std::string_view value) = 0;
    virtual void status(std::int64_t code) = 0;
    virtual void header(Part part, std::string_view name, std::string_view value) = 0;
    /// The raw JSON of a headers array ("[...]", escapes and all), before it is walked: true when
    /// the sink already holds exactly these headers, and then header() is not called for them.
    virtual bool knownHeaders(Part, std::string_view /*rawJson*/) { return false; }
    /// Asked first, with the input from the headers array's '[' to the end of the entry: true
    /// when one of the arrays the sink holds is a prefix of it (then it is that array, byte for
    /// byte), which spares finding the array's end.
    virtual bool knownHeadersAt(Part, std::string_view /*fromArrayStart*/) { return false; }
    /// Asked after the response headers: true when the sink needs nothing more from this entry,
    /// and the walk leaves the rest of it unread.
    virtual bool complete() const { return false; }
};

/// Carry state of skipToObjectEnd across buffer refills.
struct SkipState {
    int depth = 1; // open objects/arrays, the entry's own '{' included
    bool inString = false;
    bool escaped = false; // the previous byte was an unescaped backslash inside a string
};

/// One kernel instance per reader: owns a simdjson on-demand parser of its target.
class EntryKernel {
public:
    static constexpr int kMaxDepth = 1000; // deeper entries are refused, not recursed into

    virtual ~EntryKernel() = default;
    /// "haswell", "westmere", "fallback" (simdjson's name for the builtin implementation).
    virtual const char* name() const = 0;
    /// Walks one element of log.entries, data[0, len) = "{...}", with `capacity` >= len + 64
    /// readable bytes. Returns a simdjson error code (0 = success).
    virtual int parseEntry(const char* data, std::size_t len, std::size_t capacity, EntrySink& sink) = 0;
    /// Reads log.creator ("{...}"): text(CreatorName / CreatorVersion) when they are strings.
    virtual int parseCreator(const char* data, std::size_t len, std::size_t capacity, EntrySink& sink) = 0;
    /// Finds the byte that closes the object being skipped, scanning data[from, to) with `state`
    /// (data must stay readable up to to + 64). Returns its index, `to` when more input is needed
    /// (state carries over), or -1 when the object nests deeper than kMaxDepth.
    virtual std::ptrdiff_t skipToObjectEnd(const char* data, std::size_t from, std::size_t to, SkipState& state) const = 0;
};

/// The kernel to use: `wanted`, or the best one for this CPU when Auto. A kernel that is not
/// compiled in or that this CPU cannot run is never returned (falls back to the portable one).
Kernel resolveKernel(Kernel wanted);
/// Kernels this build contains that this CPU can run, best first.
std::span<const Kernel> availableKernels();
const char* kernelName(Kernel kernel);
/// simdjson's text for an error code a kernel returned.
const char* errorMessage(int code);
/// A new kernel instance (resolveKernel(wanted) decides which). Never null.
EntryKernel* newKernel(Kernel wanted);

} // namespace corsbench::ingest::har
