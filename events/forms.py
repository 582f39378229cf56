"""The events list's filters, on the listing kit's form base.

The calendar and the feeds use the same form, so a subscription URL filters exactly as the page it
was copied from.
"""

import re

from django import forms
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from qsite.listings import ListingFilterForm, Option, filter_field, region_filter, topic_filter

from .choices import EventFormat, EventType
from .timing import FIRST_YEAR, LAST_YEAR

MONTH_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
# Hybrid events match "in person" and "online" too, and the menu says so.
FORMAT_OPTIONS = [
    (EventFormat.IN_PERSON, _("In person or hybrid")),
    (EventFormat.ONLINE, _("Online or hybrid")),
    (EventFormat.HYBRID, _("Hybrid only")),
]


def type_options(form):
    # Every type, used or not: a calendar subscription to masterclasses is useful before the first one.
    return [Option(value, label) for value, label in EventType.choices]


def format_options(form):
    return [Option(value, label) for value, label in FORMAT_OPTIONS]


def month_options(form):
    """The London months in which the listed events take place, in the list's order."""
    months = [
        row["month"]
        for row in form.children.annotate(month=TruncMonth("start", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("month")
        .distinct()
    ]
    months.sort(reverse=form.months_newest_first)
    return [Option(date_format(month, "Y-m"), date_format(month, "F Y")) for month in months]


class EventFilterForm(ListingFilterForm):
    heading = _("Filter events")
    submit_label = _("Show events")

    type = filter_field(
        forms.ChoiceField(
            choices=EventType.choices,
            required=False,
            error_messages={"invalid_choice": _("There is no event type called “%(value)s”.")},
        ),
        label=_("Type"),
        empty_label=_("All types"),
        options=type_options,
        method="of_type",
    )
    format = filter_field(
        forms.ChoiceField(
            choices=EventFormat.choices,
            required=False,
            error_messages={"invalid_choice": _("There is no event format called “%(value)s”.")},
        ),
        label=_("Format"),
        empty_label=_("Any format"),
        options=format_options,
        method="in_format",
    )
    region = region_filter()
    topic = topic_filter()
    month = filter_field(
        forms.CharField(required=False, max_length=7),
        label=_("Month"),
        empty_label=_("Any month"),
        options=month_options,
        in_feed=False,
    )

    def __init__(self, *args, with_month=True, months_newest_first=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.months_newest_first = months_newest_first
        if not with_month:
            # The calendar's month is in its address, so a month filter there would contradict it.
            del self.fields["month"]

    def clean_month(self):
        value = self.cleaned_data["month"]
        if not value:
            return None
        match = MONTH_PATTERN.match(value)
        if not match or not (1 <= int(match["month"]) <= 12) or not (FIRST_YEAR <= int(match["year"]) <= LAST_YEAR):
            raise forms.ValidationError(
                _("“%(value)s” is not a month; months look like 2026-11."), params={"value": value}
            )
        return int(match["year"]), int(match["month"])

    @cached_property
    def subscribe_regions(self):
        """A calendar for each nation and region, from the menu the form already fetched."""
        return self.flat_options("region")

    def filter_month(self, queryset, month):
        return queryset.in_month(*month)
