"""Fixtures shared by every test: a real site with its home page, and people."""

import os

import pytest

# Playwright's sync API keeps an event loop running in the test thread; without
# this, any database test that runs after a browser test fails with
# SynchronousOnlyOperation (Django refuses ORM calls from a thread with a running loop).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached fragments live in the cache; no test may see another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English. A request to a /cy/ page leaves Welsh active in the thread, and a
    later test on the same worker asserting an English message then failed depending on test order."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def worker_id(request):
    """pytest-xdist's worker name ("gw0", ...), or "master" without xdist, so `pytest -p no:xdist` (one
    process, the order that exposes tests leaking state into each other) runs the Redis tests too."""
    workerinput = getattr(request.config, "workerinput", None)
    return workerinput["workerid"] if workerinput else "master"


@pytest.fixture
def site(db):
    from qsite.setup import setup_site

    return setup_site()


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "correct-horse-battery")


def _redis_reachable(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def pytest_collection_modifyitems(config, items):
    """Redis tests need the real server. Locally a missing server skips them loudly; in CI
    (QSITE_REQUIRE_SERVICES=1) they run regardless and fail if it is not there."""
    from django.conf import settings

    if os.environ.get("QSITE_REQUIRE_SERVICES") == "1":
        return
    redis_items = [item for item in items if "redis" in item.keywords]
    if redis_items and not _redis_reachable(settings.TEST_REDIS_URL):
        skip = pytest.mark.skip(reason=f"Redis not reachable at {settings.TEST_REDIS_URL}: Redis tests NOT run")
        for item in redis_items:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "Redis tests NOT run" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", "REDIS TESTS WERE NOT RUN", red=True, bold=True)
        terminalreporter.write_line(
            f"{len(skipped)} tests need a Redis server (REDIS_URL, default redis://127.0.0.1:6379/15).", red=True
        )
