"""A very small PDF writer, so load_demo can attach real documents without a PDF library.

It writes PDF 1.4 with the standard Helvetica fonts (no embedding needed), text
wrapped onto A4 pages, the title in the document information dictionary and the
catalogue (so viewers and screen readers announce it), and a cross-reference
table whose byte offsets are computed from what was written. Text is encoded as
WinAnsi (Windows-1252), which covers English and Welsh accents; anything outside
it becomes "?" (Welsh w and y with a circumflex lose the accent instead).
"""

import datetime
import hashlib
import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
BODY_SIZE, BODY_LEADING = 11, 15
HEADING_SIZE, HEADING_LEADING = 13, 19
TITLE_SIZE, TITLE_LEADING = 20, 26
# Helvetica averages about half an em per character; 84 characters of 11pt text fit 467pt comfortably.
BODY_WRAP, TITLE_WRAP = 84, 44


# Welsh letters WinAnsi lacks, written without their circumflex rather than as "?".
_FALLBACKS = str.maketrans({"ŵ": "w", "ŷ": "y", "Ŵ": "W", "Ŷ": "Y"})


def _escape(text: str) -> bytes:
    raw = text.translate(_FALLBACKS).encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"")


def _info_string(text: str) -> bytes:
    """A text string for the information dictionary: UTF-16BE with a byte order mark, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _lines(title, sections):
    """(font, size, leading, text) for every line, in reading order."""
    lines = [("F2", TITLE_SIZE, TITLE_LEADING, line) for line in textwrap.wrap(title, TITLE_WRAP)]
    lines.append(("F1", BODY_SIZE, BODY_LEADING, ""))
    for heading, paragraphs in sections:
        if heading:
            lines.append(("F2", HEADING_SIZE, HEADING_LEADING, heading))
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, BODY_WRAP) or [""]:
                lines.append(("F1", BODY_SIZE, BODY_LEADING, line))
            lines.append(("F1", BODY_SIZE, BODY_LEADING // 2, ""))
    return lines


def _paginate(lines):
    pages, current, used = [], [], 0
    usable = PAGE_HEIGHT - 2 * MARGIN
    for line in lines:
        if used + line[2] > usable and current:
            pages.append(current)
            current, used = [], 0
        current.append(line)
        used += line[2]
    if current:
        pages.append(current)
    return pages


def _content_stream(lines, number, total):
    out = [b"BT"]
    y = PAGE_HEIGHT - MARGIN
    for font, size, leading, text in lines:
        y -= leading
        if text:
            out.append(b"/%s %d Tf 1 0 0 1 %d %d Tm (%s) Tj" % (font.encode(), size, MARGIN, y, _escape(text)))
    footer = f"Page {number} of {total}"
    out.append(b"/F1 9 Tf 1 0 0 1 %d %d Tm (%s) Tj" % (MARGIN, MARGIN // 2, _escape(footer)))
    out.append(b"ET")
    return b"\n".join(out)


def make_pdf(title, sections, *, author="", subject="", language="en-GB", created=None) -> bytes:
    """A PDF of `sections`, a list of (heading or "", [paragraphs]), under `title`.

    The same arguments give the same bytes (the date is an argument), so a file's
    hash only changes when its words do.
    """
    created = created or datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    pages = _paginate(_lines(title, sections))
    objects = {}  # number -> body bytes
    catalog, pages_root, helvetica, helvetica_bold, info = 1, 2, 3, 4, 5
    page_numbers = []
    next_number = 6
    for i, page_lines in enumerate(pages, start=1):
        page_number, content_number = next_number, next_number + 1
        next_number += 2
        page_numbers.append(page_number)
        stream = _content_stream(page_lines, i, len(pages))
        objects[content_number] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_number] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (pages_root, PAGE_WIDTH, PAGE_HEIGHT, content_number, helvetica, helvetica_bold)
        )
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    objects[catalog] = (
        b"<< /Type /Catalog /Pages %d 0 R /Lang (%s) /ViewerPreferences << /DisplayDocTitle true >> >>"
        % (pages_root, language.encode("ascii"))
    )
    objects[pages_root] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    for number, name in ((helvetica, b"Helvetica"), (helvetica_bold, b"Helvetica-Bold")):
        objects[number] = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
    stamp = created.strftime("D:%Y%m%d%H%M%SZ").encode("ascii")
    info_entries = [b"/Title " + _info_string(title), b"/Producer " + _info_string("qsite load_demo")]
    if author:
        info_entries.append(b"/Author " + _info_string(author))
    if subject:
        info_entries.append(b"/Subject " + _info_string(subject))
    info_entries += [b"/CreationDate (%s)" % stamp, b"/ModDate (%s)" % stamp]
    objects[info] = b"<< " + b" ".join(info_entries) + b" >>"

    # A binary comment after the header tells transfer tools the file is not plain text.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    file_id = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest().encode("ascii")
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n" % (
        size,
        catalog,
        info,
        file_id,
        file_id,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
