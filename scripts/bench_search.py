#!/usr/bin/env python
"""Time the search results page: median and 95th percentile server time, and queries per request.

Runs in-process through Django's test client against the database in DATABASE_URL (so it measures the
server's work: view, search queries, template; not the network). Meant for PostgreSQL with a large demo:

    createdb search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py load_demo --scale 61      # about 5,000 live pages
    DATABASE_URL=... DEBUG=0 .venv/bin/python scripts/bench_search.py --runs 50

DEBUG is turned off for the run (DEBUG=0) so Django does not keep every query in memory.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qsite.settings.dev")
os.environ.setdefault("DEBUG", "0")

# Common words in the demo content, then a rarer one, a two-word query and one that matches nothing.
DEFAULT_QUERIES = ["care", "improvement", "patient", "community", "huddles", "patient flow", "xylophone"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per query (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per query first (default 3)")
    parser.add_argument("--language", default="en")
    parser.add_argument("queries", nargs="*", default=DEFAULT_QUERIES)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    # Lets the client see the template context (for the result count); also keeps DEBUG off.
    setup_test_environment()
    client = Client()
    print(f"database: {connection.vendor}, search backend: {type(get_search_backend()).__name__}")
    print(f"live pages: {Page.objects.live().count()}, runs per query: {args.runs}\n")
    # Wall time is what a reader waits for; CPU time (this process only, without the database's work) shows
    # how much of it is Python, and is steadier when other processes compete for the machine.
    print(f"{'query':<16} {'results':>8} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>8} {'queries':>8}")
    all_times = []
    for query in args.queries:
        url = f"/{args.language}/search/"
        for _ in range(args.warmup):
            client.get(url, {"q": query})
        times, cpu = [], []
        for _ in range(args.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url, {"q": query})
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{query!r} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"q": query})
        total = response.context.get("total", 0)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        all_times += times
        print(
            f"{query:<16} {total:>8} {statistics.median(times):>10.1f} {p95:>8.1f} "
            f"{statistics.median(cpu):>8.1f} {len(captured):>8}"
        )
    all_times.sort()
    p95 = all_times[min(len(all_times) - 1, round(0.95 * len(all_times)) - 1)]
    print(f"\nall queries: median {statistics.median(all_times):.1f} ms, p95 {p95:.1f} ms")
    print(f"load average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
