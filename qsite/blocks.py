"""StreamField blocks shared by every page type.

This module imports nothing from the content apps: a block that needs a page
type names it as a string, so the shared layer never depends on its users.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Rich text features allowed in body paragraphs. Headings are a block of their
# own so the outline of a page stays under the editor's control.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        help_text=_("Use h2 for sections and h3 inside them, so screen reader users can navigate by heading."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class LinkBlockMixin:
    """A link that goes either to a page on this site or to another address, never both."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a web address, but not both.")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class CallToActionBlock(LinkBlockMixin, blocks.StructBlock):
    title = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(required=False, max_length=300)
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site…"))
    url = blocks.URLBlock(required=False, help_text=_("…or a web address elsewhere."))
    button_label = blocks.CharBlock(max_length=40, help_text=_("Say where the button goes, e.g. 'Join the community'."))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


class LinkCardBlock(LinkBlockMixin, blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=240)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"
        label = _("Card")


class LinkCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100, required=False)
    cards = blocks.ListBlock(LinkCardBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/link_cards_block.html"
        label = _("Row of link cards")


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages; content types add their own blocks to it."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="blocks/paragraph_block.html")
    call_to_action = CallToActionBlock()
    link_cards = LinkCardsBlock()


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        choices=[
            ("bluesky", "Bluesky"),
            ("linkedin", "LinkedIn"),
            ("mastodon", "Mastodon"),
            ("youtube", "YouTube"),
            ("x", "X"),
            ("other", _("Other")),
        ]
    )
    label = blocks.CharBlock(max_length=60, help_text=_("Link text people will read, e.g. 'Q on LinkedIn'."))
    url = blocks.URLBlock()

    class Meta:
        icon = "site"
