"""The listing kit's rules, the same on every index: blog, member stories, events and insights.

Each index answers a list, RSS, Atom (and, for events, iCalendar) with the same filters; a filter that
cannot be used is shown beside the list (200) but makes every machine-readable view a 404.
"""

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogPage, MemberStoryPage
from events.models import EventIndexPage, EventPage
from insights.models import InsightIndexPage, InsightPage
from qsite.listings import FilteredIndexPage
from qsite.models import Region
from tests.events.conftest import make_event
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberStoryIndexPageFactory,
    MemberStoryPageFactory,
)
from tests.insights.conftest import add_insight

pytestmark = pytest.mark.django_db

INDEXES = ["blog", "stories", "events", "insights"]
# Every machine-readable view of each index.
FEEDS = {
    "blog": ["feed/rss/", "feed/atom/"],
    "stories": ["feed/rss/", "feed/atom/"],
    "events": ["feed/rss/", "feed/atom/", "ical/"],
    "insights": ["feed/rss/", "feed/atom/"],
}
SUBSCRIPTIONS = [(name, route) for name in INDEXES for route in FEEDS[name]]
# Member stories filter by region only; the others by topic too.
WITH_TOPICS = ["blog", "events", "insights"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def region(slug, locale=None):
    return Region.objects.get(slug=slug, locale=locale or Locale.get_default())


def add_events_index(home):
    page = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_insights_index(home):
    page = InsightIndexPage(title="Insights", slug="insights")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def indexes(home):
    return {
        "blog": BlogIndexPageFactory(parent=home),
        "stories": MemberStoryIndexPageFactory(parent=home),
        "events": add_events_index(home),
        "insights": add_insights_index(home),
    }


def add_child(name, index, title, *, region_slug=None, topics=()):
    """A live child of the named index, optionally filed under a region and tagged."""
    where = region(region_slug, index.locale) if region_slug else None
    if name == "blog":
        return BlogPageFactory(parent=index, title=title, region=where, topics=topics)
    if name == "stories":
        return MemberStoryPageFactory(parent=index, title=title, region=where, topics=topics)
    if name == "events":
        start = timezone.now() + datetime.timedelta(days=10)
        return make_event(index, title=title, region=where, topics=topics, start=start)
    return add_insight(index, title, region=where, topics=topics)


def titles_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if "calendar" in response["Content-Type"]:
        return {str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).events}
    if "html" in response["Content-Type"]:
        return {page.title for page in response.context["items"]}
    return {entry.title for entry in feedparser.parse(response.content).entries}


# Region is on every index; then one filter of each index's own.
BAD_QUERIES = ["region=atlantis", "region=%3Cscript%3E", "region=%00", "region=" + "w" * 300]
OWN_BAD_QUERIES = {
    "blog": ["topic=no-such-topic", "author=nobody", "year=abc", "month=3"],
    "stories": ["region=caf%C3%A9"],
    "events": ["topic=no-such-topic", "type=%3Cscript%3E", "format=telepathy", "month=2026-13"],
    "insights": ["topic=no-such-topic", "type=podcast", "project=none", "year=1066"],
}


@pytest.mark.parametrize(
    ("name", "route", "query"),
    [(name, route, query) for name, route in SUBSCRIPTIONS for query in BAD_QUERIES + OWN_BAD_QUERIES[name]],
)
def test_a_bad_filter_is_a_404_with_the_reason_on_every_feed_and_calendar(client, indexes, name, route, query):
    add_child(name, indexes[name], "Anything")
    response = client.get(f"{indexes[name].url}{route}?{query}")
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    # Plain text that browsers must not sniff as HTML, so naming the bad value back is harmless.
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.content.decode()
    assert body.startswith("These filters cannot be used:")
    assert "\x00" not in body


@pytest.mark.parametrize("name", INDEXES)
def test_a_bad_filter_on_the_list_is_explained_beside_an_empty_list_kept_out_of_search(client, indexes, name):
    add_child(name, indexes[name], "Anything")
    response = client.get(indexes[name].url + "?region=atlantis")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no region called “atlantis”." in html
    assert list(response.context["items"]) == []
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="robots" content="noindex">' not in client.get(indexes[name].url).content.decode()


@pytest.mark.parametrize("name", INDEXES)
def test_rss_and_atom_list_the_same_items_with_or_without_filters(client, indexes, name):
    add_child(name, indexes[name], "In Wales", region_slug="wales", topics=["Data"])
    add_child(name, indexes[name], "In Scotland", region_slug="scotland")
    for query in ("", "?region=wales", "?topic=data" if name in WITH_TOPICS else "?region=wales&page=1"):
        rss = titles_in(client, f"{indexes[name].url}feed/rss/{query}")
        atom = titles_in(client, f"{indexes[name].url}feed/atom/{query}")
        assert rss == atom
        assert rss == ({"In Wales", "In Scotland"} if not query else {"In Wales"})


@pytest.mark.parametrize("name", INDEXES)
def test_the_bare_feed_address_redirects_to_rss_keeping_the_filters(client, indexes, name):
    url = indexes[name].url
    response = client.get(url + "feed/?region=wales&topic=data")
    assert response.status_code == 301
    assert response["Location"] == url + "feed/rss/?region=wales&topic=data"
    assert client.get(url + "feed/")["Location"] == url + "feed/rss/"


@pytest.mark.parametrize(("name", "route"), [(name, "") for name in INDEXES] + SUBSCRIPTIONS)
def test_a_nation_includes_the_regions_inside_it(client, indexes, name, route):
    add_child(name, indexes[name], "In London", region_slug="london")
    add_child(name, indexes[name], "In England", region_slug="england")
    add_child(name, indexes[name], "In Wales", region_slug="wales")
    assert titles_in(client, f"{indexes[name].url}{route}?region=england") == {"In London", "In England"}
    assert titles_in(client, f"{indexes[name].url}{route}?region=london") == {"In London"}


@pytest.mark.parametrize(("name", "route"), [(name, route) for name, route in SUBSCRIPTIONS if name in WITH_TOPICS])
def test_a_topic_nothing_uses_yet_is_a_working_empty_subscription(client, indexes, name, route):
    """A calendar subscribed to a quiet topic must keep working until its first event."""
    Tag.objects.create(name="Quiet topic", slug="quiet-topic")
    add_child(name, indexes[name], "Loud", topics=["Loud topic"])
    assert titles_in(client, f"{indexes[name].url}{route}?topic=quiet-topic") == set()


@pytest.mark.parametrize(("name", "route"), [(name, "") for name in INDEXES] + SUBSCRIPTIONS)
def test_an_index_lists_only_its_own_language(client, indexes, home, name, route):
    welsh = Locale.objects.get(language_code="cy")
    english = indexes[name]
    add_child(name, english, "English child")
    home.copy_for_translation(welsh).save_revision().publish()
    welsh_index = english.copy_for_translation(welsh)
    welsh_index.save_revision().publish()
    add_child(name, welsh_index, "Welsh child")
    assert titles_in(client, english.url + route) == {"English child"}
    assert titles_in(client, welsh_index.url + route) == {"Welsh child"}


@pytest.mark.parametrize(
    ("model", "slugs"),
    [
        (BlogPage, ["feed"]),
        (MemberStoryPage, ["feed"]),
        (EventPage, ["feed", "ical", "past", "calendar"]),
        (InsightPage, ["feed", "projects"]),
    ],
)
def test_a_child_may_not_take_a_slug_its_index_uses_for_a_route(model, slugs):
    (index_model,) = [m for m in model.allowed_parent_page_models() if issubclass(m, FilteredIndexPage)]
    assert set(slugs) <= index_model.reserved_slugs()
    for slug in slugs:
        with pytest.raises(ValidationError) as error:
            model(title="A page", slug=slug).clean()
        assert "is used by the" in error.value.message_dict["slug"][0]
