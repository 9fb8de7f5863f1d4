// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
#include "core/ingest/har_kernel.h"
#include "core/support/result.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

namespace corsbench::ingest {

struct HarStats {
    qint64 entries = 0; // every entry in log.entries
    qint64 corsEntries = 0; // entries carrying an Origin request header (incl. preflights)
    qint64 preflights = 0; // OPTIONS entries with Access-Control-Request-Method
    qint64 paired = 0; // preflights matched with their actual request
    qint64 unpairedPreflights = 0; // preflights whose actual request never went out
    qint64 exchanges = 0; // exchanges handed to the sink
    QString creator; // log.creator.name + version ("WebInspector 537.36", "Firefox 128.0")
    QString kernel; // simdjson kernel that parsed the entries ("haswell", "westmere", "fallback")
};

/// Where an exchange came from in the HAR.
struct HarSource {
    qint64 entryIndex = 0; // index of the actual request's entry (or the preflight's when unpaired)
    qint64 preflightIndex = -1;
};

using ExchangeSink = std::function<void(http::Exchange&& exchange, const HarSource& source)>;

/// Streams a HAR 1.2 export (Chrome, Firefox, Safari) into exchanges. Preflights (separate OPTIONS
/// entries) are paired with the actual request that follows them (same URL, same Origin, method =
/// Access-Control-Request-Method); consecutive redirect entries become hops of one exchange. Only
/// CORS-relevant entries (with an Origin header) become exchanges.
/// How: a byte scanner follows the document down to log.entries; each entry's extent is found
/// with a SIMD scan and only that span is walked with simdjson's on-demand parser, which skips
/// response bodies without unescaping them. The SIMD code is compiled for several CPU targets and
/// chosen at run time (`kernel`, Auto = best for this CPU; see har_kernel.h).
/// Memory: parseFile reads through a window (8 MiB, grown for a larger entry), so it is bounded by
/// the largest entry, not the file; exchanges are handed to `sink` as soon as they are complete.
/// Never throws; malformed JSON or a non-HAR document is an Error naming the byte offset or entry.
class HarReader {
public:
    static constexpr qint64 kMaxFileBytes = qint64(2) * 1024 * 1024 * 1024;

    /// Copies `json` into a padded buffer first.
    [[nodiscard]] static Result<HarStats> parse(QByteArrayView json, const ExchangeSink& sink, har::Kernel kernel = har::Kernel::Auto);
    /// `data` must stay valid and have at least `paddedCapacity` readable bytes
    /// (>= size + har::kPadding); no copy is made.
    [[nodiscard]] static Result<HarStats> parsePadded(const char* data, qsizetype size, qsizetype paddedCapacity,
                                                      const ExchangeSink& sink, har::Kernel kernel = har::Kernel::Auto);
    /// Reads the file through a bounded window (refusing files over `maxBytes`) and parses it.
    [[nodiscard]] static Result<HarStats> parseFile(const QString& path, const ExchangeSink& sink,
                                                    qint64 maxBytes = kMaxFileBytes, har::Kernel kernel = har::Kernel::Auto);

    /// simdjson's name for the kernel `kernel` resolves to on this CPU ("haswell", ...).
    static QString kernelName(har::Kernel kernel = har::Kernel::Auto);

    /// Cheap sniff: the first bytes look like a HAR document (`{"log": {` ...).
    static bool looksLikeHar(QByteArrayView head);
};

} // namespace corsbench::ingest
