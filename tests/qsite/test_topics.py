"""Topic pages and the topics index: each item's own date and order, the reader's language unless asked."""

import datetime
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage
from tests.events.conftest import make_event
from tests.factories import BlogIndexPageFactory, BlogPageFactory, MemberStoryIndexPageFactory, MemberStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(home):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def stories(home):
    return MemberStoryIndexPageFactory(parent=home)


@pytest.fixture
def events(home):
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def translate(page, **fields):
    """A published Welsh translation of `page` (its parent must be translated first), as editors make them."""
    translation = page.specific.copy_for_translation(Locale.objects.get(language_code="cy"))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def welsh_blog(home, blog):
    translate(home, title="Hafan")
    return translate(blog, title="Blog")


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def titles_in_order(html):
    return re.findall(r'class="card__link" href="[^"]*">([^<]+)</a>', html)


# --- Each item's own date, and the order it claims --------------------------------------------


def test_topic_page_orders_by_each_items_own_date_not_by_when_it_went_live(client, blog, stories, events):
    # Published in this order, dated in another: the page follows the dates, and an event its start.
    MemberStoryPageFactory(parent=stories, title="Old story", date=datetime.date(2025, 3, 1), topics=["Flow"])
    BlogPageFactory(parent=blog, title="New post", date=datetime.date(2026, 2, 1), topics=["Flow"])
    BlogPageFactory(parent=blog, title="Older post", date=datetime.date(2025, 9, 1), topics=["Flow"])
    make_event(events, title="Coming workshop", topics=["Flow"], publish=True)
    html = html_of(client, "/en/topics/flow/")
    assert titles_in_order(html) == ["Coming workshop", "New post", "Older post", "Old story"]
    assert "Newest first, by each item's own date" in html
    assert '<time datetime="2026-02-01">1 February 2026</time>' in html
    assert '<time datetime="2025-03-01">1 March 2025</time>' in html


def test_an_events_card_shows_its_start_as_the_london_date(client, events):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    start = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    make_event(events, title="Midnight walk", topics=["Flow"], start=start, publish=True)
    html = html_of(client, "/en/topics/flow/")
    assert '<time datetime="2026-07-01">1 July 2026</time>' in html


def test_pages_without_a_date_of_their_own_are_dated_by_first_publication(client, home):
    from groups.models import GroupIndexPage, GroupPage

    index = GroupIndexPage(title="Groups", slug="groups", intro="Find your people.")
    home.add_child(instance=index)
    group = GroupPage(title="Flow group", slug="flow-group", purpose="Flow.", who_for="Anyone.")
    group.topics.add("Flow")
    index.add_child(instance=group)
    group.save_revision().publish()
    group.refresh_from_db()
    day = timezone.localdate(group.first_published_at)
    html = html_of(client, "/en/topics/flow/")
    assert f'<time datetime="{day:%Y-%m-%d}">' in html


def test_pagination_follows_the_dates_across_types(client, blog, stories):
    # Dates interleave the two types, and publication order is the reverse of date order.
    for n in range(14):
        factory, parent = (BlogPageFactory, blog) if n % 2 else (MemberStoryPageFactory, stories)
        factory(parent=parent, title=f"Item {n:02d}", date=datetime.date(2026, 1, 28 - n), topics=["Flow"])
    first = titles_in_order(html_of(client, "/en/topics/flow/"))
    second = titles_in_order(html_of(client, "/en/topics/flow/", page=2))
    assert first + second == [f"Item {n:02d}" for n in range(14)]
    assert len(second) == 2


def test_same_date_is_broken_by_the_newer_page_first(client, blog):
    same = datetime.date(2026, 1, 5)
    BlogPageFactory(parent=blog, title="First made", date=same, topics=["Flow"])
    BlogPageFactory(parent=blog, title="Second made", date=same, topics=["Flow"])
    assert titles_in_order(html_of(client, "/en/topics/flow/")) == ["Second made", "First made"]


# --- Language: the reader's, unless asked -----------------------------------------------------


def test_topic_page_shows_only_the_readers_language(client, blog, welsh_blog):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    english = html_of(client, "/en/topics/flow/")
    assert "Flow in theatres" in english and "Llif mewn theatrau" not in english
    welsh = html_of(client, "/cy/topics/flow/")
    assert "Llif mewn theatrau" in welsh and "Flow in theatres" not in welsh


def test_language_all_adds_other_languages_with_their_language_marked(client, blog, welsh_blog):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    html = html_of(client, "/en/topics/flow/")
    assert 'href="?language=all"' in html and "Also show pages in Welsh" in html
    html = html_of(client, "/en/topics/flow/", language="all")
    assert "Flow in theatres" in html and "Llif mewn theatrau" in html
    welsh_card = html.split('<article class="card" lang="cy">', 1)[1].split("</article>", 1)[0]
    assert "Llif mewn theatrau" in welsh_card
    assert '<p class="card__language badge">Cymraeg</p>' in welsh_card
    assert html.count("card__language") == 1  # the English card needs no label on an English page
    assert "Show only pages in English" in html
    assert 'href="/en/topics/flow/feed/atom/?language=all"' in html


def test_welsh_page_offers_english_pages(client, blog, welsh_blog):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    assert "Dangos tudalennau yn Saesneg hefyd" in html_of(client, "/cy/topics/flow/")
    html = html_of(client, "/cy/topics/flow/", language="all")
    assert '<article class="card" lang="en">' in html
    assert "Dangos tudalennau mewn un iaith yn unig: Cymraeg" in html
    assert '<p class="card__language badge">English</p>' in html


@pytest.mark.parametrize("value", ["cy", "ALL", "<script>alert(1)</script>", "\x00", "a" * 5000, "pob iaith ☃"])
def test_any_other_language_value_keeps_the_readers_language(client, blog, welsh_blog, value):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    html = html_of(client, "/en/topics/flow/", language=value)
    assert "Flow in theatres" in html and "Llif mewn theatrau" not in html
    assert "<script>alert(1)</script>" not in html


def test_topic_feeds_keep_to_the_readers_language_unless_asked(client, blog, welsh_blog):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    feed = feedparser.parse(client.get("/en/topics/flow/feed/atom/").content)
    assert [e.title for e in feed.entries] == ["Flow in theatres"]
    feed = feedparser.parse(client.get("/cy/topics/flow/feed/rss/").content)
    assert [e.title for e in feed.entries] == ["Llif mewn theatrau"]
    feed = feedparser.parse(client.get("/en/topics/flow/feed/atom/", {"language": "all"}).content)
    assert {e.title for e in feed.entries} == {"Flow in theatres", "Llif mewn theatrau"}


def test_topic_feed_is_in_listing_date_order(client, blog, events):
    BlogPageFactory(parent=blog, title="Old post", date=datetime.date(2024, 1, 1), topics=["Flow"])
    make_event(events, title="Coming workshop", topics=["Flow"], publish=True)
    BlogPageFactory(parent=blog, title="Older post", date=datetime.date(2023, 1, 1), topics=["Flow"])
    feed = feedparser.parse(client.get("/en/topics/flow/feed/atom/").content)
    assert [e.title for e in feed.entries] == ["Coming workshop", "Old post", "Older post"]


# --- The topics index ---------------------------------------------------------------------------


def test_topics_index_lists_topics_in_use_a_to_z_with_counts_and_links(client, blog, stories):
    BlogPageFactory(parent=blog, title="One", topics=["patient flow", "Safety"])
    BlogPageFactory(parent=blog, title="Two", topics=["patient flow"])
    MemberStoryPageFactory(parent=stories, title="Three", topics=["Access"])
    BlogPageFactory(parent=blog, title="Draft", topics=["Drafts only"], live=False)
    html = html_of(client, "/en/topics/")
    names = re.findall(r'<a href="/en/topics/[^/]+/">([^<]+)</a>', html)
    assert names == ["Access", "patient flow", "Safety"]  # A to Z, whatever the case
    assert '<a href="/en/topics/patient-flow/">patient flow</a> <span class="muted">2 items</span>' in html
    assert '<a href="/en/topics/access/">Access</a> <span class="muted">1 item</span>' in html
    assert "Drafts only" not in html
    assert "<h1>Topics</h1>" in html


def test_topics_index_counts_only_the_readers_language(client, blog, welsh_blog):
    post = BlogPageFactory(parent=blog, title="Flow in theatres", topics=["Flow"])
    translate(post, title="Llif mewn theatrau", slug="llif")
    BlogPageFactory(parent=blog, title="English only", topics=["Safety"])
    english = html_of(client, "/en/topics/")
    assert '<a href="/en/topics/flow/">Flow</a> <span class="muted">1 item</span>' in english
    assert "Safety" in english
    welsh = html_of(client, "/cy/topics/")
    assert 'href="/cy/topics/flow/"' in welsh
    assert "Safety" not in welsh


def test_topics_index_with_nothing_published_says_so(client, home):
    assert "Nothing has been published on any topic yet." in html_of(client, "/en/topics/")


def test_topic_page_breadcrumb_links_to_the_topics_index(client, blog):
    BlogPageFactory(parent=blog, topics=["Data"])
    crumbs = html_of(client, "/en/topics/data/").split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert '<a href="/en/topics/">Topics</a>' in crumbs
    assert '<span aria-current="page">Data</span>' in crumbs


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_topics_index_costs_the_same_for_5_and_50_topics(client, blog, stories):
    for n in range(5):
        BlogPageFactory(parent=blog, topics=[f"Topic {n}"], revision=False)
    few = count_queries(client, "/en/topics/")
    for n in range(5, 50):
        factory, parent = (BlogPageFactory, blog) if n % 2 else (MemberStoryPageFactory, stories)
        factory(parent=parent, topics=[f"Topic {n}", f"Topic {n - 1}"], revision=False)
    many = count_queries(client, "/en/topics/")
    # 8 = the view restrictions `public()` reads (1) and the topics with their counts (1: one counting subquery
    #     per page type that carries topics), then the frame: the site, the site settings, the menu (locale,
    #     view restrictions, children: 3) and the language switcher's locale (1).
    assert few == many == 8
