"""The events list, the month calendar and an event page cost the same number of queries for 5 or 60 events."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import get_or_create_image
from members.models import MemberProfile
from tests.events.conftest import london, make_event

pytestmark = pytest.mark.django_db

NOW = london(2026, 6, 10, 12, 0)
TOPICS = ["Patient safety", "Primary care", "Digital change"]
REGIONS = [None, "wales", "scotland", "london"]


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def build(index):
    """`count` events seven hours apart around now (half past, half upcoming, nearly all in June 2026),
    each with an image, topics, a region, and a member or a partner as organiser."""

    def make(count):
        image = get_or_create_image("Query test picture", seed=1, width=320, height=180)
        organiser = MemberProfile.objects.create(display_name="Organiser", slug="organiser")
        events = []
        for n in range(count):
            start = london(2026, 6, 10, 9, 0) + datetime.timedelta(hours=7 * (n - count // 2))
            events.append(
                make_event(
                    index,
                    start=start,
                    listing_image=image,
                    region=REGIONS[n % len(REGIONS)],
                    topics=TOPICS[: 1 + n % 3],
                    organiser_profile=organiser if n % 2 else None,
                    organiser_name="" if n % 2 else "Partner",
                )
            )
        return events

    return make


def count_queries(client, url):
    # Warm up: renditions are made on the first view and then found in the cache, as in production.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Serving any page under /en/events/ costs 7 queries before our code runs: the site for the host (1), the
# locale for the /en/ prefix (1), the page found by path (3 for the index: home, index, its specific row;
# 5 for an event: one more level, and the index is loaded generic then specific), the ancestors' aliases (1)
# and the page's view restrictions (1). Every page then adds the frame: the menu (locale of the home page,
# its view restrictions, its children: 3), the breadcrumbs (1), the page's locale for <main lang> (1) and the
# footer's site settings (1), and the language switcher and hreflang links (the page's translations and the
# home pages, one query): 7.
#
# Events list (upcoming or past), 22 = 7 + 7 + the events' view restrictions, read once (1) + the paginator's
# count (1) + the month choices (1) + regions and topics for the filters (2) + the page of events with their
# regions (1) + their listing images (1) and renditions (1).
INDEX_QUERIES = 22
# Calendar, one month: 7 + 7 + view restrictions (1) + regions and topics for the filters (2) + the month's
# events with their regions (1). Multi-day events are spread over their days in Python, not in SQL.
CALENDAR_QUERIES = 18
# An event page: 9 (7 with two more page rows) + 7 + the page's region (1), listing image (1; its renditions
# come from the cache), organiser (1), topics (1), its site for absolute URLs in JSON-LD (1) + "more upcoming
# events": view restrictions (1), the events with their regions (1), their images (1) and renditions (1).
# +1 since events take comments: one query for the whole (approved) thread.
EVENT_QUERIES = 26


@pytest.mark.parametrize("count", [5, 60])
def test_the_events_list_costs_a_fixed_number_of_queries(client, build, count):
    build(count)
    assert count_queries(client, "/en/events/") == INDEX_QUERIES
    assert count_queries(client, "/en/events/past/?page=2" if count > 24 else "/en/events/past/") == INDEX_QUERIES


@pytest.mark.parametrize("count", [5, 60])
def test_the_month_calendar_costs_a_fixed_number_of_queries(client, build, count):
    build(count)
    assert count_queries(client, "/en/events/calendar/2026/6/") == CALENDAR_QUERIES


@pytest.mark.parametrize("count", [5, 60])
def test_an_event_page_costs_a_fixed_number_of_queries(client, build, count):
    events = build(count)
    # The first upcoming event, organised by a member, with more upcoming events after it.
    event = events[count // 2 + 1]
    assert event.organiser_profile and not event.is_past()
    assert count_queries(client, event.url) == EVENT_QUERIES
