"""The editing rules of an event, checked when an editor saves one (EventPage.clean)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EventFormat
from .timing import local_midnight, normalise_newlines


def tidy(event):
    """What saving corrects without asking: line endings, and an all-day event's times."""
    # Browsers post text areas with \r\n; stored with \n alone, the address splits into lines everywhere.
    event.venue_address = normalise_newlines(event.venue_address)
    if event.all_day and event.start and event.end:
        # Whole London days: from midnight on the first to the last second of the last.
        first, last = timezone.localdate(event.start), timezone.localdate(event.end)
        event.start = local_midnight(first)
        event.end = local_midnight(last) + datetime.timedelta(days=1, seconds=-1)


def errors_in(event):
    """Each broken rule, keyed by the field the editor should change."""
    errors = {}
    if event.start and event.end and event.end <= event.start:
        errors["end"] = _("The end must be after the start.")
    if event.event_format in (EventFormat.ONLINE, EventFormat.HYBRID) and not event.joining_link:
        errors["joining_link"] = _("Online and hybrid events need a joining link.")
    if event.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID):
        if not event.venue_name.strip():
            errors["venue_name"] = _("In-person and hybrid events need a venue name.")
        if not event.venue_address.strip():
            errors["venue_address"] = _("In-person and hybrid events need the venue's address.")
    if event.organiser_profile_id and event.organiser_name.strip():
        errors["organiser_name"] = _("Choose a member or a partner as the organiser, not both.")
    elif not event.organiser_profile_id and not event.organiser_name.strip():
        errors["organiser_profile"] = _("Choose the member who organises the event, or give a partner's name.")
    if event.organiser_url and not event.organiser_name.strip():
        errors["organiser_url"] = _("A website is for a partner organiser; give the partner's name too.")
    return errors
