"""Uploads are judged by their content, not their name, and within size limits (through the admin views)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ooxml_bytes(main_part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, admin_user, site):
    client.force_login(admin_user)
    return client


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/", {"title": "Report", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", pdf_bytes()),
        ("report.docx", ooxml_bytes("word/document.xml")),
        ("figures.xlsx", ooxml_bytes("xl/workbook.xml")),
        ("slides.pptx", ooxml_bytes("ppt/presentation.xml")),
        ("notes.odt", odt_bytes()),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}"),
        ("data.csv", "name,town\nZoë,Caerdydd\n".encode()),
        ("readme.txt", b"\xef\xbb\xbfPlain words."),
    ],
)
def test_real_documents_are_accepted(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.filter(title="Report").count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", HTML),
        ("report.docx", pdf_bytes()),
        ("report.docx", ooxml_bytes("xl/workbook.xml")),
        ("report.xlsx", b"PK\x03\x04 not really a zip"),
        ("notes.odt", ooxml_bytes("word/document.xml")),
        ("data.csv", HTML),
        ("readme.txt", b"MZ\x90\x00\x03\x00\x00\x00 an executable"),
        ("readme.txt", b"  \n<svg onload=alert(1)>"),
        ("letter.rtf", b"plain text pretending"),
    ],
)
def test_a_file_whose_content_is_not_its_extension_is_refused_with_a_clear_message(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert f"This file&#x27;s content is not a .{extension} file." in response.content.decode()
    # The title typed is shown again.
    assert 'value="Report"' in response.content.decode()
    assert not get_document_model().objects.exists()


def test_an_extension_outside_the_allow_list_is_refused(admin_client):
    response = upload_document(admin_client, "page.html", HTML)
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_an_oversized_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "report.pdf", pdf_bytes() + b"0" * 2048)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_the_multiple_uploader_refuses_disguised_files_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile("report.pdf", HTML), "collection": 1}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": "Picture", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def test_an_html_file_renamed_jpg_is_refused(admin_client):
    response = upload_image(admin_client, "photo.jpg", HTML)
    assert response.status_code == 200
    assert "Not a valid .jpeg image." in response.content.decode()
    assert not get_image_model().objects.exists()


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="8" height="8"/></svg>'
    response = upload_image(admin_client, "logo.svg", svg)
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_png_named_jpg_is_refused_and_a_real_png_accepted(admin_client):
    response = upload_image(admin_client, "photo.jpg", png_bytes())
    assert response.status_code == 200
    assert "The extension does not match the file format" in response.content.decode()
    assert upload_image(admin_client, "photo.png", png_bytes()).status_code == 302
    assert get_image_model().objects.count() == 1


def test_an_oversized_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 64
    response = upload_image(admin_client, "photo.png", png_bytes() + b"\x00" * 128)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
