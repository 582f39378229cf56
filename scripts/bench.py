#!/usr/bin/env python
"""Benchmark the site as production serves it, and write the figures to docs/performance.md.

    make bench                       # scale 61 (about 5,000 live pages), 15 s per measurement
    .venv/bin/python scripts/bench.py --scale 5 --duration 5 --no-write   # a quick look

What it does, in order:
 1. creates (or reuses, with --reuse) a PostgreSQL database and loads the demo content at --scale;
 2. collects static files and starts gunicorn with the production settings, 2 workers, Redis as the cache;
 3. asks Django in-process, with the page cache off, for each page type's SQL query count and HTML size;
 4. warms the cache and runs wrk against each page type: cached (an anonymous reader), uncached (a request
    carrying a session cookie, which the page cache never serves) and one hashed CSS file from whitenoise;
 5. runs 60 s of mixed reader traffic at 32 connections and counts errors;
 6. prints a table and writes it, with the machine, versions and date, to docs/performance.md.

Needs wrk (apt-get install wrk), PostgreSQL and Redis. Nothing here is a test: targets are read off the figures.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}

DISCOVER = r"""
import gzip, json
from django.db import connection
from django.templatetags.static import static
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Page

def first(model):
    page = Page.objects.live().public().type(model).filter(locale__language_code="en").order_by("-depth", "path").first()
    return page.url if page else None

from blog.models import BlogIndexPage, BlogPage, MemberStoryPage
from events.models import EventIndexPage, EventPage
from insights.models import InsightPage
tag = Tag.objects.order_by("id").first()
urls = {
    "home": "/en/",
    "blog index": first(BlogIndexPage),
    "blog post": first(BlogPage),
    "story": first(MemberStoryPage),
    "events index": first(EventIndexPage),
    "event": first(EventPage),
    "insight": first(InsightPage),
    "topic page": f"/en/topics/{tag.slug}/" if tag else None,
    "search": "/en/search/?q=improvement",
}
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
out = {"pages": {}, "css": static("css/qsite.css"), "pages_total": Page.objects.filter(depth__gt=1).count()}
with override_settings(PAGE_CACHE_ENABLED=False):
    for name, url in urls.items():
        if not url:
            continue
        client.get(url)  # the first request of a process pays for imports and site lookups
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            continue
        out["pages"][name] = {"url": url, "queries": len(queries), "bytes": len(response.content),
                              "gzip_bytes": len(gzip.compress(response.content, 6))}
print("BENCH-JSON" + json.dumps(out))
"""


def run(cmd, env, **kwargs):
    print("  $", " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def manage(env, *args, capture=False):
    return run([PYTHON, "manage.py", *args], env, capture_output=capture, text=True)


def parse_duration(text):
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, seconds, connections, headers, script=None):
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_duration(re.search(r"50%\s+([\d.]+\w+)", out).group(1))
    p99 = parse_duration(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(int(n) for n in sock.groups()) if sock else 0)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors, "requests": total}


def fetch(url, headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(url, headers, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(url, headers)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url} within {seconds}s")


def versions(env):
    code = "import django, wagtail, sys; print(django.get_version(), wagtail.__version__, sys.version.split()[0])"
    django_v, wagtail_v, python_v = subprocess.check_output([PYTHON, "-c", code], text=True).split()
    pg = subprocess.run(["psql", env["DATABASE_URL"], "-tAc", "show server_version"], capture_output=True, text=True)
    redis = subprocess.run(["redis-cli", "INFO", "server"], capture_output=True, text=True).stdout
    redis_v = (re.search(r"redis_version:(\S+)", redis) or [None, "?"])[1]
    gunicorn_v = subprocess.check_output([PYTHON, "-m", "gunicorn", "--version"], text=True).split()[-1].strip("()")
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return {
        "machine": f"{os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
        f"{platform.system()} {platform.release()}",
        "software": f"Python {python_v}, Django {django_v}, Wagtail {wagtail_v}, gunicorn {gunicorn_v}, "
        f"PostgreSQL {pg.stdout.strip() or '?'}, Redis {redis_v}, wrk",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=61, help="load_demo --scale (61 gives about 5,000 live pages)")
    parser.add_argument("--database", default="qsite_bench", help="PostgreSQL database name (recreated)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database and its content if it exists (no load_demo)"
    )
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--mixed-seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench does this)")

    static_root = Path(tempfile.mkdtemp(prefix="qsite-bench-static-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "qsite.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(ROOT / "media"),
        "WEB_CONCURRENCY": "2",
        "PORT": str(args.port),
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
    }
    base = f"http://127.0.0.1:{args.port}"

    print("1. Database and content")
    exists = (
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname='{args.database}'",
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        == "1"
    )
    if not (args.reuse and exists):
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", args.database], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", args.database], check=True)
    manage(env, "migrate", "--no-input", "-v", "0")
    load_seconds = None  # None: the content was loaded by an earlier run (--reuse)
    if not (args.reuse and exists):
        started = time.monotonic()
        manage(env, "load_demo", "--scale", str(args.scale), "--allow-production", "--renditions")
        # Production queues search indexing, reference indexing and renditions as background tasks; a
        # worker drains them, as in production, before anything is measured (else search finds nothing).
        manage({**env, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}, "db_worker", "--batch")
        load_seconds = time.monotonic() - started
        # Fresh planner statistics, as a production database has: right after a bulk load PostgreSQL may
        # still estimate one row per table and pick nested loops over thousands of pages.
        subprocess.run(["psql", env["DATABASE_URL"], "-qc", "ANALYZE"], check=True)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    subprocess.run(["redis-cli", "-n", "9", "FLUSHDB"], check=True, capture_output=True)

    print("2. Query counts and sizes (in-process, page cache off)")
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", DISCOVER], env=env, cwd=ROOT, capture_output=True, text=True
    )
    found = next((line for line in out.stdout.splitlines() if line.startswith("BENCH-JSON")), None)
    if not found:
        raise SystemExit("could not inspect the pages:\n" + out.stdout + out.stderr)
    info = json.loads(found[len("BENCH-JSON") :])
    pages = info["pages"]

    print("3. gunicorn (production settings, 2 workers)")
    log = tempfile.NamedTemporaryFile("w", prefix="qsite-bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "qsite/gunicorn.conf.py", "qsite.wsgi"],
        env={**env, "GUNICORN_ACCESSLOG": "/dev/null"},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    results = {}
    try:
        wait_for(base + "/en/", HEADERS)
        for page in pages.values():
            for _ in range(3):
                fetch(base + page["url"], HEADERS)
            _status, headers, _body = fetch(base + page["url"], HEADERS)
            page["cache_header"] = headers.get("X-Cache", "-")
        css = info["css"]
        _status, css_headers, css_body = fetch(base + css, HEADERS)
        print(
            f"   static file {css}: {len(css_body)} bytes on the wire ({css_headers.get('Content-Encoding', 'identity')})"
        )

        print(f"4. wrk, {args.duration}s each, {args.connections} connections")
        static = wrk(base + css, args.duration, args.connections, HEADERS)
        results["static CSS (whitenoise)"] = {"cached": static}
        for name, page in pages.items():
            cached = wrk(base + page["url"], args.duration, args.connections, HEADERS)
            uncached = wrk(base + page["url"], args.duration, 2, {**HEADERS, "Cookie": "sessionid=bench-uncached"})
            results[name] = {"cached": cached, "uncached": uncached}
            print(
                f"   {name:14} cached {cached['rps']:8.0f} req/s p99 {cached['p99']:6.1f} ms | "
                f"uncached p50 {uncached['p50']:6.1f} ms p99 {uncached['p99']:6.1f} ms | {page['queries']} queries"
            )

        print(f"5. mixed reader traffic, {args.mixed_seconds}s at 32 connections")
        script = static_root / "mixed.lua"
        paths = ", ".join(json.dumps(page["url"]) for page in pages.values())
        script.write_text(
            f"local paths = {{{paths}}}\nlocal i = 0\n"
            "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
        )
        mixed = wrk(base + "/", args.mixed_seconds, 32, HEADERS, script=str(script))
        print(
            f"   {mixed['requests']} requests, {mixed['rps']:.0f} req/s, p99 {mixed['p99']:.1f} ms, {mixed['errors']} errors"
        )

        home = base + pages["home"]["url"]
        _s, _h, home_html = fetch(home, HEADERS)
        html = gzip.decompress(home_html) if _h.get("Content-Encoding") == "gzip" else home_html
        assets = re.findall(rb'<script[^>]+src="([^"]+)"', html)
        assets += re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
        first_visit = len(home_html) + sum(len(fetch(base + u.decode(), HEADERS)[2]) for u in assets)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    table = render(args, info, pages, results, mixed, first_visit, load_seconds, versions(env))
    print()
    print(table)
    if not args.no_write:
        write(table)
        print(f"Written to {DOC.relative_to(ROOT)}")


def render(args, info, pages, results, mixed, first_visit, load_seconds, about):
    loaded = f"loaded in {load_seconds:.0f} s" if load_seconds is not None else "loaded by an earlier run"
    static = results["static CSS (whitenoise)"]["cached"]
    lines = [
        START,
        "## Page benchmark (`make bench`)",
        "",
        f"Run on {datetime.date.today().isoformat()} by `scripts/bench.py --scale {args.scale}`: "
        f"{info['pages_total']} pages of demo content on PostgreSQL ({loaded}), gunicorn with the "
        "production settings (2 workers x 2 threads, whitenoise, Redis cache), wrk on the same machine.",
        "",
        f"- Machine: {about['machine']}",
        f"- Software: {about['software']}",
        f"- Each run: {args.duration} s. Cached: {args.connections} connections, an anonymous reader (served by the page "
        "cache). Uncached: 2 connections, each request carrying a session cookie, which the page cache never serves, "
        "so every request renders the page. Queries and HTML size: one uncached request in-process.",
        "",
        "| Page | Cached req/s | Cached p50 ms | Cached p99 ms | vs static | Uncached p50 ms | Uncached p99 ms | Errors | "
        "SQL queries | HTML KB (gzip KB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| static CSS (whitenoise) | {static['rps']:.0f} | {static['p50']:.2f} | {static['p99']:.2f} | 100% | | | "
        f"{static['errors']} | | |",
    ]
    for name, page in pages.items():
        c, u = results[name]["cached"], results[name]["uncached"]
        lines.append(
            f"| {name} | {c['rps']:.0f} | {c['p50']:.2f} | {c['p99']:.2f} | {100 * c['rps'] / static['rps']:.0f}% | "
            f"{u['p50']:.1f} | {u['p99']:.1f} | {c['errors'] + u['errors']} | {page['queries']} | "
            f"{page['bytes'] / 1024:.1f} ({page['gzip_bytes'] / 1024:.1f}) |"
        )
    lines += [
        "",
        f"Mixed reader traffic over every page above, {args.mixed_seconds} s at 32 connections: {mixed['requests']} "
        f"requests, {mixed['rps']:.0f} req/s, p50 {mixed['p50']:.2f} ms, p99 {mixed['p99']:.2f} ms, **{mixed['errors']} errors**.",
        "",
        f"Home page, first visit, images excluded (HTML, CSS and scripts as sent, compressed): {first_visit / 1024:.1f} KB.",
        "",
        *targets(pages, results, static, mixed, first_visit),
        END,
    ]
    return "\n".join(lines)


LISTINGS = ("blog index", "events index", "topic page", "search")


def targets(pages, results, static, mixed, first_visit):
    """Issue 11's targets next to the figures: the worst page decides each line."""
    # Search results are never stored by the page cache (decision 27), so its "cached" run renders every time.
    cached = {name: results[name]["cached"] for name in pages if name != "search"}
    ratio_name = min(cached, key=lambda name: cached[name]["rps"])
    p99_name = max(cached, key=lambda name: cached[name]["p99"])
    listing = {name: results[name]["uncached"]["p50"] for name in LISTINGS if name in pages}
    listing_name = max(listing, key=listing.get) if listing else None
    post = results["blog post"]["uncached"]["p50"] if "blog post" in pages else None
    rows = [
        (
            "Cached pages: req/s at least 60% of the static file's",
            f"lowest {100 * cached[ratio_name]['rps'] / static['rps']:.0f}% ({ratio_name})",
            cached[ratio_name]["rps"] >= 0.6 * static["rps"],
        ),
        (
            "Cached pages: p99 under 50 ms at 16 connections",
            f"highest {cached[p99_name]['p99']:.1f} ms ({p99_name})",
            cached[p99_name]["p99"] < 50,
        ),
    ]
    if post is not None:
        rows.append(("Uncached blog post: median under 30 ms", f"{post:.1f} ms", post < 30))
    if listing_name:
        rows.append(
            (
                "Uncached listing pages: median under 50 ms",
                f"highest {listing[listing_name]:.1f} ms ({listing_name})",
                listing[listing_name] < 50,
            )
        )
    rows += [
        ("Zero errors over 60 s at 32 connections", f"{mixed['errors']} errors", mixed["errors"] == 0),
        (
            "Home page first visit under 100 KB, images excluded",
            f"{first_visit / 1024:.1f} KB",
            first_visit < 100 * 1024,
        ),
    ]
    out = ["| Target | Measured | Met |", "|---|---|---|"]
    out += [f"| {target} | {measured} | {'yes' if met else '**no**'} |" for target, measured, met in rows]
    return out


def write(table):
    DOC.parent.mkdir(exist_ok=True)
    text = (
        DOC.read_text()
        if DOC.exists()
        else "# Performance\n\nFigures measured on this project's machines. Re-run the scripts named in each section.\n"
    )
    if START in text and END in text:
        text = text[: text.index(START)] + table + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + table + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    main()
