"""The index, a project's page and an insight page each cost a fixed number of queries, however much content exists."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qsite.models import Region

from .conftest import add_insight, make_document, make_profile, make_project, relate

pytestmark = pytest.mark.django_db

SIZES = [5, 60]


def build(index, count, home):
    """`count` insights, each with what a card shows: image, author, topic, project and region."""
    project = make_project(home.locale)
    region = Region.objects.get(locale=home.locale, slug="scotland")
    profiles = [make_profile(f"author-{n}", f"Author {n}") for n in range(3)]
    pages = [
        add_insight(
            index,
            f"Insight {n}",
            project=project,
            region=region,
            image=True,
            authors=[profiles[n % 3]],
            topics=[f"Topic {n % 4}"],
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            publish=False,
        )
        for n in range(count)
    ]
    return project, pages


def queries_for(client, url):
    client.get(url)  # Warm up: renditions and Wagtail's cached site roots are made on the first request.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Index, 25: Wagtail finds and checks the page (site, locale, three steps down the tree, the
# ancestors' aliases, the page's privacy: 7); the listing's privacy rules (1); the count (1);
# the five filter menus (types, projects, topics, regions, years: 5); one page of cards with
# project and region joined, then listing images, their renditions, authors with profiles and
# topics (5; hero images are empty, so Django skips that prefetch); the frame: main menu
# (locale, privacy, children: 3), breadcrumb (1), the page's locale (1), site settings (1).
# +1 for the language switcher and hreflang links (the page's translations and the home pages, one query).
INDEX_QUERIES = 26


@pytest.mark.parametrize("count", SIZES)
def test_the_index_costs_the_same_queries_for_5_or_60_insights(client, index, home, count):
    build(index, count, home)
    assert queries_for(client, "/en/insights/") == INDEX_QUERIES


@pytest.mark.parametrize("count", SIZES)
def test_a_filtered_index_costs_the_same_queries_for_5_or_60_insights(client, index, home, count):
    build(index, count, home)
    # The filter form checks that the project exists: one more query.
    assert queries_for(client, "/en/insights/?project=waiting-well&year=2025") == INDEX_QUERIES + 1


# Project page, 21: finding the index (7, as above); the project (1); privacy rules (1);
# the count (1); the cards and their four prefetches (5); the frame: main menu (3), the home
# link of the breadcrumb (1), the page's locale (1), site settings (1).
PROJECT_QUERIES = 22  # +1 for the language switcher, as above


@pytest.mark.parametrize("count", SIZES)
def test_a_projects_page_costs_the_same_queries_for_5_or_60_outputs(client, index, home, count):
    build(index, count, home)
    assert queries_for(client, "/en/insights/projects/waiting-well/") == PROJECT_QUERIES


# Insight page, 30: finding the page one level deeper (9); authors with profiles (1);
# documents with their collections (1) and the collections' privacy settings (1); related
# insights: privacy rules (1), the editor's picks (1), the picked cards and four prefetches (5);
# the project (1); the index, for the project link (1); site settings (1); the sharing image (1);
# the site, once, for absolute URLs in the JSON-LD (1); the page's locale (1); topics, once (1);
# the frame: main menu (3) and breadcrumb (1). The documents, authors and picks add none each.
# +1 since insights take comments: one query for the whole (approved) thread.
PAGE_QUERIES = 32  # +1 for the language switcher, as above


@pytest.mark.parametrize("count", SIZES)
def test_an_insight_page_costs_the_same_queries_for_5_or_60_documents_authors_and_picks(client, index, home, count):
    project, pages = build(index, count, home)
    profiles = [make_profile(f"writer-{n}", f"Writer {n}") for n in range(count)]
    documents = [(make_document(f"Document {n}"), f"Part {n}", "en") for n in range(count)]
    page = add_insight(index, "The one", project=project, image=True, authors=profiles, documents=documents)
    relate(page, *pages)
    html = client.get(page.url).content.decode()
    assert html.count('class="downloads__item"') == count
    assert html.count('class="byline__person"') == count
    assert queries_for(client, page.url) == PAGE_QUERIES
