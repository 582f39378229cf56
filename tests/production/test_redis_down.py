"""With Redis unreachable the site still serves pages: the cache misses, the outage is logged once."""

import logging

import pytest
from django.core.cache import caches
from django.test import override_settings

from qsite.settings.environment import cache_config
from tests.production.conftest import CLOSED_PORT

REDIS_DOWN = {"default": cache_config(f"redis://127.0.0.1:{CLOSED_PORT}/0")}


@pytest.fixture
def redis_down():
    with override_settings(CACHES=REDIS_DOWN):
        yield caches["default"]


def test_pages_are_served_and_the_outage_is_logged_once(redis_down, client, home, caplog):
    with caplog.at_level(logging.WARNING, logger="qsite.cache_backends"):
        for _ in range(3):
            assert client.get("/en/").status_code == 200
        assert client.get("/en/no-such-page/").status_code == 404
    # The first failure may come in setup (the cache is cleared before every test).
    records = caplog.get_records("setup") + caplog.get_records("call")
    errors = [r for r in records if r.name == "qsite.cache_backends"]
    assert len(errors) == 1
    assert errors[0].levelname == "ERROR"
    assert "Redis cache unreachable" in errors[0].getMessage()


def test_every_cache_call_degrades_to_a_miss(redis_down):
    cache = redis_down
    assert cache.get("k", "fallback") == "fallback"
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("k") is False
    assert cache.delete("k") is False
    assert cache.touch("k") is False
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete_many(["a"]) is None
    with pytest.raises(ValueError):
        cache.incr("k")
    assert cache.get_or_set("k", "computed") == "computed"


def test_after_a_failure_redis_is_not_asked_again_until_the_retry_interval(redis_down):
    cache = redis_down
    cache.get("k")
    assert cache.is_down
    # While down, calls return at once without touching the connection pool.
    cache._cache = None  # any use of the client would now raise AttributeError
    assert cache.get("k", "quick") == "quick"


def test_admin_sign_in_still_works_and_failures_are_still_limited(redis_down, client, admin_user, settings):
    from qsite.clients import _local

    _local.clear()
    response = client.post("/admin/login/", {"username": "boss", "password": "correct-horse-battery"})
    assert response.status_code == 302
    client.logout()
    codes = [
        client.post("/admin/login/", {"username": "boss", "password": "wrong"}).status_code
        for _ in range(settings.ADMIN_LOGIN_MAX_FAILURES + 1)
    ]
    # Counted in this process while Redis is away: the limit holds instead of failing open.
    assert codes[-1] == 429
    _local.clear()


def test_readiness_reports_the_cache_as_degraded_without_failing(redis_down, client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "unreachable"}}


@pytest.mark.redis
def test_a_reachable_redis_is_used_normally(settings):
    with override_settings(CACHES={"default": cache_config(settings.TEST_REDIS_URL)}):
        cache = caches["default"]
        cache.set("qsite-resilient-probe", "here", timeout=30)
        assert cache.get("qsite-resilient-probe") == "here"
        assert cache.is_down is False
        cache.delete("qsite-resilient-probe")
