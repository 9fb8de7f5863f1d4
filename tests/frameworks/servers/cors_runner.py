#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
"""Runs real FastAPI/Starlette, aiohttp + aiohttp_cors or Flask + flask-cors apps on loopback and
sends them raw requests, for corsbench's differential framework tests.

Usage: cors_runner.py JOB.json  (JSON on stdout)

JOB = {"framework": "fastapi"|"aiohttp"|"flask",
       "apps": [{"id": str, "source": str (a complete Python module defining `app`),
                 "requests": [{"method": str, "path": str, "headers": [[name, value], ...]}]}]}
Result = {"versions": {...}, "apps": [{"id", "error", "responses": [{"status", "reason",
          "headers": [[name, value], ...] (wire order, wire case), "body"}]}]}

Every server binds 127.0.0.1 on a port the kernel picks; all servers of one job run in this one
process and die with it. Missing frameworks are reported as {"fatal": "install python3-..."}.
"""
import asyncio
import json
import logging
import os
import socket
import sys
import threading
import time
import traceback

logging.disable(logging.CRITICAL)

READY_TIMEOUT = 20.0
REQUEST_TIMEOUT = 10.0


def fatal(message):
    sys.stdout.write(json.dumps({"fatal": message}))
    sys.stdout.flush()
    os._exit(3)


def free_socket():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def load_app(source):
    namespace = {"__name__": "corsbench_app"}
    exec(compile(source, "app.py", "exec"), namespace)
    return namespace["app"]


def send_raw(port, req):
    method = req["method"]
    path = req["path"]
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1:%d" % port]
    for name, value in req.get("headers", []):
        lines.append("%s: %s" % (name, value))
    if method.upper() in ("POST", "PUT", "PATCH", "DELETE"):
        lines.append("Content-Length: 0")
    lines.append("Connection: close")
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    chunks = []
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT) as conn:
            conn.sendall(data)
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
    except OSError as exc:
        return {"status": 0, "reason": "", "headers": [], "body": "", "network_error": str(exc)}
    raw = b"".join(chunks)
    if not raw:
        return {"status": 0, "reason": "", "headers": [], "body": "", "network_error": "empty reply"}
    head, _, body = raw.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    status_line = head_lines[0].split(" ", 2)
    headers = []
    for line in head_lines[1:]:
        name, _, value = line.partition(":")
        headers.append([name, value.strip(" \t")])
    return {
        "status": int(status_line[1]) if len(status_line) > 1 else 0,
        "reason": status_line[2] if len(status_line) > 2 else "",
        "headers": headers,
        "body": body[:400].decode("utf-8", "replace"),
    }


def start_loop_thread():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    return loop


def serve_fastapi(apps):
    try:
        import uvicorn  # noqa: F401
        import fastapi  # noqa: F401
        import starlette
    except ImportError:
        fatal("install python3-fastapi python3-uvicorn")
    import uvicorn

    loop = start_loop_thread()
    ports = {}
    errors = {}
    servers = []
    for spec in apps:
        try:
            app = load_app(spec["source"])
            config = uvicorn.Config(app, log_level="critical", lifespan="off", access_log=False)
            server = uvicorn.Server(config)
            server.install_signal_handlers = lambda: None
            sock = free_socket()
            asyncio.run_coroutine_threadsafe(server.serve(sockets=[sock]), loop)
            servers.append(server)
            ports[spec["id"]] = sock.getsockname()[1]
        except Exception as exc:  # startup error is a result, not a crash
            errors[spec["id"]] = "%s: %s" % (type(exc).__name__, exc)
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline and not all(s.started for s in servers):
        time.sleep(0.02)
    if not all(s.started for s in servers):
        fatal("uvicorn servers did not start within %.0f s" % READY_TIMEOUT)
    return ports, errors, {"starlette": starlette.__version__}


def serve_aiohttp(apps):
    try:
        import aiohttp
        import aiohttp_cors
        from aiohttp import web
    except ImportError:
        fatal("install python3-aiohttp python3-aiohttp-cors")

    loop = start_loop_thread()
    ports = {}
    errors = {}

    async def start(app, sock):
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.SockSite(runner, sock)
        await site.start()

    for spec in apps:
        try:
            app = load_app(spec["source"])
            sock = free_socket()
            fut = asyncio.run_coroutine_threadsafe(start(app, sock), loop)
            fut.result(READY_TIMEOUT)
            ports[spec["id"]] = sock.getsockname()[1]
        except Exception as exc:
            errors[spec["id"]] = "%s: %s" % (type(exc).__name__, exc)
    return ports, errors, {"aiohttp": aiohttp.__version__, "aiohttp_cors": aiohttp_cors.__version__}


def serve_flask(apps):
    try:
        import flask
        import flask_cors
        from werkzeug.serving import make_server
    except ImportError:
        fatal("install python3-flask python3-flask-cors")
    ports = {}
    errors = {}
    for spec in apps:
        try:
            app = load_app(spec["source"])
            server = make_server("127.0.0.1", 0, app, threaded=True)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            ports[spec["id"]] = server.server_port
        except Exception as exc:
            errors[spec["id"]] = "%s: %s" % (type(exc).__name__, exc)
    try:
        from importlib.metadata import version as dist_version
        flask_version = dist_version("flask")
    except Exception:
        flask_version = getattr(flask, "__version__", "?")
    return ports, errors, {"flask": flask_version, "flask_cors": flask_cors.__version__}


def main():
    if len(sys.argv) != 2:
        fatal("usage: cors_runner.py JOB.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    serve = {"fastapi": serve_fastapi, "aiohttp": serve_aiohttp, "flask": serve_flask}.get(job["framework"])
    if serve is None:
        fatal("unknown framework %r" % job["framework"])
    ports, errors, versions = serve(job["apps"])
    results = []
    for spec in job["apps"]:
        entry = {"id": spec["id"], "error": errors.get(spec["id"]), "responses": []}
        if entry["error"] is None:
            for req in spec["requests"]:
                entry["responses"].append(send_raw(ports[spec["id"]], req))
        results.append(entry)
    sys.stdout.write(json.dumps({"versions": versions, "apps": results}))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except BaseException:
        fatal("runner crashed: " + traceback.format_exc())
