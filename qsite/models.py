"""Site-wide settings that editors change in the admin (Settings > Site settings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .blocks import SocialLinkBlock


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
    contact_email = models.EmailField(
        blank=True,
        help_text=_("A public address for questions, shown in the footer."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("footer_text"), FieldPanel("contact_email")], heading=_("Footer")),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("comments_policy_page"), FieldPanel("newsletter_page")],
            heading=_("Key pages"),
        ),
    ]

    class Meta:
        verbose_name = _("Site settings")
