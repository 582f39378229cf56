"""Local development: DEBUG on, console email, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", default=True)
# A fixed key is fine here: dev.py is never used to serve the public.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-qsite-key-0123456789-abcdefghijklmnop")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve the unhashed files straight from static/ so CSS edits show without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
