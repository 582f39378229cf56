"""Settings for pytest: built for speed, with real databases and services."""

from .base import *  # noqa: F403
from .environment import cache_config, env_str

DEBUG = False
SECRET_KEY = "test-only-not-secret-qsite-key-0123456789-abcdefghijklmnop"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that need Redis build their own cache from REDIS_URL; the default stays
# in memory so tests do not see each other's cached pages.
CACHES = {"default": cache_config("")}
# Most tests check what a view renders; the page-cache tests turn the cache on themselves.
PAGE_CACHE_ENABLED = False
# Twenty-odd renditions per image would slow every test that uploads one; tests/qsite/test_renditions.py
# turns it on to prove readers never wait for a resize.
PREGENERATE_RENDITIONS = False
TEST_REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/15")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders, as in dev, so tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
