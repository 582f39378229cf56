"""StreamField blocks shared by every page type.

This module imports nothing from the content apps: a block that needs a page
type names it as a string, so the shared layer never depends on its users.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

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


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=100, help_text=_("Who said it. Optional."))
    role = blocks.CharBlock(required=False, max_length=120, help_text=_("Their role or organisation. Optional."))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Pull quote")


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative), caption and credit."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=120, help_text=_("e.g. 'Photo: Amira Khan'."))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")


# Hosts we know how to embed without a third-party script, and how to build the player address.
VIDEO_HOSTS = {
    "youtube": "https://www.youtube-nocookie.com/embed/{id}",
    "vimeo": "https://player.vimeo.com/video/{id}?dnt=1",
}
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def parse_video_url(url: str):
    """(host, video id) for a YouTube or Vimeo address, or None."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
        if candidate and _YOUTUBE_ID.match(candidate):
            return "youtube", candidate
    elif host == "youtu.be":
        candidate = parts.path.lstrip("/").split("/")[0]
        if _YOUTUBE_ID.match(candidate):
            return "youtube", candidate
    elif host in {"vimeo.com", "player.vimeo.com"}:
        digits = [p for p in parts.path.split("/") if p.isdigit()]
        if digits:
            return "vimeo", digits[0]
    return None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video in a privacy-friendly player, with a title and an optional transcript.

    Built from the address alone (no oEmbed request), so pages render offline and
    no third-party script is loaded.
    """

    url = blocks.URLBlock(help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(max_length=150, help_text=_("What the video is; read out by screen readers."))
    caption = blocks.CharBlock(required=False, max_length=300)
    transcript = blocks.TextBlock(required=False, help_text=_("A text version for people who cannot watch."))

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter a YouTube or Vimeo video address."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parsed = parse_video_url(value.get("url"))
        context["embed_url"] = VIDEO_HOSTS[parsed[0]].format(id=parsed[1]) if parsed else None
        return context

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=150, help_text=_("Link text. Defaults to the document title."))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")


class CaptionedTableBlock(TableBlock):
    """Wagtail's table, in a scrollable region named by its caption so wide tables work on phones."""

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        table_options = {"startRows": 3, "startCols": 3}


class BodyBlock(blocks.StreamBlock):
    """The body of every page type: prose, quotes, media, links and tables."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="blocks/paragraph_block.html")
    quote = QuoteBlock()
    image = FigureBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
    link_cards = LinkCardsBlock()


def body_word_count(body) -> int:
    """Words a reader reads in a body StreamField: prose, headings, quotes, captions and tables."""
    words = 0
    for block in body or []:
        words += len(_block_text(block.block_type, block.value).split())
    return words


def _block_text(kind, value):
    if kind == "paragraph":
        return strip_tags(value.source if hasattr(value, "source") else str(value))
    if kind == "heading":
        return value["text"]
    if kind == "quote":
        return value["quote"]
    if kind in {"image", "video"}:
        return value.get("caption") or ""
    if kind == "table":
        rows = (value or {}).get("data") or []
        return " ".join(str(cell) for row in rows for cell in row if cell)
    if kind == "call_to_action":
        return f"{value['title']} {value.get('text') or ''}"
    return ""


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
