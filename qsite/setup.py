"""Idempotent set-up of the things every qsite database needs. Safe to run again at any time.

Called by `manage.py setup_site` and by `load_demo`. The shared layer makes what it owns (locales, the root
page and collection, regions) and the Site record; everything that belongs to an app is made by that app's
own hook: any AppConfig with a `setup_site(site_context)` method is called, in INSTALLED_APPS order, with
the `SiteContext` below. The home app's hook makes the home page and the Site; members' the groups and the
editorial workflow; comments' and updates' the Editors' permissions on their models.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from qsite.models import DEFAULT_REGIONS, ENGLAND, Region, RegionKind


def ensure_locales():
    """One Wagtail Locale per content language, English first."""
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


def ensure_root():
    root = Page.get_first_root_node()
    if root is None:
        # A database flushed by a test, or built without Wagtail's data migration.
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    return root


def ensure_root_collection():
    """Wagtail files every image and document in a collection; the root one must exist."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def ensure_regions(locale):
    for order, (name, slug, kind) in enumerate(DEFAULT_REGIONS):
        Region.objects.get_or_create(
            locale=locale, slug=slug, defaults={"name": name, "kind": kind, "sort_order": order}
        )
    # The English regions sit inside England (set only where an editor has not chosen otherwise).
    england = Region.objects.filter(locale=locale, slug=ENGLAND).first()
    if england:
        Region.objects.filter(locale=locale, kind=RegionKind.ENGLISH_REGION, parent__isnull=True).update(parent=england)


def ensure_site(home):
    """The default Site, serving `home` at SITE_BASE_URL's host and port. Called by the home app's hook."""
    parts = urlsplit(settings.SITE_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname = parts.hostname or "localhost"
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.site_name = "Q community"
    site.root_page = home
    site.is_default_site = True
    site.save()
    return site


@dataclass
class SiteContext:
    """What the apps' set-up hooks share. qsite fills in the first four; the home app's hook sets `home` and
    `site` (the hooks of apps listed after home read them)."""

    locales: dict
    default_locale: Locale
    root: Page
    root_collection: Collection
    _home: Page | None = field(default=None, repr=False)
    site: Site | None = None

    @property
    def home(self):
        if self._home is None:
            raise ImproperlyConfigured(
                "No home page yet: an app's setup_site hook needs it before the home app's hook made it "
                "(list 'home' before that app in INSTALLED_APPS)."
            )
        return self._home

    @home.setter
    def home(self, page):
        self._home = page


def app_setup_hooks():
    """Each installed app's `setup_site` method, in INSTALLED_APPS order."""
    return [config.setup_site for config in apps.get_app_configs() if callable(getattr(config, "setup_site", None))]


@transaction.atomic
def setup_site():
    locales = ensure_locales()
    default_locale = locales[settings.LANGUAGE_CODE]
    root_collection = ensure_root_collection()
    root = ensure_root()
    ensure_regions(default_locale)
    context = SiteContext(locales=locales, default_locale=default_locale, root=root, root_collection=root_collection)
    for hook in app_setup_hooks():
        hook(context)
    if context.site is None:
        raise ImproperlyConfigured("No app's setup_site hook made the Site: is 'home' in INSTALLED_APPS?")
    return context.site
