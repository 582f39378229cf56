"""RSS 2.0 and Atom feeds for any list of pages, built on Django's syndication framework.

Every listing that can be filtered offers the same filters as a feed, so the
index pages and the topic pages all call feed_response().
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def item_datetime(page):
    """When an item was published: its own date at midday London time, or when it first went live."""
    value = getattr(page, "date", None)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12, 0)))
    return page.first_published_at or page.latest_revision_created_at or timezone.now()


class PageFeed(Feed):
    def __init__(self, *, title, link, description, items, kind):
        super().__init__()
        self._title, self._link, self._description, self._items = title, link, description, items
        self.feed_type = FEED_TYPES[kind]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self._title

    def link(self):
        return self._link

    def description(self):
        return self._description

    def subtitle(self):
        return self._description

    def items(self):
        return list(self._items[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # A page type may say more in a feed than on a card: an event leads with when and where.
        describe = getattr(item, "feed_description", None)
        if describe is not None:
            return describe()
        return getattr(item, "card_summary", None) or getattr(item, "intro", "") or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # The same absolute address as the item's link, so readers de-duplicate reliably.
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return item_datetime(item)

    def item_updateddate(self, item):
        return item.last_published_at or item_datetime(item)

    def item_author_name(self, item):
        profiles = getattr(item, "author_profiles", None)
        if profiles:
            return ", ".join(p.display_name for p in profiles)
        member = getattr(item, "member", None)
        return member.display_name if member else None

    def item_categories(self, item):
        return [tag.name for tag in getattr(item, "topic_list", [])]


def feed_response(request, page, items, kind, *, title=None, link=None, description=None):
    """An RSS or Atom response listing `items`, titled after `page` unless told otherwise."""
    feed = PageFeed(
        title=title or _("%(title)s | Q community") % {"title": page.title},
        link=link or page.get_url(request),
        description=description or getattr(page, "intro", "") or page.title,
        items=items,
        kind=kind,
    )
    return feed(request)
