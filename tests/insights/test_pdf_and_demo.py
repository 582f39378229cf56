"""load_demo's own PDF writer makes files a PDF reader can open, and the demo has real insights to show."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Site

from demo.pdf import make_pdf
from insights.models import InsightDocument, InsightPage, Project
from qsite.models import SiteSettings
from qsite.templatetags.qsite_tags import document_meta

from .conftest import make_document

LONG_TEXT = "Improvement work is slow and careful. " * 400


def check_pdf(data):
    """Parse enough of a PDF to prove a reader can: header, xref offsets, trailer, stream lengths, end marker.

    Returns {object number: object body}.
    """
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    assert data[startxref : startxref + 5] == b"xref\n"
    header = re.match(rb"xref\n0 (\d+)\n", data[startxref:])
    size = int(header.group(1))
    table_start = startxref + header.end()
    entries = [data[table_start + 20 * n : table_start + 20 * (n + 1)] for n in range(size)]
    assert entries[0] == b"0000000000 65535 f \n"
    objects = {}
    for number, entry in enumerate(entries[1:], start=1):
        assert re.fullmatch(rb"\d{10} 00000 n \n", entry), entry
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number), f"object {number} is not at {offset}"
        objects[number] = data[offset : data.index(b"\nendobj\n", offset)]
    trailer = data[table_start + 20 * size :]
    assert trailer.startswith(b"trailer\n<< /Size %d /Root 1 0 R /Info " % size)
    for body in objects.values():
        stream = re.search(rb"<< /Length (\d+) >>\nstream\n(.*)\nendstream$", body, re.S)
        if stream:
            assert int(stream.group(1)) == len(stream.group(2))
    return objects


def info_title(objects):
    info = next(body for body in objects.values() if b"/Producer" in body)
    hex_title = re.search(rb"/Title <FEFF([0-9A-F]*)>", info).group(1)
    return bytes.fromhex(hex_title.decode()).decode("utf-16-be")


def test_the_pdf_writer_makes_a_valid_pdf_with_its_title_and_text():
    data = make_pdf("Waiting Well: final report", [("Key findings", ["People want a named contact."])])
    objects = check_pdf(data)
    assert info_title(objects) == "Waiting Well: final report"
    assert b"/BaseFont /Helvetica " in data
    assert b"(People want a named contact.) Tj" in data
    assert b"(Key findings) Tj" in data
    assert b"/Type /Catalog /Pages 2 0 R /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >>" in data


def test_the_pdf_writer_escapes_brackets_and_keeps_accents_and_any_title():
    data = make_pdf("Adroddiad: Ŵyr a (phlant)", [("", ["A (bracketed) note \\ with café and Llŷn."])])
    objects = check_pdf(data)
    assert info_title(objects) == "Adroddiad: Ŵyr a (phlant)"
    assert rb"(A \(bracketed\) note \\ with caf" + "é".encode("cp1252") + b" and Llyn.) Tj" in data


def test_long_text_flows_onto_more_pages_each_listed_in_the_page_tree():
    data = make_pdf("Long report", [("", [LONG_TEXT])])
    objects = check_pdf(data)
    count = int(re.search(rb"/Type /Pages /Kids \[([^]]*)\] /Count (\d+)", objects[2]).group(2))
    assert count > 3
    assert len(re.findall(rb"/Type /Page /Parent 2 0 R", data)) == count
    assert b"(Page %d of %d) Tj" % (count, count) in data


def test_the_same_words_make_the_same_bytes():
    assert make_pdf("Same", [("", ["Text"])]) == make_pdf("Same", [("", ["Text"])])
    assert make_pdf("Same", [("", ["Text"])]) != make_pdf("Same", [("", ["Other"])])


@pytest.mark.django_db
def test_wagtail_reports_the_generated_files_real_size(home, settings):
    document = make_document("Report", text=LONG_TEXT)
    stored = document.file.read()
    document.file.close()
    check_pdf(stored)
    assert document.get_file_size() == len(stored)
    assert document_meta(document) == f"PDF, {len(stored) / 1024:.1f}\xa0KB"


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", "--allow-production", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_creates_at_least_15_insights_across_4_projects_with_generated_pdfs(client):
    output = load_demo()
    insights = InsightPage.objects.live()
    assert insights.count() >= 15
    assert "Insights created: 16" in output
    assert Project.objects.count() == 4
    assert set(insights.values_list("project__slug", flat=True)) == set(Project.objects.values_list("slug", flat=True))
    assert set(insights.values_list("output_type", flat=True)) == {
        "report",
        "case-study",
        "toolkit",
        "video",
        "evaluation",
        "project-update",
    }
    for page in insights:
        assert page.documents.exists(), page.title
    documents = get_document_model().objects.filter(pk__in=InsightDocument.objects.values("document"))
    assert documents.count() >= 20
    for document in documents:
        with document.open_file() as handle:
            data = handle.read()
        objects = check_pdf(data)
        assert info_title(objects) == document.title
        assert document.file_size == len(data)
    assert InsightDocument.objects.filter(language="cy").exists()
    # Some working papers are members-only, to show (and test) collection privacy.
    private = documents.filter(collection__name="Members' working papers")
    assert private.exists()
    assert CollectionViewRestriction.objects.filter(collection__name="Members' working papers").exists()
    assert client.get(private.first().url).status_code == 302
    public = documents.exclude(collection__name="Members' working papers").first()
    assert client.get(public.url).status_code == 200
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.accessible_format_url.startswith("mailto:")
    index = client.get("/en/insights/").content.decode()
    assert 'href="/en/insights/"' in re.search(r'<nav class="site-nav".*?</nav>', index, re.S).group(0)
    assert "16 insights" in index


@pytest.mark.django_db
def test_load_demo_again_adds_nothing_and_scale_multiplies_insights_but_reuses_documents():
    load_demo()
    counts = (InsightPage.objects.count(), get_document_model().objects.count(), Project.objects.count())
    load_demo()
    assert (InsightPage.objects.count(), get_document_model().objects.count(), Project.objects.count()) == counts
    load_demo("--scale", "2")
    assert InsightPage.objects.count() == 2 * counts[0]
    assert get_document_model().objects.count() == counts[1]
