"""The search page and region pages in Chromium at phone and desktop widths, checked with axe."""

import pytest
from playwright.sync_api import expect

from demo.images import get_or_create_image
from qsite.models import Region
from tests.e2e.conftest import assert_accessible
from tests.factories import BlogIndexPageFactory, BlogPageFactory


@pytest.fixture
def search_site(demo_site):
    home = demo_site["home"]
    blog = BlogIndexPageFactory(parent=home, show_in_menus=True)
    image = get_or_create_image("Ward whiteboard", seed=3, width=800, height=450, description="A ward whiteboard")
    for n in range(1, 13):
        BlogPageFactory(
            parent=blog,
            title=f"Huddles on the ward, part {n}",
            intro="How a daily huddle helped the team see problems early.",
            hero_image=image,
            topics=["Patient safety"],
            region=Region.objects.get(slug="wales", locale__language_code="en"),
            revision=False,
        )
    return demo_site


def test_searching_from_the_header_shows_highlighted_results_and_passes_axe(page, search_site, console_errors):
    page.goto(search_site["url"] + "/en/")
    page.get_by_role("searchbox", name="Search the site").fill("huddle")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page.get_by_role("heading", name="12 results for “huddle”")).to_be_visible()
    expect(page.locator(".search-result__title mark").first).to_have_text("Huddle")
    expect(page.get_by_role("link", name="Blog posts 12")).to_be_visible()
    expect(page.get_by_role("navigation", name="Search result pages")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_search_with_no_results_offers_help_and_passes_axe(page, search_site, console_errors):
    page.goto(search_site["url"] + "/en/search/?q=hudles")
    expect(page.get_by_text("Did you mean")).to_be_visible()
    expect(page.get_by_role("link", name="huddles")).to_have_attribute("href", "/en/search/?q=huddles")
    expect(page.get_by_role("link", name="Patient safety")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_search_errors_are_shown_beside_the_field_and_pass_axe(page, search_site, console_errors):
    page.goto(search_site["url"] + "/en/search/?q=huddle&topic=no-such-topic")
    expect(page.get_by_role("alert")).to_contain_text("There is no topic called “no-such-topic”.")
    expect(page.get_by_label("Search for")).to_have_value("huddle")
    assert_accessible(page)
    assert console_errors == []


def test_region_page_passes_axe(page, search_site, console_errors):
    page.goto(search_site["url"] + "/en/regions/wales/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wales")
    expect(page.get_by_role("heading", name="12 items")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_topics_index_and_topic_page_pass_axe_and_fit_the_screen(page, search_site, console_errors):
    page.goto(search_site["url"] + "/en/topics/")
    expect(page.get_by_role("heading", level=1, name="Topics")).to_be_visible()
    page.get_by_role("link", name="Patient safety").click()
    expect(page.get_by_role("heading", level=1, name="Patient safety")).to_be_visible()
    expect(page.locator("time").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)
    page.goto(search_site["url"] + "/en/topics/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)
    assert console_errors == []
