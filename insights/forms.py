"""The index's filters, on the listing kit's form base: every filtered view has a shareable address."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from qsite.filters import KnownSlugField
from qsite.listings import ListingFilterForm, Option, filter_field, region_filter, topic_filter

from .choices import OutputType
from .models import Project


def type_options(form):
    used = set(form.index.children().order_by().values_list("output_type", flat=True).distinct())
    return [Option(value, label) for value, label in OutputType.choices if value in used]


def project_options(form):
    return [Option(project.slug, project.name) for project in form.index.projects().only("name", "slug")]


def year_options(form):
    years = form.index.children().order_by().dates("date", "year", order="DESC")
    return [Option(str(day.year), str(day.year)) for day in years]


class InsightFilterForm(ListingFilterForm):
    heading = _("Filter insights")
    submit_label = _("Show insights")

    type = filter_field(
        forms.ChoiceField(
            required=False,
            choices=[("", ""), *OutputType.choices],
            # The value is not repeated back: it may be anything a link or a bot put there.
            error_messages={"invalid_choice": _("Choose an output type from the list.")},
        ),
        label=_("Type of output"),
        empty_label=_("All types"),
        options=type_options,
        method="of_type",
    )
    project = filter_field(
        KnownSlugField(Project.objects.all(), _("There is no project called “%(slug)s”."), max_length=80),
        label=_("Project"),
        empty_label=_("All projects"),
        options=project_options,
        method="from_project",
    )
    topic = topic_filter()
    region = region_filter()
    year = filter_field(
        forms.IntegerField(required=False, min_value=1990, max_value=2100),
        label=_("Year published"),
        empty_label=_("Any year"),
        options=year_options,
        method="in_year",
    )

    @cached_property
    def project_list(self):
        """The projects beside the list, from the menu the form already fetched."""
        return self.flat_options("project")
