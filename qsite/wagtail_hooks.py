from django.db import models
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Region

# Addresses typed without a scheme (www.example.org) become https://, as Django 6 will do by default; saying so
# now also keeps Django 5.2's deprecation warning out of every admin form with a link field.
register_form_field_override(models.URLField, override={"assume_scheme": "https"})


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]
    ordering = ["sort_order"]


register_snippet(RegionViewSet)


def in_every_language(url_name, *args):
    """A non-page URL (topic, profile) reversed under each language prefix: each lists pages of every language."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse(url_name, args=args))
    return urls


@hooks.register("qsite_cache_urls_for_page")
def topic_pages_showing(page):
    """Topic pages and their feeds list every page tagged with the topic; the sitemap lists every page."""
    urls = ["/sitemap.xml"]
    topics = getattr(page, "topics", None)
    if topics is not None:
        # The topics index counts every topic's pages.
        urls += in_every_language("topics")
        for slug in topics.values_list("slug", flat=True):
            for name in ("topic", "topic_rss", "topic_atom"):
                urls += in_every_language(name, slug)
    return urls
