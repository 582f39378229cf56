"""The home page and plain content pages (About, Comments policy, ...)."""

from typing import NamedTuple

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from qsite.blocks import BodyBlock
from qsite.pages import SUMMARY_BOOST, SocialFieldsMixin, image_field, page_search_fields


class HomeSection(NamedTuple):
    """A row of cards on the home page, filled from another app's page type.

    The content apps are named by string so home never imports them (see
    ARCHITECTURE.md). Each page type's queryset offers the named method
    (`latest`, `upcoming`) and `for_cards()`, which prefetches what a card shows.
    Until an app defines its page type the section simply does not appear.
    """

    key: str
    heading: str
    more_label: str
    page_type: str
    index_type: str
    queryset_method: str


HOME_SECTIONS = (
    HomeSection(
        "posts", _("Latest from the blog"), _("See all blog posts"), "blog.BlogPage", "blog.BlogIndexPage", "latest"
    ),
    HomeSection(
        "events", _("Upcoming events"), _("See all events"), "events.EventPage", "events.EventIndexPage", "upcoming"
    ),
    HomeSection(
        "insights",
        _("Latest insights"),
        _("See all insights"),
        "insights.InsightPage",
        "insights.InsightIndexPage",
        "latest",
    ),
)


def _model_or_none(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


class HomePage(SocialFieldsMixin, Page):
    hero_heading = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The big heading at the top. Leave blank to use the page title."),
    )
    intro = models.TextField(
        max_length=400,
        help_text=_("One or two sentences under the heading saying what the community is."),
    )
    hero_image = image_field(_("Decorative picture beside the heading; its alt text is not read out."))
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The main button under the introduction, e.g. the About page."),
    )
    hero_link_label = models.CharField(max_length=40, blank=True, help_text=_("Text of that button."))
    cards_per_section = models.PositiveSmallIntegerField(
        default=3,
        help_text=_("How many posts, events and insights to show in each row."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("Shown below the latest content."))

    parent_page_types = ["wagtailcore.Page"]
    # Each content issue adds its index page type here.
    subpage_types = [
        "home.StandardPage",
        "blog.BlogIndexPage",
        "blog.MemberStoryIndexPage",
        "events.EventIndexPage",
        "insights.InsightIndexPage",
        "updates.GetUpdatesPage",
    ]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("cards_per_section"),
        FieldPanel("body"),
    ]
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(index.SearchField("intro", boost=SUMMARY_BOOST))

    class Meta:
        verbose_name = _("home page")

    def sections(self):
        """The rows of cards to show, leaving out any with nothing in them."""
        rows = []
        for section in HOME_SECTIONS:
            model = _model_or_none(section.page_type)
            if model is None:
                continue
            queryset = model.objects.live().public().filter(locale_id=self.locale_id)
            queryset = getattr(queryset, section.queryset_method)()
            if hasattr(queryset, "for_cards"):
                queryset = queryset.for_cards()
            items = list(queryset[: self.cards_per_section])
            if not items:
                continue
            index_model = _model_or_none(section.index_type)
            index_page = index_model.objects.live().filter(locale_id=self.locale_id).first() if index_model else None
            rows.append({"section": section, "items": items, "index": index_page})
        return rows

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class StandardPage(SocialFieldsMixin, Page):
    intro = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("A short summary shown under the title and on cards linking here."),
    )
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(index.SearchField("intro", boost=SUMMARY_BOOST), index.SearchField("body"))

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "In this section" links for pages such as About that have children.
        context["child_pages"] = self.get_children().live().public().specific()
        return context
