"""Topic pages: everything tagged with one topic, across blog posts, stories, events and insights."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from .feeds import feed_response
from .pages import pages_with_topic, specific_for_cards

PER_PAGE = 12


def _topic_pages(tag):
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    return pages_with_topic(tag).filter(locale=locale).order_by("-first_published_at", "-pk")


def topic_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page_obj = Paginator(_topic_pages(tag), PER_PAGE).get_page(request.GET.get("page"))
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
            "crumbs": [{"title": _("Topics"), "url": None}, {"title": tag.name, "url": None}],
        },
    )


def topic_feed(request, slug, kind):
    tag = get_object_or_404(Tag, slug=slug)
    items = specific_for_cards(list(_topic_pages(tag)[:20]))
    return feed_response(
        request,
        None,
        items,
        kind,
        title=_("%(topic)s | Q community") % {"topic": tag.name},
        link=request.build_absolute_uri(request.path.rsplit("feed/", 1)[0]),
        description=_("Posts, stories, events and insights about %(topic)s.") % {"topic": tag.name},
    )
