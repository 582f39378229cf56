"""What search engines and link previews read about a page: title, description, canonical address, image.

One function, `page_meta`, works out every value with its fallbacks, for Wagtail pages and for plain
views alike; `templates/includes/social_meta.html` (through the `seo_meta` tag) writes the tags.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language

from .models import SiteSettings
from .pages import absolute_to

SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
# Shipped with the site for when an editor has not chosen a default picture in the site settings.
STATIC_SOCIAL_IMAGE = ("images/social-default.png", 1200, 630)
OG_LOCALES = {"en": "en_GB", "cy": "cy_GB"}
DESCRIPTION_LENGTH = 200


def _absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def _truncate(text, length=DESCRIPTION_LENGTH):
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def _image(request, image, site_settings):
    """The rendition-sized social image: the page's, else the site default, else the static fallback."""
    image = image or site_settings.default_social_image
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        return {
            "url": _absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text or "",
        }
    path, width, height = STATIC_SOCIAL_IMAGE
    return {"url": _absolute(request, static(path)), "width": width, "height": height, "alt": ""}


def _canonical(request, page):
    """The page's full address when the request is for the page itself; otherwise (a routable sub-page,
    a plain view) the address asked for. Query strings (filters, ?page=) are always dropped."""
    if page is not None:
        full_url = page.get_full_url(request)
        if full_url and urlsplit(full_url).path == request.path:
            return full_url
    return request.build_absolute_uri(request.path)


def page_meta(request, page=None, title="", description=""):
    site_settings = SiteSettings.for_request_or_defaults(request)
    language = getattr(getattr(page, "locale", None), "language_code", None) or get_language() or "en"
    if page is not None:
        title = page.seo_title or page.title
        description = (
            page.search_description
            or getattr(page, "intro", "")
            or getattr(page, "card_summary", "")
            or site_settings.default_description
        )
        share_text = getattr(page, "share_text", "") or description
        image = getattr(page, "share_image", None)
        og_type = getattr(page, "og_type", "website")
    else:
        description = description or site_settings.default_description
        share_text = description
        image = None
        og_type = "website"
    return {
        "title": title or settings.WAGTAIL_SITE_NAME,
        "description": _truncate(description),
        "share_text": _truncate(share_text),
        "canonical": _canonical(request, page),
        "og_type": og_type,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language],
        "image": _image(request, image, site_settings),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


# --- Structured data (JSON-LD) shared by article-like pages -------------------------------------------------


def article_data(page, schema_type, *, description, authors, root):
    """The schema.org fields every dated, authored piece shares (blog posts, insights): who, what, when, where."""
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": page.title,
        "description": description,
        "url": page.full_url,
        "mainEntityOfPage": page.full_url,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.latest_revision_created_at or timezone.now()).isoformat(),
        "inLanguage": page.locale.language_code,
        "author": [
            {"@type": "Person", "name": p.display_name, "url": absolute_to(root, p.get_absolute_url())} for p in authors
        ],
        "publisher": {"@type": "Organization", "name": "Q community"},
        "keywords": [tag.name for tag in page.topic_list],
        "timeRequired": f"PT{page.reading_minutes}M",
    }
