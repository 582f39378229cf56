"""Site-wide models: settings editors change in the admin, and the regions every app shares."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site, TranslatableMixin

from .blocks import SocialLinkBlock


def validate_link_address(value):
    """A web address, an email link or a path on this site; nothing a browser would run."""
    if not value.startswith(("https://", "http://", "mailto:", "/")) or value.startswith("//"):
        raise ValidationError(_("Enter an address starting with https://, mailto: or /."))


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    footer_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short paragraph shown in every page footer, e.g. who runs the community."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("Shown in the footer, in this order."),
    )
    comments_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every comment form."),
    )
    newsletter_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the footer's 'Get updates' link goes."),
    )
    directory_is_public = models.BooleanField(
        default=False,
        help_text=_("Let anyone see the member directory. Off: only logged-in members can."),
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "Close comments automatically this many days after a page is first published. "
            "Leave empty to keep comments open until an editor closes them on the page."
        ),
    )
    contact_email = models.EmailField(
        blank=True,
        help_text=_("A public address for questions, shown in the footer."),
    )
    accessible_format_url = models.CharField(
        _("accessible format requests"),
        max_length=300,
        blank=True,
        validators=[validate_link_address],
        help_text=_(
            "Where readers ask for a document in another format (large print, easy read, audio, another language): "
            "a page such as /en/accessibility/, a web address, or mailto:someone@example.org. "
            "Shown beside every insight's downloads; leave empty to hide the link."
        ),
    )

    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in link previews (social media, messaging apps) for pages without a picture of their own. "
            "Best at 1200 by 630 pixels; it is cropped to that shape."
        ),
    )
    default_description = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "The description search engines and link previews show for pages that have neither a search "
            "description nor an introduction."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("footer_text"), FieldPanel("contact_email")], heading=_("Footer")),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("comments_policy_page"), FieldPanel("newsletter_page")],
            heading=_("Key pages"),
        ),
        FieldPanel("directory_is_public"),
        FieldPanel("accessible_format_url"),
        FieldPanel("comments_close_after_days", heading=_("Close comments after (days)")),
        MultiFieldPanel(
            [FieldPanel("default_social_image"), FieldPanel("default_description")],
            heading=_("Search and sharing"),
        ),
    ]

    class Meta:
        verbose_name = _("Site settings")

    @classmethod
    def for_request_or_defaults(cls, request):
        """The settings of the request's site, or the defaults (unsaved) when no site answers for its host.

        Pages outside the page tree (a 404, a health path, an unsubscribe link) render for any host, and
        Wagtail's for_request raises when no site matches, which would turn them into 500s.
        """
        if Site.find_for_request(request) is None:
            return cls()
        return cls.for_request(request)


class RegionKind(models.TextChoices):
    NATION = "nation", _("Nation")
    ENGLISH_REGION = "english_region", _("English region")


class RegionQuerySet(models.QuerySet):
    def within(self, slug):
        """The region with this slug and every region inside it, in any language: asking for England
        finds the English regions too. Matched on slugs, which translations share."""
        return self.filter(models.Q(slug=slug) | models.Q(parent__slug=slug))


class Region(TranslatableMixin, models.Model):
    """A UK nation or English regional network. Used by events, member stories and member profiles.

    Regions form a two-level hierarchy: the English regions sit inside England, so a reader who
    filters by England also sees what is filed under London or the North West.
    """

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, help_text=_("Used in addresses such as /en/events/?region=wales."))
    kind = models.CharField(max_length=20, choices=RegionKind.choices, default=RegionKind.NATION)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subregions",
        help_text=_("The nation this region is part of (e.g. England for London). Empty for a nation."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text=_("Lower numbers are listed first."))

    objects = RegionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("region")
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_region_slug_per_locale")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id and (self.parent_id == self.pk or self.parent.parent_id):
            raise ValidationError({"parent": _("Choose a nation: regions are one level deep.")})
        if self.parent_id and self.parent.locale_id != self.locale_id:
            raise ValidationError({"parent": _("Choose the nation in the same language as this region.")})


# The slug of the nation the English regions belong to.
ENGLAND = "england"

# The four nations, then NHS England's seven regions. setup_site creates any that are missing.
DEFAULT_REGIONS = [
    ("England", "england", RegionKind.NATION),
    ("Scotland", "scotland", RegionKind.NATION),
    ("Wales", "wales", RegionKind.NATION),
    ("Northern Ireland", "northern-ireland", RegionKind.NATION),
    ("North East and Yorkshire", "north-east-and-yorkshire", RegionKind.ENGLISH_REGION),
    ("North West", "north-west", RegionKind.ENGLISH_REGION),
    ("Midlands", "midlands", RegionKind.ENGLISH_REGION),
    ("East of England", "east-of-england", RegionKind.ENGLISH_REGION),
    ("London", "london", RegionKind.ENGLISH_REGION),
    ("South East", "south-east", RegionKind.ENGLISH_REGION),
    ("South West", "south-west", RegionKind.ENGLISH_REGION),
]
