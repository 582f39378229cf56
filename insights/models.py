"""Insights: the outputs of Lab, insight, funded and evaluation projects, with their documents.

Three models do the work: `Project` (a translatable snippet naming where an output
comes from), `InsightPage` (one output: a report, case study, toolkit, video, ...)
and `InsightIndexPage`, which lists and filters outputs and gives each project a
page of its own at `projects/<slug>/`.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index

from qsite.blocks import BodyBlock, VideoBlock
from qsite.listings import PER_PAGE, FilteredIndexPage, ListedPageMixin, ListingQuerySet, image_prefetch
from qsite.models import SiteSettings
from qsite.pages import (
    SUMMARY_BOOST,
    AuthorsMixin,
    BaseAuthor,
    CommentableMixin,
    ListingFieldsMixin,
    ReadingTimeMixin,
    SocialFieldsMixin,
    TopicsMixin,
    image_field,
    page_search_fields,
    region_field,
)

from .choices import DocumentLanguage, OutputType, ProjectKind
from .documents import accessible_format_href, documents_for_display
from .seo import insight_structured_data

# --- Projects ---------------------------------------------------------------------------


class Project(TranslatableMixin, models.Model):
    """A programme or project that outputs come from. Translatable, like regions, for the Welsh site."""

    name = models.CharField(max_length=150, help_text=_("The project's name as readers know it."))
    slug = models.SlugField(
        max_length=80,
        help_text=_("Used in addresses: /en/insights/projects/<slug>/ and /en/insights/?project=<slug>."),
    )
    kind = models.CharField(
        max_length=20,
        choices=ProjectKind.choices,
        default=ProjectKind.INSIGHT,
        help_text=_("What sort of work this was. Shown beside the name."),
    )
    start_year = models.PositiveSmallIntegerField(help_text=_("The year the project began, e.g. 2022."))
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The year it finished. Leave empty while it is still running.")
    )
    summary = models.TextField(
        max_length=800,
        help_text=_("Two or three sentences on what the project set out to learn, shown on its page and on outputs."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Years")),
        FieldPanel("summary"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("project")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_project_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_year and not 1990 <= self.start_year <= 2100:
            raise ValidationError({"start_year": _("Enter a year between 1990 and 2100.")})
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("A project cannot finish before it starts.")})

    @property
    def years(self):
        """'2021 to 2023' with an en dash, '2024', or '2022 onwards'."""
        if self.end_year is None:
            return _("%(start)s onwards") % {"start": self.start_year}
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}\N{EN DASH}{self.end_year}"


# --- Insight pages ----------------------------------------------------------------------


class InsightPageTag(TaggedItemBase):
    content_object = ParentalKey("insights.InsightPage", on_delete=models.CASCADE, related_name="tagged_items")


class InsightPageAuthor(BaseAuthor):
    page = ParentalKey("insights.InsightPage", on_delete=models.CASCADE, related_name="authors")


class InsightDocument(Orderable):
    """A downloadable file attached to an insight, in the order readers see them."""

    page = ParentalKey("insights.InsightPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "The file. To make it members-only, put it in a collection with a privacy setting in Documents first."
        ),
    )
    label = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Link text, e.g. 'Full report' or 'Summary in Welsh'. Defaults to the document's title."),
    )
    language = models.CharField(
        max_length=8,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.ENGLISH,
        help_text=_("The language the document is written in; shown beside the link."),
    )

    panels = [FieldPanel("document"), FieldPanel("label"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")

    @property
    def link_text(self):
        return self.label or self.document.title


class RelatedInsight(Orderable):
    """An insight the editor points readers to next."""

    page = ParentalKey("insights.InsightPage", on_delete=models.CASCADE, related_name="related_links")
    insight = models.ForeignKey(
        "insights.InsightPage",
        on_delete=models.CASCADE,
        related_name="related_from",
        help_text=_("Another insight readers of this one should see."),
    )

    panels = [FieldPanel("insight")]

    class Meta(Orderable.Meta):
        verbose_name = _("related insight")


class InsightPageQuerySet(ListingQuerySet):
    def latest(self):
        """Newest first: the order of the index, project pages, feeds and the home page."""
        return self.order_by("-date", "-pk")

    def for_cards(self):
        """Everything a card shows, fetched in a fixed number of queries."""
        return self.select_related("project", "region").prefetch_related(
            image_prefetch("listing_image"),
            image_prefetch("hero_image"),
            Prefetch("authors", queryset=InsightPageAuthor.objects.select_related("profile__photo")),
            "topics",
        )

    def of_type(self, output_type):
        return self.filter(output_type=output_type)

    def from_project(self, slug):
        return self.filter(project__slug=slug)

    def in_year(self, year):
        return self.filter(date__year=year)


InsightPageManager = PageManager.from_queryset(InsightPageQuerySet)


class InsightPage(
    ListedPageMixin,
    ListingFieldsMixin,
    SocialFieldsMixin,
    ReadingTimeMixin,
    AuthorsMixin,
    TopicsMixin,
    CommentableMixin,
    Page,
):
    output_type = models.CharField(
        max_length=20,
        choices=OutputType.choices,
        default=OutputType.REPORT,
        help_text=_("What kind of output this is. Readers can filter the insights by it."),
    )
    project = models.ForeignKey(
        "insights.Project",
        null=True,
        on_delete=models.SET_NULL,
        related_name="insights",
        help_text=_("The project or programme this comes from. Its page lists all of its outputs."),
    )
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("When the output was published; insights are listed newest first by this date."),
    )
    contributing_organisations = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("Organisations that contributed, one per line. Credited after the authors."),
    )
    hero_image = image_field(_("A wide picture at the top. Optional. Its alt text is read out, so describe it there."))
    key_findings = StreamField(
        [("finding", blocks.TextBlock(max_length=400, label=_("Finding")))],
        blank=True,
        max_num=10,
        help_text=_("The main things this output found, most important first. One short sentence or two each."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("The write-up. Optional if the documents say it all."))
    video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        help_text=_("A YouTube or Vimeo video shown above the write-up, e.g. for video outputs. Optional."),
    )
    topics = ClusterTaggableManager(
        through=InsightPageTag,
        blank=True,
        help_text=_("Topics are shared with blog posts, stories and events, so one topic page lists them all."),
    )
    region = region_field(_("The nation or region the work took place in, if any."))

    parent_page_types = ["insights.InsightIndexPage"]
    subpage_types = []

    objects = InsightPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("output_type"), FieldPanel("project"), FieldPanel("date")], heading=_("Output")),
        InlinePanel("authors", label=_("Author"), heading=_("Authors, in the order to credit them")),
        FieldPanel("contributing_organisations"),
        FieldPanel("intro", heading=_("Summary")),
        FieldPanel("key_findings"),
        InlinePanel(
            "documents",
            label=_("Document"),
            heading=_("Downloadable documents"),
            help_text=_("Each link shows the file type, size and language automatically."),
        ),
        FieldPanel("hero_image"),
        FieldPanel("video"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("region")], heading=_("Topics and region")),
        InlinePanel("related_links", label=_("Related insight"), heading=_("Related insights"), max_num=6),
        MultiFieldPanel(ListingFieldsMixin.listing_panels, heading=_("Cards")),
    ]
    og_type = "article"  # OpenGraph type for link previews (qsite.seo)
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("key_findings", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("contributing_organisations"),
        index.FilterField("date"),
        index.FilterField("output_type"),
        index.RelatedFields("topics", [index.SearchField("name", boost=SUMMARY_BOOST)]),
        index.RelatedFields("project", [index.SearchField("name")]),
    )

    class Meta:
        verbose_name = _("insight")

    @property
    def organisation_list(self):
        return [line.strip() for line in self.contributing_organisations.splitlines() if line.strip()]

    @property
    def card_meta(self):
        parts = [self.get_output_type_display()]
        if self.project:
            parts.append(self.project.name)
        parts.append(date_format(self.date, "j F Y"))
        return " · ".join(str(p) for p in parts)

    @cached_property
    def credited_authors(self):
        """Author profiles in order, with photos, in one query (or none when a listing prefetched them)."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "authors" in cache:
            return self.author_profiles
        return [a.profile for a in self.authors.select_related("profile__photo").order_by("sort_order")]

    @cached_property
    def download_list(self):
        """The documents as readers see them: link text, file facts, language and any restriction."""
        return documents_for_display(self)

    @cached_property
    def index_page(self):
        return InsightIndexPage.objects.ancestor_of(self).first()

    def project_url(self):
        if not (self.project and self.index_page):
            return None
        return self.index_page.url + self.index_page.reverse_subpage("project", args=[self.project.slug])

    def related_insights(self, limit=3):
        """The editor's picks, in their order; otherwise the newest outputs of the same project."""
        siblings = InsightPage.objects.live().public().filter(locale_id=self.locale_id).exclude(pk=self.pk)
        # Read through the inline so a preview shows unsaved picks too.
        chosen_ids = [link.insight_id for link in self.related_links.all()]
        if chosen_ids:
            # The editor's order, done by the database so only `limit` cards are loaded.
            pick_order = Case(
                *[When(pk=pk, then=Value(i)) for i, pk in enumerate(chosen_ids)], output_field=IntegerField()
            )
            picks = siblings.filter(pk__in=chosen_ids).annotate(pick_order=pick_order).order_by("pick_order")
            return list(picks.for_cards()[:limit])
        if not self.project_id:
            return []
        return list(siblings.filter(project_id=self.project_id).latest().for_cards()[:limit])

    def structured_data(self):
        return insight_structured_data(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            profiles=self.credited_authors,
            downloads=self.download_list,
            related_insights=self.related_insights(),
            project_url=self.project_url(),
            accessible_format_url=accessible_format_href(
                SiteSettings.for_request(request).accessible_format_url, self.title
            ),
        )
        return context


# --- The index --------------------------------------------------------------------------


class InsightIndexPage(FilteredIndexPage):
    child_model = "insights.InsightPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = [child_model]
    filter_form_class = "insights.forms.InsightFilterForm"
    context_name = "insights"

    class Meta:
        verbose_name = _("insight index")

    def projects(self):
        """Projects in this language that have at least one live output here."""
        return Project.objects.filter(locale_id=self.locale_id, pk__in=self.children().values("project"))

    def get_sitemap_urls(self, request=None):
        """The index, then each project's page, so search engines find the project listings too."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [
            {"location": base + self.reverse_subpage("project", args=[project.slug])}
            for project in self.projects().only("slug")
        ]
        return urls

    def listing_labels(self, view=None):
        return {
            "empty": _("No insights match these filters."),
            "see_all": _("See all insights"),
            "follow": _("Follow new insights in a feed reader:"),
        }

    def results_heading(self, count, view=None):
        return ngettext("%(counter)s insight", "%(counter)s insights", count) % {"counter": count}

    @path("projects/", name="projects")
    def projects_route(self, request):
        counts = dict(self.children().order_by().values("project").annotate(n=Count("pk")).values_list("project", "n"))
        projects = [
            (project, counts.get(project.pk, 0)) for project in Project.objects.filter(locale_id=self.locale_id)
        ]
        return self.render(
            request,
            template="insights/project_list.html",
            context_overrides={
                "projects": [(p, n) for p, n in projects if n],
                "crumbs": [{"title": self.title, "url": self.url}, {"title": _("Projects"), "url": None}],
            },
        )

    @path("projects/<slug:slug>/", name="project")
    def project_route(self, request, slug):
        project = Project.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if project is None:
            raise Http404("No such project")
        insights = self.children().filter(project=project).latest().for_cards()
        page_obj = Paginator(insights, PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="insights/project_page.html",
            context_overrides={
                "project": project,
                "page_obj": page_obj,
                "insights": page_obj.object_list,
                "crumbs": [
                    {"title": self.title, "url": self.url},
                    {"title": _("Projects"), "url": self.url + self.reverse_subpage("projects")},
                    {"title": project.name, "url": None},
                ],
            },
        )
