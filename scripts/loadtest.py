#!/usr/bin/env python
"""60 seconds of mixed reader traffic against gunicorn with production settings, then the figures.

    .venv/bin/python scripts/loadtest.py [--database-url postgres://...] [--duration 60] [--connections 16]

What it does, all on this machine:
1. uses DATABASE_URL (a THROWAWAY PostgreSQL database; default: `prod_loadtest`, created if missing), migrates it and
   loads the demo content (`load_demo`, safe to re-run);
2. builds the static files (collectstatic into a temporary directory, as production serves them);
3. starts gunicorn with qsite/gunicorn.conf.py and qsite.settings.production on a free port;
4. runs wrk for --duration seconds over a mix of reader pages: home, blog index, a blog post,
   events index, an event, insights index, an insight, a topic; each connection walks the list;
5. prints requests/s, latency percentiles and the count of responses that were not 2xx/3xx,
   and exits non-zero if any request failed.

Needs `wrk` (scripts/system-deps.sh installs it) and a running PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")

PICK_URLS = """
import json, django
django.setup()
from taggit.models import Tag
from blog.models import BlogIndexPage, BlogPage
from events.models import EventIndexPage, EventPage
from insights.models import InsightIndexPage, InsightPage
from qsite.pages import pages_with_topic

def first(model):
    page = model.objects.live().public().filter(locale__language_code="en").order_by("path").first()
    if page is None:
        raise SystemExit(f"No live {model.__name__}: run load_demo first")
    return page.url

tag = next(t for t in Tag.objects.order_by("name") if pages_with_topic(t).exists())
print(json.dumps(["/en/", first(BlogIndexPage), first(BlogPage), first(EventIndexPage), first(EventPage),
                  first(InsightIndexPage), first(InsightPage), f"/en/topics/{tag.slug}/"]))
"""

WRK_SCRIPT = """
-- Each connection walks the reader pages in turn, starting at a different one.
local paths = {%(paths)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  n = offset
end
function request()
  n = n + 1
  local path = paths[(n %% #paths) + 1]
  -- TLS ends at the load balancer, which says so; production settings redirect plain HTTP otherwise.
  return wrk.format("GET", path, {["X-Forwarded-Proto"] = "https", ["Host"] = "q.example.org"})
end
"""


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=BASE_DIR, env=env, check=True, **kwargs)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_database(url):
    match = re.match(r"postgres(?:ql)?://([^@/]+)@([^:/]+):?(\d*)/(\w+)$", url)
    if not match:
        return
    user, host, port, name = match.groups()
    created = subprocess.run(
        ["createdb", "-h", host, "-p", port or "5432", "-U", user, name], capture_output=True, text=True, check=False
    )
    if created.returncode != 0 and "already exists" not in created.stderr:
        sys.exit(f"Could not create the database {name}: {created.stderr.strip()}")


def parse_wrk(output):
    def number(pattern, default=0.0):
        found = re.search(pattern, output)
        return float(found.group(1)) if found else default

    def ms(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    percentiles = {p: ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)}
    requests = int(number(r"(\d+) requests in"))
    return {
        "requests": requests,
        "requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
        "latency_ms": percentiles,
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses:\s+(\d+)")),
        "socket_errors": sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/prod_loadtest"
    )
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "4")))
    parser.add_argument("--skip-setup", action="store_true", help="the database already has the demo content")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: run `make system-deps` (or apt-get install wrk)")

    static_root = Path(tempfile.mkdtemp(prefix="qsite-loadtest-static-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "qsite.settings.production",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "loadtest-only-" + os.urandom(24).hex()),
        "ALLOWED_HOSTS": "q.example.org,127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
        "LOG_FORMAT": "json",
        "GUNICORN_ACCESSLOG": "",  # an access line per request would measure the terminal, not the site
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    try:
        if not args.skip_setup:
            ensure_database(args.database_url)
            print("Preparing the database (migrate, load_demo)...", flush=True)
            run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
            # The database is a throwaway one for the test: load_demo refuses production settings otherwise.
            run([PYTHON, "manage.py", "load_demo", "--allow-production"], env, stdout=subprocess.DEVNULL)
        run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env)
        paths = json.loads(
            run([PYTHON, "-c", PICK_URLS], env, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        )

        server = subprocess.Popen([GUNICORN, "-c", "qsite/gunicorn.conf.py", "qsite.wsgi"], cwd=BASE_DIR, env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("gunicorn did not start")
                    time.sleep(0.3)
            # Every page answers 200 before the clock starts (and warms each worker's caches a little).
            for path in paths:
                request = urllib.request.Request(
                    base + path, headers={"X-Forwarded-Proto": "https", "Host": "q.example.org"}
                )
                with urllib.request.urlopen(request, timeout=30) as response:
                    if response.status != 200:
                        sys.exit(f"{path} answered {response.status} before the test started")
            script = static_root / "mix.lua"
            script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
            print(
                f"wrk: {args.duration}s, {args.connections} connections, {args.threads} threads, "
                f"{args.workers} gunicorn workers x 2 threads, {len(paths)} pages:",
                flush=True,
            )
            for path in paths:
                print(f"  {path}")
            result = subprocess.run(
                [
                    "wrk",
                    "--latency",
                    "-t",
                    str(args.threads),
                    "-c",
                    str(args.connections),
                    "-d",
                    f"{args.duration}s",
                    "--timeout",
                    "10s",
                    "-s",
                    str(script),
                    base,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    print(result.stdout)
    figures = parse_wrk(result.stdout)
    lat = figures["latency_ms"]
    print(
        f"RESULT requests={figures['requests']} requests/s={figures['requests_per_second']:.1f} "
        f"p50={lat.get('50', 0):.1f}ms p75={lat.get('75', 0):.1f}ms p90={lat.get('90', 0):.1f}ms "
        f"p99={lat.get('99', 0):.1f}ms non-2xx/3xx={figures['non_2xx_3xx']} socket-errors={figures['socket_errors']}"
    )
    if figures["non_2xx_3xx"] or figures["socket_errors"] or not figures["requests"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
