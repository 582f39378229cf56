"""The client's address is read in one place (qsite.clients) and trusts X-Forwarded-For only as far as
TRUSTED_PROXY_COUNT says; rate windows count per identity within a fixed window."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.test import override_settings

from qsite.clients import RateWindow, any_full, client_ip
from qsite.settings.environment import cache_config


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_without_trusted_proxies_x_forwarded_for_is_ignored(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_is_used_and_forged_entries_are_not(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.8, 10.1.1.1", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "198.51.100.8"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_request_that_skipped_the_proxies_falls_back_to_its_own_peer(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="198.51.100.8", REMOTE_ADDR="10.0.0.9")
    assert client_ip(request) == "10.0.0.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("header", ["", " , ,", "\x00", "x" * 5000])
def test_odd_forwarded_headers_never_fail(rf, header):
    request = rf.get("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.1")
    assert len(client_ip(request)) <= 64


def test_an_unknown_address_is_an_empty_string(rf):
    request = rf.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) == ""


def test_a_window_allows_its_number_then_is_full():
    window = RateWindow("test", allowed=3, seconds=60)
    assert [window.hit("a") for _ in range(3)] == [1, 2, 3]
    assert window.is_full("a")
    assert not window.is_full("b")


def test_windows_are_counted_per_name():
    first, second = RateWindow("one", 1, 60), RateWindow("two", 1, 60)
    first.hit("a")
    assert first.is_full("a") and not second.is_full("a")


def test_any_full_reports_the_first_full_pair():
    small, large = RateWindow("small", 1, 60), RateWindow("large", 5, 60)
    assert not any_full([(small, "a"), (large, "a")])
    small.hit("a")
    assert any_full([(small, "a"), (large, "a")])


def test_keys_never_contain_the_raw_identity():
    window = RateWindow("test", 1, 60)
    assert "203.0.113.5" not in window.key("203.0.113.5")
    assert " " not in window.key("a key with spaces\x00 and nulls")


def test_a_reset_window_starts_again():
    window = RateWindow("test", 1, 60)
    window.hit("a")
    window.reset("a")
    assert not window.is_full("a")


# --- Under pressure: atomic on the shared cache, and a local limit while it is away --------------------


@pytest.fixture
def real_redis(settings, worker_id):
    from tests.qsite.test_page_cache import forget_everything, redis_caches

    with override_settings(CACHES=redis_caches(settings, worker_id)):
        forget_everything("redis")
        yield
        forget_everything("redis")


@pytest.mark.redis
def test_a_burst_of_concurrent_reservations_gets_exactly_the_allowed_number(real_redis):
    window = RateWindow("burst", allowed=5, seconds=60)
    with ThreadPoolExecutor(max_workers=20) as pool:
        granted = list(pool.map(lambda _n: window.reserve("203.0.113.9"), range(100)))
    assert granted.count(True) == 5
    assert window.count("203.0.113.9") == 100


@pytest.fixture
def redis_down():
    from tests.production.conftest import CLOSED_PORT

    with override_settings(CACHES={"default": cache_config(f"redis://127.0.0.1:{CLOSED_PORT}/0")}):
        yield


def test_with_the_shared_cache_down_windows_still_limit_in_this_process(redis_down):
    window = RateWindow("outage", allowed=3, seconds=60)
    window.reset("203.0.113.10")
    assert [window.reserve("203.0.113.10") for _ in range(5)] == [True, True, True, False, False]
    assert window.is_full("203.0.113.10")
    assert not window.is_full("203.0.113.11")
    window.reset("203.0.113.10")
