"""Posts and events chosen for a group: shown on its page, in its Atom feed and in its iCal feed."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from .conftest import make_event, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(sections, group, other_group):
    blog, events = sections["blog"], sections["events"]
    return {
        "ours": [make_post(blog, title=f"Run chart lesson {n}", groups=[group]) for n in range(4)],
        "shared": make_post(blog, title="Shared by both groups", groups=[group, other_group]),
        "theirs": make_post(blog, title="Only about safety", groups=[other_group]),
        "draft": make_post(blog, title="Not yet published", groups=[group], live=False, revision=False),
        "event": make_event(events, title="SPC clinic", groups=[group]),
        "past": make_event(
            events, title="Last year's clinic", groups=[group], start=timezone.now() - datetime.timedelta(days=30)
        ),
        "their_event": make_event(events, title="Safety huddle", groups=[other_group]),
    }


def test_group_page_shows_its_latest_posts_and_upcoming_events_only(client, content, group):
    text = client.get(group.url).text
    assert "Shared by both groups" in text
    assert "Only about safety" not in text
    assert "Not yet published" not in text
    assert "SPC clinic" in text
    assert "Last year&#x27;s clinic" not in text and "Last year's clinic" not in text
    assert "Safety huddle" not in text
    # Three latest posts of five: the oldest two are left for the feed.
    assert text.count('class="card__link"') == 3 + 1


def test_atom_feed_is_valid_and_lists_only_the_groups_live_posts(client, content, group):
    response = client.get(group.url + "feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Measurement for improvement: posts | Q community"
    titles = {entry.title for entry in feed.entries}
    assert titles == {f"Run chart lesson {n}" for n in range(4)} | {"Shared by both groups"}
    assert all(entry.link.startswith("http://") for entry in feed.entries)


def test_rss_feed_is_valid(client, content, group):
    feed = feedparser.parse(client.get(group.url + "feed/rss/").content)
    assert not feed.bozo
    assert len(feed.entries) == 5


def test_ical_feed_parses_and_holds_only_the_groups_upcoming_events(client, content, group):
    response = client.get(group.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["SPC clinic"]
    assert str(calendar["X-WR-CALNAME"]) == "Measurement for improvement: events"
    assert calendar.walk("VTIMEZONE"), "times in London need their VTIMEZONE"
    assert "UID" in events[0] and "DTSTART" in events[0]


def test_empty_group_has_valid_empty_feeds(client, group):
    assert not feedparser.parse(client.get(group.url + "feed/atom/").content).bozo
    calendar = Calendar.from_ical(client.get(group.url + "ical/").content)
    assert calendar.walk("VEVENT") == []


def test_page_links_to_its_feeds(client, group):
    text = client.get(group.url).text
    assert f'href="{group.url}feed/atom/"' in text
    assert f'href="{group.url}ical/"' in text
    assert 'type="application/atom+xml"' in text


def test_unknown_subroute_is_a_404_not_a_500(client, group):
    assert client.get(group.url + "feed/nonsense/").status_code == 404
    assert client.get(group.url + "members/csv/extra/").status_code == 404


def test_group_index_lists_live_groups_and_survives_a_bad_page_number(client, sections, group, other_group):
    response = client.get(sections["groups"].url + "?page=abc")
    assert response.status_code == 200
    assert "Measurement for improvement" in response.text
    assert "Patient safety" in response.text
    assert "2 groups" in response.text


# --- Each group page lists its own language ---------------------------------------------------


def _translate(page, **fields):
    """A published Welsh translation, as editors make them: it keeps the groups the English page chose."""
    translation = page.specific.copy_for_translation(Locale.objects.get(language_code="cy"))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def bilingual(sections, group, home):
    blog, events = sections["blog"], sections["events"]
    for page in (home, blog, events, sections["groups"]):
        _translate(page)
    post = make_post(blog, title="Run charts in theatres", groups=[group])
    event = make_event(events, title="SPC clinic", groups=[group])
    welsh_post = _translate(post, title="Siartiau rhediad mewn theatrau")
    welsh_event = _translate(event, title="Clinig SPC")
    welsh_group = _translate(group, title="Mesur ar gyfer gwella")
    return {"group": group, "welsh_group": welsh_group, "welsh_post": welsh_post, "welsh_event": welsh_event}


def test_english_group_page_and_feeds_leave_out_welsh_translations(client, bilingual, group):
    # The translations still name the English group (copied with the page), yet are not English.
    assert group.pk in bilingual["welsh_post"].groups.values_list("pk", flat=True)
    text = client.get(group.url).text
    assert "Run charts in theatres" in text and "Siartiau rhediad" not in text
    assert "SPC clinic" in text and "Clinig SPC" not in text
    feed = feedparser.parse(client.get(group.url + "feed/atom/").content)
    assert [entry.title for entry in feed.entries] == ["Run charts in theatres"]
    calendar = Calendar.from_ical(client.get(group.url + "ical/").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["SPC clinic"]


def test_welsh_group_page_and_feeds_list_welsh_pages_only(client, bilingual):
    welsh_group = bilingual["welsh_group"]
    text = client.get(welsh_group.url).text
    assert "Siartiau rhediad mewn theatrau" in text and "Run charts in theatres" not in text
    assert "Clinig SPC" in text and "SPC clinic" not in text
    feed = feedparser.parse(client.get(welsh_group.url + "feed/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Siartiau rhediad mewn theatrau"]
    calendar = Calendar.from_ical(client.get(welsh_group.url + "ical/").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Clinig SPC"]
