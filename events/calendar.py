"""A month of events as weeks of days, for the calendar table (which works without JavaScript)."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .timing import FIRST_YEAR, LAST_YEAR


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


class MonthCalendar:
    """Weeks Monday to Sunday covering one month. Days outside the month are shown but left empty."""

    def __init__(self, year, month):
        if not (FIRST_YEAR <= year <= LAST_YEAR):
            raise ValueError(f"The calendar covers {FIRST_YEAR} to {LAST_YEAR}.")
        if not 1 <= month <= 12:
            raise ValueError("A month is a number from 1 to 12.")
        self.year, self.month = year, month
        self.first = datetime.date(year, month, 1)
        today = timezone.localdate()
        self.weeks = [
            [Day(date=d, in_month=d.month == month, is_today=d == today) for d in week]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
        ]
        self.count = 0

    def fill(self, events):
        """Put each event on every day of this month it covers (multi-day events on each of their days)."""
        by_date = {day.date: day for week in self.weeks for day in week if day.in_month}
        for event in events:
            self.count += 1
            for date in event.days():
                if date in by_date:
                    by_date[date].events.append(event)
        return self

    @property
    def weekdays(self):
        """Monday first: (full name, short name) pairs for the column headers."""
        monday = self.weeks[0][0].date
        return [monday + datetime.timedelta(days=n) for n in range(7)]

    @property
    def previous(self):
        if (self.year, self.month) == (FIRST_YEAR, 1):
            return None
        return datetime.date(self.year - (self.month == 1), (self.month - 2) % 12 + 1, 1)

    @property
    def next(self):
        if (self.year, self.month) == (LAST_YEAR, 12):
            return None
        return datetime.date(self.year + (self.month == 12), self.month % 12 + 1, 1)

    @property
    def busy_days(self):
        """The days of the month with events, for the list under the table."""
        return [day for week in self.weeks for day in week if day.in_month and day.events]
