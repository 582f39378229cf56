"""Editors get clear errors in the admin for events that make no sense, on the field that is wrong."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventPage
from members.models import MemberProfile
from tests.events.conftest import london

pytestmark = pytest.mark.django_db


def errors_for(event):
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


def valid_event(**fields):
    values = {
        "title": "A valid event",
        "slug": "a-valid-event",
        "intro": "Something worth coming to.",
        "start": london(2026, 7, 7, 10, 0),
        "end": london(2026, 7, 7, 12, 0),
        "venue_name": "Hall",
        "venue_address": "1 Street\nTown",
        "organiser_name": "A partner",
    }
    return EventPage(**{**values, **fields})


class TestModelRules:
    def test_a_valid_event_passes(self, index):
        event = valid_event()
        index.add_child(instance=event)  # add_child runs full_clean
        assert event.pk

    def test_end_before_start_is_an_error_on_the_end(self, index):
        errors = errors_for(valid_event(end=london(2026, 7, 7, 9, 0)))
        assert errors["end"] == ["The end must be after the start."]

    def test_end_equal_to_start_is_an_error_too(self, index):
        errors = errors_for(valid_event(end=london(2026, 7, 7, 10, 0)))
        assert "end" in errors

    def test_all_day_events_may_start_and_end_on_the_same_date(self, index):
        event = valid_event(all_day=True, end=london(2026, 7, 7, 10, 0))
        event.full_clean(exclude=["path", "depth", "locale", "translation_key"])
        assert event.local_start.hour == 0
        assert event.local_end.strftime("%H:%M:%S") == "23:59:59"

    def test_all_day_end_date_before_start_date_is_an_error(self, index):
        errors = errors_for(valid_event(all_day=True, end=london(2026, 7, 6, 23, 0)))
        assert errors["end"] == ["The end must be after the start."]

    @pytest.mark.parametrize("event_format", ["online", "hybrid"])
    def test_online_and_hybrid_events_need_a_joining_link(self, index, event_format):
        errors = errors_for(valid_event(event_format=event_format, joining_link=""))
        assert errors["joining_link"] == ["Online and hybrid events need a joining link."]

    @pytest.mark.parametrize("event_format", ["in_person", "hybrid"])
    def test_in_person_and_hybrid_events_need_a_venue_and_address(self, index, event_format):
        event = valid_event(
            event_format=event_format, venue_name=" ", venue_address="", joining_link="https://meet.example.org/a"
        )
        errors = errors_for(event)
        assert errors["venue_name"] == ["In-person and hybrid events need a venue name."]
        assert errors["venue_address"] == ["In-person and hybrid events need the venue's address."]

    def test_an_online_event_needs_no_venue(self, index):
        event = valid_event(
            event_format="online", venue_name="", venue_address="", joining_link="https://meet.example.org/a"
        )
        index.add_child(instance=event)
        assert event.pk

    def test_the_organiser_is_a_member_or_a_partner_not_both_and_not_neither(self, index):
        profile = MemberProfile.objects.create(display_name="Organiser", slug="organiser")
        both = errors_for(valid_event(organiser_profile=profile, organiser_name="Partner"))
        neither = errors_for(valid_event(organiser_name=""))
        assert both["organiser_name"] == ["Choose a member or a partner as the organiser, not both."]
        assert "organiser_profile" in neither

    @pytest.mark.parametrize("slug", ["past", "calendar", "ical", "feed"])
    def test_slugs_the_events_list_uses_for_its_own_pages_are_refused(self, index, slug):
        errors = errors_for(valid_event(slug=slug))
        assert "is used by the events index itself" in errors["slug"][0]


class TestAdminForm:
    """The same rules as an editor meets them: posting the Wagtail page editor."""

    @pytest.fixture
    def form_data(self, client, admin_user, index):
        client.force_login(admin_user)
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
        html = client.get(url).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        data.update(
            {
                "title": "Webinar on waiting lists",
                "slug": "webinar-on-waiting-lists",
                "intro": "An hour on what teams tried.",
                "start": "2026-07-07 10:00",
                "end": "2026-07-07 11:00",
                "event_format": "online",
                "joining_link": "https://meet.example.org/w",
                "organiser_name": "A partner",
                # The body StreamField is drawn by JavaScript, so its (empty) management field is not in the HTML.
                "body-count": "0",
            }
        )
        return url, data

    def test_a_good_event_is_saved_from_the_editor(self, client, form_data):
        url, data = form_data
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        event = EventPage.objects.get(slug="webinar-on-waiting-lists")
        assert event.start == london(2026, 7, 7, 10, 0)  # typed as UK time

    def test_the_editor_shows_each_error_beside_its_field(self, client, form_data):
        url, data = form_data
        data.update({"end": "2026-07-07 09:00", "joining_link": "", "event_format": "hybrid", "venue_name": ""})
        response = client.post(url, data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "The page could not be created due to validation errors" in html
        for message in (
            "The end must be after the start.",
            "Online and hybrid events need a joining link.",
            "In-person and hybrid events need a venue name.",
            "In-person and hybrid events need the venue&#x27;s address.",
        ):
            assert message in html
        assert not EventPage.objects.filter(slug="webinar-on-waiting-lists").exists()
