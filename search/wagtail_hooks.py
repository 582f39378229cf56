from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail import hooks


@hooks.register("qsite_cache_urls_for_page")
def region_pages_showing(page):
    """A page filed under a region shows on that region's page and on its nation's (London's on England's)."""
    region = getattr(page, "region", None)
    if region is None or not hasattr(region, "parent"):
        return []
    slugs = {region.slug} | ({region.parent.slug} if region.parent_id else set())
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += [reverse("region", args=[slug]) for slug in sorted(slugs)]
    return urls
