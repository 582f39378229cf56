"""Uploaded documents are checked by what they contain, not by what they are called.

Wagtail checks a document's extension against WAGTAILDOCS_EXTENSIONS and its size against
WAGTAILDOCS_MAX_UPLOAD_SIZE; images it already opens with Willow, so an HTML file called
photo.jpg is refused there. This form base (WAGTAILDOCS_DOCUMENT_FORM_BASE) adds the missing
half for documents: the bytes must be the kind of file the extension promises. Everything is
read with the standard library (zipfile for the Office and OpenDocument formats), so there is
no native "magic" library to install on every host.
"""

from __future__ import annotations

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

SNIFF_BYTES = 64 * 1024
# Markup a browser would run if it ever treated the file as a page.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<head", b"<iframe")

# The main part each Office Open XML format must contain.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}


def _head(uploaded) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return head


def _is_zip_with(uploaded, check) -> bool:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return check(archive)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return False
    finally:
        uploaded.seek(0)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not stripped.startswith(MARKUP_STARTS)


def content_matches_extension(uploaded, extension: str) -> bool:
    head = _head(uploaded)
    if extension == "pdf":
        # The PDF header may follow a little junk, but must come within the first kilobyte.
        return b"%PDF-" in head[:1024]
    if extension == "rtf":
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")
    if extension in OOXML_PARTS:
        part = OOXML_PARTS[extension]
        return _is_zip_with(uploaded, lambda z: "[Content_Types].xml" in z.namelist() and part in z.namelist())
    if extension in ODF_MIMETYPES:
        expected = ODF_MIMETYPES[extension]
        return _is_zip_with(uploaded, lambda z: z.read("mimetype").strip() == expected)
    if extension in {"csv", "txt"}:
        return _is_text(head)
    # An extension with no rule is not on the allow-list.
    return False


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Unchanged on edit (no new upload): nothing to check.
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        name = uploaded.name or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if not content_matches_extension(uploaded, extension):
            raise ValidationError(
                _(
                    "This file's content is not a .%(extension)s file. Upload the document itself, "
                    "saved as PDF, Word, Excel, PowerPoint, OpenDocument text, RTF, CSV or plain text."
                ),
                code="content_mismatch",
                params={"extension": extension or "?"},
            )
        return uploaded
