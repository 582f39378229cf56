"""Demo events: past, ongoing and future ones relative to today, across regions, types and formats."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.choices import JoiningLinkVisibility
from events.models import EventIndexPage, EventPage
from events.timing import local_midnight
from qsite.models import Region

from .build import add_live_copy, ensure_child, paragraph, slug_for, stream
from .events_content import EVENTS, ONLINE_ACCESS, VENUES
from .images import get_or_create_image

# Extra copies (for --scale) are spread a week apart so listings stay realistic.
COPY_SHIFT_DAYS = 7


def _times(spec, day):
    if spec["time"] is None:
        start = local_midnight(day)
        end = local_midnight(day + datetime.timedelta(days=spec["days"])) - datetime.timedelta(seconds=1)
        return start, end, True
    hour, minute = (int(part) for part in spec["time"].split(":"))
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return start, start + datetime.timedelta(hours=spec["hours"]), False


def _event(spec, *, slug, title, day, index, regions, people, image):
    start, end, all_day = _times(spec, day)
    event = EventPage(
        title=title,
        slug=slug,
        locale=index.locale,
        event_type=spec["type"],
        event_format=spec["format"],
        status=spec.get("status", "scheduled"),
        status_note=spec.get("status_note", ""),
        start=start,
        end=end,
        all_day=all_day,
        intro=spec["intro"],
        capacity_note=spec["capacity"],
        registration_closed=spec.get("closed", False),
        booking_url=f"https://tickets.example.org/q/{slug}",
        listing_image=image,
        body=stream(paragraph(*spec["programme"])),
    )
    if spec.get("venue"):
        name, address, region, access = VENUES[spec["venue"]]
        event.venue_name, event.venue_address, event.region = name, address, regions.get(region)
        event.venue_accessibility = access + (ONLINE_ACCESS if spec["format"] == "hybrid" else "")
    else:
        event.region = regions.get(spec.get("region"))
        event.venue_accessibility = ONLINE_ACCESS
    if spec["format"] in ("online", "hybrid"):
        event.joining_link = f"https://meet.example.org/q/{slug}"
        # Welcome events are for members; the rest open their link to everyone shortly before the start.
        event.joining_link_visibility = (
            JoiningLinkVisibility.MEMBERS if spec["type"] == "welcome" else JoiningLinkVisibility.NEAR
        )
    if spec["organiser"] in people:
        event.organiser_profile = people[spec["organiser"]]
    else:
        event.organiser_name = spec["organiser"]
        event.organiser_url = spec.get("organiser_url", "")
    event.topics.add(*spec["topics"])
    return event


@transaction.atomic
def build_events(home, people, scale=1):
    """The events index with its events. `scale` repeats them a week apart, for load tests."""
    regions = {r.slug: r for r in Region.objects.filter(locale=home.locale)}
    index, _ = ensure_child(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro="Welcome events, masterclasses, site visits and gatherings, in every nation and online.",
    )
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    created = 0
    for copy in range(scale):
        for n, spec in enumerate(EVENTS):
            slug = slug_for(spec["title"]) if copy == 0 else f"{slug_for(spec['title'])}-{copy + 1}"
            if slug in existing:
                continue
            image = get_or_create_image(
                f"Event picture {n + 1}", seed=500 + n, description="Abstract shapes in calm colours, like a map."
            )
            event = _event(
                spec,
                slug=slug,
                title=spec["title"] if copy == 0 else f"{spec['title']} ({copy + 1})",
                day=today + datetime.timedelta(days=spec["day"] + copy * COPY_SHIFT_DAYS),
                index=index,
                regions=regions,
                people=people,
                image=image,
            )
            if copy == 0:
                index.add_child(instance=event)
                event.save_revision().publish()
            else:
                add_live_copy(index, event)
            created += 1
    return {"index": index, "events_created": created}
