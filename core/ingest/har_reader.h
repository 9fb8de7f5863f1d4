// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/http/exchange.h"
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
};

/// Where an exchange came from in the HAR.
struct HarSource {
    qint64 entryIndex = 0; // index of the actual request's entry (or the preflight's when unpaired)
    qint64 preflightIndex = -1;
};

using ExchangeSink = std::function<void(http::Exchange&& exchange, const HarSource& source)>;

/// Streams a HAR 1.2 export (Chrome, Firefox, Safari) into exchanges with simdjson's on-demand
/// parser: one pass, no DOM. Preflights (separate OPTIONS entries) are paired with the actual
/// request that follows them (same URL, same Origin, method = Access-Control-Request-Method);
/// consecutive redirect entries become hops of one exchange. Only CORS-relevant entries (with an
/// Origin header) become exchanges. Memory: the padded input plus simdjson's index; exchanges
/// are handed to `sink` as soon as they are complete. Never throws; malformed JSON or a non-HAR
/// document is an Error naming the byte offset or member.
class HarReader {
public:
    static constexpr qint64 kMaxFileBytes = qint64(2) * 1024 * 1024 * 1024;

    /// Copies `json` into a padded buffer first.
    [[nodiscard]] static Result<HarStats> parse(QByteArrayView json, const ExchangeSink& sink);
    /// `data` must stay valid and have at least `paddedCapacity` readable bytes
    /// (>= size + 64); no copy is made.
    [[nodiscard]] static Result<HarStats> parsePadded(const char* data, qsizetype size, qsizetype paddedCapacity,
                                                      const ExchangeSink& sink);
    /// Reads the file into one padded buffer (refusing more than `maxBytes`) and parses it.
    [[nodiscard]] static Result<HarStats> parseFile(const QString& path, const ExchangeSink& sink,
                                                    qint64 maxBytes = kMaxFileBytes);

    /// Cheap sniff: the first bytes look like a HAR document (`{"log": {` ...).
    static bool looksLikeHar(QByteArrayView head);
};

} // namespace corsbench::ingest
