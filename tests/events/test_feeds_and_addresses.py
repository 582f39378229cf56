"""Event feed items say when and where; venue addresses are stored with plain line endings."""

import importlib

import feedparser
import pytest
import time_machine
from django.apps import apps

from events.models import EventPage
from tests.events.conftest import london, make_event

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/secret-room"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(london(2026, 3, 1, 12, 0), tick=False):
        yield


def descriptions(client, url):
    return {entry.title: entry.summary for entry in feedparser.parse(client.get(url).content).entries}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_lead_with_when_and_where_and_never_carry_the_joining_link(client, index, kind):
    make_event(index, title="In a hall", start=london(2026, 3, 10, 10, 0), venue_name="Riverside Hall")
    make_event(
        index,
        title="On a call",
        start=london(2026, 4, 2, 14, 30),
        event_format="online",
        venue_name="",
        venue_address="",
        joining_link=LINK,
    )
    make_event(
        index, title="Both", start=london(2026, 3, 12, 9, 0), event_format="hybrid", joining_link=LINK, venue_name="Hub"
    )
    make_event(
        index,
        title="Whole day",
        start=london(2026, 3, 20, 0, 0),
        end=london(2026, 3, 21, 23, 59),
        all_day=True,
        venue_name="Park",
    )
    found = descriptions(client, f"/en/events/feed/{kind}/")
    # London time: 2 April is in summer time, and the feed still says 14:30.
    assert found["In a hall"].startswith(
        "Tuesday 10 March 2026, 10:00 to 12:00. Riverside Hall, 14 Aire Street, Leeds, LS1 4PR."
    )
    assert found["On a call"].startswith("Thursday 2 April 2026, 14:30 to 16:30. Online.")
    assert found["Both"].startswith(
        "Thursday 12 March 2026, 09:00 to 11:00. Hub, 14 Aire Street, Leeds, LS1 4PR, and online."
    )
    assert found["Whole day"].startswith("20 March 2026 to 21 March 2026. Park,")
    assert "What happens at event" in found["In a hall"]  # then the summary
    assert all(LINK not in text for text in found.values())


def test_a_cancelled_event_says_so_first_in_the_feed(client, index):
    make_event(index, title="Off", status="cancelled", start=london(2026, 3, 10, 10, 0))
    assert descriptions(client, "/en/events/feed/rss/")["Off"].startswith("Cancelled: Tuesday 10 March 2026")


def test_an_address_posted_with_browser_line_endings_is_stored_with_newlines_only(index):
    event = make_event(index)
    event.venue_address = "1 Street\r\nTown\rAB1 2CD"
    event.full_clean()  # what the page editor runs before saving
    assert event.venue_address == "1 Street\nTown\nAB1 2CD"
    event.venue_address = "2 Road\r\nCity"
    event.save()
    event.refresh_from_db()
    assert event.venue_address == "2 Road\nCity"


def test_the_data_migration_fixes_addresses_already_stored(index):
    event = make_event(index)
    EventPage.objects.filter(pk=event.pk).update(venue_address="1 Street\r\nTown\r\nAB1 2CD")
    other = make_event(index, venue_address="Clean\nAddress")
    migration = importlib.import_module("events.migrations.0005_venue_address_newlines")
    migration.newlines_only(apps, None)
    assert EventPage.objects.get(pk=event.pk).venue_address == "1 Street\nTown\nAB1 2CD"
    assert EventPage.objects.get(pk=other.pk).venue_address == "Clean\nAddress"
