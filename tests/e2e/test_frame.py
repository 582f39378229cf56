"""The site frame in a real browser at phone and desktop widths: it loads, navigates and passes axe."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible


def test_home_page_loads_and_passes_axe(page, demo_site, console_errors):
    page.goto(demo_site["url"] + "/")
    expect(page).to_have_url(demo_site["url"] + "/en/")
    expect(page).to_have_title("Home | Q community")
    expect(page.locator("h1")).to_have_text("Improving health and care, together")
    expect(page.get_by_role("link", name="Find out about Q")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_standard_page_loads_with_breadcrumbs_and_passes_axe(page, demo_site, console_errors):
    page.goto(demo_site["url"] + "/en/about/")
    expect(page.locator("h1")).to_have_text("About Q")
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumbs.get_by_role("link", name="Home")).to_be_visible()
    expect(page.get_by_role("heading", name="In this section")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_not_found_page_passes_axe(page, demo_site):
    response = page.goto(demo_site["url"] + "/en/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page)


def test_main_navigation_reaches_a_section(page, demo_site, viewport):
    page.goto(demo_site["url"] + "/en/")
    nav = page.get_by_role("navigation", name="Main")
    menu_button = nav.get_by_role("button", name="Menu")
    if viewport[0] == "phone":
        # Small screens: links stay hidden until the Menu button opens them.
        expect(menu_button).to_have_attribute("aria-expanded", "false")
        expect(nav.get_by_role("link", name="Get involved")).to_be_hidden()
        menu_button.click()
        expect(menu_button).to_have_attribute("aria-expanded", "true")
    else:
        expect(menu_button).to_be_hidden()
    nav.get_by_role("link", name="Get involved").click()
    expect(page).to_have_url(demo_site["url"] + "/en/get-involved/")
    expect(page.locator("h1")).to_have_text("Get involved")
    if viewport[0] == "phone":
        menu_button.click()
    expect(nav.get_by_role("link", name="Get involved")).to_have_attribute("aria-current", "page")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo_site):
    page.goto(demo_site["url"] + "/en/about/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_focus_is_visible_on_links(page, demo_site):
    page.goto(demo_site["url"] + "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    outline = focused.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert outline == "solid 3px"


def test_the_axe_check_fails_on_an_inaccessible_page(browser):
    """The helper must be able to fail: a page with an unlabelled image and no language breaks WCAG."""
    page = browser.new_page()
    page.set_content("<html><body><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><a href='#'></a></body></html>")
    try:
        assert_accessible(page)
    except AssertionError as error:
        report = str(error)
    else:
        raise AssertionError("axe passed a page with known violations")
    assert "image-alt" in report or "Images must have alternative text" in report
    assert "html-has-lang" in report or "<html> element must have a lang attribute" in report
