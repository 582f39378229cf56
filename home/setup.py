"""The home page each database needs, and the Site that serves it, made idempotently by the home app's
`setup_site` hook (home/apps.py), which `qsite.setup.setup_site()` calls."""

from qsite.setup import ensure_site

from .models import HomePage

HOME_DEFAULTS = {
    "title": "Home",
    "slug": "home",
    "intro": "A community of people working to improve health and care across the UK.",
}


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


def setup_home_and_site(site_context):
    """The home page in the default language, then the Site pointing at it; both go on the context for the
    hooks of the apps listed after home (members gives Editors the home page and its workflow)."""
    site_context.home = ensure_home(site_context.root, site_context.default_locale)
    site_context.site = ensure_site(site_context.home)
