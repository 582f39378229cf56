"""Site-wide rules that every page and every app must keep."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.template.loader import render_to_string
from wagtail.models import Page

from demo.site import build_site

pytestmark = pytest.mark.django_db

PUBLIC_APPS = {"home", "blog", "events", "insights", "comments", "members", "qsite"}


def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


def test_every_page_type_sets_its_parent_and_subpage_types():
    page_models = [m for m in apps.get_models() if issubclass(m, Page) and m._meta.app_label in PUBLIC_APPS]
    assert page_models, "no page types found"
    for model in page_models:
        assert "parent_page_types" in model.__dict__, f"{model.__name__} has no parent_page_types"
        assert "subpage_types" in model.__dict__, f"{model.__name__} has no subpage_types"


@pytest.fixture
def demo(home):
    return build_site(home)


def test_every_demo_page_renders_with_exactly_one_h1(client, demo):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    types_seen = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, page.url
        assert '<a class="skip-link" href="#main-content">' in html
        assert '<main id="main-content"' in html
        types_seen.add(type(page).__name__)
    assert {"HomePage", "StandardPage"} <= types_seen


def test_missing_pages_get_the_friendly_404(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="#main-content"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/en/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/en/%00/",
        "/en/" + "a" * 3000 + "/",
        "/en/caf%C3%A9-%E2%98%95/",
        "/en/%FF%FE/",
        "/en/../../etc/passwd",
        "/zz/",
    ],
)
def test_hostile_paths_get_a_404_never_a_500(client, home, path):
    # A path without a language is first redirected to the English one.
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert b"<script>alert(1)</script>" not in response.content


def test_the_500_page_stands_alone_without_a_request():
    html = render_to_string("500.html")
    assert "<h1>Sorry, something went wrong</h1>" in html
    assert '<html lang="en">' in html
    assert "{%" not in html


def test_sitemap_lists_live_pages_with_absolute_urls(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/en/about/</loc>" in body
    assert "<lastmod>" in body


def test_public_pages_carry_a_content_security_policy_without_unsafe_inline(client, home):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_admin_login_page_is_reachable(client, home):
    assert client.get("/admin/login/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/no-such-thing/", "/documents/999999/missing.pdf"])
def test_unknown_admin_and_document_urls_are_plain_404s(admin_client, home, path):
    response = admin_client.get(path)
    assert response.status_code == 404
