"""Turn environment variables into Django settings values.

Kept apart from base.py as plain functions so the rules (which database, which
cache) can be tested without re-importing settings modules.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    # A typo such as DEBUG=ture must not silently become False (or True).
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(url: str, base_dir: Path) -> dict:
    """The default database: DATABASE_URL when set, else a SQLite file in the project."""
    if not url:
        url = f"sqlite:///{base_dir / 'db.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=0 if url.startswith("sqlite") else 60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the dev server read while load_demo writes, and a busy
        # timeout turns brief lock contention into a wait instead of an error.
        config.setdefault("OPTIONS", {}).update(
            {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
        )
    return config


def cache_config(redis_url: str) -> dict:
    """The default cache: Django's own Redis backend when REDIS_URL is set, else local memory."""
    if redis_url:
        return {
            # Django's Redis backend, serving misses instead of errors while Redis is down.
            "BACKEND": "qsite.cache_backends.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "qsite",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "qsite",
        "TIMEOUT": 300,
    }


def admin_path(raw: str) -> str:
    """The Wagtail admin's URL path as Django's `path()` wants it: "admin/", "backstage/", "staff/cms/"."""
    value = raw.strip().strip("/")
    if not value:
        return "admin/"
    # Only plain path segments: the value becomes a URL pattern, a CSP prefix and a robots.txt line.
    if not all(segment and segment.replace("-", "").replace("_", "").isalnum() for segment in value.split("/")):
        raise ImproperlyConfigured(f"ADMIN_PATH must be letters, digits, '-', '_' and '/', not {raw!r}")
    if value.split("/")[0] in {"en", "cy", "static", "media", "documents", "healthz", "readyz", "sitemap.xml"}:
        raise ImproperlyConfigured(f"ADMIN_PATH {raw!r} would hide another part of the site")
    return f"{value}/"
