"""load_demo's events: enough of them, spread around today, covering every kind the site must show."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.choices import EventFormat, EventType
from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", "--allow-production", *args, stdout=out)
    return out.getvalue()


def test_builds_at_least_twenty_varied_events_around_today():
    output = load_demo()
    events = EventPage.objects.live()
    assert events.count() >= 20
    assert "Events created: 22" in output
    assert events.past().count() >= 5 and events.upcoming().count() >= 10
    assert events.ongoing().exists()  # something is on today
    assert set(events.values_list("event_type", flat=True)) == set(EventType.values)
    assert set(events.values_list("event_format", flat=True)) == set(EventFormat.values)
    assert events.values("region").distinct().count() >= 8
    assert events.filter(status="cancelled").exists() and events.filter(status="postponed").exists()
    assert any(event.is_multi_day for event in events)
    assert events.filter(all_day=True).exists()
    assert events.filter(organiser_profile__isnull=False).exists() and events.exclude(organiser_name="").exists()


def test_every_demo_event_passes_the_editors_validation_and_renders(client):
    load_demo()
    for event in EventPage.objects.live():
        event.full_clean()
    today = timezone.localdate()
    for url in ("/en/events/", "/en/events/past/", f"/en/events/calendar/{today.year}/{today.month}/"):
        assert client.get(url).status_code == 200
    event = EventPage.objects.live().first()
    assert client.get(event.url).status_code == 200
    assert client.get(event.url + "ical/").status_code == 200


def test_the_events_index_is_in_the_main_menu(client):
    load_demo()
    index = EventIndexPage.objects.get(locale__language_code="en")  # load_demo also makes a Welsh one
    assert index.show_in_menus
    assert f'class="site-nav__link" href="{index.url}"' in client.get("/en/").content.decode()


def test_scale_repeats_the_events_and_a_rerun_adds_nothing():
    load_demo()
    load_demo("--scale", "3")
    english = EventPage.objects.filter(locale__language_code="en")  # plus three Welsh translations
    assert english.count() == 66
    load_demo("--scale", "3")
    assert english.count() == 66
