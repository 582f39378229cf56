"""Special interest groups in Chromium at phone and desktop widths, checked with axe: the index, a group page
for a guest and a member, and joining and leaving."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from demo.images import get_or_create_image
from groups.models import GroupIndexPage, GroupMembership, GroupPage
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow
from tests.e2e.conftest import assert_accessible
from tests.factories import UserFactory


@pytest.fixture
def group_site(demo_site):
    home = demo_site["home"]
    index = GroupIndexPage(title="Special interest groups", slug="groups", intro="Find people who share your interest.")
    home.add_child(instance=index)
    index.save_revision().publish()
    ensure_groups_and_workflow(home)
    user = UserFactory(username="mo", email="mo@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    profile = MemberProfile.objects.create(user=user, display_name="Mo Member", slug="mo-member")
    image = get_or_create_image("Group picture", seed=7, width=640, height=360, description="Soft circles.")
    groups = []
    for n, title in enumerate(["Measurement for improvement", "Patient safety learning", "Digital change"]):
        group = GroupPage(
            title=title,
            slug=f"group-{n}",
            purpose=f"What {title.lower()} is about.",
            who_for="Anyone working on it.",
            how_to_take_part="<p>A monthly call.</p>",
            listing_image=image,
        )
        index.add_child(instance=group)
        group.save_revision().publish()
        groups.append(group)
    GroupMembership.objects.create(group=groups[1], profile=profile, listed=True)
    return {**demo_site, "index": index, "groups": groups}


def log_in(page, url):
    page.goto(url + "/en/accounts/login/")
    page.get_by_label("Email").fill("mo@example.org")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/members/account/")


def test_group_index_passes_axe(page, group_site, console_errors):
    page.goto(group_site["url"] + "/en/groups/")
    expect(page.locator("h1")).to_have_text("Special interest groups")
    expect(page.get_by_role("link", name="Patient safety learning")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_group_page_for_a_guest_explains_how_to_join_and_passes_axe(page, group_site, console_errors):
    page.goto(group_site["url"] + "/en/groups/group-0/")
    expect(page.locator("h1")).to_have_text("Measurement for improvement")
    expect(page.get_by_role("link", name="Log in to join")).to_be_visible()
    expect(page.get_by_role("button", name="Join this group")).to_have_count(0)
    assert_accessible(page)
    assert console_errors == []


def test_member_joins_and_leaves_a_group(page, group_site, console_errors):
    log_in(page, group_site["url"])
    page.goto(group_site["url"] + "/en/groups/group-0/")
    assert_accessible(page)
    page.get_by_role("button", name="Join this group").click()
    expect(page.get_by_text("You have joined Measurement for improvement.")).to_be_visible()
    expect(page.get_by_text("1 person in this group")).to_be_visible()
    expect(page.get_by_role("link", name="Mo Member")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email me about new posts and events").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your choices for Measurement for improvement are saved.")).to_be_visible()
    expect(page.get_by_label("Email me about new posts and events")).to_be_checked()
    page.get_by_role("button", name="Leave this group").click()
    expect(page.get_by_text("You have left Measurement for improvement.")).to_be_visible()
    expect(page.get_by_role("button", name="Join this group")).to_be_visible()
    assert console_errors == []
