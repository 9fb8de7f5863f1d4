// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#pragma once

namespace corsbench::net {

/// When each phase of one request happened, in milliseconds from the start of the probe
/// it belongs to (so a preflight and its actual request share one timeline). -1 = the phase
/// was not reached or cannot be observed (no DNS for an IP literal, no TLS for http).
struct Timings {
    double startMs = -1;
    double dnsDoneMs = -1; // name resolved (or -1 for IP literals)
    double connectedMs = -1; // TCP connection established (to the proxy when one is used)
    double tlsDoneMs = -1; // TLS handshake finished
    double requestSentMs = -1; // last request byte handed to the kernel
    double firstByteMs = -1; // first response byte received
    double endMs = -1; // response complete, or the failure

    /// Duration of a phase that ended at `end` and began at the latest observed earlier mark.
    double totalMs() const { return (startMs >= 0 && endMs >= 0) ? endMs - startMs : -1; }
    double dnsMs() const { return dnsDoneMs >= 0 ? dnsDoneMs - startMs : -1; }
    double connectMs() const
    {
        if (connectedMs < 0)
            return -1;
        return connectedMs - (dnsDoneMs >= 0 ? dnsDoneMs : startMs);
    }
    double tlsMs() const { return (tlsDoneMs >= 0 && connectedMs >= 0) ? tlsDoneMs - connectedMs : -1; }
    /// Time to first byte after the request was sent (server think time + one RTT).
    double waitMs() const { return (firstByteMs >= 0 && requestSentMs >= 0) ? firstByteMs - requestSentMs : -1; }
    double downloadMs() const { return (endMs >= 0 && firstByteMs >= 0) ? endMs - firstByteMs : -1; }
};

} // namespace corsbench::net
