"""Welsh pages in a real browser at phone and desktop widths, checked by axe: the home page, a blog post,
an event, and the comment form with its errors; the switcher takes the reader to the English page and back."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible


@pytest.fixture
def welsh_site(transactional_db, live_server, settings):
    from django.utils import timezone
    from wagtail.models import Locale

    from blog.models import BlogIndexPage, BlogPage
    from demo.build import paragraph, stream
    from demo.site import build_site
    from events.models import EventIndexPage, EventPage
    from qsite.setup import setup_site

    # A person takes longer than this; the browser test types at machine speed.
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    site = setup_site()
    home = site.root_page.specific
    build_site(home)
    welsh = Locale.objects.get(language_code="cy")

    def translate(page, **fields):
        translation = page.copy_for_translation(welsh)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation

    blog = BlogIndexPage(title="Blog", slug="blog", show_in_menus=True)
    home.add_child(instance=blog)
    blog.save_revision().publish()
    post = BlogPage(
        title="Learning from night shifts",
        slug="night-shifts",
        intro="What the night team taught us.",
        date=datetime.date(2026, 11, 20),
        body=stream(paragraph("A short post for the browser test.")),
    )
    blog.add_child(instance=post)
    post.save_revision().publish()
    events = EventIndexPage(title="Events", slug="events", intro="Things to come to.", show_in_menus=True)
    home.add_child(instance=events)
    events.save_revision().publish()
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) + datetime.timedelta(days=30)
    event = EventPage(
        title="Run charts without fear",
        slug="run-charts",
        intro="A masterclass.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name="Canolfan y Celfyddydau",
        venue_address="1 Stryd Fawr\nAberystwyth\nSY23 1AA",
        organiser_name="Partner",
    )
    events.add_child(instance=event)
    event.save_revision().publish()

    welsh_home = translate(home, title="Hafan", hero_heading="Gwella iechyd a gofal, gyda'n gilydd")
    translate(blog, title="Blog")
    welsh_post = translate(
        post,
        title="Dysgu o shifftiau nos",
        intro="Beth ddysgodd y tîm nos i ni.",
        body=stream(paragraph("Cofnod byr ar gyfer y prawf porwr.")),
    )
    translate(events, title="Digwyddiadau", intro="Pethau i ddod iddynt.")
    welsh_event = translate(event, title="Siartiau rhediad heb ofn", intro="Dosbarth meistr.")
    base = live_server.url
    return {
        "home": base + welsh_home.url,
        "post": base + welsh_post.url,
        "english_post": base + post.url,
        "event": base + welsh_event.url,
    }


@pytest.mark.parametrize("name", ["home", "post", "event"])
def test_welsh_pages_are_accessible_and_in_welsh(page, welsh_site, console_errors, viewport, name):
    page.goto(welsh_site[name])
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("link", name="Neidio i'r prif gynnwys")).to_be_attached()
    expect(page.get_by_role("navigation", name="Iaith").get_by_role("link", name="English")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_the_switcher_goes_to_the_english_page_and_back(page, welsh_site, console_errors, viewport):
    page.goto(welsh_site["post"])
    page.get_by_role("navigation", name="Iaith").get_by_role("link", name="English").click()
    expect(page).to_have_url(welsh_site["english_post"])
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(welsh_site["post"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Dysgu o shifftiau nos")
    assert console_errors == []


def test_the_welsh_comment_form_shows_its_errors_in_welsh_accessibly(page, welsh_site, console_errors, viewport):
    page.goto(welsh_site["post"])
    form = page.locator("#comment-form")
    expect(form.get_by_role("heading", name="Gadael sylw")).to_be_visible()
    form.get_by_label("Eich enw").fill("Gwen")
    form.get_by_label("Eich cyfeiriad e-bost").fill("nid cyfeiriad")
    form.get_by_role("button", name="Anfon sylw").click()
    errors = page.locator("#comment-errors")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("Ysgrifennwch eich sylw.")
    expect(page.get_by_label("Eich enw")).to_have_value("Gwen")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert_accessible(page)
    assert console_errors == []
