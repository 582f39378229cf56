"""The fixed choices of the "Get updates" emails, shared by the models and the sign-up form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Interest(models.TextChoices):
    """What a subscriber wants to hear about. A short fixed list rather than the site's topics:
    the mailings are planned by section, and a list of dozens of tags would make the form long."""

    BLOG = "blog", _("Blog posts and member stories")
    EVENTS = "events", _("Events")
    INSIGHTS = "insights", _("Insights and research")
    COMMUNITY = "community", _("Community news: groups, coffee trials and calls for members")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


DEFAULT_CONSENT = _(
    "I agree that Q may email me about the things I chose. I can unsubscribe at any time with the link in every email."
)
