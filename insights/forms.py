"""The index's filters, read from the query string so every filtered view has a shareable address."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from qsite.filters import KnownSlugField
from qsite.models import Region

from .models import OutputType, Project


class InsightFilterForm(forms.Form):
    """Unknown or malformed values become errors shown to the reader, and an empty list; never a 500."""

    type = forms.ChoiceField(
        required=False,
        choices=[("", ""), *OutputType.choices],
        # The value is not repeated back: it may be anything a link or a bot put there.
        error_messages={"invalid_choice": _("Choose an output type from the list.")},
    )
    project = KnownSlugField(Project.objects.all(), _("There is no project called “%(slug)s”."), max_length=80)
    topic = KnownSlugField(Tag.objects.all(), _("There is no topic called “%(slug)s”."), max_length=100)
    region = KnownSlugField(Region.objects.all(), _("There is no region called “%(slug)s”."), max_length=80)
    year = forms.IntegerField(required=False, min_value=1990, max_value=2100)

    def filter(self, queryset):
        """The queryset narrowed by every filter; nothing at all if any filter is invalid."""
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["type"]:
            queryset = queryset.of_type(data["type"])
        if data["project"]:
            queryset = queryset.from_project(data["project"])
        if data["topic"]:
            queryset = queryset.by_topic(data["topic"])
        if data["region"]:
            queryset = queryset.in_region(data["region"])
        if data["year"]:
            queryset = queryset.in_year(data["year"])
        return queryset

    def active_filters(self):
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}
