"""What readers see about an insight's downloadable documents, worked out in a fixed number of queries.

Documents are served by Wagtail's own view (`/documents/<id>/<filename>`), which
checks collection privacy before sending a byte. This module only describes the
links: type, size, language, and whether the reader will be asked to sign in.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseViewRestriction, CollectionViewRestriction


@dataclass(frozen=True)
class Download:
    document: object
    text: str
    language: str
    language_name: str
    restriction: str | None  # None, "login" (sign in, or be in a group) or "password"

    @property
    def url(self):
        return self.document.url


def restricted_collections():
    """{collection tree path: restriction kind} for every collection with a privacy setting."""
    rows = CollectionViewRestriction.objects.values_list("collection__path", "restriction_type")
    return {
        path: "password" if kind == BaseViewRestriction.PASSWORD else "login"
        for path, kind in rows.order_by("collection__path")
    }


def restriction_for(collection, restricted):
    """A collection is private when it, or any collection above it, has a restriction."""
    if collection is None:
        return None
    for path, kind in restricted.items():
        if collection.path.startswith(path):
            return kind
    return None


def documents_for_display(page):
    """The page's documents in order, with what a reader needs before clicking. Two queries."""
    rows = list(page.documents.select_related("document__collection"))
    if not rows:
        return []
    restricted = restricted_collections()
    return [
        Download(
            document=row.document,
            text=row.link_text,
            language=row.language,
            language_name=str(row.get_language_display()),
            restriction=restriction_for(row.document.collection, restricted),
        )
        for row in rows
    ]


def accessible_format_href(address, title):
    """The settings' 'request an accessible format' address, with a subject line when it is an email link."""
    if not address:
        return ""
    if address.startswith("mailto:") and "?" not in address:
        subject = _("Accessible format request: %(title)s") % {"title": title}
        return f"{address}?subject={quote(str(subject))}"
    return address
