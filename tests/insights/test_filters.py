"""The index filters by type, project, topic, region and year, with shareable addresses, and survives bad input."""

import datetime
import re

import feedparser
import pytest

from .conftest import add_insight, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(index, project, wales, home):
    lab = make_project(home.locale, slug="the-lab", name="The Lab", kind="lab", start=2021, end=2022)
    return {
        "report": add_insight(
            index,
            "Wales report",
            project=project,
            region=wales,
            topics=["Primary care"],
            date=datetime.date(2025, 2, 1),
        ),
        "toolkit": add_insight(
            index,
            "Lab toolkit",
            project=lab,
            output_type="toolkit",
            topics=["Patient safety"],
            date=datetime.date(2024, 5, 1),
        ),
        "video": add_insight(index, "Lab film", project=lab, output_type="video", date=datetime.date(2025, 9, 9)),
    }


def titles(client, query):
    response = client.get("/en/insights/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    return set(re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html)), html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Wales report", "Lab toolkit", "Lab film"}),
        ("?type=toolkit", {"Lab toolkit"}),
        ("?project=the-lab", {"Lab toolkit", "Lab film"}),
        ("?topic=primary-care", {"Wales report"}),
        ("?region=wales", {"Wales report"}),
        ("?year=2025", {"Wales report", "Lab film"}),
        ("?project=the-lab&year=2025", {"Lab film"}),
        ("?project=the-lab&type=report", set()),
        ("?type=&project=&topic=&region=&year=", {"Wales report", "Lab toolkit", "Lab film"}),
    ],
)
def test_each_filter_narrows_the_list_and_they_combine(client, catalogue, query, expected):
    found, _html = titles(client, query)
    assert found == expected


def test_the_form_keeps_the_readers_choices_so_the_address_can_be_shared(client, catalogue):
    _found, html = titles(client, "?type=toolkit&project=the-lab&year=2024")
    assert '<option value="toolkit" selected>Toolkit</option>' in html
    assert '<option value="the-lab" selected>The Lab</option>' in html
    assert '<option value="2024" selected>2024</option>' in html
    assert 'href="/en/insights/">Clear filters</a>' in html


def test_filter_menus_offer_what_is_live_and_every_region_in_a_hierarchy(client, catalogue):
    _found, html = titles(client, "")
    types = re.search(r'<select id="filter-type".*?</select>', html, re.S).group(0)
    assert "Case study" not in types
    assert "Toolkit" in types
    years = re.findall(
        r'<option value="(\d{4})"', re.search(r'<select id="filter-year".*?</select>', html, re.S).group(0)
    )
    assert years == ["2025", "2024"]
    # Regions are the language's own, nations first with the English regions grouped under England:
    # a region with no insights yet can still be chosen (and subscribed to).
    regions = re.search(r'<select id="filter-region".*?</select>', html, re.S).group(0)
    assert '<option value="wales">Wales</option>' in regions
    assert '<option value="scotland">Scotland</option>' in regions
    assert re.search(r'<optgroup label="England">\s*<option value="england">All of England</option>', regions)
    assert '<option value="london">London</option>' in regions.split('<optgroup label="England">')[1]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?type=podcast", "Choose an output type from the list."),
        ("?project=no-such-project", "There is no project called “no-such-project”."),
        ("?topic=nothing-here", "There is no topic called “nothing-here”."),
        ("?region=atlantis", "There is no region called “atlantis”."),
        ("?year=abc", "Enter a whole number."),
        ("?year=1066", "greater than or equal to 1990"),
    ],
)
def test_unknown_filter_values_are_explained_and_show_the_empty_state(client, catalogue, query, message):
    found, html = titles(client, query)
    assert found == set()
    assert "Some filters could not be used" in html
    assert message in html
    assert "No insights match these filters." in html


@pytest.mark.parametrize(
    "query",
    [
        "?type=%3Cscript%3Ealert(1)%3C/script%3E",
        "?project=%3Cscript%3Ealert(1)%3C/script%3E",
        "?topic=%00",
        "?type=%00",
        "?region=caf%C3%A9-%E2%98%95",
        "?year=%00",
        "?year=99999999999999999999999",
        "?project=" + "a" * 5000,
        "?page=abc",
        "?page=-1",
        "?page=999999",
        "?page=%00",
        "?type=report&type=toolkit",
        "?unknown=1",
    ],
)
def test_hostile_query_strings_never_give_a_500_or_echo_markup(client, catalogue, query):
    response = client.get("/en/insights/" + query)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "\x00" not in body


def test_pages_past_the_end_show_the_last_page(client, index):
    for n in range(13):
        add_insight(index, f"Output {n:02d}", date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    _found, html = titles(client, "?page=999999")
    assert "Page 2 of 2" in html
    assert "Output 00" in html
    found, _html = titles(client, "?page=abc")
    assert "Output 12" in found


def test_pagination_links_keep_the_filters(client, index, project):
    for n in range(13):
        add_insight(index, f"Toolkit {n}", output_type="toolkit", project=project)
    _found, html = titles(client, "?type=toolkit")
    assert 'href="?type=toolkit&amp;page=2"' in html


def test_feeds_follow_the_same_filters(client, catalogue):
    response = client.get("/en/insights/feed/atom/?project=the-lab")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert {entry.title for entry in feed.entries} == {"Lab toolkit", "Lab film"}
    rss = feedparser.parse(client.get("/en/insights/feed/rss/?type=report").content)
    assert [entry.title for entry in rss.entries] == ["Wales report"]
    # A filter that cannot be used is a 404 for a feed (the listing kit's rule), never an empty feed.
    assert client.get("/en/insights/feed/rss/?type=%3Cx%3E").status_code == 404


def test_the_bare_feed_address_redirects_to_rss(client, index):
    response = client.get("/en/insights/feed/")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/insights/feed/rss/")
