"""load_demo's groups: eight of them, run by members, with members, posts and events; safe to re-run."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from groups.models import GroupIndexPage, GroupMembership, GroupPage, GroupStatus

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", "--allow-production", stdout=out)
    return out.getvalue()


def test_demo_builds_eight_groups_with_people_and_content_and_a_rerun_adds_nothing(client):
    output = load_demo()
    assert "Special interest groups created: 8" in output
    assert mail.outbox == [] or all("New in" not in m.subject for m in mail.outbox)  # no group emails on load
    groups = GroupPage.objects.live()
    assert groups.count() == 8
    assert set(groups.values_list("status", flat=True)) == set(GroupStatus.values)
    for group in groups:
        assert group.organisers.count() == 2
        assert group.memberships().count() >= 5
        assert group.posts().exists() or group.upcoming_events().exists()
        assert client.get(group.url).status_code == 200
    assert groups.get(slug="measurement-for-improvement").organisers.filter(slug="mo-member").exists()
    index = GroupIndexPage.objects.get()
    assert f'href="{index.url}"' in client.get("/en/").text  # in the main menu
    memberships = GroupMembership.objects.count()

    assert "Special interest groups created: 0" in load_demo()
    assert GroupPage.objects.count() == 8
    assert GroupMembership.objects.count() == memberships
