"""Get updates (footer and page) and coffee trial choices in Chromium at phone and desktop widths, checked with axe."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from members.coffee.models import CoffeePreference
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow
from tests.e2e.conftest import assert_accessible
from tests.factories import UserFactory
from updates import services
from updates.models import GetUpdatesPage, Subscriber


@pytest.fixture
def updates_site(demo_site):
    page = GetUpdatesPage(
        title="Get updates",
        slug="get-updates",
        intro="News from the community, once a month.",
        consent_text="I agree that Q may email me the updates I choose.",
    )
    demo_site["home"].add_child(instance=page)
    page.save_revision().publish()
    return {**demo_site, "get_updates": page}


def test_footer_form_signs_up_and_passes_axe(page, updates_site, console_errors):
    page.goto(updates_site["url"] + "/en/about/")
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("heading", name="Get updates")).to_be_visible()
    assert_accessible(page)
    footer.get_by_label("Email address").fill("footer.reader@example.org")
    footer.get_by_label("Events").check()
    footer.get_by_label(re.compile("I agree that Q may email me")).check()
    footer.get_by_role("button", name="Sign up for updates").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    assert_accessible(page)
    assert Subscriber.objects.get().email == "footer.reader@example.org"
    assert len(mail.outbox) == 1
    assert console_errors == []


def test_get_updates_page_shows_errors_and_keeps_what_was_typed(page, updates_site, console_errors):
    page.goto(updates_site["url"] + updates_site["get_updates"].url)
    expect(page.locator("h1")).to_have_text("Get updates")
    assert_accessible(page)
    main = page.get_by_role("main")
    main.get_by_label("Email address").fill("not-an-address")
    main.get_by_label("Name (optional)").fill("Siân")
    main.get_by_role("button", name="Sign up for updates").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick the box to agree")
    expect(main.get_by_label("Email address")).to_have_value("not-an-address")
    expect(main.get_by_label("Name (optional)")).to_have_value("Siân")
    assert_accessible(page)
    # The page with errors answers 400 on purpose, which Chromium reports in the console; nothing else may appear.
    assert [e for e in console_errors if "status of 400" not in e] == []


def test_confirm_and_unsubscribe_pages_pass_axe(page, updates_site):
    page.goto(updates_site["url"] + updates_site["get_updates"].url)
    main = page.get_by_role("main")
    main.get_by_label("Email address").fill("flow@example.org")
    main.get_by_label("Insights and research").check()
    main.get_by_label(re.compile("I agree that Q may email me")).check()
    main.get_by_role("button", name="Sign up for updates").click()
    link = re.search(r"http://\S+/en/updates/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(updates_site["url"] + link.split("127.0.0.1:8000", 1)[1])
    assert_accessible(page)
    page.get_by_role("button", name="Yes, send me updates").click()
    expect(page.locator("h1")).to_have_text("You are signed up")
    subscriber = Subscriber.objects.get()
    page.goto(updates_site["url"] + f"/en/updates/unsubscribe/{services.unsubscribe_token(subscriber)}/")
    assert_accessible(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.locator("h1")).to_have_text("You are unsubscribed")


def test_coffee_preferences_form_passes_axe_and_saves(page, demo_site, console_errors):
    ensure_groups_and_workflow(demo_site["home"])
    user = UserFactory(username="cora", email="cora@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, display_name="Cora Coffee", slug="cora-coffee")
    page.goto(demo_site["url"] + "/en/accounts/login/")
    page.get_by_label("Email").fill("cora@example.org")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign In").click()
    page.goto(demo_site["url"] + "/en/members/account/coffee/")
    expect(page.locator("h1")).to_have_text("Randomised Coffee Trials")
    assert_accessible(page)
    page.get_by_label("Take part in coffee trials").check()
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose your region")
    assert_accessible(page)
    page.get_by_label("Your region").select_option(label="Wales")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("You are in.")).to_be_visible()
    assert CoffeePreference.objects.get(profile__user=user).opted_in
    assert [e for e in console_errors if "status of 400" not in e] == []
