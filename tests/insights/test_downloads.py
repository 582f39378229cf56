"""Documents are served by Wagtail's view: right headers, private files kept private, missing files a 404."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from .conftest import add_insight, make_document, private_collection

pytestmark = pytest.mark.django_db


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_public_pdf_downloads_with_its_type_size_and_filename(client, home):
    document = make_document("Annual report")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    content = body_of(response)
    assert content.startswith(b"%PDF-1.4")
    assert len(content) == document.file_size == int(response["Content-Length"])
    # Browsers must not guess a different type or run anything inside the file.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_the_download_address_is_wagtails_document_view(home):
    document = make_document()
    assert re.fullmatch(rf"/documents/{document.pk}/doc-\d+\.pdf", document.url)


@pytest.mark.parametrize(
    ("extension", "content_type"),
    [
        ("csv", "text/csv"),
        ("txt", "text/plain"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_other_formats_get_a_fixed_content_type_and_always_download(client, home, extension, content_type):
    document = make_document("Data", extension=extension, text="a,b\n1,2\n")
    response = client.get(document.url)
    assert response["Content-Type"].split(";")[0] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.filename in response["Content-Disposition"]


def test_an_unknown_document_is_a_404(client, home):
    assert client.get("/documents/999999/nothing.pdf").status_code == 404


def test_the_right_id_with_the_wrong_filename_is_a_404(client, home):
    document = make_document()
    assert client.get(f"/documents/{document.pk}/someone-elses-file.pdf").status_code == 404


def test_a_document_whose_file_has_gone_is_a_404_not_a_500(client, home):
    document = make_document()
    document.file.storage.delete(document.file.name)
    assert client.get(document.url).status_code == 404


@pytest.mark.parametrize(
    "path", ["/documents/abc/x.pdf", "/documents/1/%00.pdf", "/documents/1/" + "a" * 3000, "/documents/1/../../etc"]
)
def test_hostile_document_addresses_are_404s(client, home, path):
    make_document()
    # A miss may first be redirected to the same path under /en/ (LocaleMiddleware); it ends in a 404.
    assert client.get(path, follow=True).status_code == 404


def test_a_members_only_document_asks_a_stranger_to_sign_in(client, home):
    document = make_document("Survey data", collection=private_collection())
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert b"%PDF" not in response.content


def test_a_signed_in_member_gets_the_members_only_document_and_no_shared_cache_keeps_it(
    client, home, django_user_model
):
    document = make_document("Survey data", collection=private_collection())
    client.force_login(django_user_model.objects.create_user("member", "m@example.org", "a-long-password-1"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert body_of(response).startswith(b"%PDF")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_public_documents_are_not_marked_private(client, home):
    response = client.get(make_document().url)
    assert "private" not in response.get("Cache-Control", "")


def test_a_collection_inside_a_private_one_is_private_too(client, home):
    child = private_collection().add_child(name="Inner folder")
    document = make_document("Inner", collection=child)
    assert client.get(document.url).status_code == 302


def test_a_group_restricted_document_is_refused_to_members_outside_the_group(client, home, django_user_model):
    collection = private_collection(restriction_type=BaseViewRestriction.GROUPS)
    editors = Group.objects.create(name="Insight editors")
    CollectionViewRestriction.objects.get(collection=collection).groups.add(editors)
    document = make_document("Board paper", collection=collection)
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "a-long-password-1")
    client.force_login(outsider)
    response = client.get(document.url)
    assert response.status_code == 302
    assert b"%PDF" not in response.content
    outsider.groups.add(editors)
    assert client.get(document.url).status_code == 200


def test_a_password_protected_document_shows_the_password_form_not_the_file(client, home):
    document = make_document("Draft", collection=private_collection(BaseViewRestriction.PASSWORD, "open-sesame-42"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"%PDF" not in response.content
    assert b'name="password"' in response.content


def test_private_files_are_left_out_of_the_search_engine_data(client, index):
    public, private = make_document("Public"), make_document("Private", collection=private_collection())
    page = add_insight(index, documents=[(public, "Report", "en"), (private, "Raw data", "en")])
    html = client.get(page.url).content.decode()
    data = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert public.url in data
    assert private.url not in data


def test_media_files_are_not_served_directly_outside_debug(client, home, settings):
    """With DEBUG off nothing maps /media/ to the disk, so a private file's path is no way round the check."""
    document = make_document("Survey data", collection=private_collection())
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404
