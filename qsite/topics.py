"""Topic pages: everything tagged with one topic, across blog posts, stories, events and insights,
and the topics index that lists every topic in use."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag

from .feeds import FEED_LENGTH, feed_response
from .pages import (
    ALL_LANGUAGES,
    asks_for_all_languages,
    other_language_names,
    pages_with_topic,
    specific_for_cards,
    topics_in_use,
    with_listing_date,
)

PER_PAGE = 12


def _topic_pages(request, tag):
    """The topic's pages in the reader's language (or every language when asked), newest first by their own date."""
    return with_listing_date(pages_with_topic(tag, all_languages=asks_for_all_languages(request)))


def topic_index(request):
    return TemplateResponse(
        request,
        "topics/index.html",
        {
            "topics": topics_in_use(),
            "meta_title": _("Topics"),
            "meta_description": _("Every topic our blog posts, member stories, events and insights cover."),
            "crumbs": [{"title": _("Topics"), "url": None}],
        },
    )


def topic_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    all_languages = asks_for_all_languages(request)
    page_obj = Paginator(_topic_pages(request, tag), PER_PAGE).get_page(request.GET.get("page"))
    items = specific_for_cards(list(page_obj.object_list))
    return TemplateResponse(
        request,
        "topics/topic.html",
        {
            "topic": tag,
            "meta_title": tag.name,
            "meta_description": _("Blog posts, member stories, events and insights about %(topic)s.")
            % {"topic": tag.name},
            "page_obj": page_obj,
            "items": items,
            "all_languages": all_languages,
            "other_languages": other_language_names(),
            "feed_query": f"?language={ALL_LANGUAGES}" if all_languages else "",
            "crumbs": [{"title": _("Topics"), "url": reverse("topics")}, {"title": tag.name, "url": None}],
        },
    )


def topic_feed(request, slug, kind):
    tag = get_object_or_404(Tag, slug=slug)
    items = specific_for_cards(list(_topic_pages(request, tag)[:FEED_LENGTH]))
    return feed_response(
        request,
        None,
        items,
        kind,
        title=_("%(topic)s | Q community") % {"topic": tag.name},
        link=request.build_absolute_uri(request.path.rsplit("feed/", 1)[0]),
        description=_("Posts, stories, events and insights about %(topic)s.") % {"topic": tag.name},
    )
