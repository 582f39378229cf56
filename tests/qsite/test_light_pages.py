"""Light pages for slow networks: small CSS, no web fonts, no render-blocking scripts, sized images, and
HTTP caching headers on static files (long-lived, pre-compressed) and pages (revalidated)."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail_factories import ImageFactory

from tests.factories import BlogIndexPageFactory, BlogPageFactory

STATIC = Path(settings.BASE_DIR) / "static"


def test_the_stylesheet_is_under_30_kb_compressed_and_loads_no_web_fonts():
    css = (STATIC / "css" / "qsite.css").read_bytes()
    assert len(gzip.compress(css, 9)) < 30 * 1024
    assert b"@font-face" not in css and b"@import" not in css


@pytest.mark.parametrize("name", sorted(p.name for p in (STATIC / "css").glob("*.css")))
def test_stylesheets_close_every_block(name):
    # A merge once dropped three closing braces, silently nesting every later rule inside
    # the one before it, so browsers ignored them (axe caught it as a contrast failure).
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "css" / name).read_text(), flags=re.S)
    depth = 0
    for number, line in enumerate(css.splitlines(), 1):
        if line and not line[0].isspace() and line[0] != "}":
            assert depth == 0, f"{name} line {number}: a rule starts inside an unclosed block: {line!r}"
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{name} line {number}: a closing brace with no block open"
    assert depth == 0, f"{name}: {depth} block(s) never closed"


@pytest.mark.django_db
def test_pages_have_no_render_blocking_scripts_and_sized_lazy_images(client, home):
    blog = BlogIndexPageFactory(parent=home)
    for n in range(3):
        BlogPageFactory(parent=blog, listing_image=ImageFactory(title=f"Card {n}", width=800, height=450))
    html = client.get(blog.url).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    external = [tag for tag in scripts if "src=" in tag]
    assert external, "expected the site script"
    assert all(" defer" in tag or " async" in tag or 'type="module"' in tag for tag in external)
    assert not [tag for tag in scripts if "src=" not in tag and "application/ld+json" not in tag]
    images = re.findall(r"<img\b[^>]*>", html)
    cards = [tag for tag in images if "q-mark" not in tag]
    assert len(cards) == 3
    assert all('width="' in tag and 'height="' in tag for tag in images)
    assert all('loading="lazy"' in tag for tag in cards)


@pytest.mark.django_db
def test_static_files_are_hashed_precompressed_and_cached_for_a_year(tmp_path):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.templatetags.static import static

        url = static("css/qsite.css")
        assert re.search(r"/css/qsite\.[0-9a-f]{12}\.css$", url)
        assert (tmp_path / url.removeprefix("/static/")).with_suffix(".css.br").exists()
        client = Client()
        br = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        plain = client.get(url)
    assert br.status_code == 200 and br["Content-Encoding"] == "br"
    assert "immutable" in br["Cache-Control"] and "max-age=315360000" in br["Cache-Control"]
    assert "Accept-Encoding" in br["Vary"]
    # A client that cannot decompress gets the plain file.
    assert plain.status_code == 200 and "Content-Encoding" not in plain
