"""The home page and plain content pages (About, Comments policy, ...)."""

import secrets
from typing import NamedTuple

from django.apps import apps
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from qsite.blocks import BodyBlock
from qsite.pages import SUMMARY_BOOST, SocialFieldsMixin, page_search_fields


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
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Decorative picture beside the heading; its alt text is not read out."),
    )
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
        "home.GetUpdatesPage",
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


# --- "Get updates" -------------------------------------------------------------------------------


class Interest(models.TextChoices):
    """What a subscriber wants to hear about. A short fixed list rather than the site's topics:
    the mailings are planned by section, and a list of dozens of tags would make the form long."""

    BLOG = "blog", _("Blog posts and member stories")
    EVENTS = "events", _("Events")
    INSIGHTS = "insights", _("Insights and research")
    COMMUNITY = "community", _("Community news: groups, coffee trials and calls for members")


DEFAULT_CONSENT = _(
    "I agree that Q may email me about the things I chose. I can unsubscribe at any time with the link in every email."
)


class GetUpdatesPage(SocialFieldsMixin, Page):
    """The full sign-up form for the "Get updates" emails. The footer of every page carries a short version."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text=_("A sentence or two above the form: what we send and how often."),
    )
    consent_text = models.TextField(
        max_length=600,
        blank=True,
        help_text=_(
            "The consent statement shown beside the checkbox. It is stored with each sign-up, so change it "
            "rather than deleting it. Leave blank for the standard wording."
        ),
    )
    thanks_text = models.TextField(
        max_length=600,
        blank=True,
        help_text=_("Shown after someone signs up, under 'Check your email'. Optional."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    promote_panels = SocialFieldsMixin.promote_panels
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        FieldPanel("thanks_text"),
    ]
    search_fields = page_search_fields(index.SearchField("intro"))

    class Meta:
        verbose_name = _("get updates page")

    @property
    def consent(self):
        return self.consent_text or str(DEFAULT_CONSENT)

    def get_context(self, request, *args, **kwargs):
        from .forms import GetUpdatesForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", GetUpdatesForm(source="page", consent_text=self.consent))
        return context


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def interested_in(self, interest):
        return self.filter(**{f"wants_{interest}": True})

    def expired(self, before):
        """Sign-ups nobody confirmed before their link ran out."""
        return self.filter(status=SubscriberStatus.PENDING, requested_at__lt=before)


def new_token_nonce():
    return secrets.token_urlsafe(12)


class Subscriber(models.Model):
    """Someone who asked for the "Get updates" emails. Only confirmed subscribers are ever mailed news."""

    email = models.EmailField(
        max_length=254, unique=True, help_text=_("Stored in lower case, so one address is one subscriber.")
    )
    name = models.CharField(max_length=120, blank=True)
    wants_blog = models.BooleanField(Interest.BLOG.label, default=False)
    wants_events = models.BooleanField(Interest.EVENTS.label, default=False)
    wants_insights = models.BooleanField(Interest.INSIGHTS.label, default=False)
    wants_community = models.BooleanField(Interest.COMMUNITY.label, default=False)
    language = models.CharField(max_length=8, default="en", help_text=_("The language emails are written in."))
    status = models.CharField(max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING)
    consent_text = models.TextField(help_text=_("The exact consent wording the person agreed to."))
    consented_at = models.DateTimeField(help_text=_("When they ticked the consent box."))
    requested_at = models.DateTimeField(
        help_text=_("When the latest confirmation email was asked for; its link expires from here.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # Part of every confirmation link: a new sign-up request makes older links stop working.
    token_nonce = models.CharField(max_length=32, default=new_token_nonce, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        constraints = [models.UniqueConstraint(Lower("email"), name="home_subscriber_email_ci_unique")]

    def __str__(self):
        return self.email

    @property
    def interests(self):
        return [choice for choice in Interest if getattr(self, f"wants_{choice.value}")]

    @property
    def interest_labels(self):
        return ", ".join(str(choice.label) for choice in self.interests)

    interest_labels.fget.short_description = _("Interests")
