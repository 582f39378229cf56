"""Each blog page renders with a fixed number of queries however much content there is.

The counts are written down so a change that adds a query per item (or per page)
fails here. Each scenario is measured with 5 items and again with 60.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import get_or_create_image
from qsite.models import Region
from tests.factories import BlogPageFactory, MemberProfileFactory, MemberStoryPageFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm: renditions are generated once, caches filled
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def make_posts(blog):
    images = [get_or_create_image(f"Picture {n}", seed=n, width=320, height=180) for n in range(3)]
    authors = [MemberProfileFactory() for _ in range(4)]
    regions = list(Region.objects.all()[:3])

    def make(n):
        for i in range(n):
            BlogPageFactory(
                parent=blog,
                hero_image=images[i % 3],
                region=regions[i % 3],
                authors=[authors[i % 4], authors[(i + 1) % 4]],
                topics=[f"Topic {i % 5}", f"Topic {(i + 2) % 5}"],
                revision=False,
            )

    return make


@pytest.fixture
def make_stories(stories):
    images = [get_or_create_image(f"Portrait {n}", seed=10 + n, width=320, height=180) for n in range(3)]
    regions = list(Region.objects.all()[:3])

    def make(n):
        for i in range(n):
            MemberStoryPageFactory(
                parent=stories, hero_image=images[i % 3], region=regions[i % 3], topics=["Topic 0"], revision=False
            )

    return make


def test_blog_index_query_count_is_fixed(client, blog, make_posts):
    make_posts(5)
    few = count_queries(client, blog.url)
    make_posts(55)
    many = count_queries(client, blog.url)
    # 25 = Wagtail's serve (site, locale, route, alias check, view restrictions: 5)
    #    + the page of posts (view restrictions, count, posts: 3)
    #    + card prefetches (listing and hero images each with renditions, authors+profiles+photos, topics: 6)
    #    + filter options (topics, authors, regions, archive months: 4, with the restrictions check they share)
    #    + the frame (navigation: 4, site settings: 1) and the routable page's own lookups.
    # +1 for the language switcher and hreflang links (the page's translations and the home pages, one query).
    # -1 since the listing kit (qsite.listings) builds the live children once per request, so the page of
    # posts and the filter menus share one view-restrictions check.
    assert few == many == 25


def test_blog_index_with_filters_query_count_is_fixed(client, blog, make_posts):
    make_posts(5)
    few = count_queries(client, blog.url + "?topic=topic-1&region=scotland")
    make_posts(55)
    many = count_queries(client, blog.url + "?topic=topic-1&region=scotland")
    # The same 25 as unfiltered, plus one query each to check that the topic and region exist.
    assert few == many == 27  # +1 for the language switcher, -1 for the shared restrictions check, as above


def test_blog_post_query_count_is_fixed(client, blog, make_posts):
    make_posts(5)
    post = BlogPageFactory(parent=blog, topics=["Topic 1", "Topic 2"], authors=[MemberProfileFactory()])
    few = count_queries(client, post.url)
    make_posts(55)
    many = count_queries(client, post.url)
    # 31: serving the page (the route walks the tree), its authors and topics, previous and next (with view
    # restrictions), related posts (view restrictions, the ranked ids, the cards and four card prefetches),
    # the parent index for the feed links, breadcrumbs, navigation, site settings, the language switcher and
    # the comment thread. None of them grows with the number of posts.
    assert few == many == 31


def test_stories_index_query_count_is_fixed(client, stories, make_stories):
    make_stories(5)
    few = count_queries(client, stories.url)
    make_stories(55)
    many = count_queries(client, stories.url)
    # 20 = serve (5) + the page of stories (3) + card prefetches (two images with renditions, topics: 5)
    #    + regions for the filter (1) + the frame and routable lookups.
    assert few == many == 21  # +1 for the language switcher, as above


def test_topic_page_query_count_is_fixed(client, blog, stories, make_posts, make_stories):
    make_posts(5)
    make_stories(5)
    few = count_queries(client, "/en/topics/topic-0/")
    for _ in range(55):  # alternate, so the newest page holds both types, as with 5
        make_posts(1)
        make_stories(1)
    many = count_queries(client, "/en/topics/topic-0/")
    # 19 = the tag, view restrictions, the count and the page of base pages (4; the reader's language is
    #    joined in SQL, no longer fetched as a Locale first: one fewer than before),
    #    then per page type (blog post, member story) its own for_cards(): the rows and their image,
    #    author and topic prefetches, and the frame (navigation, breadcrumbs, site settings).
    assert few == many == 19


def test_home_page_query_count_is_fixed(client, home, blog, make_posts):
    make_posts(5)
    few = count_queries(client, "/en/")
    make_posts(55)
    many = count_queries(client, "/en/")
    # 21 = the 16 of an empty home page (see tests/home) + latest posts' card prefetches (5).
    assert few == many == 22  # +1 for the language switcher, as above
