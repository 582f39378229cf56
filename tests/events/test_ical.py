"""Add to calendar: .ics files parse with `icalendar` and say the right instants, for one event and for feeds."""

import datetime

import pytest
import time_machine
from icalendar import Calendar

from tests.events.conftest import london

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
ONLINE = {"event_format": "online", "venue_name": "", "venue_address": "", "joining_link": "https://meet.example.org/s"}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(london(2026, 3, 1, 12, 0), tick=False):
        yield


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


class TestOneEvent:
    def test_a_valid_calendar_file_with_every_property_a_calendar_app_needs(self, client, event_factory):
        event = event_factory(
            title="Run charts",
            start=london(2026, 3, 28, 10, 0),
            end=london(2026, 3, 28, 13, 0),
            venue_accessibility="<p>Step-free &amp; a hearing loop.</p><p>Quiet room.</p>",
            topics=["Measurement"],
            publish=True,
        )
        response, calendar = fetch(client, event.url + "ical/")
        assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        (vevent,) = calendar.events
        assert str(vevent["UID"]) == f"{event.translation_key}@{event.get_site().hostname}"
        assert vevent["SEQUENCE"] == 0
        assert vevent.DTSTAMP.tzinfo is not None
        assert str(vevent["SUMMARY"]) == "Run charts"
        assert str(vevent["LOCATION"]) == "Aire Street Learning Centre, 14 Aire Street, Leeds, LS1 4PR"
        assert str(vevent["URL"]) == event.full_url
        assert "What happens at" in str(vevent["DESCRIPTION"])
        assert "Step-free & a hearing loop.\nQuiet room." in str(vevent["DESCRIPTION"])
        assert str(vevent["STATUS"]) == "CONFIRMED"
        assert vevent.categories == ["Measurement"]

    def test_times_carry_the_london_zone_with_a_vtimezone_and_the_right_instants(self, client, event_factory):
        before = event_factory(start=london(2026, 3, 28, 10, 0), end=london(2026, 3, 28, 11, 0))
        after = event_factory(start=london(2026, 3, 29, 10, 0), end=london(2026, 3, 29, 11, 0))
        autumn = event_factory(start=london(2026, 10, 25, 10, 0), end=london(2026, 10, 25, 11, 0))
        expected = {
            before: datetime.datetime(2026, 3, 28, 10, 0, tzinfo=UTC),
            after: datetime.datetime(2026, 3, 29, 9, 0, tzinfo=UTC),
            autumn: datetime.datetime(2026, 10, 25, 10, 0, tzinfo=UTC),
        }
        for event, instant in expected.items():
            response, calendar = fetch(client, event.url + "ical/")
            assert b"DTSTART;TZID=Europe/London:" in response.content
            assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/London"]
            (vevent,) = calendar.events
            assert vevent.start == instant
            assert vevent.end - vevent.start == datetime.timedelta(hours=1)

    def test_the_vtimezone_itself_gives_the_right_offsets(self, client, event_factory):
        event = event_factory(start=london(2026, 3, 29, 10, 0))
        _response, calendar = fetch(client, event.url + "ical/")
        # Read the zone from the file alone, not from the machine's tz database.
        zone = calendar.timezones[0].to_tz(lookup_tzid=False)
        assert datetime.datetime(2026, 3, 29, 10, 0, tzinfo=zone).utcoffset() == datetime.timedelta(hours=1)
        assert datetime.datetime(2026, 3, 28, 10, 0, tzinfo=zone).utcoffset() == datetime.timedelta(0)
        assert datetime.datetime(2026, 10, 25, 10, 0, tzinfo=zone).utcoffset() == datetime.timedelta(0)
        assert datetime.datetime(2026, 10, 24, 10, 0, tzinfo=zone).utcoffset() == datetime.timedelta(hours=1)

    def test_all_day_events_are_whole_dates_ending_the_day_after(self, client, event_factory):
        event = event_factory(start=london(2026, 3, 29, 9, 0), end=london(2026, 3, 30, 9, 0), all_day=True)
        response, calendar = fetch(client, event.url + "ical/")
        (vevent,) = calendar.events
        assert b"DTSTART;VALUE=DATE:20260329" in response.content
        assert vevent.start == datetime.date(2026, 3, 29)
        assert vevent.end == datetime.date(2026, 3, 31)
        assert b"TZID" not in vevent.to_ical()  # dates need no zone

    def test_a_cancelled_event_is_cancelled_in_the_calendar_too(self, client, event_factory):
        event = event_factory(status="cancelled", status_note="The venue flooded.")
        _response, calendar = fetch(client, event.url + "ical/")
        (vevent,) = calendar.events
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert str(vevent["DESCRIPTION"]).startswith("Cancelled: The venue flooded.")

    def test_the_joining_link_never_goes_in_a_calendar_file(self, client, event_factory):
        event = event_factory(start=london(2026, 3, 1, 12, 30), **ONLINE)  # link already open on the page
        response, calendar = fetch(client, event.url + "ical/")
        assert b"meet.example.org" not in response.content
        assert str(calendar.events[0]["LOCATION"]) == "Online"

    def test_uid_is_stable_and_sequence_rises_when_an_editor_republishes(self, client, event_factory):
        event = event_factory(publish=True)
        _r, first = fetch(client, event.url + "ical/")
        event.title = "Moved to the afternoon"
        event.start, event.end = london(2026, 3, 20, 14, 0), london(2026, 3, 20, 16, 0)
        event.save_revision().publish()
        _r, second = fetch(client, event.url + "ical/")
        assert second.events[0]["UID"] == first.events[0]["UID"]
        assert second.events[0]["SEQUENCE"] == first.events[0]["SEQUENCE"] + 1
        assert second.events[0].start == datetime.datetime(2026, 3, 20, 14, 0, tzinfo=UTC)

    def test_an_unpublished_event_has_no_calendar_file(self, client, event_factory):
        event = event_factory(publish=True)
        url = event.url + "ical/"
        event.unpublish()
        assert client.get(url).status_code == 404
        draft = event_factory(live=False)
        assert client.get(f"/en/events/{draft.slug}/ical/").status_code == 404


class TestFeeds:
    def test_the_feed_lists_upcoming_events_only_soonest_first(self, client, event_factory):
        event_factory(title="Later", start=london(2026, 4, 1, 10, 0))
        event_factory(title="Sooner", start=london(2026, 3, 10, 10, 0))
        event_factory(title="Over", start=london(2026, 2, 1, 10, 0))
        event_factory(title="Draft", live=False)
        response, calendar = fetch(client, "/en/events/ical/")
        assert [str(e["SUMMARY"]) for e in calendar.events] == ["Sooner", "Later"]
        assert str(calendar["X-WR-CALNAME"]) == "Events"
        assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in response.content
        assert len({str(e["UID"]) for e in calendar.events}) == 2

    def test_feeds_per_region_and_with_any_index_filter(self, client, event_factory):
        event_factory(title="Welsh visit", region="wales", event_type="site_visit")
        event_factory(title="Scottish class", region="scotland", event_type="masterclass", **ONLINE)
        _r, wales = fetch(client, "/en/events/ical/?region=wales")
        _r, online = fetch(client, "/en/events/ical/?format=online")
        _r, classes = fetch(client, "/en/events/ical/?type=masterclass")
        assert [str(e["SUMMARY"]) for e in wales.events] == ["Welsh visit"]
        assert [str(e["SUMMARY"]) for e in online.events] == ["Scottish class"]
        assert [str(e["SUMMARY"]) for e in classes.events] == ["Scottish class"]

    def test_cancelled_events_stay_in_the_feed_so_subscribers_learn_of_it(self, client, event_factory):
        event_factory(title="Called off", status="cancelled")
        _r, calendar = fetch(client, "/en/events/ical/")
        assert str(calendar.events[0]["STATUS"]) == "CANCELLED"

    def test_an_empty_feed_is_still_a_valid_calendar(self, client, index):
        _r, calendar = fetch(client, "/en/events/ical/")
        assert calendar.events == []

    def test_an_empty_filtered_calendar_still_holds_a_component(self, client, event_factory):
        """RFC 5545 wants at least one component: with no matching events, the London VTIMEZONE is it."""
        event_factory(region="scotland")
        response, calendar = fetch(client, "/en/events/ical/?region=wales")
        assert calendar.events == []
        assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
        assert Calendar.from_ical(response.content).walk("VTIMEZONE")

    @pytest.mark.parametrize("query", ["region=nowhere", "type=%3Cscript%3E", "month=2026-13", "topic=%00"])
    def test_a_feed_with_a_bad_filter_is_not_found(self, client, index, query):
        assert client.get(f"/en/events/ical/?{query}").status_code == 404

    def test_rss_and_atom_feeds_of_upcoming_events(self, client, event_factory):
        import feedparser

        event_factory(title="Soon", start=london(2026, 3, 10, 10, 0))
        event_factory(title="Over", start=london(2026, 2, 1, 10, 0))
        for kind in ("rss", "atom"):
            feed = feedparser.parse(client.get(f"/en/events/feed/{kind}/").content)
            assert [entry.title for entry in feed.entries] == ["Soon"]
        assert client.get("/en/events/feed/").status_code == 301


class TestCaching:
    def test_public_calendar_files_may_be_cached_briefly(self, client, event_factory):
        event = event_factory()
        for url in (event.url + "ical/", "/en/events/ical/"):
            cache_control = client.get(url)["Cache-Control"]
            assert "public" in cache_control and "max-age=300" in cache_control

    def test_a_private_events_calendar_file_is_never_put_in_a_shared_cache(self, client, index, event_factory):
        from wagtail.models import PageViewRestriction

        from tests.factories import UserFactory

        event = event_factory()
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
        assert client.get(event.url + "ical/").status_code == 302  # to the login page
        client.force_login(UserFactory())
        response = client.get(event.url + "ical/")
        assert response.status_code == 200 and b"BEGIN:VCALENDAR" in response.content
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
