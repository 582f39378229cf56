"""Idempotent set-up of the things every qsite database needs: locales, the home page, the site.

Called by `manage.py setup_site` and by `load_demo`. Safe to run again at any time.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from comments.setup import ensure_editors_group
from home.models import HomePage
from home.setup import ensure_subscriber_permissions
from members.setup import ensure_groups_and_workflow
from qsite.models import DEFAULT_REGIONS, ENGLAND, Region, RegionKind

HOME_DEFAULTS = {
    "title": "Home",
    "slug": "home",
    "intro": "A community of people working to improve health and care across the UK.",
}


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


def ensure_home(root, locale):
    existing = HomePage.objects.filter(locale=locale, depth=2).first()
    if existing:
        return existing
    # Wagtail's own migration leaves a plain "Welcome" page where the home page goes.
    for placeholder in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    home = HomePage(locale=locale, **HOME_DEFAULTS)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


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


@transaction.atomic
def setup_site():
    locales = ensure_locales()
    ensure_root_collection()
    root = ensure_root()
    home = ensure_home(root, locales[settings.LANGUAGE_CODE])
    ensure_regions(locales[settings.LANGUAGE_CODE])
    ensure_editors_group()
    ensure_subscriber_permissions()
    site = ensure_site(home)
    ensure_groups_and_workflow(home)
    return site
