"""Time rules for events, in one place: what "today" means, and London dates and midnights.

Every event stores aware datetimes (UTC in the database) and is shown in the
site's time zone, Europe/London. "Upcoming" and "past" are decided against the
start of today in London, so an event that ends today still counts as upcoming
(it is "ongoing") until midnight, and an event is never in both lists.
"""

import datetime

from django.utils import timezone

# How long before the start a "near the event" joining link appears to everyone.
JOINING_LINK_OPENS = datetime.timedelta(hours=1)
# The years the month calendar and the month filter accept.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def local_midnight(day):
    """00:00 in London on `day`, as an aware datetime. Midnight always exists: UK clocks change at 01:00/02:00."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def today_starts(now=None):
    """The instant the current London day began: the line between upcoming and past."""
    return local_midnight(timezone.localdate(now or timezone.now()))


def month_bounds(year, month):
    """The first instant of a London month and the first instant of the next one."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return local_midnight(first), local_midnight(following)


def last_local_day(start, end):
    """The London date an event ends on. An event ending exactly at midnight ended the day before."""
    local_end = timezone.localtime(end)
    if local_end.time() == datetime.time.min and end > start:
        return local_end.date() - datetime.timedelta(days=1)
    return local_end.date()


def normalise_newlines(text):
    """Text areas arrive with \r\n from browsers; stored with \n alone, they split into lines everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text
