"""How an event reads: its London times, dates, place and status, as cards, pages and feeds say them.

A behaviour-only mixin for EventPage (no fields), kept apart so the model file holds the fields and rules.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .choices import EventFormat, EventStatus
from .timing import last_local_day, today_starts

# Ranges of dates and times are written with an en dash, as in print.
EN_DASH = "\N{EN DASH}"


class EventDisplayMixin:
    # --- Time -------------------------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def last_day(self):
        return last_local_day(self.start, self.end)

    @property
    def is_multi_day(self):
        return self.last_day > self.local_start.date()

    def is_past(self, now=None):
        return self.end <= today_starts(now)

    def is_ongoing(self, now=None):
        now = now or timezone.now()
        return self.start <= now and not self.is_past(now)

    def days(self):
        """Every London date the event covers."""
        day, last = self.local_start.date(), self.last_day
        while day <= last:
            yield day
            day += datetime.timedelta(days=1)

    @property
    def when(self):
        """The date and time as a reader says it, in London time."""
        start, end = self.local_start, self.local_end
        if self.all_day:
            if not self.is_multi_day:
                return _("%(date)s, all day") % {"date": date_format(start, "l j F Y")}
            return _("%(first)s to %(last)s") % {
                "first": date_format(start, "j F Y"),
                "last": date_format(self.last_day, "j F Y"),
            }
        if not self.is_multi_day:
            return _("%(date)s, %(start)s to %(end)s") % {
                "date": date_format(start, "l j F Y"),
                "start": date_format(start, "H:i"),
                "end": date_format(end, "H:i"),
            }
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "j F Y, H:i"),
            "end": date_format(end, "j F Y, H:i"),
        }

    @property
    def short_when(self):
        start = self.local_start
        if self.all_day or self.is_multi_day:
            if self.is_multi_day:
                return f"{date_format(start, 'D j M')} {EN_DASH} {date_format(self.last_day, 'D j M Y')}"
            return date_format(start, "D j M Y")
        return f"{date_format(start, 'D j M Y, H:i')}{EN_DASH}{date_format(self.local_end, 'H:i')}"

    # --- What readers see ------------------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_online(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self):
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def where(self):
        """'Online', 'Leeds Civic Hall, North East and Yorkshire', or both for hybrid events."""
        place = ", ".join(p for p in (self.venue_name, self.region.name if self.region_id else "") if p)
        if self.event_format == EventFormat.ONLINE:
            return _("Online") + (f" · {self.region.name}" if self.region_id else "")
        if self.event_format == EventFormat.HYBRID:
            return _("%(place)s and online") % {"place": place}
        return place

    @property
    def card_meta(self):
        meta = " · ".join(p for p in (self.short_when, self.where) if p)
        if self.status != EventStatus.SCHEDULED:
            return f"{self.get_status_display()}: {meta}"
        return meta

    @property
    def organiser_display(self):
        return self.organiser_profile.display_name if self.organiser_profile_id else self.organiser_name

    @property
    def booking_open(self):
        return bool(self.booking_url) and not self.registration_closed and self.status == EventStatus.SCHEDULED
