"""The listing kit: one filtered index page, one filter-form base, one rule for bad filters.

Every content index (blog, member stories, events, insights) is a `FilteredIndexPage`: a list of its
live children in its own language, filtered by a `ListingFilterForm` read from the query string,
paginated, and offered as RSS and Atom feeds (and, for events, iCalendar) with the same filters.

The rule for filters that cannot be used (an unknown topic, a malformed year) is the same everywhere:
the HTML list answers 200 with the errors beside the filters and no results (and asks search engines
not to index it), while every machine-readable view answers 404 with a short plain-text reason, so a
broken subscription never looks like an empty one.

This module imports no app: child models and forms are named by string and resolved when used.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseNotFound
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search import index

from .feeds import feed_response
from .filters import KnownSlugField
from .models import Region
from .pages import SUMMARY_BOOST, SocialFieldsMixin, page_search_fields

PER_PAGE = 12


# --- Querysets -----------------------------------------------------------------------------


def image_prefetch(field):
    """Prefetch an image field of the cards with its renditions (so a page of cards costs two queries)."""
    return models.Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


class ListingQuerySet(PageQuerySet):
    """Filters every listed page type shares. Each app adds `for_cards()` and its own filters."""

    def by_topic(self, slug):
        return self.filter(topics__slug=slug)

    def by_author(self, slug):
        return self.filter(authors__profile__slug=slug)

    def in_region(self, slug):
        """Pages filed under the region or any region inside it: England includes London."""
        return self.filter(region__in=Region.objects.within(slug))


# --- The filter form ---------------------------------------------------------------------------


@dataclass
class Option:
    """One choice in a filter menu; with `options` it is a group (a nation and its regions)."""

    value: str
    label: str
    options: list = field(default_factory=list)


def filter_field(form_field, *, label, empty_label, options=None, method=None, in_feed=True, hidden=False):
    """`form_field` marked up for the filter panel.

    options: a function of the form giving the menu's choices (what is live under the index);
    method: the queryset method that applies the filter (or define `filter_<name>` on the form);
    in_feed: whether a subscription link carries it (a month does not: feeds run on);
    hidden: carried along as a hidden input rather than offered as a menu (the blog's archive).
    """
    form_field.label = label
    form_field.empty_label = empty_label
    form_field.options = options
    form_field.filter_method = method
    form_field.in_feed = in_feed
    form_field.hidden = hidden
    return form_field


def topic_options(form):
    through = form.index.get_child_model().topics.through
    used = through.objects.filter(content_object__in=form.index.children()).values("tag_id")
    return [Option(tag.slug, tag.name) for tag in Tag.objects.filter(pk__in=used).order_by("name")]


def author_options(form):
    profiles = apps.get_model("members", "MemberProfile").objects
    credited = form.index.children().values("authors__profile")
    return [
        Option(p.slug, p.display_name)
        for p in profiles.filter(pk__in=credited).only("display_name", "slug").order_by("display_name")
    ]


def region_options(form):
    """Every region in the index's language, the English regions grouped under England."""
    regions = list(Region.objects.filter(locale_id=form.index.locale_id).only("name", "slug", "parent_id"))
    inside = {}
    for region in regions:
        if region.parent_id:
            inside.setdefault(region.parent_id, []).append(Option(region.slug, region.name))
    options = []
    for region in regions:
        if region.parent_id:
            continue
        if region.pk in inside:
            everything = Option(region.slug, _("All of %(nation)s") % {"nation": region.name})
            options.append(Option(region.slug, region.name, [everything, *inside[region.pk]]))
        else:
            options.append(Option(region.slug, region.name))
    return options


def topic_filter():
    return filter_field(
        KnownSlugField(
            Tag.objects.all(),
            _("There is no topic called “%(slug)s”."),
            max_length=100,
            error_messages={"invalid": _("A topic is written in lower-case letters, numbers and hyphens.")},
        ),
        label=_("Topic"),
        empty_label=_("All topics"),
        options=topic_options,
        method="by_topic",
    )


def author_filter():
    return filter_field(
        KnownSlugField(
            lambda: apps.get_model("members", "MemberProfile").objects.all(),
            _("There is no author called “%(slug)s”."),
            max_length=100,
            error_messages={"invalid": _("An author is written in lower-case letters, numbers and hyphens.")},
        ),
        label=_("Author"),
        empty_label=_("All authors"),
        options=author_options,
        method="by_author",
    )


def region_filter():
    return filter_field(
        KnownSlugField(
            Region.objects.all(),
            _("There is no region called “%(slug)s”."),
            max_length=80,
            error_messages={"invalid": _("A region is written in lower-case letters, numbers and hyphens.")},
        ),
        label=_("Region"),
        empty_label=_("All regions"),
        options=region_options,
        method="in_region",
    )


class ListingFilterForm(forms.Form):
    """A listing's filters: the menus it offers (from what is live) and the rules for what it accepts.

    Any value naming something that exists is accepted, even if nothing here uses it yet (a calendar
    subscription to a quiet topic keeps working); unknown or malformed values are errors that name
    the problem. Subclasses declare their fields with `filter_field()` or the factories above.
    """

    heading = _("Filters")
    submit_label = _("Show results")

    def __init__(self, data=None, *, index, children=None, **kwargs):
        super().__init__(data, **kwargs)
        self.index = index
        # What the list shows before filtering (events: upcoming or past), for menus that depend on it.
        self.children = index.children() if children is None else children

    def filter(self, queryset):
        """The queryset narrowed by every filter; nothing at all if any filter is invalid."""
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            return queryset.none()
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            custom = getattr(self, f"filter_{name}", None)
            if custom is not None:
                queryset = custom(queryset, value)
            elif self.fields[name].filter_method:
                queryset = getattr(queryset, self.fields[name].filter_method)(value)
        return queryset

    def active_filters(self):
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    def feed_query(self):
        """'?region=wales' for subscription links: the valid filters, without page or month."""
        params = {name: value for name, value in self.active_filters().items() if self.fields[name].in_feed}
        return "?" + urlencode(params) if params else ""

    @property
    def is_invalid(self):
        return self.is_bound and not self.is_valid()

    def error_text(self):
        """The errors as one line of plain text, for the 404 of a feed or calendar."""
        messages = [str(message) for errors in self.errors.values() for message in errors]
        return " ".join(messages)

    @cached_property
    def panel(self):
        """What the filter panel shows, field by field (read by includes/listing_filters.html)."""
        active = self.active_filters()
        fields = []
        for name, form_field in self.fields.items():
            value = self.data.get(name) if self.is_bound else None
            fields.append(
                {
                    "name": name,
                    "id": f"filter-{name}",
                    "label": form_field.label,
                    "empty_label": form_field.empty_label,
                    "hidden": form_field.hidden,
                    # Hidden inputs repeat only values that passed validation, never what was typed.
                    "hidden_value": active.get(name),
                    "options": [] if form_field.hidden else form_field.options(self),
                    "value": value if isinstance(value, str) else None,
                }
            )
        return fields

    def flat_options(self, name):
        """A menu's options without their grouping, each group's own option first (e.g. England, London, ...)."""
        options = []
        for entry in next((f["options"] for f in self.panel if f["name"] == name), []):
            options.append(Option(entry.value, entry.label))
            options += entry.options[1:]
        return options


# --- The index page ------------------------------------------------------------------------------


def not_found(reason):
    """The answer of a feed or calendar whose filters cannot be used: a 404 saying why, in plain text."""
    return HttpResponseNotFound(reason, content_type="text/plain; charset=utf-8")


class FilteredIndexPage(RoutablePageMixin, SocialFieldsMixin, Page):
    """An index listing its live children: filters, pages of 12, and feeds with the same filters.

    Subclasses set `child_model` ("blog.BlogPage"), `filter_form_class` ("blog.forms.BlogFilterForm",
    imported when first used, so models never import forms), `ordering` (a queryset method such as
    "latest"), `context_name` (what the template calls the page of results) and `listing_labels()`.
    """

    intro = models.TextField(max_length=500, blank=True, help_text=_("Shown under the title."))

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(index.SearchField("intro", boost=SUMMARY_BOOST))

    child_model = None
    filter_form_class = None
    ordering = "latest"
    context_name = "items"
    per_page = PER_PAGE

    class Meta:
        abstract = True

    @classmethod
    def get_child_model(cls):
        return apps.get_model(cls.child_model)

    @classmethod
    def reserved_slugs(cls):
        """The first part of every route of the index: a child with one of these slugs could never be reached."""
        return {str(route.pattern).split("/")[0] for route in cls.get_subpage_urls()} - {""}

    @cached_property
    def _live_children(self):
        # public() reads the privacy settings when it is called: once per request is enough.
        return self.get_child_model().objects.live().public().child_of(self)

    def children(self):
        """Live, public children of this index; being children, they are in its language."""
        return self._live_children.all()

    def filter_form(self, request, **kwargs):
        form_class = import_string(self.filter_form_class)
        return form_class(request.GET or None, index=self, **kwargs)

    def listed(self, form, children=None):
        """The filtered list, in order. `children` is the ordered base (events: upcoming or past)."""
        if children is None:
            children = getattr(self.children(), self.ordering)()
        return form.filter(children)

    def feed_items(self, form):
        return self.listed(form)

    def listing_labels(self, view=None):
        """What the list says (see includes/listing_results.html): `empty` (nothing matches), `see_all`
        (the link back), `follow` (before the feed links; none: no links), `pagination` (its label)."""
        return {}

    def results_heading(self, count, view=None):
        return ngettext("%(counter)s item", "%(counter)s items", count) % {"counter": count}

    def listing_response(self, request, *, children=None, view=None, template=None, form_kwargs=None, **context):
        form = self.filter_form(request, children=children, **(form_kwargs or {}))
        items = self.listed(form, children)
        page_obj = Paginator(items.for_cards(), self.per_page).get_page(request.GET.get("page"))
        return self.render(
            request,
            template=template,
            context_overrides={
                "form": form,
                "page_obj": page_obj,
                "items": page_obj.object_list,
                self.context_name: page_obj.object_list,
                "active_filters": form.active_filters(),
                "feed_query": form.feed_query(),
                "view": view,
                "labels": self.listing_labels(view),
                "results_heading": self.results_heading(page_obj.paginator.count, view),
                **context,
            },
        )

    def subscription_response(self, request, build):
        """The one rule for machine-readable views: bad filters are a 404 with the reason, never an empty file."""
        form = self.filter_form(request)
        if form.is_invalid:
            return not_found(_("These filters cannot be used: %(errors)s") % {"errors": form.error_text()})
        return build(self.feed_items(form))

    @path("", name="index")
    def index_route(self, request):
        return self.listing_response(request)

    @path("feed/", name="feed")
    def feed_route(self, request):
        url = self.url + self.reverse_subpage("rss")
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url, permanent=True)

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return self.subscription_response(request, lambda items: feed_response(request, self, items.for_cards(), "rss"))

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        return self.subscription_response(
            request, lambda items: feed_response(request, self, items.for_cards(), "atom")
        )


class CalendarIndexMixin:
    """`ical/` on an index of events: a subscribable calendar with the list's filters.

    The index supplies `calendar_response(request, items)`; bad filters are a 404, as for feeds.
    """

    @path("ical/", name="ical")
    def ical_route(self, request):
        return self.subscription_response(request, lambda items: self.calendar_response(request, items))


class ListedPageMixin:
    """For the children of a FilteredIndexPage: a slug the index uses for a route of its own is refused."""

    def clean(self):
        super().clean()
        for parent in self.allowed_parent_page_models():
            if issubclass(parent, FilteredIndexPage) and self.slug in parent.reserved_slugs():
                raise ValidationError(
                    {
                        "slug": _("“%(slug)s” is used by the %(index)s itself; choose another slug.")
                        % {"slug": self.slug, "index": parent._meta.verbose_name}
                    }
                )
