#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
"""Start one real Python CORS server for the integration tests.

Usage: /usr/bin/python3 cors_server.py CONFIG_JSON
       /usr/bin/python3 cors_server.py --module APP_PY

The second form serves the `app` object of a user's own application module (FastAPI, aiohttp
or Flask, detected from the object's type) — the tests run the fixed modules `diagnose` writes.

CONFIG_JSON is a JSON object (inline text, or @path to a file) in the same shape as the shared
corpus' `server.config` blocks (see ../../../docs or the corpus README):
  {"framework": "fastapi" | "aiohttp" | "flask" | "raw", "cors": {...}, "rules": [...], ...}
The routes match the ones the corpus was recorded against (/api/data, /api/get-only,
/api/boom, /api/http-error, /api/items/, /api/header, /api/redirect, /api/nocors).

Binds 127.0.0.1 on a free port chosen by the kernel (port 0) and prints one line
"PORT <n>" on stdout once the socket is listening, then serves until killed.
A missing framework prints "MISSING <debian-package>: <error>" and exits with status 3.
"""
import json
import socket
import sys

HOST = "127.0.0.1"
ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"]
PACKAGES = {
    "fastapi": "python3-fastapi python3-uvicorn",
    "aiohttp": "python3-aiohttp python3-aiohttp-cors",
    "flask": "python3-flask python3-flask-cors",
}


def listening_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((HOST, 0))
    s.listen(128)
    return s


def announce(sock):
    print("PORT %d" % sock.getsockname()[1], flush=True)


def missing(framework, err):
    print("MISSING %s: %s" % (PACKAGES.get(framework, framework), err), flush=True)
    sys.exit(3)


def run_fastapi(cfg):
    try:
        import uvicorn
        from fastapi import FastAPI, HTTPException, Request
        from fastapi.middleware.cors import CORSMiddleware
        from fastapi.responses import JSONResponse, RedirectResponse
    except ImportError as e:
        missing("fastapi", e)

    app = FastAPI(redirect_slashes=cfg.get("redirect_slashes", True))

    @app.api_route("/api/data", methods=ALL_METHODS)
    async def data(request: Request):
        return {"ok": True, "method": request.method, "path": request.url.path}

    @app.get("/api/get-only")
    async def get_only():
        return {"ok": True, "route": "get-only"}

    @app.api_route("/api/boom", methods=ALL_METHODS)
    async def boom():
        raise RuntimeError("boom: deliberate exception from route")

    @app.api_route("/api/http-error", methods=ALL_METHODS)
    async def http_error():
        raise HTTPException(status_code=403, detail="forbidden by route")

    @app.api_route("/api/items/", methods=ALL_METHODS)
    async def items(request: Request):
        return {"ok": True, "route": "items/", "method": request.method}

    @app.api_route("/api/header", methods=ALL_METHODS)
    async def header():
        return JSONResponse({"ok": True}, headers={"X-Custom": "hello", "X-Request-Id": "abc123"})

    @app.api_route("/api/redirect", methods=ALL_METHODS)
    async def redirect():
        return RedirectResponse(url=cfg.get("redirect_to", "/api/data"), status_code=cfg.get("redirect_status", 307))

    cors = cfg.get("cors")
    if cors is not None:
        app.add_middleware(CORSMiddleware, **cors)

    sock = listening_socket()
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    announce(sock)
    server.run(sockets=[sock])


def run_aiohttp(cfg):
    try:
        import aiohttp_cors
        from aiohttp import web
    except ImportError as e:
        missing("aiohttp", e)

    app = web.Application()

    async def data(request):
        return web.json_response({"ok": True, "method": request.method, "path": request.path})

    async def get_only(request):
        return web.json_response({"ok": True, "route": "get-only"})

    async def boom(request):
        raise RuntimeError("boom: deliberate exception from route")

    async def http_error(request):
        raise web.HTTPForbidden(text="forbidden by route")

    async def items(request):
        return web.json_response({"ok": True, "route": "items/", "method": request.method})

    async def header(request):
        return web.json_response({"ok": True}, headers={"X-Custom": "hello", "X-Request-Id": "abc123"})

    async def redirect(request):
        raise web.HTTPTemporaryRedirect(cfg.get("redirect_to", "/api/data"))

    table = [("/api/data", data, ALL_METHODS), ("/api/nocors", data, ALL_METHODS),
             ("/api/get-only", get_only, ["GET"]), ("/api/boom", boom, ALL_METHODS),
             ("/api/http-error", http_error, ALL_METHODS), ("/api/items/", items, ALL_METHODS),
             ("/api/header", header, ALL_METHODS), ("/api/redirect", redirect, ALL_METHODS)]
    for path, handler, methods in table:
        res = app.router.add_resource(path)
        for m in methods:
            res.add_route(m, handler)

    cors_cfg = cfg.get("cors")
    if cors_cfg is not None:
        def opts(d):
            return aiohttp_cors.ResourceOptions(**d)
        defaults = {o: opts(d) for o, d in cors_cfg.get("defaults", {}).items()}
        cors = aiohttp_cors.setup(app, defaults=defaults)
        unregistered = set(cors_cfg.get("unregistered_paths", ["/api/nocors"]))
        per_route = cors_cfg.get("routes", {})
        for route in list(app.router.routes()):
            path = route.resource.canonical if route.resource is not None else None
            if path in unregistered:
                continue
            if path in per_route:
                cors.add(route, {o: opts(d) for o, d in per_route[path].items()})
            else:
                cors.add(route)

    sock = listening_socket()
    announce(sock)
    web.run_app(app, sock=sock, print=None, handle_signals=True)


def run_flask(cfg):
    try:
        from flask import Flask, jsonify, redirect, request, abort
        from werkzeug.serving import make_server
    except ImportError as e:
        missing("flask", e)

    app = Flask("corsbench_flask")

    @app.route("/api/data", methods=ALL_METHODS)
    def data():
        return jsonify(ok=True, method=request.method, path=request.path)

    @app.route("/api/get-only", methods=["GET"])
    def get_only():
        return jsonify(ok=True, route="get-only")

    @app.route("/api/boom", methods=ALL_METHODS)
    def boom():
        raise RuntimeError("boom: deliberate exception from route")

    @app.route("/api/http-error", methods=ALL_METHODS)
    def http_error():
        abort(403)

    @app.route("/api/items/", methods=ALL_METHODS)
    def items():
        return jsonify(ok=True, route="items/", method=request.method)

    @app.route("/api/header", methods=ALL_METHODS)
    def header():
        r = jsonify(ok=True)
        r.headers["X-Custom"] = "hello"
        r.headers["X-Request-Id"] = "abc123"
        return r

    @app.route("/api/redirect", methods=ALL_METHODS)
    def redir():
        return redirect(cfg.get("redirect_to", "/api/data"), code=cfg.get("redirect_status", 307))

    cors = cfg.get("cors")
    if cors is not None:
        try:
            from flask_cors import CORS
        except ImportError as e:
            missing("flask", e)
        CORS(app, **cors)

    import logging
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server(HOST, 0, app, threaded=True)
    print("PORT %d" % server.server_port, flush=True)
    server.serve_forever()


def run_raw(cfg):
    """Answers with exactly the heads a rule lists ({origin}/{acrm}/{acrh} substituted), like the
    corpus' raw servers. rule: {method, path, status, reason, headers: [[n, v]], body}."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    rules = cfg.get("rules", [])

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no Nagle/delayed-ACK stalls on kept-alive connections

        def log_message(self, fmt, *args):
            pass

        def handle_any(self):
            path = self.path.split("?", 1)[0]
            n = int(self.headers.get("Content-Length") or 0)
            if n:
                self.rfile.read(n)
            origin = self.headers.get("Origin", "")
            rule = None
            for r in rules:
                if r.get("method", "*") not in ("*", self.command):
                    continue
                rp = r.get("path", "*")
                if rp == "*" or rp == path or (rp.endswith("*") and path.startswith(rp[:-1])):
                    rule = r
                    break
            if rule is None:
                rule = {"status": 404, "headers": [["Content-Type", "text/plain"]], "body": "no rule"}
            status = rule.get("status", 200)
            subst = {"{origin}": origin,
                     "{acrm}": self.headers.get("Access-Control-Request-Method", ""),
                     "{acrh}": self.headers.get("Access-Control-Request-Headers", "")}
            headers = []
            for k, v in rule.get("headers", []):
                if any(t in v and not val for t, val in subst.items()):
                    continue
                for t, val in subst.items():
                    v = v.replace(t, val)
                headers.append([k, v])
            body = rule.get("body")
            if body is None:
                body = "" if status in (204, 304) or self.command == "OPTIONS" else json.dumps(
                    {"ok": True, "method": self.command, "path": path})
            payload = body.encode("utf-8")
            if status not in (204, 304) and not any(k.lower() == "content-type" for k, _ in headers) and payload:
                headers.append(["Content-Type", "application/json"])
            if status not in (204, 304):
                headers.append(["Content-Length", str(len(payload))])
            self.send_response_only(status, rule.get("reason"))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD" and status not in (204, 304):
                self.wfile.write(payload)

        def __getattr__(self, name):
            if name.startswith("do_"):
                return self.handle_any
            raise AttributeError(name)

    srv = ThreadingHTTPServer((HOST, 0), H)
    srv.daemon_threads = True
    tls = cfg.get("tls")
    if tls:  # {"cert": path, "key": path}: HTTPS with that (e.g. self-signed) certificate
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(tls["cert"], tls["key"])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print("PORT %d" % srv.server_address[1], flush=True)
    srv.serve_forever()


def run_module(path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("corsbench_user_app", path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except ImportError as e:
        name = getattr(e, "name", "") or ""
        fw = "aiohttp" if name.startswith("aiohttp") else "flask" if name.startswith("flask") else "fastapi"
        missing(fw, e)
    app = getattr(mod, "app", None)
    kind = type(app).__module__ if app is not None else ""
    if kind.startswith("fastapi") or kind.startswith("starlette"):
        import uvicorn
        sock = listening_socket()
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        announce(sock)
        server.run(sockets=[sock])
    elif kind.startswith("aiohttp"):
        from aiohttp import web
        sock = listening_socket()
        announce(sock)
        web.run_app(app, sock=sock, print=None, handle_signals=True)
    elif kind.startswith("flask"):
        import logging
        from werkzeug.serving import make_server
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        server = make_server(HOST, 0, app, threaded=True)
        print("PORT %d" % server.server_port, flush=True)
        server.serve_forever()
    else:
        sys.stderr.write("%s: no FastAPI, aiohttp or Flask object named `app` (found %r)\n" % (path, kind))
        sys.exit(2)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--module":
        run_module(sys.argv[2])
        return
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    text = sys.argv[1]
    if text.startswith("@"):
        with open(text[1:], encoding="utf-8") as f:
            text = f.read()
    cfg = json.loads(text)
    fw = cfg.get("framework")
    runners = {"fastapi": run_fastapi, "aiohttp": run_aiohttp, "flask": run_flask, "raw": run_raw}
    if fw not in runners:
        sys.stderr.write("unknown framework %r\n" % fw)
        sys.exit(2)
    runners[fw](cfg)


if __name__ == "__main__":
    main()
