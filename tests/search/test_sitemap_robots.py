"""sitemap.xml lists every live public page once per language; robots.txt keeps crawlers out of the rest."""

import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, parsed to prove it is valid XML
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return [
        (url.find("sm:loc", NS).text, getattr(url.find("sm:lastmod", NS), "text", None))
        for url in root.findall("sm:url", NS)
    ]


@pytest.fixture
def tree(home):
    about = StandardPageFactory(parent=home, title="About", slug="about")
    about.save_revision().publish()
    draft = StandardPageFactory(parent=home, title="Draft", slug="draft", live=False)
    private = StandardPageFactory(parent=home, title="Private", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden_child = StandardPageFactory(parent=private, title="Inside private", slug="inside")
    welsh = Locale.objects.get(language_code="cy")
    home_cy = home.copy_for_translation(welsh)
    home_cy.save_revision().publish()
    about_cy = about.copy_for_translation(welsh)
    about_cy.save_revision().publish()
    return {"about": about, "draft": draft, "private": private, "hidden_child": hidden_child}


def test_sitemap_lists_every_live_public_page_once_per_language(client, tree, site):
    locs = [loc for loc, _lastmod in sitemap_entries(client)]
    assert Counter(locs).most_common(1)[0][1] == 1, "a page is listed twice"
    assert sorted(locs) == sorted(
        [
            f"{site.root_url}/en/",
            f"{site.root_url}/en/about/",
            f"{site.root_url}/cy/",
            f"{site.root_url}/cy/about/",
        ]
    )


def test_sitemap_has_no_drafts_or_private_pages(client, tree):
    locs = " ".join(loc for loc, _lastmod in sitemap_entries(client))
    for slug in ("draft", "private", "inside"):
        assert f"/{slug}/" not in locs


def test_sitemap_gives_every_page_a_lastmod(client, tree, site):
    about = Page.objects.get(pk=tree["about"].pk)
    entries = dict(sitemap_entries(client))
    assert entries[f"{site.root_url}/en/about/"] == about.last_published_at.date().isoformat()
    assert all(entries.values())


def test_sitemap_lists_every_language_even_when_asked_from_a_welsh_address(client, tree):
    response = client.get("/sitemap.xml", headers={"accept-language": "cy"})
    assert b"/en/about/" in response.content and b"/cy/about/" in response.content


def test_robots_txt_disallows_admin_search_and_accounts_and_points_at_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/en/search/", "/cy/search/", "/en/accounts/", "/cy/accounts/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # Nothing readers should find is blocked.
    assert "Disallow: /" not in lines and "Disallow: /en/" not in lines


def test_robots_and_sitemap_live_at_the_root_not_under_a_language(client, site):
    assert client.get("/en/robots.txt").status_code == 404
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
