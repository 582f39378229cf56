"""The events list's filters, read from the query string.

Unknown or malformed values become errors shown to the reader (and an empty
list), never a server error. Feeds use the same form, so a subscription URL
filters exactly as the page it was copied from.
"""

import re
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from qsite.filters import KnownSlugField
from qsite.models import Region

from .models import EventFormat, EventType

MONTH_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class EventFilterForm(forms.Form):
    type = forms.ChoiceField(
        choices=EventType.choices,
        required=False,
        error_messages={"invalid_choice": _("There is no event type called “%(value)s”.")},
    )
    format = forms.ChoiceField(
        choices=EventFormat.choices,
        required=False,
        error_messages={"invalid_choice": _("There is no event format called “%(value)s”.")},
    )
    region = KnownSlugField(
        Region.objects.all(),
        _("There is no region called “%(slug)s”."),
        max_length=80,
        error_messages={"invalid": _("A region is written in lower-case letters, numbers and hyphens.")},
    )
    topic = KnownSlugField(
        Tag.objects.all(),
        _("There is no topic called “%(slug)s”."),
        max_length=100,
        error_messages={"invalid": _("A topic is written in lower-case letters, numbers and hyphens.")},
    )
    month = forms.CharField(required=False, max_length=7)

    def __init__(self, *args, with_month=True, **kwargs):
        super().__init__(*args, **kwargs)
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

    def filter(self, queryset):
        """The queryset narrowed by every filter; nothing at all if any filter is invalid."""
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["type"]:
            queryset = queryset.of_type(data["type"])
        if data["format"]:
            queryset = queryset.in_format(data["format"])
        if data["region"]:
            queryset = queryset.in_region(data["region"])
        if data["topic"]:
            queryset = queryset.by_topic(data["topic"])
        if data.get("month"):
            queryset = queryset.in_month(*data["month"])
        return queryset

    def feed_query(self):
        """'?region=wales' for subscription links: the valid filters, without the month (feeds run on)."""
        if not self.is_bound or not self.is_valid():
            return ""
        params = {key: value for key, value in self.cleaned_data.items() if value and key != "month"}
        return "?" + urlencode(params) if params else ""
