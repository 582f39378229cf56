"""The same page in the other language: the header's language switcher, hreflang links and the 404 page.

Wagtail pages are matched through their translation key (wagtail-localize keeps one per page across
languages); other views under i18n_patterns (topics, profiles, accounts) exist in every language, so
their address is the same route reversed under the other prefix.
"""

from functools import wraps

from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.models import Locale, Page, Site


def in_language_of(target, page=None, request=None):
    """`target` (a page chosen in site settings) in the language being read, if it is translated there.

    With a Wagtail page in hand its locale decides, at no cost when the two already match; other views
    (topics, profiles) use the active language, which costs one query for the Locale per request.
    """
    if target is None:
        return None
    if isinstance(page, Page):
        locale_id = page.locale_id
    else:
        cached = getattr(request, "_qsite_active_locale", None)
        if cached is None or cached[0] != get_language():
            locale = Locale.objects.filter(language_code=get_language()).only("pk").first()
            cached = (get_language(), locale.pk if locale else None)
            if request is not None:
                request._qsite_active_locale = cached
        locale_id = cached[1] or target.locale_id
    if target.locale_id == locale_id:
        return target
    return target.get_translations().live().filter(locale_id=locale_id).first() or target


def _home_url(request, language_code):
    """The home page of a language, or its bare prefix (Wagtail then serves the English home there)."""
    site = Site.find_for_request(request)
    if site is not None:
        home = site.root_page.get_translations(inclusive=True).live().filter(locale__language_code=language_code)
        home = home.first()
        if home is not None:
            return home.get_url(request)
    return f"/{language_code}/"


def _versions_of_page(request, page):
    """({language code: url} of the page's live translations, {language code: url} of the home pages).

    One query for both: the page's live translations and the site's home pages, with their locales.
    A routable page's sub-route (an events index's past/ or calendar/2026/11/) is carried over.
    """
    site = Site.find_for_request(request)
    wanted = Q(translation_key=page.translation_key)
    if site is not None:
        wanted |= Q(translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"))
    page_url = page.get_url(request) or ""
    remainder = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
    urls, homes = {}, {}
    for found in Page.objects.live().filter(wanted).select_related("locale"):
        code = found.locale.language_code
        if found.translation_key == page.translation_key:
            urls[code] = found.get_url(request) + remainder
        if found.depth == 2:
            homes[code] = found.get_url(request)
    return urls, homes


def language_versions(request, page=None):
    """One entry per site language: where the reader goes to read this in that language.

    Each entry: code, name (the language's own name), url, current (the language being shown),
    translated (False when the page has no version in that language and the link goes to that
    language's home page instead). Cached on the request: the header and <head> both use it.
    """
    if request is None:
        return []
    cache_key = (page.pk if isinstance(page, Page) else None, request.path)
    cached = getattr(request, "_qsite_language_versions", None)
    if cached and cached[0] == cache_key:
        return cached[1]
    current = get_language()
    homes = None
    if isinstance(page, Page) and page.pk:
        urls, homes = _versions_of_page(request, page)
    else:
        # Not a Wagtail page: the same route under each prefix (unchanged if it does not resolve).
        urls = {}
        for code, _name in settings.LANGUAGES:
            url = translate_url(request.path, code)
            if code == current or url != request.path:
                urls[code] = url
    versions = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url or (homes.get(code, f"/{code}/") if homes is not None else _home_url(request, code)),
                "current": code == current,
                "translated": url is not None,
            }
        )
    request._qsite_language_versions = (cache_key, versions)
    return versions


# Written out per language rather than "available in %(language)s", which Welsh would need to mutate.
AVAILABLE_IN = {"en": _("This page is available in English."), "cy": _("This page is available in Welsh.")}


def versions_of_missing_page(request):
    """Live pages in the other languages at the address this 404 was asked for.

    /cy/blog/some-post/ with no Welsh version finds /en/blog/some-post/ when that exists, so the
    Welsh 404 can offer it (and vice versa).
    """
    current = get_language()
    prefix = f"/{current}/"
    path = request.path_info
    site = Site.find_for_request(request)
    if site is None or not path.startswith(prefix) or "\x00" in path:
        # PostgreSQL refuses NUL in a query; such an address cannot name a page anyway.
        return []
    rest = path[len(prefix) :]
    found = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        root = site.root_page.get_translation_or_none(locale) if locale else None
        if root is None:
            continue
        match = Page.objects.live().public().filter(locale=locale, url_path=root.url_path + rest).first()
        if match is not None:
            found.append({"code": code, "label": AVAILABLE_IN.get(code, code), "url": match.get_url(request)})
    return found


def page_not_found(request, exception=None, template_name="404.html"):
    """The site's 404, in the reader's language, offering the page in another language if it exists there."""
    context = {"other_versions": versions_of_missing_page(request), "hide_language_versions": True}
    return render(request, template_name, context, status=404)


def translators_only(view):
    """wagtail-localize's translations report and its snippet chooser API answer any admin user; the API
    lists every snippet by name (member profiles, comments). Here only people who may translate get them."""

    @require_admin_access
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded
