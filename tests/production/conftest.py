"""Helpers for production-readiness tests: production settings read from the real module, and a
real gunicorn serving the project in a subprocess (for failures a test client cannot fake)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON_BIN = Path(sys.executable).parent
# Variables the settings read; each subprocess starts with none of them set.
SETTINGS_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "ADMIN_PATH",
    "LOG_FORMAT",
    "SENTRY_DSN",
    "AWS_STORAGE_BUCKET_NAME",
    "FRONTEND_CACHE_PURGE_URL",
}
PRODUCTION_ENV = {
    "SECRET_KEY": "x8Jq2!vR9#pLm4@Tz7&Wc1^Nd6*Hb3%Ks5$Yf0~Gu2+Ea8=Qo-w3Zr7Vn1Bt5Xm9",
    "ALLOWED_HOSTS": "q.example.org,127.0.0.1,localhost,testserver",
}
# Nothing listens on port 1: connections are refused at once, as when a service is down.
CLOSED_PORT = 1


def clean_env(**env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(env)
    return clean


def run_python(code, settings_module="qsite.settings.production", **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_env(DJANGO_SETTINGS_MODULE=settings_module, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_settings(names, settings_module="qsite.settings.production", **env):
    """The named settings as the given module computes them in a fresh process with `env`."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(code, settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url, process, log_path):
        self.url, self.process, self.log_path = url, process, log_path

    def get(self, path, headers=None):
        """(status, headers, body) for a GET; error statuses are answers, not exceptions."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def log(self):
        return self.log_path.read_text()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_gunicorn(log_dir, settings_module="qsite.settings.test", **env):
    """gunicorn (qsite/gunicorn.conf.py) on a free port with these settings and environment; call .stop()."""
    port = free_port()
    log_path = log_dir / f"gunicorn-{port}.log"
    environment = clean_env(
        DJANGO_SETTINGS_MODULE=settings_module,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        **env,
    )
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(PYTHON_BIN / "gunicorn"), "-c", "qsite/gunicorn.conf.py", "qsite.wsgi"],
            cwd=BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited early:\n{server.log()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    pytest.fail(f"gunicorn did not start:\n{server.log()}")


@pytest.fixture
def gunicorn_server(tmp_path):
    """A factory: start_gunicorn(...) with the test's tmp_path for logs; every server is stopped after."""
    started = []

    def start(settings_module="qsite.settings.test", **env):
        server = start_gunicorn(tmp_path, settings_module, **env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
