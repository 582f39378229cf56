"""The rules events live by: upcoming and past around now, London time, filters, and what readers see."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser, Group
from wagtail.models import Locale, Page

from events.choices import EventFormat, EventStatus, JoiningLinkVisibility
from events.models import EventIndexPage, EventPage
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from tests.events.conftest import london
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def titles(queryset):
    return [event.title for event in queryset]


class TestUpcomingAndPast:
    def test_upcoming_is_soonest_first_and_past_is_most_recent_first(self, event_factory):
        with time_machine.travel(london(2026, 6, 10, 12, 0), tick=False):
            event_factory(title="Later", start=london(2026, 7, 1, 10, 0))
            event_factory(title="Sooner", start=london(2026, 6, 20, 10, 0))
            event_factory(title="Long ago", start=london(2026, 1, 5, 10, 0))
            event_factory(title="Last month", start=london(2026, 5, 5, 10, 0))
            assert titles(EventPage.objects.upcoming()) == ["Sooner", "Later"]
            assert titles(EventPage.objects.past()) == ["Last month", "Long ago"]

    def test_an_event_that_ended_this_morning_still_counts_as_upcoming_until_midnight(self, event_factory):
        event = event_factory(start=london(2026, 6, 10, 8, 0), end=london(2026, 6, 10, 9, 0))
        with time_machine.travel(london(2026, 6, 10, 23, 59), tick=False):
            assert list(EventPage.objects.upcoming()) == [event]
            assert list(EventPage.objects.past()) == []
        with time_machine.travel(london(2026, 6, 11, 0, 0), tick=False):
            assert list(EventPage.objects.upcoming()) == []
            assert list(EventPage.objects.past()) == [event]

    def test_an_ongoing_multi_day_event_is_upcoming_and_ongoing_never_past(self, event_factory):
        event = event_factory(start=london(2026, 6, 9, 9, 0), end=london(2026, 6, 12, 17, 0))
        with time_machine.travel(london(2026, 6, 10, 12, 0), tick=False):
            assert list(EventPage.objects.ongoing()) == [event]
            assert list(EventPage.objects.upcoming()) == [event]
            assert list(EventPage.objects.past()) == []
            assert event.is_ongoing() and not event.is_past()

    def test_an_event_ending_at_midnight_ended_the_day_before(self, event_factory):
        event = event_factory(start=london(2026, 6, 10, 20, 0), end=london(2026, 6, 11, 0, 0))
        assert event.last_day == datetime.date(2026, 6, 10)
        assert not event.is_multi_day
        with time_machine.travel(london(2026, 6, 11, 9, 0), tick=False):
            assert list(EventPage.objects.past()) == [event]

    @pytest.mark.parametrize("hour", [0, 6, 12, 18, 23])
    def test_every_event_is_in_exactly_one_list_at_any_moment(self, event_factory, hour):
        for day in range(8, 13):
            event_factory(start=london(2026, 6, day, 10, 0), end=london(2026, 6, day, 11, 0))
        event_factory(start=london(2026, 6, 9, 10, 0), end=london(2026, 6, 11, 11, 0))
        with time_machine.travel(london(2026, 6, 10, hour, 30), tick=False):
            upcoming = set(EventPage.objects.upcoming().values_list("pk", flat=True))
            past = set(EventPage.objects.past().values_list("pk", flat=True))
        assert upcoming.isdisjoint(past)
        assert upcoming | past == set(EventPage.objects.values_list("pk", flat=True))


class TestLondonTimeAroundTheClockChanges:
    """UK clocks go forward at 01:00 GMT on the last Sunday of March and back at 02:00 BST on the last Sunday
    of October. Days, months and displayed times must follow London, not UTC."""

    def test_times_are_stored_as_the_right_instants_either_side_of_the_change(self, event_factory):
        before = event_factory(start=london(2026, 3, 28, 10, 0))
        after = event_factory(start=london(2026, 3, 29, 10, 0))
        autumn = event_factory(start=london(2026, 10, 25, 10, 0))
        before.refresh_from_db(), after.refresh_from_db(), autumn.refresh_from_db()
        assert before.start == datetime.datetime(2026, 3, 28, 10, 0, tzinfo=UTC)  # GMT
        assert after.start == datetime.datetime(2026, 3, 29, 9, 0, tzinfo=UTC)  # BST
        assert autumn.start == datetime.datetime(2026, 10, 25, 10, 0, tzinfo=UTC)  # GMT again
        assert after.local_start.hour == 10 and autumn.local_start.hour == 10

    def test_an_event_spanning_the_spring_change_shows_both_times_in_london(self, event_factory):
        event = event_factory(start=london(2026, 3, 29, 0, 30), end=london(2026, 3, 29, 3, 30))
        event.refresh_from_db()  # as stored: UTC instants, so subtraction counts real hours
        # Only two real hours pass: 01:00 to 02:00 does not exist that night.
        assert event.end - event.start == datetime.timedelta(hours=2)
        assert event.when == "Sunday 29 March 2026, 00:30 to 03:30"

    def test_the_day_ends_at_london_midnight_in_summer_not_utc_midnight(self, event_factory):
        # 22:00 BST on Saturday 24 October is 21:00 UTC.
        event = event_factory(start=london(2026, 10, 24, 20, 0), end=london(2026, 10, 24, 22, 0))
        # 00:30 BST on Sunday 25 October is still 23:30 UTC on the 24th: a UTC-date rule would say "today".
        with time_machine.travel(datetime.datetime(2026, 10, 24, 23, 30, tzinfo=UTC), tick=False):
            assert list(EventPage.objects.past()) == [event]
            assert list(EventPage.objects.upcoming()) == []

    def test_the_autumn_change_day_is_25_hours_long_and_counts_as_one_day(self, event_factory):
        event = event_factory(start=london(2026, 10, 25, 0, 30), end=london(2026, 10, 25, 23, 30))
        event.refresh_from_db()
        assert event.end - event.start == datetime.timedelta(hours=24)
        assert not event.is_multi_day
        with time_machine.travel(london(2026, 10, 25, 23, 59), tick=False):
            assert list(EventPage.objects.upcoming()) == [event]
        with time_machine.travel(london(2026, 10, 26, 0, 0), tick=False):
            assert list(EventPage.objects.past()) == [event]

    def test_months_follow_london_time(self, event_factory):
        # 00:30 BST on 1 June is 23:30 UTC on 31 May; it belongs to June.
        event = event_factory(start=london(2026, 6, 1, 0, 30), end=london(2026, 6, 1, 0, 45))
        assert list(EventPage.objects.in_month(2026, 6)) == [event]
        assert list(EventPage.objects.in_month(2026, 5)) == []

    def test_an_all_day_event_on_the_change_day_covers_that_whole_london_day(self, event_factory):
        event = event_factory(start=london(2026, 3, 29, 15, 0), end=london(2026, 3, 29, 16, 0), all_day=True)
        event.refresh_from_db()
        assert event.start == datetime.datetime(2026, 3, 29, 0, 0, tzinfo=UTC)  # midnight GMT
        assert event.end == datetime.datetime(2026, 3, 29, 22, 59, 59, tzinfo=UTC)  # 23:59:59 BST
        assert list(event.days()) == [datetime.date(2026, 3, 29)]


class TestFilters:
    def test_in_month_includes_events_that_run_into_or_out_of_the_month(self, event_factory):
        across = event_factory(title="Across", start=london(2026, 5, 30, 9, 0), end=london(2026, 6, 2, 17, 0))
        inside = event_factory(title="Inside", start=london(2026, 6, 15, 9, 0))
        event_factory(title="July", start=london(2026, 7, 1, 9, 0))
        assert set(EventPage.objects.in_month(2026, 6)) == {across, inside}
        assert list(EventPage.objects.in_month(2026, 5)) == [across]

    def test_online_and_in_person_filters_include_hybrid_events_but_hybrid_is_only_hybrid(self, event_factory):
        link = {"joining_link": "https://meet.example.org/x"}
        room = event_factory(title="Room", event_format=EventFormat.IN_PERSON)
        call = event_factory(title="Call", event_format=EventFormat.ONLINE, venue_name="", venue_address="", **link)
        both = event_factory(title="Both", event_format=EventFormat.HYBRID, **link)
        assert set(EventPage.objects.in_format(EventFormat.ONLINE)) == {call, both}
        assert set(EventPage.objects.in_format(EventFormat.IN_PERSON)) == {room, both}
        assert set(EventPage.objects.in_format(EventFormat.HYBRID)) == {both}

    def test_type_region_and_topic_filters(self, event_factory):
        visit = event_factory(title="Visit", event_type="site_visit", region="wales", topics=["Patient safety"])
        event_factory(title="Class", event_type="masterclass", region="scotland", topics=["Primary care"])
        assert list(EventPage.objects.of_type("site_visit")) == [visit]
        assert list(EventPage.objects.in_region("wales")) == [visit]
        assert list(EventPage.objects.by_topic("patient-safety")) == [visit]


class TestWhatReadersSee:
    def test_when_reads_naturally_for_each_kind_of_event(self, event_factory):
        same_day = event_factory(start=london(2026, 7, 7, 10, 0), end=london(2026, 7, 7, 12, 30))
        two_days = event_factory(start=london(2026, 7, 7, 18, 0), end=london(2026, 7, 8, 13, 0))
        all_day = event_factory(start=london(2026, 7, 7, 9, 0), end=london(2026, 7, 7, 9, 0), all_day=True)
        festival = event_factory(start=london(2026, 7, 7, 9, 0), end=london(2026, 7, 9, 9, 0), all_day=True)
        assert same_day.when == "Tuesday 7 July 2026, 10:00 to 12:30"
        assert two_days.when == "7 July 2026, 18:00 to 8 July 2026, 13:00"
        assert all_day.when == "Tuesday 7 July 2026, all day"
        assert festival.when == "7 July 2026 to 9 July 2026"

    def test_card_meta_leads_with_the_status_of_a_cancelled_event(self, event_factory):
        event = event_factory(
            start=london(2026, 7, 7, 10, 0), status=EventStatus.CANCELLED, venue_name="Hall", region="wales"
        )
        assert event.card_meta == "Cancelled: Tue 7 Jul 2026, 10:00\N{EN DASH}12:00 · Hall, Wales"

    def test_where_names_online_and_hybrid_events(self, event_factory):
        link = {"joining_link": "https://meet.example.org/x"}
        online = event_factory(event_format="online", venue_name="", venue_address="", region="london", **link)
        hybrid = event_factory(event_format="hybrid", venue_name="Hall", region="wales", **link)
        assert online.where == "Online · London"
        assert hybrid.where == "Hall, Wales and online"


class TestJoiningLink:
    LINK = {
        "event_format": "online",
        "venue_name": "",
        "venue_address": "",
        "joining_link": "https://meet.example.org/q",
    }

    def test_near_the_event_everyone_sees_it_from_an_hour_before_until_the_end(self, event_factory):
        event = event_factory(start=london(2026, 7, 7, 10, 0), end=london(2026, 7, 7, 11, 0), **self.LINK)
        anonymous = AnonymousUser()
        assert not event.joining_link_visible(anonymous, london(2026, 7, 7, 8, 59))
        assert event.joining_link_visible(anonymous, london(2026, 7, 7, 9, 0))
        assert event.joining_link_visible(anonymous, london(2026, 7, 7, 10, 59))
        assert not event.joining_link_visible(anonymous, london(2026, 7, 7, 11, 1))

    def test_members_only_links_are_for_signed_in_members_at_any_time(self, event_factory):
        event = event_factory(
            start=london(2026, 7, 7, 10, 0), joining_link_visibility=JoiningLinkVisibility.MEMBERS, **self.LINK
        )
        early = london(2026, 7, 1, 9, 0)
        member = UserFactory()
        MemberProfile.objects.create(user=member, display_name="A member", slug="a-member")
        member.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        stranger = UserFactory()
        assert event.joining_link_visible(member, early)
        assert not event.joining_link_visible(stranger, early)
        assert not event.joining_link_visible(AnonymousUser(), london(2026, 7, 7, 10, 0))

    def test_a_profile_alone_is_not_membership_for_a_members_only_link(self, event_factory):
        """members.roles decides who is a member: an applicant has a profile before being approved."""
        event = event_factory(
            start=london(2026, 7, 7, 10, 0), joining_link_visibility=JoiningLinkVisibility.MEMBERS, **self.LINK
        )
        applicant = UserFactory()
        MemberProfile.objects.create(user=applicant, display_name="An applicant", slug="an-applicant")
        assert not event.joining_link_visible(applicant, london(2026, 7, 7, 10, 0))
        applicant.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        approved = type(applicant).objects.get(pk=applicant.pk)  # a fresh user: roles caches group names
        assert event.joining_link_visible(approved, london(2026, 7, 7, 10, 0))

    def test_a_cancelled_event_never_shows_its_link(self, event_factory):
        event = event_factory(start=london(2026, 7, 7, 10, 0), status=EventStatus.CANCELLED, **self.LINK)
        assert not event.joining_link_visible(AnonymousUser(), london(2026, 7, 7, 10, 0))


class TestCalendarIdentity:
    def test_the_uid_is_the_translation_key_and_survives_edits(self, event_factory):
        event = event_factory(publish=True)
        uid = event.ical_uid("q.example.org")
        assert uid == f"{event.translation_key}@q.example.org"
        event.title = "A new title"
        event.slug = "a-new-slug"
        event.save_revision().publish()
        event.refresh_from_db()
        assert event.ical_uid("q.example.org") == uid

    def test_a_translation_shares_the_uid(self, index, event_factory):
        event = event_factory(publish=True)
        welsh = Locale.objects.get(language_code="cy")
        home_cy = index.get_parent().copy_for_translation(welsh)
        index.copy_for_translation(welsh)
        translation = event.copy_for_translation(welsh)
        assert home_cy.locale == welsh
        assert translation.ical_uid("h") == event.ical_uid("h")

    def test_a_copied_event_is_a_new_calendar_event(self, index, event_factory):
        event = event_factory(publish=True)
        copy = event.copy(update_attrs={"slug": "copied", "title": "Copied"})
        assert copy.ical_uid("h") != event.ical_uid("h")
        assert copy.ical_sequence == 0  # its own first version

    def test_the_sequence_rises_on_every_publish_even_from_an_old_revision(self, event_factory):
        event = event_factory()
        first = event.save_revision()
        first.publish()
        assert EventPage.objects.get(pk=event.pk).ical_sequence == 0  # RFC 5545: the first version is 0
        fresh = EventPage.objects.get(pk=event.pk)
        fresh.title = "Second title"
        fresh.save_revision().publish()
        assert EventPage.objects.get(pk=event.pk).ical_sequence == 1
        # Rolling back to the first revision is still a change calendars must pick up.
        first.refresh_from_db()
        first.publish()
        assert EventPage.objects.get(pk=event.pk).ical_sequence == 2
        # Saving a draft is not a publish.
        EventPage.objects.get(pk=event.pk).save_revision()
        assert EventPage.objects.get(pk=event.pk).ical_sequence == 2


class TestTree:
    def test_events_go_only_under_an_events_index_which_goes_only_under_home(self, home, index):
        assert EventPage.can_create_at(index)
        assert not EventPage.can_create_at(home)
        assert not EventIndexPage.can_create_at(index)
        assert not EventIndexPage.can_create_at(home)  # one per home page already
        assert not EventIndexPage.can_create_at(Page.get_first_root_node())
        assert EventPage.allowed_subpage_models() == []
