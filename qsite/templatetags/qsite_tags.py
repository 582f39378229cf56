"""Template tags for the site-wide frame: navigation, breadcrumbs, pagination, documents, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from wagtail.models import Page, Site

from qsite.cache import site_token

register = template.Library()

# Same escapes as Django's json_script: nothing in the data can close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    # The Welsh home page when there is one, otherwise the English one.
    return site.root_page.localized


def _menu(request):
    """The main menu for this site and language, cached under the site token that any change to a
    top-level page renews (qsite/cache.py), so building it costs no queries on most requests."""
    token = site_token()
    key = f"main-menu:{request.get_host()}:{get_language()}:{token}"
    menu = cache.get(key) if token else None
    if menu is None:
        root = _site_root(request)
        items = []
        if root is not None:
            for item in root.get_children().live().public().in_menu().select_related("locale"):
                items.append({"pk": item.pk, "title": item.title, "url": item.get_url(request), "path": item.url_path})
        menu = {"items": items, "home_url": root.get_url(request) if root else "/"}
        if token:
            cache.set(key, menu, settings.PAGE_CACHE_SECONDS)
    return menu


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    current = context.get("page")
    menu = _menu(request)
    items = []
    for item in menu["items"]:
        state = None
        if current is not None and isinstance(current, Page):
            if current.pk == item["pk"]:
                state = "page"
            elif current.url_path.startswith(item["path"]):
                state = "true"
        items.append({"title": item["title"], "url": item["url"], "current": state})
    return {"items": items, "home_url": menu["home_url"], "request": request}


@register.simple_tag
def fragment_token():
    """For {% cache %} keys of fragments every page shows: renewed whenever the whole site is purged."""
    return site_token()


@register.simple_tag
def fragment_seconds():
    """How long such fragments live: as long as a cached page, or not at all when the page cache is off."""
    return settings.PAGE_CACHE_SECONDS if settings.PAGE_CACHE_ENABLED else 0


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context.get("request")
    page = context.get("page")
    if context.get("crumbs"):
        # Views that are not pages (topics, profiles) give their own trail below Home.
        root = _site_root(request)
        home = [{"title": root.title, "url": root.get_url(request)}] if root else []
        return {"crumbs": home + list(context["crumbs"])}
    if page is None or not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    # depth 1 is Wagtail's invisible root; depth 2 is the home page of a locale.
    ancestors = page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth")
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


@register.filter
def document_meta(document):
    """'PDF, 1.2 MB' for a Wagtail document, so readers know what they are downloading."""
    extension = (document.file_extension or "").upper() or "FILE"
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return f"{extension}, {filesizeformat(size)}" if size else extension


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """A JSON-LD <script> that cannot be broken out of. A data block is never run, so the CSP's
    script-src does not apply to it and it needs no nonce (which would stop the page being cached)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None):
    page_range = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    return {"page_obj": page_obj, "page_range": list(page_range), "request": context.get("request"), "label": label}


@register.filter
def verbose_name_of(obj):
    """'Blog post', 'Event': what kind of page a card links to."""
    return capfirst(obj._meta.verbose_name)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """An absolute address for a media or static URL (left alone if it already is one)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url
