"""The search form, read from the query string. Every field is checked; bad values become messages."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from qsite.filters import KnownSlugField

MAX_QUERY_LENGTH = 200

# What readers can narrow results to. Keys are what the address carries (?type=event), stable across languages.
PAGE_TYPES = {
    "blog": ("blog.BlogPage", _("Blog posts")),
    "story": ("blog.MemberStoryPage", _("Member stories")),
    "event": ("events.EventPage", _("Events")),
    "insight": ("insights.InsightPage", _("Insights")),
    "page": ("home.StandardPage", _("Pages")),
}
MEMBER_TYPE = "member"

DATE_CHOICES = [
    ("", _("Any time")),
    ("month", _("Past month")),
    ("year", _("Past year")),
]
DATE_RANGES = {"month": timedelta(days=31), "year": timedelta(days=365)}


def type_choices(include_members):
    choices = [("", _("Everything"))] + [(key, label) for key, (_model, label) in PAGE_TYPES.items()]
    if include_members:
        choices.append((MEMBER_TYPE, _("Members")))
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters (you typed %(show_value)d)."),
        },
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    topic = KnownSlugField(Tag.objects.all(), _("There is no topic called “%(slug)s”."), label=_("Topic"))
    date = forms.ChoiceField(label=_("Published"), required=False, choices=DATE_CHOICES)

    def __init__(self, *args, include_members=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = type_choices(include_members)

    def published_since(self, now=None):
        span = DATE_RANGES.get(self.cleaned_data.get("date") or "")
        return (now or timezone.now()) - span if span else None
