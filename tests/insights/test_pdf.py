"""load_demo's own PDF writer makes files a PDF reader can open (the demo's insights are checked in tests/demo)."""

import re

import pytest

from demo.pdf import make_pdf
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
