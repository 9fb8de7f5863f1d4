#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
"""Serves Django + django-cors-headers projects on loopback for corsbench's differential tests.

Usage: django_server.py JOB.json

JOB = {"apps": [{"id": str, "source": str}]}. Each source is a one-file Django project: its
UPPER_CASE names are the settings (CORS_*, MIDDLEWARE, APPEND_SLASH, ...), and it defines the views
and `urlpatterns`. Settings the source does not set: DEBUG=False, ALLOWED_HOSTS=["*"],
INSTALLED_APPS=["corsheaders"], ROOT_URLCONF=the source itself, and MIDDLEWARE=[CorsMiddleware,
CommonMiddleware] (the order django-cors-headers documents) when the source has CORS_* settings but
no MIDDLEWARE.

Django settings are process-global, so one process holds every app of the job: django.conf.settings
is configured once with settings.configure(...), each app gets its own settings layer, its own
django.core.handlers.wsgi.WSGIHandler (middleware loaded under its settings) and its own loopback
port, and the layer is swapped in before each request. Requests are served one at a time by a small
WSGI loop (serve_connection), so the swap is never observed concurrently.

When every server listens, one JSON line goes to stdout:
  {"versions": {"django": ..., "corsheaders": ...}, "ports": {id: port}, "errors": {id: message}}
Then it serves until stdin reaches EOF or SIGTERM arrives. A missing framework prints
{"fatal": "install python3-django python3-django-cors-headers"} and exits with status 3.
"""
import io
import json
import logging
import os
import selectors
import signal
import socket
import sys
import types
from urllib.parse import unquote

logging.disable(logging.CRITICAL)

REQUEST_TIMEOUT = 10.0
MAX_HEAD = 1 << 20
DEFAULT_MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def fatal(message):
    emit({"fatal": message})
    os._exit(3)


def serve_connection(conn, peer, app):
    """One HTTP/1.0 exchange: the request head as wsgiref's WSGIRequestHandler turns it into a WSGI
    environ (header names upper-cased with '-' -> '_', names containing '_' dropped, repeated
    headers joined with ',', PATH_INFO percent-decoded as latin-1), the response written as
    start_response gave it, then the connection closed. wsgiref's own server costs ~3 ms a request
    through http.server and email parsing; this loop keeps ~2,800 requests within a few seconds."""
    conn.settimeout(REQUEST_TIMEOUT)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk or len(data) > MAX_HEAD:
            return
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        conn.sendall(b"HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        return
    method, target, protocol = parts
    path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote(path, "iso-8859-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": str(conn.getsockname()[1]),
        "SERVER_PROTOCOL": protocol,
        "REMOTE_ADDR": peer[0],
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or "_" in name:
            continue
        key = name.strip().replace("-", "_").upper()
        value = value.strip()
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            environ.setdefault(key, value)
        elif "HTTP_" + key in environ:
            environ["HTTP_" + key] += "," + value
        else:
            environ["HTTP_" + key] = value
    length = int(environ.get("CONTENT_LENGTH") or 0)
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    environ["wsgi.input"] = io.BytesIO(rest[:length])
    started = []

    def start_response(status, headers, exc_info=None):
        started[:] = [status, headers]

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    status, headers = started
    out = ["HTTP/1.0 %s" % status] + ["%s: %s" % (n, v) for n, v in headers]
    conn.sendall(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + body)


def main():
    if len(sys.argv) != 2:
        fatal("usage: django_server.py JOB.json")
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    try:
        import django
        import corsheaders  # noqa: F401
        from django.conf import UserSettingsHolder, settings
        from django.core.handlers.wsgi import WSGIHandler
    except ImportError:
        fatal("install python3-django python3-django-cors-headers")

    settings.configure(
        DEBUG=False,
        SECRET_KEY="corsbench-differential-test",
        ALLOWED_HOSTS=["*"],
        INSTALLED_APPS=["corsheaders"],
        MIDDLEWARE=[],
        USE_TZ=True,
        LOGGING_CONFIG=None,
        DATABASES={},
    )
    django.setup()
    base = settings._wrapped

    ports, errors, servers = {}, {}, []
    for index, spec in enumerate(job["apps"]):
        name = "corsbench_django_app%d" % index
        try:
            module = types.ModuleType(name)
            sys.modules[name] = module
            exec(compile(spec["source"], "settings.py", "exec"), module.__dict__)
            holder = UserSettingsHolder(base)
            for key, value in module.__dict__.items():
                if key.isupper():
                    setattr(holder, key, value)
            holder.ROOT_URLCONF = name
            has_cors = any(k.startswith("CORS_") for k in module.__dict__)
            if "MIDDLEWARE" not in module.__dict__:
                holder.MIDDLEWARE = list(DEFAULT_MIDDLEWARE) if has_cors else []
            settings._wrapped = holder
            handler = WSGIHandler()  # loads MIDDLEWARE under this app's settings

            def app(environ, start_response, holder=holder, handler=handler):
                settings._wrapped = holder
                return handler(environ, start_response)

            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sock.listen(128)
            servers.append((sock, app))
            ports[spec["id"]] = sock.getsockname()[1]
        except Exception as exc:  # a broken project is a result, not a crash
            errors[spec["id"]] = "%s: %s" % (type(exc).__name__, exc)
        finally:
            settings._wrapped = base

    try:
        from importlib.metadata import version as dist_version
        cors_version = dist_version("django-cors-headers")
    except Exception:
        cors_version = "?"
    emit({"versions": {"django": django.get_version(), "corsheaders": cors_version}, "ports": ports, "errors": errors})

    selector = selectors.DefaultSelector()
    for sock, app in servers:
        selector.register(sock, selectors.EVENT_READ, app)
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, None)
    while True:
        for key, _ in selector.select():
            if key.data is None:
                if not os.read(sys.stdin.fileno(), 4096):
                    os._exit(0)
                continue
            conn, peer = key.fileobj.accept()
            with conn:
                try:
                    serve_connection(conn, peer, key.data)
                except OSError:
                    pass


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except BaseException:
        import traceback

        fatal("django_server crashed: " + traceback.format_exc())
