"""What readers see on the events list, the past events, the month calendar and an event page."""

import json
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils.html import escape

from events.models import EventPage
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from tests.events.conftest import london, make_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = london(2026, 6, 10, 12, 0)
ONLINE = {"event_format": "online", "venue_name": "", "venue_address": "", "joining_link": "https://meet.example.org/s"}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def card_titles(html):
    return re.findall(r'class="card__link" href="[^"]*">([^<]*)</a>', html)


def h1(html):
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)


class TestIndex:
    def test_lists_upcoming_events_soonest_first_with_ongoing_and_todays(self, client, event_factory):
        event_factory(title="Next month", start=london(2026, 7, 1, 10, 0))
        event_factory(title="Ongoing", start=london(2026, 6, 9, 10, 0), end=london(2026, 6, 11, 16, 0))
        event_factory(title="This morning", start=london(2026, 6, 10, 8, 0), end=london(2026, 6, 10, 9, 0))
        event_factory(title="Yesterday", start=london(2026, 6, 9, 10, 0))
        html = client.get("/en/events/").content.decode()
        assert card_titles(html) == ["Ongoing", "This morning", "Next month"]
        assert "3 upcoming events" in html
        assert len(h1(html)) == 1

    def test_past_events_view_is_most_recent_first(self, client, event_factory):
        event_factory(title="Last year", start=london(2025, 6, 1, 10, 0))
        event_factory(title="Yesterday", start=london(2026, 6, 9, 10, 0))
        event_factory(title="Tomorrow", start=london(2026, 6, 11, 10, 0))
        response = client.get("/en/events/past/")
        html = response.content.decode()
        assert card_titles(html) == ["Yesterday", "Last year"]
        assert h1(html) == ["Past events"]
        assert 'aria-current="page">Past events</a>' in html

    def test_a_card_shows_date_time_and_where(self, client, event_factory):
        event_factory(title="Visit", start=london(2026, 6, 20, 10, 0), venue_name="Hall", region="wales")
        html = client.get("/en/events/").content.decode()
        assert "Sat 20 Jun 2026, 10:00\N{EN DASH}12:00 · Hall, Wales" in html

    def test_cancelled_events_stay_listed_and_say_so(self, client, event_factory):
        event_factory(title="Called off", status="cancelled", start=london(2026, 6, 20, 10, 0))
        html = client.get("/en/events/").content.decode()
        assert card_titles(html) == ["Called off"]
        assert "Cancelled: Sat 20 Jun" in html

    def test_drafts_and_other_languages_are_not_listed(self, client, index, event_factory):
        event_factory(title="Draft", live=False)
        event_factory(title="Live")
        assert card_titles(client.get("/en/events/").content.decode()) == ["Live"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("type=site_visit", ["Welsh visit"]),
            ("region=wales", ["Welsh visit"]),
            ("format=online", ["Webinar"]),
            ("format=in_person", ["Welsh visit"]),
            ("topic=primary-care", ["Webinar"]),
            ("month=2026-07", ["Webinar"]),
            ("type=webinar&region=wales", []),
        ],
    )
    def test_filters(self, client, event_factory, query, expected):
        event_factory(title="Welsh visit", event_type="site_visit", region="wales", start=london(2026, 6, 20, 10))
        event_factory(
            title="Webinar", event_type="webinar", topics=["Primary care"], start=london(2026, 7, 2, 10), **ONLINE
        )
        html = client.get(f"/en/events/?{query}").content.decode()
        assert card_titles(html) == expected
        if not expected:
            assert "No upcoming events match these filters." in html

    def test_filter_choices_are_offered_and_the_chosen_one_stays_selected(self, client, event_factory):
        event_factory(topics=["Primary care"], start=london(2026, 7, 2, 10))
        html = client.get("/en/events/?region=wales").content.decode()
        assert '<option value="wales" selected>Wales</option>' in html
        assert '<option value="primary-care">Primary care</option>' in html
        assert '<option value="2026-07">July 2026</option>' in html
        assert '<label for="filter-month">Month</label>' in html

    @pytest.mark.parametrize(
        "query",
        [
            "type=%3Cscript%3Ealert(1)%3C/script%3E",
            "region=%3Cscript%3E",
            "region=nowhere",
            "topic=no-such-topic",
            "format=telepathy",
            "month=2026-13",
            "month=abc",
            "month=1899-01",
            "month=" + "9" * 500,
            "region=%00",
            "topic=caf%C3%A9-%E2%98%95",
            "type=webinar&type=%00",
        ],
    )
    def test_bad_filter_values_are_explained_and_never_a_500(self, client, event_factory, query):
        event_factory(title="Anything")
        response = client.get(f"/en/events/?{query}")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Some filters could not be used" in html
        assert card_titles(html) == []
        assert "<script>alert(1)</script>" not in html

    @pytest.mark.parametrize("page", ["abc", "999999", "-1", "0", "%00", "1.5"])
    def test_bad_page_numbers_show_a_page_of_results_not_an_error(self, client, event_factory, page):
        for n in range(14):
            event_factory(title=f"E{n:02}", start=london(2026, 7, 1 + n, 10))
        response = client.get(f"/en/events/?page={page}")
        assert response.status_code == 200
        assert len(card_titles(response.content.decode())) in (12, 2)

    def test_paginates_twelve_to_a_page(self, client, event_factory):
        for n in range(14):
            event_factory(title=f"E{n:02}", start=london(2026, 7, 1 + n, 10))
        first = client.get("/en/events/").content.decode()
        second = client.get("/en/events/?page=2").content.decode()
        assert len(card_titles(first)) == 12
        assert card_titles(second) == ["E12", "E13"]
        assert "Page 1 of 2" in first

    def test_subscription_links_carry_the_filters(self, client, event_factory):
        html = client.get("/en/events/?region=wales&page=2").content.decode()
        assert 'href="/en/events/ical/?region=wales"' in html
        assert 'href="/en/events/ical/?region=scotland"' in html  # one per region
        assert 'href="/en/events/feed/rss/?region=wales"' in html


class TestCalendar:
    def test_is_a_real_table_with_caption_headers_and_events_on_their_days(self, client, event_factory):
        event_factory(title="Visit", start=london(2026, 6, 17, 14, 0))
        event_factory(title="Festival", start=london(2026, 6, 29, 9, 0), end=london(2026, 7, 1, 17, 0))
        response = client.get("/en/events/calendar/2026/6/")
        html = response.content.decode()
        assert response.status_code == 200
        assert re.search(r"<caption[^>]*>\s*June 2026:\s*2 events\s*</caption>", html)
        assert html.count('<th scope="col">') == 7
        assert '<abbr title="Monday">Mon</abbr>' in html
        # June 2026 starts on a Monday and has five weeks.
        assert html.count("<tr>") == 1 + 5
        assert html.count("Festival</a>") == 2 * 2  # 29 and 30 June, in the table and the day-by-day list
        assert "July" not in re.search(r"<table.*</table>", html, flags=re.S).group(0)  # 1 July is outside
        assert '<span class="calendar__time">14:00</span> Visit</a>' in html

    def test_links_to_the_previous_and_next_months(self, client, index):
        html = client.get("/en/events/calendar/2026/1/").content.decode()
        assert 'href="/en/events/calendar/2025/12/"' in html
        assert 'href="/en/events/calendar/2026/2/"' in html
        assert h1(html) == ["Events calendar: January 2026"]

    def test_the_plain_calendar_address_shows_this_month_with_today_marked(self, client, index):
        html = client.get("/en/events/calendar/").content.decode()
        assert "Events calendar: June 2026" in html
        assert 'aria-current="date"' in html

    def test_filters_apply_to_the_calendar_and_follow_the_month_links(self, client, event_factory):
        event_factory(title="Welsh", region="wales", start=london(2026, 6, 17, 14, 0))
        event_factory(title="Scottish", region="scotland", start=london(2026, 6, 18, 14, 0))
        html = client.get("/en/events/calendar/2026/6/?region=wales").content.decode()
        assert ">Welsh</a>" in html and ">Scottish</a>" not in html
        assert 'href="/en/events/calendar/2026/7/?region=wales"' in html

    @pytest.mark.parametrize(
        "path",
        ["2026/13/", "2026/0/", "1999/1/", "2101/1/", "abc/1/", "2026/abc/", "99999999999999999999/1/", "2026/%00/"],
    )
    def test_malformed_months_are_a_404_never_a_500(self, client, index, path):
        assert client.get(f"/en/events/calendar/{path}").status_code == 404

    def test_a_bad_filter_on_the_calendar_is_explained(self, client, index):
        response = client.get("/en/events/calendar/2026/6/?region=nowhere")
        assert response.status_code == 200
        assert "There is no region called “nowhere”." in response.content.decode()


class TestEventPage:
    def test_shows_the_facts_a_reader_needs(self, client, event_factory):
        profile = MemberProfile.objects.create(display_name="Morag Fraser", slug="morag", job_title="Analyst")
        event = event_factory(
            title="Run charts",
            start=london(2026, 6, 20, 10, 0),
            end=london(2026, 6, 20, 13, 0),
            organiser_profile=profile,
            organiser_name="",
            capacity_note="24 places",
            region="north-east-and-yorkshire",
            venue_accessibility="<p>Step-free entrance.</p>",
            booking_url="https://tickets.example.org/run-charts",
            topics=["Measurement"],
        )
        html = client.get(event.url).content.decode()
        assert h1(html) == ["Run charts"]
        assert '<time datetime="2026-06-20T10:00:00+01:00">Saturday 20 June 2026, 10:00 to 13:00</time>' in html
        assert "14 Aire Street<br>Leeds<br>LS1 4PR" in html
        assert 'href="/en/members/morag/">Morag Fraser</a>' in html
        assert "24 places" in html and "Step-free entrance." in html
        assert 'href="https://tickets.example.org/run-charts"' in html and "Book a place" in html
        assert f'href="{event.url}ical/" type="text/calendar"' in html

    def test_a_cancelled_event_says_so_prominently_and_offers_no_booking(self, client, event_factory):
        event = event_factory(
            status="cancelled", status_note="The venue flooded.", booking_url="https://tickets.example.org/x"
        )
        html = client.get(event.url).content.decode()
        assert '<p class="event-status__title">This event has been cancelled</p>' in html
        assert "The venue flooded." in html
        assert "Book a place" not in html

    def test_a_postponed_event_says_so(self, client, event_factory):
        html = client.get(event_factory(status="postponed").url).content.decode()
        assert "This event has been postponed" in html

    def test_closed_registration_replaces_the_booking_button(self, client, event_factory):
        event = event_factory(booking_url="https://tickets.example.org/x", registration_closed=True)
        html = client.get(event.url).content.decode()
        assert "Registration closed" in html and "Book a place" not in html

    def test_the_joining_link_appears_an_hour_before_for_near_events(self, client, event_factory):
        event = event_factory(start=london(2026, 6, 10, 12, 30), end=london(2026, 6, 10, 14, 0), **ONLINE)
        html = client.get(event.url).content.decode()
        assert 'href="https://meet.example.org/s"' in html
        later = event_factory(start=london(2026, 6, 10, 13, 30), end=london(2026, 6, 10, 14, 0), **ONLINE)
        html = client.get(later.url).content.decode()
        assert "https://meet.example.org/s" not in html
        assert "The joining link appears here an hour before the start." in html

    def test_members_only_links_need_a_signed_in_member_and_are_never_cached(self, client, event_factory):
        event = event_factory(joining_link_visibility="members", start=london(2026, 7, 1, 10, 0), **ONLINE)
        anonymous = client.get(event.url)
        assert "https://meet.example.org/s" not in anonymous.content.decode()
        assert "Sign in</a> to see it." in anonymous.content.decode()
        user = UserFactory()
        MemberProfile.objects.create(user=user, display_name="Member", slug="member")
        user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        client.force_login(user)
        member = client.get(event.url)
        assert 'href="https://meet.example.org/s"' in member.content.decode()
        assert "private" in member["Cache-Control"] and "no-store" in member["Cache-Control"]

    def test_the_page_cache_lifetime_ends_when_the_page_would_change(self, client, event_factory):
        # Starts in 3 minutes; the link opened already, so the next change is the start.
        event = event_factory(start=london(2026, 6, 10, 12, 3), end=london(2026, 6, 10, 14, 0), **ONLINE)
        assert client.get(event.url)["Cache-Control"] == "s-maxage=181"

    def test_a_finished_event_says_so_and_offers_no_calendar_or_booking(self, client, event_factory):
        event = event_factory(start=london(2026, 6, 1, 10, 0), booking_url="https://tickets.example.org/x")
        html = client.get(event.url).content.decode()
        assert "This event has finished." in html
        assert "Book a place" not in html and "Add to your calendar" not in html

    def test_json_ld_describes_the_event(self, client, event_factory):
        event = event_factory(
            title="Hybrid day",
            event_format="hybrid",
            joining_link="https://meet.example.org/secret",
            start=london(2026, 6, 20, 10, 0),
            end=london(2026, 6, 20, 16, 0),
            region="scotland",
            booking_url="https://tickets.example.org/h",
            status="postponed",
        )
        html = client.get(event.url).content.decode()
        raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
        data = json.loads(raw.group(1))
        assert data["@type"] == "Event"
        assert data["startDate"] == "2026-06-20T10:00:00+01:00"
        assert data["endDate"] == "2026-06-20T16:00:00+01:00"
        assert data["eventStatus"] == "https://schema.org/EventPostponed"
        assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
        place, virtual = data["location"]
        assert place["@type"] == "Place" and place["address"]["addressRegion"] == "Scotland"
        assert virtual == {"@type": "VirtualLocation", "url": event.full_url}
        assert data["organizer"] == {"@type": "Organization", "name": "A partner organisation"}
        assert data["offers"]["url"] == "https://tickets.example.org/h"
        assert "secret" not in raw.group(1)

    def test_json_ld_for_cancelled_online_events(self, client, event_factory):
        event = event_factory(status="cancelled", **ONLINE)
        data = event.structured_data()
        assert data["eventStatus"] == "https://schema.org/EventCancelled"
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert data["location"]["@type"] == "VirtualLocation"
        assert "offers" not in data

    def test_hostile_titles_are_escaped_everywhere(self, client, event_factory):
        nasty = "</script><script>alert(1)</script>"
        event = event_factory(title=nasty, start=london(2026, 6, 20, 10, 0))
        for url in (event.url, "/en/events/", "/en/events/calendar/2026/6/"):
            html = client.get(url).content.decode()
            assert "<script>alert(1)</script>" not in html, url
            assert escape(nasty) in html or "\\u003C/script\\u003E" in html

    def test_an_unpublished_event_is_not_found(self, client, event_factory):
        event = event_factory(live=False)
        assert client.get(event.url or "/en/events/" + event.slug + "/").status_code == 404

    def test_more_upcoming_events_are_suggested(self, client, index, event_factory):
        event = event_factory(title="This one", start=london(2026, 6, 20, 10, 0))
        event_factory(title="Another", start=london(2026, 6, 21, 10, 0))
        event_factory(title="Done", start=london(2026, 6, 1, 10, 0))
        html = client.get(event.url).content.decode()
        assert card_titles(html) == ["Another"]


def test_the_home_page_shows_upcoming_events(client, index):
    make_event(index, title="Soon", start=london(2026, 6, 12, 10, 0))
    make_event(index, title="Gone", start=london(2026, 6, 1, 10, 0))
    html = client.get("/en/").content.decode()
    assert "Upcoming events" in html
    assert card_titles(html) == ["Soon"]
    assert EventPage.objects.count() == 2


def test_events_appear_on_their_topic_page(client, event_factory):
    event_factory(title="Safety walk", topics=["Patient safety"], start=london(2026, 6, 20, 10, 0))
    html = client.get("/en/topics/patient-safety/").content.decode()
    assert card_titles(html) == ["Safety walk"]
    assert "Sat 20 Jun 2026" in html


def test_subscription_links_leave_out_filters_that_could_not_be_used(client, index):
    html = client.get("/en/events/?region=nowhere&page=2").content.decode()
    assert 'href="/en/events/ical/" type="text/calendar">All upcoming events (iCalendar)</a>' in html
    assert "ical/?region=nowhere" not in html
