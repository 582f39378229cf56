"""Production configuration from the environment: admin path, storage, CDN purge, logs, error reporting."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from qsite.settings.environment import admin_path
from tests.production.conftest import PRODUCTION_ENV, read_settings, run_python


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", "admin/"), ("admin/", "admin/"), ("/backstage", "backstage/"), ("staff/cms/", "staff/cms/")],
)
def test_admin_path_is_normalised(raw, expected):
    assert admin_path(raw) == expected


@pytest.mark.parametrize("raw", ["../etc", "back stage", "a//b", "<x>", "en", "static/", "healthz"])
def test_a_bad_admin_path_stops_the_site_starting(raw):
    with pytest.raises(ImproperlyConfigured):
        admin_path(raw)


ADMIN_PATH_PROBE = """
import django, json
django.setup()
from django.test import Client
from django.urls import Resolver404, resolve, reverse
c = Client()
# No migrated database here: the admin's home redirects an anonymous visitor without a query.
login = c.get("/backstage/")
try:
    resolve("/admin/")
    old_path_is_admin = True
except Resolver404:
    old_path_is_admin = False
print(json.dumps({
    "home": reverse("wagtailadmin_home"),
    "login_status": login.status_code,
    "login_location": login.get("Location", ""),
    "login_csp": login.get("Content-Security-Policy", ""),
    "old_path_is_admin": old_path_is_admin,
    "reports_blocked_prefix": __import__("django.conf").conf.settings.ADMIN_URL_PREFIX,
}))
"""


def test_the_admin_moves_to_admin_path_everywhere(tmp_path):
    import json

    result = run_python(
        ADMIN_PATH_PROBE,
        "qsite.settings.test",
        ADMIN_PATH="backstage/",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["home"] == "/backstage/"
    assert shown["login_status"] == 302
    assert shown["login_location"] == "/backstage/login/?next=/backstage/"
    # The admin policy follows the admin to its new path.
    assert "script-src 'self' 'unsafe-inline'" in shown["login_csp"]
    assert shown["old_path_is_admin"] is False
    assert shown["reports_blocked_prefix"] == "/backstage/"


def test_media_go_to_private_object_storage_when_a_bucket_is_named():
    shown = read_settings(
        ["STORAGES"],
        **PRODUCTION_ENV,
        AWS_STORAGE_BUCKET_NAME="q-media",
        AWS_S3_REGION_NAME="eu-west-2",
    )
    default = shown["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "q-media"
    assert default["OPTIONS"]["region_name"] == "eu-west-2"
    assert default["OPTIONS"]["default_acl"] == "private"
    assert default["OPTIONS"]["querystring_auth"] is True
    assert default["OPTIONS"]["file_overwrite"] is False


def test_media_stay_on_local_disk_without_a_bucket():
    shown = read_settings(["STORAGES"], **PRODUCTION_ENV)
    assert shown["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_the_cdn_is_purged_on_publish_when_a_purge_url_is_set():
    shown = read_settings(
        ["WAGTAILFRONTENDCACHE", "INSTALLED_APPS", "WAGTAILFRONTENDCACHE_LANGUAGES"],
        **PRODUCTION_ENV,
        FRONTEND_CACHE_PURGE_URL="http://cdn-purge.internal:6081",
    )
    assert shown["WAGTAILFRONTENDCACHE"]["http"]["LOCATION"] == "http://cdn-purge.internal:6081"
    assert "wagtail.contrib.frontend_cache" in shown["INSTALLED_APPS"]
    # Welsh pages are pages of their own, purged with their own URLs (qsite/cache.py): no /en/ <-> /cy/ rewriting.
    assert shown["WAGTAILFRONTENDCACHE_LANGUAGES"] == []


def test_production_logs_json_by_default_and_plain_on_request():
    assert read_settings(["LOGGING"], **PRODUCTION_ENV)["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    plain = read_settings(["LOGGING"], **PRODUCTION_ENV, LOG_FORMAT="plain")
    assert plain["LOGGING"]["handlers"]["console"]["formatter"] == "plain"


def test_an_unknown_log_format_stops_the_site_starting():
    result = run_python("import django; django.setup()", **PRODUCTION_ENV, LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be 'json' or 'plain'" in result.stderr


def test_a_sentry_dsn_without_sentry_sdk_stops_the_site_starting():
    result = run_python(
        "import django; django.setup()", **PRODUCTION_ENV, SENTRY_DSN="https://key@errors.example.org/1"
    )
    assert result.returncode != 0
    assert "SENTRY_DSN is set but sentry-sdk is not installed" in result.stderr


def test_production_queues_tasks_in_the_database():
    shown = read_settings(["TASKS", "SESSION_ENGINE"], **PRODUCTION_ENV)
    assert shown["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    # Sessions are not in Redis, so a Redis outage signs nobody out.
    assert shown["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
