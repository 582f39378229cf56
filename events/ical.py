"""iCalendar (.ics) files for one event or a subscribable list of events, built with `icalendar`.

Times go out in Europe/London with a VTIMEZONE covering the years the events
span, so calendar apps show them right on either side of the clock change.
All-day events are whole dates (DTEND is the day after the last, as RFC 5545
says). The joining link never goes in: a calendar file is easily forwarded, and
a members-only link must stay on the site.
"""

import datetime
import re
from html import unescape

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone
from wagtail.models import Site

from .choices import EventStatus

PRODID = "-//Q community//qsite events//EN"
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
# Subscribing apps poll; twice a day is plenty for event listings.
REFRESH = datetime.timedelta(hours=12)


def _host(request):
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def _plain_text(html):
    """Rich text as plain lines: each paragraph or list item on a line of its own."""
    text = unescape(strip_tags(re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", html)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _description(event, url):
    parts = [event.intro]
    if event.status_note and event.status != EventStatus.SCHEDULED:
        parts.insert(0, f"{event.get_status_display()}: {event.status_note}")
    if event.is_online:
        parts.append("Online: the joining link is on the event page.")
    if event.venue_accessibility:
        parts.append("Accessibility:\n" + _plain_text(event.venue_accessibility))
    parts.append(url)
    return "\n\n".join(p for p in parts if p)


def _location(event):
    if event.is_in_person:
        address = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
        place = ", ".join(p for p in (event.venue_name, address) if p)
        return f"{place} (and online)" if event.is_online else place
    return "Online"


def build_event(event, *, request, host, stamp):
    url = event.get_full_url(request)
    component = Event()
    component.add("uid", event.ical_uid(host))
    component.add("sequence", event.ical_sequence)
    component.add("dtstamp", stamp)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("summary", event.title)
    if event.all_day:
        component.add("dtstart", event.local_start.date())
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    component.add("status", STATUS[event.status])
    component.add("location", _location(event))
    component.add("url", url)
    component.add("description", _description(event, url))
    if event.topic_list:
        component.add("categories", [tag.name for tag in event.topic_list])
    return component


def build_calendar(events, *, request, title=None):
    """An icalendar.Calendar holding `events` (EventPages), with the London VTIMEZONE they need."""
    host = _host(request)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if title:
        calendar.add("x-wr-calname", title)
        calendar.add("name", title)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    events = list(events)
    years = [timezone.localdate().year]
    for event in events:
        years += [event.local_start.year, event.local_end.year]
    # Always the London VTIMEZONE, even with no events: RFC 5545 wants at least one component, so an
    # empty filtered calendar is still a valid file. Only the transitions these years need, not fifty.
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 1, 12, 31),
        )
    )
    for event in events:
        calendar.add_component(build_event(event, request=request, host=host, stamp=stamp))
    return calendar


def calendar_response(request, events, *, filename, title=None, private=False):
    events = list(events.prefetch_related("topics") if hasattr(events, "prefetch_related") else events)
    body = build_calendar(events, request=request, title=title).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # inline: a subscribing calendar app reads it; a browser offers to open it in the calendar.
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    # Calendar apps poll; five minutes in a shared cache is harmless, unless the page is private.
    patch_cache_control(response, max_age=300, **({"private": True} if private else {"public": True}))
    return response
