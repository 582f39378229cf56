"""The fixed vocabularies of events: types, formats, statuses and who sees a joining link."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    COMMUNITY = "community", _("Community event")
    WELCOME = "welcome", _("Welcome event")
    SITE_VISIT = "site_visit", _("Site visit")
    MASTERCLASS = "masterclass", _("Masterclass")
    WEBINAR = "webinar", _("Webinar")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Going ahead")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class JoiningLinkVisibility(models.TextChoices):
    NEAR = "near", _("To everyone, from an hour before the start until the end")
    MEMBERS = "members", _("Only to signed-in members, at any time")
