"""Settings shared by every environment. dev.py, test.py and production.py build on this."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from qsite.observability import logging_config

from .environment import admin_path, cache_config, database_config, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# --- Environment -------------------------------------------------------------
# Every variable the site reads, its type and its default, in one place.
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Q community <noreply@q.example.org>")
# Reader pages: anonymous GETs served whole from the cache (qsite/cache.py); PAGE_CACHE=off to turn it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
# Make every reader-facing image size on upload and publish (qsite/renditions.py).
PREGENERATE_RENDITIONS = env_bool("PREGENERATE_RENDITIONS", default=True)
# Where the Wagtail admin lives ("admin/" unless set); every admin-path rule reads ADMIN_URL_PREFIX.
ADMIN_PATH = admin_path(env_str("ADMIN_PATH", "admin/"))
ADMIN_URL_PREFIX = f"/{ADMIN_PATH}"
# Failed admin sign-ins allowed per username, and per client address (an office shares one), in
# ADMIN_LOGIN_WINDOW seconds.
ADMIN_LOGIN_MAX_FAILURES = env_int("ADMIN_LOGIN_MAX_FAILURES", 5)
ADMIN_LOGIN_MAX_FAILURES_PER_IP = env_int("ADMIN_LOGIN_MAX_FAILURES_PER_IP", 20)
ADMIN_LOGIN_WINDOW = env_int("ADMIN_LOGIN_WINDOW", 15 * 60)
# Staff (editors, moderators, admins) are signed out after this long without a request.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 60 * 60)
# Proxies (load balancer, CDN) between the client and gunicorn that append to X-Forwarded-For: the
# client address for rate limits is taken that many hops from the right. 0 trusts no header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# "json" (one object per line, for log collectors) or "plain" (for people at a terminal);
# unset means plain, except in production.py, where it means json.
LOG_FORMAT = env_str("LOG_FORMAT")
# Error reporting: sentry-sdk is wired when this is set and the package is installed (see docs/deployment.md).
SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
# Media on object storage (django-storages, S3 API) when a bucket is named; local MEDIA_ROOT otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
# The CDN in front of the site, purged by Wagtail on publish: an HTTP purge URL (Varnish, Fastly-style)
# or a CloudFront distribution id.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID = env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID")
# "Get updates": days a confirmation link works; unconfirmed sign-ups are purged after it.
UPDATES_CONFIRM_DAYS = env_int("UPDATES_CONFIRM_DAYS", 7)
# Randomised Coffee Trials: nobody meets the same person again within this many rounds.
COFFEE_NO_REPEAT_ROUNDS = env_int("COFFEE_NO_REPEAT_ROUNDS", 6)

# --- Applications ------------------------------------------------------------
INSTALLED_APPS = [
    # Project apps first so their templates and static files win.
    "qsite",
    "home",
    "updates",
    "blog",
    "events",
    "insights",
    "comments",
    "members",
    "search",
    "groups",
    # After the apps whose content it builds; nothing imports it.
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its ID.
    "qsite.observability.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "qsite.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are gzipped for slow networks (cache hits arrive already compressed); static files
    # come pre-compressed from whitenoise, which answers before this.
    "django.middleware.gzip.GZipMiddleware",
    # ETags and 304s for every page, cached or not; outside the page cache so hits get them too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the session: a hit is answered without touching the session or the database.
    "qsite.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "qsite.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "members.middleware.EditorOnlyAdminAreasMiddleware",
    "members.middleware.StaffSessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's middleware, giving the admin its own policy (qsite/security.py).
    "qsite.security.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees exceptions from the views: a database outage becomes a 503 page.
    "qsite.resilience.DatabaseUnavailableMiddleware",
]

# What the page cache never stores: the admin and files (by path), and, under each language
# prefix, pages that are personal or cannot be purged precisely (search results).
PAGE_CACHE_EXCLUDED_PREFIXES = [
    ADMIN_URL_PREFIX,
    "/django-admin/",
    "/healthz",
    "/readyz",
    "/documents/",
    "/media/",
    "/static/",
]
PAGE_CACHE_EXCLUDED_LANGUAGE_PATHS = ["/accounts/", "/members/account/", "/members/apply/", "/comments/", "/search/"]
# The CDN in front, if any, purged with the same URLs as the page cache (docs/deployment.md).
WAGTAILFRONTENDCACHE = {}
# Translations are separate pages with their own URLs, purged one by one; no /en/ <-> /cy/ rewriting.
WAGTAILFRONTENDCACHE_LANGUAGES = []

ROOT_URLCONF = "qsite.urls"
WSGI_APPLICATION = "qsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------
DATABASES = {"default": database_config(DATABASE_URL, BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": cache_config(REDIS_URL)}

# Background work (emails, Wagtail's search and reference-index updates).
# Immediate here; production.py queues them in the database for `db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Auth --------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Readers and members sign in on the site (django-allauth); the same session opens
# the Wagtail admin for members who write and for editors.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:account"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_REDIRECT_URL = "members:apply"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Q community] "
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "members.forms.SignupForm"}
# Never email an address nobody has registered: the reset form must not become a way to mail strangers.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_RATE_LIMITS = {
    # Failed logins: per address and per account, so one attacker cannot lock out everyone.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# --- Languages and time ------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names let whitenoise send year-long cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Q community"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# The admin's CSP allows no other hosts: no avatars from gravatar.com, no version check against
# releases.wagtail.org (which would also tell a third party who runs the admin, and when).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's database backend (PostgreSQL full-text search on PostgreSQL), with titles weighted on SQLite too.
# Wagtail's database search, with titles weighted above the body (docs/decisions.md 45); the module follows the
# database, as modelsearch's own factory does, so the PostgreSQL backend is never imported on SQLite.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.postgres_backend"
        if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        else "search.sqlite_backend"
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every download goes through Wagtail's view, which checks collection privacy, even on object storage
# (where the default would redirect to the file's own, unchecked address). See docs/decisions.md.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Fixed types, so a server without /etc/mime.types still sends the right Content-Type.
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Always a download with its filename (the reader keeps the file for reading offline).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Checked by content as well as by name (qsite/uploads.py; images are opened by Willow).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "qsite.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Raster formats only: SVG can carry scripts, and nothing on the site needs an uploaded vector image.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# A tiny file can decode to a huge bitmap; this bounds the memory one upload can take (about 16k x 8k).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "webp": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Sessions live in the database (Django's default, kept on purpose): a Redis outage must not sign everyone out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Request bodies other than file uploads (forms, comments) stay small; files stream to disk past this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Complex page forms can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security (tightened further in production.py) ---------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Nothing on the public site loads from another host. The Wagtail admin relies on
# inline scripts, so it is left out here and gets its own policy in production.
# No nonce: the site has no inline script to allow, and reader pages are cached whole,
# so a nonce would be shared by every reader (qsite/cache.py refuses to store one).
# Nothing on the public site loads from another host. The Wagtail admin relies on inline
# scripts, so under ADMIN_URL_PREFIX qsite.security.CSPMiddleware sends ADMIN_CSP_DIRECTIVES instead.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Logging -----------------------------------------------------------------
# Everything to stdout, one line per event, with the request's ID (qsite/observability.py).
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT or "plain")
