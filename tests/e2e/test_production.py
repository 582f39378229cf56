"""The Wagtail admin works under its own Content-Security-Policy, and the 503 page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.production.conftest import CLOSED_PORT, start_gunicorn


def sign_in(page, url):
    page.goto(url + "/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()


def test_admin_dashboard_and_page_editor_load_under_the_admin_csp(page, demo_site, admin_user, console_errors):
    csp = []
    page.on(
        "response",
        lambda r: (
            csp.append(r.headers.get("content-security-policy", "")) if r.request.is_navigation_request() else None
        ),
    )
    sign_in(page, demo_site["url"])
    expect(page).to_have_url(demo_site["url"] + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    home = demo_site["url"] + f"/admin/pages/{demo_site['home'].pk}/edit/"
    page.goto(home)
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    # Draftail and the page editor's scripts ran: the title field is filled in from the page.
    expect(page.locator("#id_title")).not_to_have_value("")
    assert csp and all("script-src 'self' 'unsafe-inline'" in header for header in csp), csp
    assert console_errors == []


@pytest.fixture
def server_without_database(tmp_path):
    server = start_gunicorn(tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/qsite")
    yield server
    server.stop()


def test_the_database_outage_page_is_accessible(page, server_without_database, console_errors):
    server = server_without_database
    response = page.goto(server.url + "/en/")
    assert response.status == 503
    expect(page.locator("h1")).to_have_text("The site is back in a few minutes")
    expect(page).to_have_title("Back soon | Q community")
    assert_accessible(page)
    # Chromium reports the page's own 503 status as a console error; nothing else may fail
    # (the stylesheet and icon load, and no script or style is blocked by the CSP).
    assert [e for e in console_errors if "status of 503" not in e] == []
    assert len(console_errors) == 1
