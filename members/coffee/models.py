"""Randomised Coffee Trials: members' choices, the rounds drawn and the groups in each.

Imported by members/models.py so Django files these models under the members app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import pairing


class Mode(models.TextChoices):
    ONLINE = pairing.ONLINE, _("Online")
    IN_PERSON = pairing.IN_PERSON, _("In person")
    EITHER = pairing.EITHER, _("Either")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Every month")
    BIMONTHLY = "bimonthly", _("Every two months")


class CoffeePreference(models.Model):
    """One member's choices. Opting out keeps the choices, so opting back in is one tick."""

    profile = models.OneToOneField("members.MemberProfile", on_delete=models.CASCADE, related_name="coffee")
    opted_in = models.BooleanField(
        _("take part in coffee trials"),
        default=False,
        help_text=_("Each round you are introduced to another member (or two) for a half-hour chat."),
    )
    mode = models.CharField(_("how you would like to meet"), max_length=20, choices=Mode.choices, default=Mode.EITHER)
    region = models.ForeignKey(
        "qsite.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where you could meet in person. We try to match people in the same region."),
    )
    frequency = models.CharField(
        _("how often"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
        help_text=_("Every two months: you sit out any round that follows one you took part in."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("coffee trial preference")

    def __str__(self):
        return f"{self.profile} ({'in' if self.opted_in else 'out'})"


class RoundStatus(models.TextChoices):
    DRAWN = "drawn", _("Drawn, emails not sent")
    SENT = "sent", _("Emails sent")


class CoffeeRound(models.Model):
    """One round, one per month. Once drawn it is never drawn again; its emails can be re-sent."""

    period = models.DateField(unique=True, help_text=_("The month this round is for (stored as its first day)."))
    status = models.CharField(max_length=20, choices=RoundStatus.choices, default=RoundStatus.DRAWN)
    seed = models.BigIntegerField(help_text=_("The random seed used, so a draw can be explained afterwards."))
    drawn_at = models.DateTimeField(auto_now_add=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    participant_count = models.PositiveIntegerField(default=0)
    left_out = models.ManyToManyField(
        "members.MemberProfile",
        blank=True,
        related_name="+",
        help_text=_("Opted-in members who could not be matched without a repeat; they take part again next round."),
    )

    class Meta:
        ordering = ["-period"]
        verbose_name = _("coffee round")
        permissions = [("run_coffee_trials", _("Can draw coffee trial rounds and see their figures"))]

    def __str__(self):
        return self.period.strftime("%B %Y")


class CoffeeGroup(models.Model):
    round = models.ForeignKey(CoffeeRound, on_delete=models.CASCADE, related_name="groups")
    mode = models.CharField(max_length=20, choices=Mode.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("coffee group")

    def __str__(self):
        return f"{self.round}: {', '.join(str(m.profile) for m in self.memberships.all())}"


class CoffeeMembership(models.Model):
    """A member in a group, with their region and role as they were when the round was drawn (for the figures)."""

    round = models.ForeignKey(CoffeeRound, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(CoffeeGroup, on_delete=models.CASCADE, related_name="memberships")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="coffee_memberships")
    region = models.ForeignKey("qsite.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    profession = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            # Nobody is in two groups of one round, whatever happens.
            models.UniqueConstraint(fields=["round", "profile"], name="members_coffee_one_group_per_round"),
        ]

    def __str__(self):
        return f"{self.profile} in {self.group}"
