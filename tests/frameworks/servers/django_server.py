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
WSGIHandler (middleware loaded under its settings) and its own port, and the layer is swapped in
before each request. Requests are served one at a time (wsgiref), so the swap is never observed
concurrently.

When every server listens, one JSON line goes to stdout:
  {"versions": {"django": ..., "corsheaders": ...}, "ports": {id: port}, "errors": {id: message}}
Then it serves until stdin reaches EOF or SIGTERM arrives. A missing framework prints
{"fatal": "install python3-django python3-django-cors-headers"} and exits with status 3.
"""
import json
import logging
import os
import selectors
import signal
import sys
import types

logging.disable(logging.CRITICAL)

REQUEST_TIMEOUT = 10.0
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
        from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
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

    class QuietHandler(WSGIRequestHandler):
        timeout = REQUEST_TIMEOUT

        def log_message(self, *args):
            pass

    class Server(WSGIServer):
        def handle_error(self, request, client_address):
            pass

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

            server = make_server("127.0.0.1", 0, app, server_class=Server, handler_class=QuietHandler)
            servers.append(server)
            ports[spec["id"]] = server.server_port
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
    for server in servers:
        selector.register(server, selectors.EVENT_READ, server)
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, None)
    while True:
        for key, _ in selector.select():
            if key.data is None:
                if not os.read(sys.stdin.fileno(), 4096):
                    os._exit(0)
            else:
                key.data._handle_request_noblock()


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except BaseException:
        import traceback

        fatal("django_server crashed: " + traceback.format_exc())
