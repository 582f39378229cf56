"""Accounts and the member directory in Chromium at phone and desktop widths, checked with axe."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow
from qsite.models import Region
from tests.e2e.conftest import assert_accessible
from tests.factories import MemberProfileFactory, UserFactory


@pytest.fixture
def member_site(demo_site):
    ensure_groups_and_workflow(demo_site["home"])
    user = UserFactory(username="mo", email="mo@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, display_name="Mo Member", slug="mo-member")
    for n in range(3):
        MemberProfileFactory(display_name=f"Listed Person {n}", region=Region.objects.get(slug="wales"))
    return demo_site


def log_in(page, url):
    page.goto(url + "/en/accounts/login/")
    page.get_by_label("Email").fill("mo@example.org")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign In").click()


def test_sign_up_form_and_its_errors_pass_axe(page, member_site):
    page.goto(member_site["url"] + "/en/accounts/signup/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email").fill("someone@example.org")
    page.locator("#id_password1").fill("short")
    page.locator("#id_password2").fill("short")
    page.get_by_role("button", name=re.compile("Sign Up")).click()
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("someone@example.org")
    assert_accessible(page)


def test_log_in_form_passes_axe_and_leads_to_the_account_page(page, member_site):
    page.goto(member_site["url"] + "/en/accounts/login/")
    assert_accessible(page)
    log_in(page, member_site["url"])
    expect(page).to_have_url(member_site["url"] + "/en/members/account/")
    expect(page.locator("h1")).to_have_text("Your account")
    assert_accessible(page)


def test_profile_edit_form_passes_axe_and_saves(page, member_site):
    log_in(page, member_site["url"])
    page.goto(member_site["url"] + "/en/members/account/profile/")
    assert_accessible(page)
    page.get_by_role("textbox", name="Job title").fill("Improvement facilitator")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    page.goto(member_site["url"] + "/en/members/account/profile/")
    page.get_by_role("textbox", name="Website").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_role("alert")).to_contain_text("Website")
    assert_accessible(page)


def test_directory_passes_axe_for_a_member(page, member_site):
    log_in(page, member_site["url"])
    page.goto(member_site["url"] + "/en/members/")
    expect(page.locator("h1")).to_have_text("Member directory")
    expect(page.get_by_role("link", name="Listed Person 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Region").select_option("wales")
    page.get_by_role("button", name="Search members").click()
    expect(page.get_by_role("heading", name="3 members")).to_be_visible()


def test_closed_directory_explains_itself_and_passes_axe(page, member_site):
    page.goto(member_site["url"] + "/en/members/")
    expect(page.get_by_text("The directory is open to members of the community.")).to_be_visible()
    assert_accessible(page)
