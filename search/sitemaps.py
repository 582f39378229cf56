"""A sitemap of every live, public page in every language of the site."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page and its descendants, which is one language only: each
    language has its own home page, a translation of the root page, beside it in the tree. This lists the
    descendants of every translation of the root page."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_a_tree = Q(pk__in=[])
        for page in roots:
            in_a_tree |= Q(path__startswith=page.path)
        return Page.objects.live().public().filter(in_a_tree).order_by("path").defer_streamfields().specific()
