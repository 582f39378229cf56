"""The filters of the blog and the member stories, on the listing kit's form base."""

from django import forms
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from qsite.listings import ListingFilterForm, author_filter, filter_field, region_filter, topic_filter


class BlogFilterForm(ListingFilterForm):
    heading = _("Filter posts")
    submit_label = _("Show posts")

    topic = topic_filter()
    author = author_filter()
    region = region_filter()
    # The archive (a list of months beside the posts) sets these; they ride along as hidden inputs.
    year = filter_field(
        forms.IntegerField(required=False, min_value=1990, max_value=2100),
        label=_("Year"),
        empty_label="",
        hidden=True,
        in_feed=False,
    )
    month = filter_field(
        forms.IntegerField(required=False, min_value=1, max_value=12),
        label=_("Month"),
        empty_label="",
        hidden=True,
        in_feed=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("month") and not cleaned.get("year"):
            self.add_error("month", _("Choose a year as well as a month."))
        return cleaned

    def filter_year(self, queryset, year):
        return queryset.in_month(year, self.cleaned_data.get("month"))

    def filter_month(self, queryset, month):
        return queryset  # applied with the year

    @cached_property
    def archive_months(self):
        """The months with posts, newest first, for the archive beside the list."""
        return [
            row["month"]
            for row in self.index.children()
            .annotate(month=TruncMonth("date"))
            .order_by()
            .values("month")
            .annotate(n=Count("pk"))
            .order_by("-month")
        ]


class StoryFilterForm(ListingFilterForm):
    heading = _("Filter stories")
    submit_label = _("Show stories")

    region = region_filter()
