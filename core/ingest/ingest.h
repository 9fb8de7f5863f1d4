// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

#include "core/ingest/evidence.h"
#include "core/support/result.h"

#include <QByteArrayView>

namespace corsbench::ingest {

struct IngestOptions {
    /// Exchanges kept from one HAR; further ones are counted, not kept. Failing exchanges are
    /// preferred over allowed ones.
    int maxHarExchanges = 2000;
    /// Lines longer than this are analysed on their first `maxLineChars` characters only.
    int maxLineChars = 16 * 1024;
};

/// Detects and parses everything in a paste or dropped file: browser console lines, Python
/// tracebacks and server/access logs, HAR, cURL commands, raw HTTP heads, exchange/case JSON.
/// Several kinds may be mixed. Pure function; never throws. Fails only for input that is not text
/// (binary) or is a single document of a known format that cannot be read (malformed HAR/JSON)
/// with nothing else recognised; otherwise unreadable pieces are listed in `problems`.
[[nodiscard]] Result<IngestResult> ingestText(QByteArrayView data, const IngestOptions& options = {});

/// Same for a HAR already in a buffer with simdjson padding (large files; see HarReader).
[[nodiscard]] Result<IngestResult> ingestHarFile(const QString& path, const IngestOptions& options = {});

} // namespace corsbench::ingest
