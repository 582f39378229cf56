"""The reader-page cache: whole responses for anonymous GET requests, purged by URL when content changes.

How it works (docs/decisions.md, "Reader pages are cached whole"):

- A request is served from the cache only when it carries no session or messages cookie (so it is a
  reader who is not logged in and has nothing pending to be told), is a GET or HEAD, and its path is
  not excluded (the admin, accounts, search...). Deciding from cookies, not from ``request.user``, lets
  a hit be answered before the session or the database is touched.
- A response is stored only when it is a 200, sets no cookie, is not private/no-store/no-cache, and its
  Content-Security-Policy carries no nonce (a nonce shared by every reader would be no nonce at all).
  Views that must never be shared say so with ``never_cache`` or ``Cache-Control: private``.
- Entries are keyed by host and full path (query string included) plus two generation tokens: one per
  URL path and one per site. Purging a path gives it a new token, which orphans every cached variant of
  it (``?page=2``, ``?topic=x``) at once; orphans expire on their own. That makes invalidation targeted
  (the page, its listings, feeds and topic pages) without scanning keys, on Redis and in local memory alike.
- A view can shorten an entry's life with ``Cache-Control: s-maxage=N`` (an event that turns from
  upcoming to past at a known moment does this).

``urls_showing(page)`` says which URLs show a page: the page and its routes (Wagtail's
``get_cached_paths``), its ancestors (index and home, with their feeds), its translations, and whatever
apps add through the ``qsite_cache_urls_for_page`` hook (topic pages, author profiles, project pages).
The same URLs go to Wagtail's frontend cache, so a CDN configured in WAGTAILFRONTENDCACHE is purged too.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import threading
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin

from .models import Region, SiteSettings

logger = logging.getLogger(__name__)

HOOK = "qsite_cache_urls_for_page"
# Generation tokens outlive the entries they guard; when one is evicted early a fresh random token is
# drawn, which can only turn entries into misses, never bring an old entry back.
GENERATION_SECONDS = 24 * 60 * 60
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
MAX_KEYED_PATH = 1000


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _path_key(path: str) -> str:
    return f"pagecache:gen:path:{_digest(path)}"


SITE_KEY = "pagecache:gen:site"


def _new_token() -> str:
    return uuid.uuid4().hex[:16]


def _generations(path: str) -> tuple[str, str]:
    """The current (path, site) tokens, drawing fresh ones where none is stored. One round trip when both exist."""
    cache = _cache()
    keys = [_path_key(path), SITE_KEY]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = _new_token()
            # add(), not set(): two requests racing here must agree on one token.
            if not cache.add(key, token, GENERATION_SECONDS):
                token = cache.get(key) or token
        tokens.append(token)
    return tokens[0], tokens[1]


def _entry_key(host: str, full_path: str, tokens: tuple[str, str]) -> str:
    return f"pagecache:page:{_digest(host + full_path)}:{tokens[0]}:{tokens[1]}"


# --- Which requests and responses -------------------------------------------------------------------


def _strip_language(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def request_is_cacheable(request) -> bool:
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path
    if len(request.get_full_path()) > MAX_KEYED_PATH:
        return False
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    unprefixed = _strip_language(path)
    if unprefixed == path:
        # Outside the language prefixes the site only redirects (chosen by Accept-Language): not shared.
        return False
    return not any(unprefixed.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_LANGUAGE_PATHS)


def response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    csp = response.get("Content-Security-Policy", "") + response.get("Content-Security-Policy-Report-Only", "")
    return "'nonce-" not in csp


def _lifetime(response) -> int:
    seconds = settings.PAGE_CACHE_SECONDS
    shared = _shared_max_age(response)
    if shared is not None:
        seconds = min(seconds, shared)
    return max(seconds, 0)


def _shared_max_age(response):
    for directive in response.get("Cache-Control", "").split(","):
        name, _sep, value = directive.strip().partition("=")
        if name.lower() == "s-maxage" and value.isdigit():
            return int(value)
    return get_max_age(response)


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; store what they may share. See the module docstring."""

    # Headers that belong to one exchange, not to the stored page.
    NOT_STORED = {"set-cookie", "x-cache", "age", "date", "x-request-id", "content-length", "etag"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            personal = settings.SESSION_COOKIE_NAME in request.COOKIES
            if settings.PAGE_CACHE_ENABLED and personal and "Cache-Control" not in response:
                # Pages shown to a logged-in member are theirs alone.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        host = request.get_host()
        full_path = request.get_full_path()
        try:
            tokens = _generations(request.path)
            entry = _cache().get(_entry_key(host, full_path, tokens))
        except Exception:  # a broken cache must never take pages down with it
            logger.exception("Page cache unavailable; serving uncached")
            return self.get_response(request)

        if entry is not None:
            return self._rebuild(request, entry)

        response = self.get_response(request)
        if response_is_cacheable(response):
            seconds = _lifetime(response)
            self._add_reader_headers(response, seconds)
            if seconds > 0:
                self._store(response, host, full_path, tokens, seconds)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _add_reader_headers(response, seconds):
        # Browsers revalidate every time (cheap with the ETag); shared caches (a CDN purged on publish)
        # may keep the page as long as we do. A view that chose its own max-age (a calendar feed) keeps it.
        if get_max_age(response) is None:
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=seconds)

    def _store(self, response, host, full_path, tokens, seconds):
        headers = [(k, v) for k, v in response.items() if k.lower() not in self.NOT_STORED]
        content = response.content
        # Compressed once here rather than on every hit; GZipMiddleware leaves an encoded body alone.
        compressed = None
        if len(content) >= 1024 and "Content-Encoding" not in response:
            compressed = gzip.compress(content, compresslevel=6, mtime=0)
        entry = (response.status_code, headers, content, compressed, time.time())
        try:
            _cache().set(_entry_key(host, full_path, tokens), entry, seconds)
        except Exception:
            logger.exception("Page cache unavailable; page not stored")

    @staticmethod
    def _rebuild(request, entry):
        status, headers, content, compressed, stored_at = entry
        wants_gzip = compressed is not None and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        response = HttpResponse(compressed if wants_gzip else content, status=status)
        for name, value in headers:
            response[name] = value
        if compressed is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        if wants_gzip:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        response["Age"] = str(max(int(time.time() - stored_at), 0))
        response["X-Cache"] = "HIT"
        return response


# --- Purging ------------------------------------------------------------------------------------------


def purge_paths(paths) -> None:
    """Orphan every cached variant of these URL paths (query strings included), in this cache now."""
    paths = {urlsplit(path).path for path in paths if path}
    if not paths:
        return
    try:
        _cache().set_many({_path_key(path): _new_token() for path in paths}, GENERATION_SECONDS)
    except Exception:
        logger.exception("Page cache unavailable; could not purge %d paths", len(paths))


def purge_site() -> None:
    """For the rare change every page shows (main menu, footer settings): a new site token."""
    try:
        _cache().set(SITE_KEY, _new_token(), GENERATION_SECONDS)
    except Exception:
        logger.exception("Page cache unavailable; could not purge the site")


def purge_urls(urls) -> None:
    """Purge full URLs here and in any frontend cache (CDN) configured in WAGTAILFRONTENDCACHE."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(set(urls))
    purge_paths(urls)
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(urls)


def route_paths(page) -> list[str]:
    """Wagtail's ``get_cached_paths`` plus, for a routable page, every route that takes no argument
    (feeds, ``past/``, ``calendar/``), so a new route is purged without anyone remembering to list it."""
    paths = list(page.get_cached_paths())
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            route = str(pattern.pattern)
            if "<" not in route and "(" not in route:
                paths.append("/" + route.lstrip("^").rstrip("$"))
    return sorted(set(paths))


def page_urls(page, cache_object=None) -> list[str]:
    """The page's own URLs: its URL plus each of its routes."""
    parts = page.get_url_parts(cache_object)
    if parts is None:
        return []
    _site_id, root_url, page_path = parts
    if not page_path:
        return []
    base = (root_url or "") + page_path
    return [base + path.lstrip("/") for path in route_paths(page.specific_deferred)]


def _is_in_main_menu(page) -> bool:
    """Children of a home page (every language's home sits at depth 2) are the main menu, or may just have
    left it: the menu on every page shows them, so their changes purge the site."""
    return page.depth == 3


def site_token() -> str:
    """The site-wide generation token; fragments shown on every page (menu, footer) are cached under it.
    Empty, so nothing is cached, when the page cache is off (as in most tests)."""
    if not settings.PAGE_CACHE_ENABLED:
        return ""
    try:
        return _generations("/")[1]
    except Exception:
        logger.exception("Page cache unavailable; fragments not cached")
        return ""


def urls_showing(page, cache_object=None) -> set[str]:
    """Every URL whose content shows this page: itself, its ancestors' listings, its translations, and what
    apps add through the ``qsite_cache_urls_for_page`` hook (each hook gets the specific page, returns URLs
    or site-relative paths)."""
    cache_object = cache_object if cache_object is not None else page
    urls = set(page_urls(page, cache_object))
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
        urls.update(page_urls(ancestor, cache_object))
    for translation in page.get_translations().live():
        urls.update(page_urls(translation, cache_object))
    root = ""
    parts = page.get_url_parts(cache_object)
    if parts:
        root = parts[1] or ""
    specific = page.specific_deferred
    for hook in hooks.get_hooks(HOOK):
        for url in hook(specific) or ():
            urls.add(url if "://" in url else root + url)
    return urls


_paused = threading.local()


@contextlib.contextmanager
def purging_paused():
    """For bulk builds (load_demo): skip per-page purges, then purge the whole site once at the end."""
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = False
        purge_site()


def purge_page(page, also=()) -> None:
    """Purge what shows this page, after the transaction commits (so nobody re-caches the old version)."""
    if getattr(_paused, "on", False):
        return
    urls = urls_showing(page) | set(also)
    whole_site = _is_in_main_menu(page)

    def run():
        if whole_site:
            purge_site()
        purge_urls(urls)

    transaction.on_commit(run)


def purge_pages_by_id(page_ids) -> None:
    from wagtail.models import Page

    for page in Page.objects.filter(pk__in=list(page_ids)).specific(defer=True):
        purge_page(page)


# --- Signals ------------------------------------------------------------------------------------------


def _on_publish_or_unpublish(sender, instance, **kwargs):
    purge_page(instance)


_moving = threading.local()


def _before_move(sender, instance, **kwargs):
    # The old address and the old parent's listings are only known before the move; post_page_move
    # hands over a fresh instance, so they wait here, per thread, keyed by page.
    pending = getattr(_moving, "pages", None) or {}
    pending[instance.pk] = (urls_showing(instance), _is_in_main_menu(instance))
    _moving.pages = pending


def _after_move(sender, instance, **kwargs):
    before, was_in_menu = (getattr(_moving, "pages", None) or {}).pop(instance.pk, (set(), False))
    if was_in_menu:
        transaction.on_commit(purge_site)
    purge_page(instance, also=before)


def _before_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.depth > 1:
        purge_page(instance)


def _site_wide_change(sender, instance, **kwargs):
    transaction.on_commit(purge_site)


def connect_signals():
    from django.db.models.signals import post_save, pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    page_published.connect(_on_publish_or_unpublish, dispatch_uid="qsite-cache-publish")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="qsite-cache-unpublish")
    pre_page_move.connect(_before_move, dispatch_uid="qsite-cache-pre-move")
    post_page_move.connect(_after_move, dispatch_uid="qsite-cache-post-move")
    # Deleting a live page goes through Page's own delete; pre_delete is sent per concrete class,
    # and the sender filter keeps it to the base row so each page is purged once.
    pre_delete.connect(_before_delete, sender=Page, dispatch_uid="qsite-cache-delete")
    for model in (SiteSettings, Region):
        post_save.connect(_site_wide_change, sender=model, dispatch_uid=f"qsite-cache-{model.__name__}")
