"""Fixtures for the events tests: an events index and a quick way to add valid events to it."""

import datetime
import itertools

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from qsite.models import Region

LONDON = timezone.get_default_timezone()
_numbers = itertools.count(1)


def london(*args):
    """An aware datetime in London time: london(2026, 3, 29, 10, 0)."""
    return datetime.datetime(*args, tzinfo=LONDON)


def make_event(index, *, publish=False, topics=(), region=None, **fields):
    """A live, valid in-person event under `index`; any field can be overridden.

    publish=True goes through a revision, as the admin does (needed for SEQUENCE and last_published_at).
    """
    n = next(_numbers)
    start = fields.pop("start", timezone.now() + datetime.timedelta(days=7))
    defaults = {
        "title": f"Event {n}",
        "slug": f"event-{n}",
        "intro": f"What happens at event {n}.",
        "start": start,
        "end": fields.pop("end", start + datetime.timedelta(hours=2)),
        "venue_name": "Aire Street Learning Centre",
        "venue_address": "14 Aire Street\nLeeds\nLS1 4PR",
        "organiser_name": "A partner organisation",
    }
    if isinstance(region, str):
        region = Region.objects.get(slug=region, locale=index.locale)
    event = EventPage(locale=index.locale, region=region, **{**defaults, **fields})
    if topics:
        event.topics.add(*topics)
    index.add_child(instance=event)
    if publish:
        event.save_revision().publish()
        event.refresh_from_db()
    return event


@pytest.fixture
def index(home):
    page = EventIndexPage(title="Events", slug="events", intro="Things to come to.", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def event_factory(index):
    def build(**fields):
        return make_event(index, **fields)

    return build
