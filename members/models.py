"""People: member profiles (who members are and who may see what), and applications to join."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from . import roles
from .roles import MEMBERS_GROUP


class Visibility(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    MEMBERS = "members", _("Members only")
    NOBODY = "nobody", _("Only me")


# Parts of a profile a member can show or hide, with the default for each.
PROFILE_PARTS = {
    "work": Visibility.EVERYONE,  # job title and organisation
    "region": Visibility.EVERYONE,
    "bio": Visibility.MEMBERS,
    "interests": Visibility.MEMBERS,
    "links": Visibility.MEMBERS,
}


def default_visibility():
    return {part: str(level) for part, level in PROFILE_PARTS.items()}


def audience_of(user):
    """Which visibility levels this viewer may see: members see more than the public."""
    if roles.is_member(user):
        return [Visibility.EVERYONE, Visibility.MEMBERS]
    return [Visibility.EVERYONE]


class MemberInterest(TaggedItemBase):
    """A member's improvement interest: the same tag vocabulary as the site's topics."""

    content_object = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="interest_items")


class MemberProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles that appear in the directory: chosen by the member, account still active."""
        return self.filter(listed_in_directory=True).filter(Q(user__isnull=True) | Q(user__is_active=True))

    def visible_part(self, part, levels):
        return self.filter(**{f"visibility__{part}__in": [str(level) for level in levels]})


class MemberProfile(index.Indexed, models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profile",
        help_text=_("The account this profile belongs to. Empty for a former member."),
    )
    display_name = models.CharField(max_length=120, help_text=_("The name shown in bylines and the directory."))
    slug = models.SlugField(max_length=120, unique=True, help_text=_("The profile's address: /en/members/<slug>/."))
    job_title = models.CharField(max_length=120, blank=True)
    organisation = models.CharField(max_length=150, blank=True)
    region = models.ForeignKey("qsite.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Without one, the member's initials are shown."),
    )
    bio = models.TextField(max_length=1000, blank=True, help_text=_("A few sentences about their work."))
    member_since = models.DateField(default=timezone.localdate)
    is_staff_member = models.BooleanField(
        default=False, help_text=_("Works for the Q team; shown as 'Q team' beside their name.")
    )
    interests = TaggableManager(
        through=MemberInterest,
        blank=True,
        verbose_name=_("improvement interests"),
        help_text=_("Topics you work on or want to learn about, separated by commas."),
    )
    website = models.URLField(blank=True, max_length=300)
    linkedin = models.URLField(_("LinkedIn"), blank=True, max_length=300)
    other_link = models.URLField(_("other link"), blank=True, max_length=300, help_text=_("e.g. Bluesky or Mastodon."))
    listed_in_directory = models.BooleanField(
        _("list me in the member directory"),
        default=True,
        help_text=_("Other members can find you by name, region and interest."),
    )
    visibility = models.JSONField(
        default=default_visibility,
        help_text=_("Who sees each part of the profile: everyone, members only, or nobody."),
    )
    is_former_member = models.BooleanField(default=False, editable=False)

    objects = MemberProfileQuerySet.as_manager()

    panels = [
        FieldPanel("display_name"),
        FieldPanel("slug"),
        FieldPanel("user"),
        MultiFieldPanel(
            [FieldPanel("job_title"), FieldPanel("organisation"), FieldPanel("region"), FieldPanel("is_staff_member")],
            heading=_("Work"),
        ),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("interests"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("linkedin"), FieldPanel("other_link")], heading=_("Links")),
        MultiFieldPanel([FieldPanel("listed_in_directory"), FieldPanel("visibility")], heading=_("Privacy")),
        FieldPanel("member_since"),
    ]
    search_fields = [
        index.SearchField("display_name", boost=3),
        index.AutocompleteField("display_name"),
        index.SearchField("organisation"),
        index.SearchField("job_title"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("member profile")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("members:profile", kwargs={"slug": self.slug})

    @property
    def initials(self):
        parts = [p for p in self.display_name.replace("-", " ").split() if p[:1].isalpha()]
        if not parts:
            return "?"
        return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()

    @property
    def role_line(self):
        """'Job title, Organisation' with whichever parts are set."""
        return ", ".join(p for p in (self.job_title, self.organisation) if p)

    @property
    def public_role_line(self):
        """The role line for bylines on public pages, if the member shows their work to everyone."""
        return self.role_line if self.shows("work", [Visibility.EVERYONE]) else ""

    def level(self, part):
        return (self.visibility or {}).get(part, str(PROFILE_PARTS[part]))

    def shows(self, part, levels):
        return self.level(part) in [str(level) for level in levels]

    def visible_to(self, user, levels=None):
        """The parts of this profile this viewer may see (the member always sees all of their own).

        Pass `levels` (from audience_of) when checking many profiles for one viewer.
        """
        if user is not None and user.is_authenticated and self.user_id == user.pk:
            return set(PROFILE_PARTS)
        levels = audience_of(user) if levels is None else levels
        return {part for part in PROFILE_PARTS if self.shows(part, levels)}

    @transaction.atomic
    def anonymise(self):
        """Keep the profile so published pages stay credited, but remove everything personal."""
        self.user = None
        self.display_name = str(_("Former member"))
        self.slug = f"former-member-{self.pk}"
        self.job_title = self.organisation = self.bio = ""
        self.website = self.linkedin = self.other_link = ""
        self.region = None
        if self.photo_id:
            photo, self.photo = self.photo, None
            photo.delete()
        self.listed_in_directory = False
        self.is_former_member = True
        self.save()
        self.interests.clear()


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ApplicationError(Exception):
    """A decision that cannot be made, e.g. approving an application that was already declined."""


class MembershipApplication(models.Model):
    """Someone with an account asking to join the community. Editors approve or decline it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="application")
    display_name = models.CharField(
        _("your name"), max_length=120, help_text=_("As you would like other members to see it.")
    )
    role = models.CharField(_("your role"), max_length=120)
    organisation = models.CharField(max_length=150)
    region = models.ForeignKey("qsite.Region", null=True, on_delete=models.SET_NULL, related_name="+")
    interests = models.CharField(
        _("improvement interests"),
        max_length=300,
        help_text=_("A few topics, separated by commas, e.g. patient safety, measurement."),
    )
    why_join = models.TextField(_("why you want to join"), max_length=2000)
    status = models.CharField(max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(
        blank=True, max_length=2000, help_text=_("Sent to the applicant with the decision. Optional.")
    )

    class Meta:
        ordering = ["status", "created_at"]
        verbose_name = _("membership application")
        permissions = [("review_application", _("Can approve or decline membership applications"))]

    def __str__(self):
        return f"{self.display_name} ({self.get_status_display()})"

    @property
    def interest_list(self):
        return [name.strip()[:100] for name in self.interests.split(",") if name.strip()][:10]

    @transaction.atomic
    def approve(self, by, note=""):
        locked = MembershipApplication.objects.select_for_update().get(pk=self.pk)
        if locked.status != ApplicationStatus.PENDING:
            raise ApplicationError(
                _("This application was already %(status)s, so it cannot be approved.")
                % {"status": locked.get_status_display().lower()}
            )
        self.status, self.decided_at, self.decided_by, self.decision_note = (
            ApplicationStatus.APPROVED,
            timezone.now(),
            by,
            note,
        )
        self.save()
        group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
        self.user.groups.add(group)
        roles.forget(self.user)
        profile = getattr(self.user, "member_profile", None) or MemberProfile(user=self.user)
        if not profile.pk:
            profile.slug = unique_profile_slug(self.display_name)
        profile.display_name = self.display_name
        profile.job_title, profile.organisation, profile.region = self.role, self.organisation, self.region
        profile.member_since = timezone.localdate()
        profile.save()
        profile.interests.add(*self.interest_list)
        return profile

    @transaction.atomic
    def decline(self, by, note=""):
        locked = MembershipApplication.objects.select_for_update().get(pk=self.pk)
        if locked.status != ApplicationStatus.PENDING:
            raise ApplicationError(
                _("This application was already %(status)s, so it cannot be declined.")
                % {"status": locked.get_status_display().lower()}
            )
        self.status, self.decided_at, self.decided_by, self.decision_note = (
            ApplicationStatus.DECLINED,
            timezone.now(),
            by,
            note,
        )
        self.save()


# Addresses under /members/ that are pages, not profiles.
RESERVED_SLUGS = {"account", "apply"}


def unique_profile_slug(name):
    base = slugify(name)[:100] or "member"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or MemberProfile.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# Randomised Coffee Trials live in their own module; importing them here registers them with the members app.
from .coffee.models import CoffeeGroup, CoffeeMembership, CoffeePreference, CoffeeRound  # noqa: E402, F401
