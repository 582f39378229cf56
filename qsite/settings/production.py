"""Production: refuses to start without its secrets, and passes `check --deploy` cleanly."""

from django.core.exceptions import ImproperlyConfigured

from qsite.observability import init_error_reporting, logging_config

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_str

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production never invents one: every web host must share the same key."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set. Give a comma-separated list of the site's host names.")

# TLS ends at the load balancer, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Health checks from the load balancer come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
# The Referrer-Policy, nosniff, X-Frame-Options and CSP (with frame-ancestors 'none') come from
# base.py; Permissions-Policy from qsite.security. Cross-Origin-Opener-Policy is Django's default.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Background tasks are queued in the database and run by `manage.py db_worker` (see Procfile).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# JSON lines on stdout unless LOG_FORMAT says otherwise; the platform collects them.
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT or "json")
init_error_reporting(SENTRY_DSN, SENTRY_ENVIRONMENT)

# Media (images, documents) on object storage when a bucket is named, so every web host sees
# every upload. Files are private: each URL is signed and expires, and documents are only ever
# served through Wagtail's view (WAGTAILDOCS_SERVE_METHOD), which checks collection privacy.
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": AWS_S3_REGION_NAME or None,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            # A CDN domain in front of the bucket serves renditions without signing.
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "default_acl": "private",
            "querystring_auth": not AWS_S3_CUSTOM_DOMAIN,
            "querystring_expire": 60 * 60,
            # Never overwrite: a second upload called report.pdf gets its own name.
            "file_overwrite": False,
        },
    }

# Purge the CDN when a page is published, moved or unpublished, in every language.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID,
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
