"""Events in a real browser at phone and desktop widths: list, calendar and event pages pass axe and work without
JavaScript-only tricks."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible


@pytest.fixture
def events_site(demo_site):
    from demo.events import build_events
    from demo.people import build_people

    home = demo_site["home"]
    people = build_people(home.locale)
    build_events(home, people)
    return demo_site


def test_events_list_passes_axe_and_filters_by_region(page, events_site, console_errors):
    page.goto(events_site["url"] + "/en/events/")
    expect(page.locator("h1")).to_have_text("Events")
    expect(page.get_by_role("link", name="Upcoming", exact=True)).to_have_attribute("aria-current", "page")
    assert page.locator(".card").count() == 12
    assert_accessible(page)
    page.get_by_label("Region").select_option("scotland")
    page.get_by_role("button", name="Show events").click()
    expect(page).to_have_url(events_site["url"] + "/en/events/?type=&format=&region=scotland&topic=&month=")
    expect(page.get_by_role("link", name="Scotland community gathering")).to_be_visible()
    expect(page.get_by_label("Region")).to_have_value("scotland")
    assert console_errors == []


def test_a_bad_filter_is_explained_accessibly(page, events_site):
    page.goto(events_site["url"] + "/en/events/?month=2026-13")
    expect(page.get_by_role("alert")).to_contain_text("is not a month")
    assert_accessible(page)


def test_past_events_pass_axe(page, events_site):
    page.goto(events_site["url"] + "/en/events/past/")
    expect(page.locator("h1")).to_have_text("Past events")
    assert_accessible(page)


def test_calendar_passes_axe_and_moves_between_months(page, events_site, console_errors):
    page.goto(events_site["url"] + "/en/events/calendar/")
    today = timezone.localdate()
    month = today.strftime("%B %Y")
    expect(page.locator("h1")).to_have_text(f"Events calendar: {month}")
    table = page.get_by_role("table")
    expect(table.locator("caption")).to_contain_text(month)
    expect(table.get_by_role("columnheader")).to_have_count(7)
    # On a phone the table scrolls inside its own box; the page itself never scrolls sideways.
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.get_by_role("link", name="next month").click()
    expect(page.locator("h1")).not_to_have_text(f"Events calendar: {month}")
    assert_accessible(page)
    assert console_errors == []


def test_event_page_passes_axe_and_offers_the_calendar_file(page, events_site, console_errors):
    page.goto(events_site["url"] + "/en/events/scotland-community-gathering/")
    expect(page.locator("h1")).to_have_text("Scotland community gathering")
    expect(page.get_by_text("Merchant Row Conference Rooms")).to_be_visible()
    link = page.get_by_role("link", name="Add to your calendar")
    expect(link).to_have_attribute("href", "/en/events/scotland-community-gathering/ical/")
    assert_accessible(page)
    assert console_errors == []


def test_cancelled_event_page_passes_axe_and_says_so(page, events_site):
    page.goto(events_site["url"] + "/en/events/site-visit-a-community-mental-health-hub-in-bristol/")
    expect(page.get_by_role("status")).to_contain_text("This event has been cancelled")
    expect(page.get_by_role("link", name="Book a place")).to_have_count(0)
    assert_accessible(page)
