"""Configuration comes from the environment, with safe defaults, and production refuses to guess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from qsite.settings.environment import cache_config, database_config, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parents[2]
# Variables the settings read; each subprocess starts with none of them set.
SETTINGS_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
PRODUCTION_ENV = {
    "SECRET_KEY": "x8Jq2!vR9#pLm4@Tz7&Wc1^Nd6*Hb3%Ks5$Yf0~Gu2+Ea8=Qo-w3Zr7Vn1Bt5Xm9",
    "ALLOWED_HOSTS": "q.example.org",
}


def run_python(code, settings_module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=120
    )


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=300
    )


SHOW_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
                  "cache": settings.CACHES["default"]["BACKEND"],
                  "cache_location": settings.CACHES["default"].get("LOCATION", ""), "debug": settings.DEBUG}))
"""


def show_settings(settings_module="qsite.settings.dev", **env):
    result = run_python(SHOW_SETTINGS, settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class TestDatabaseConfig:
    def test_sqlite_file_in_the_project_when_database_url_is_unset(self):
        config = database_config("", BASE_DIR)
        assert config["ENGINE"] == "django.db.backends.sqlite3"
        assert config["NAME"] == str(BASE_DIR / "db.sqlite3")

    def test_postgresql_when_database_url_names_it(self):
        config = database_config("postgres://qsite:pw@db.internal:5433/qsite_live", BASE_DIR)
        assert config["ENGINE"] == "django.db.backends.postgresql"
        assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
            "db.internal",
            5433,
            "qsite_live",
            "qsite",
        )
        # Persistent connections with health checks, so a dropped connection is replaced, not reported.
        assert config["CONN_MAX_AGE"] == 60
        assert config["CONN_HEALTH_CHECKS"] is True

    def test_sqlite_waits_on_locks_instead_of_failing(self):
        config = database_config("", BASE_DIR)
        assert config["OPTIONS"]["timeout"] >= 5
        assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


class TestCacheConfig:
    def test_local_memory_when_redis_url_is_unset(self):
        assert cache_config("")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"

    def test_djangos_redis_backend_made_resilient_when_redis_url_is_set(self):
        config = cache_config("redis://cache.internal:6379/2")
        assert config["BACKEND"] == "qsite.cache_backends.ResilientRedisCache"
        assert config["LOCATION"] == "redis://cache.internal:6379/2"


class TestEnvironmentParsing:
    def test_booleans_accept_the_usual_words(self, monkeypatch):
        for word, expected in [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)]:
            monkeypatch.setenv("QSITE_FLAG", word)
            assert env_bool("QSITE_FLAG") is expected

    def test_a_mistyped_boolean_is_an_error_not_a_guess(self, monkeypatch):
        monkeypatch.setenv("QSITE_FLAG", "ture")
        with pytest.raises(ImproperlyConfigured, match="QSITE_FLAG"):
            env_bool("QSITE_FLAG")

    def test_a_mistyped_number_is_an_error(self, monkeypatch):
        monkeypatch.setenv("QSITE_NUMBER", "four")
        with pytest.raises(ImproperlyConfigured, match="QSITE_NUMBER"):
            env_int("QSITE_NUMBER", 1)

    def test_lists_are_comma_separated_and_trimmed(self, monkeypatch):
        monkeypatch.setenv("QSITE_HOSTS", " a.example.org, ,b.example.org ")
        assert env_list("QSITE_HOSTS") == ["a.example.org", "b.example.org"]


class TestSettingsModules:
    def test_nothing_set_means_sqlite_and_local_memory(self):
        shown = show_settings()
        assert shown["engine"] == "django.db.backends.sqlite3"
        assert shown["name"].endswith("db.sqlite3")
        assert shown["cache"] == "django.core.cache.backends.locmem.LocMemCache"
        assert shown["debug"] is True

    def test_database_url_and_redis_url_are_used_when_set(self):
        shown = show_settings(
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything", REDIS_URL="redis://127.0.0.1:6379/3"
        )
        assert shown["engine"] == "django.db.backends.postgresql"
        assert shown["host"] == "127.0.0.1"
        assert shown["cache"] == "qsite.cache_backends.ResilientRedisCache"
        assert shown["cache_location"] == "redis://127.0.0.1:6379/3"

    def test_production_refuses_to_start_without_secret_key(self):
        result = run_python(SHOW_SETTINGS, "qsite.settings.production", ALLOWED_HOSTS="q.example.org")
        assert result.returncode != 0
        assert "SECRET_KEY is not set" in result.stderr

    def test_production_refuses_to_start_without_allowed_hosts(self):
        result = run_python(SHOW_SETTINGS, "qsite.settings.production", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
        assert result.returncode != 0
        assert "ALLOWED_HOSTS is not set" in result.stderr

    def test_production_is_never_in_debug_even_if_asked(self):
        shown = show_settings("qsite.settings.production", DEBUG="true", **PRODUCTION_ENV)
        assert shown["debug"] is False

    def test_production_passes_check_deploy_with_no_warnings(self):
        result = manage(
            "check", "--deploy", "--fail-level", "WARNING", "--settings=qsite.settings.production", **PRODUCTION_ENV
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues (0 silenced)." in result.stdout
        assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.redis
class TestRealRedis:
    """Django's Redis backend against the Redis server on this machine (REDIS_URL, or db 15 locally)."""

    def test_values_round_trip_with_their_timeout_through_redis(self, settings):
        import redis

        client = redis.Redis.from_url(settings.TEST_REDIS_URL)
        with override_settings(CACHES={"default": cache_config(settings.TEST_REDIS_URL)}):
            cache = caches["default"]
            assert type(cache).__name__ == "ResilientRedisCache"
            cache.set("qsite-test-key", {"title": "Café ☕ <b>"}, timeout=30)
            assert cache.get("qsite-test-key") == {"title": "Café ☕ <b>"}
            assert 0 < client.ttl(cache.make_key("qsite-test-key")) <= 30
            cache.delete("qsite-test-key")
            assert cache.get("qsite-test-key") is None

    def test_keys_are_prefixed_so_sites_can_share_a_server(self, settings):
        import redis

        with override_settings(CACHES={"default": cache_config(settings.TEST_REDIS_URL)}):
            caches["default"].set("prefix-check", 1, timeout=30)
            client = redis.Redis.from_url(settings.TEST_REDIS_URL)
            keys = [k.decode() for k in client.keys("*prefix-check")]
            caches["default"].delete("prefix-check")
        assert keys and all(k.startswith("qsite:") for k in keys)
