"""People: the member profiles that pages credit as authors.

A first version for bylines; the members issue adds applications, visibility
choices, interests and the directory.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


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
