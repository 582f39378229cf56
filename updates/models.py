""" "Get updates": the sign-up page and the people who asked for the emails (double opt-in).

Moved here from home/ with their rows kept: see updates/migrations and docs/decisions.md
("Rooms: demo, updates and a shared layer that imports no app").
"""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from qsite.pages import SocialFieldsMixin, page_search_fields

from .choices import DEFAULT_CONSENT, Interest, SubscriberStatus
from .forms import GetUpdatesForm

# Re-exported: code that reads subscribers usually wants their choices too.
__all__ = ["DEFAULT_CONSENT", "GetUpdatesPage", "Interest", "Subscriber", "SubscriberStatus", "new_token_nonce"]


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
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", GetUpdatesForm(source="page", consent_text=self.consent))
        return context


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
        constraints = [models.UniqueConstraint(Lower("email"), name="updates_subscriber_email_ci_unique")]

    def __str__(self):
        return self.email

    @property
    def interests(self):
        return [choice for choice in Interest if getattr(self, f"wants_{choice.value}")]

    @property
    def interest_labels(self):
        return ", ".join(str(choice.label) for choice in self.interests)

    interest_labels.fget.short_description = _("Interests")
