#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
"""Benchmark: `corsbench-cli probe` vs curl for the same preflighted exchange.

Starts a local HTTP/1.1 server on 127.0.0.1 (kernel-chosen port) that answers a CORS preflight
and a PUT, then measures, in the same run and interleaved in blocks so machine load hits both
sides alike:
  probe: N x `corsbench-cli probe URL --origin O -X PUT -H 'X-Token: t'` (process start included;
         it sends the preflight and the actual request and judges both)
  curl:  N x (`curl -X OPTIONS` with the preflight headers + `curl -X PUT` with the actual ones)
Prints both totals, the per-exchange times and the ratio probe/curl (goal <= 1.3).

Usage: probe_vs_curl.py --cli PATH/corsbench-cli [--iterations 300] [--block 10]
"""
import argparse
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ORIGIN = "http://localhost:5173"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Head and body go out in separate writes; without TCP_NODELAY a kept-alive connection pays
    # Nagle + delayed ACK (~40 ms) on the second response, which would measure the server.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def _send(self, status, headers, body=b""):
        self.send_response_only(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_OPTIONS(self):
        self._send(204, [("Access-Control-Allow-Origin", ORIGIN), ("Access-Control-Allow-Methods", "GET, PUT"),
                         ("Access-Control-Allow-Headers", "X-Token"), ("Vary", "Origin")])

    def do_PUT(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        self._send(200, [("Access-Control-Allow-Origin", ORIGIN), ("Vary", "Origin"),
                         ("Content-Type", "application/json")], b'{"ok": true}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--curl", default="curl")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--block", type=int, default=10)
    args = ap.parse_args()

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/api/items/1" % srv.server_address[1]
    env = dict(os.environ, no_proxy="*", NO_PROXY="*")

    probe_cmd = [args.cli, "probe", url, "--origin", ORIGIN, "-X", "PUT", "-H", "X-Token: t"]
    curl_pre = [args.curl, "-s", "-o", "/dev/null", "-X", "OPTIONS", "-H", "Origin: " + ORIGIN,
                "-H", "Access-Control-Request-Method: PUT", "-H", "Access-Control-Request-Headers: x-token", url]
    curl_act = [args.curl, "-s", "-o", "/dev/null", "-X", "PUT", "-H", "Origin: " + ORIGIN, "-H", "X-Token: t",
                "-H", "Content-Length: 0", url]

    # Sanity: the probe must succeed (exit 0 = allowed) before timing anything.
    first = subprocess.run(probe_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if first.returncode != 0:
        sys.stderr.write(first.stdout.decode() + first.stderr.decode())
        sys.exit("probe failed with exit %d" % first.returncode)

    def run(cmd):
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        if r.returncode != 0:
            sys.exit("%s exited %d" % (cmd[0], r.returncode))

    probe_total = 0.0
    curl_total = 0.0
    done = 0
    while done < args.iterations:
        n = min(args.block, args.iterations - done)
        t0 = time.perf_counter()
        for _ in range(n):
            run(curl_pre)
            run(curl_act)
        t1 = time.perf_counter()
        for _ in range(n):
            run(probe_cmd)
        t2 = time.perf_counter()
        curl_total += t1 - t0
        probe_total += t2 - t1
        done += n

    ratio = probe_total / curl_total
    print("exchange: PUT %s from %s (preflight + actual), %d iterations" % (url, ORIGIN, args.iterations))
    print("corsbench-cli probe: total %.3f s, %.2f ms per exchange" % (probe_total, 1000 * probe_total / args.iterations))
    print("curl x2:             total %.3f s, %.2f ms per exchange" % (curl_total, 1000 * curl_total / args.iterations))
    print("ratio probe/curl: %.3f (goal <= 1.3)%s" % (ratio, "" if ratio <= 1.3 else "  ABOVE GOAL"))
    srv.shutdown()


if __name__ == "__main__":
    main()
