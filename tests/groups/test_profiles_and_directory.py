"""A member's groups on their profile and in the directory filter, with listing consent respected."""

import pytest

from .conftest import join, make_member

pytestmark = pytest.mark.django_db


def test_profile_shows_the_groups_a_member_agreed_to_be_listed_in(client, member, organiser, group, other_group):
    join(group, organiser, listed=True)
    join(other_group, organiser, listed=False)
    client.force_login(member)
    text = client.get("/en/members/olu/").text
    assert "Measurement for improvement" in text
    assert "Patient safety" not in text


def test_a_member_sees_all_their_own_groups_on_their_profile(client, member, group, other_group):
    join(group, member, listed=False)
    client.force_login(member)
    assert "Measurement for improvement" in client.get("/en/members/mo/").text


def test_directory_filters_by_group_and_only_shows_listed_members(client, sections, member, group, other_group):
    ada = make_member("ada", display_name="Ada Analyst")
    bo = make_member("bo", display_name="Bo Builder")
    cy = make_member("cy", display_name="Cy Careful")
    join(group, ada)
    join(group, cy, listed=False)
    join(other_group, bo)
    client.force_login(member)
    response = client.get("/en/members/?group=measurement")
    assert response.status_code == 200
    names = [p.display_name for p, _visible in response.context["members"]]
    assert names == ["Ada Analyst"]
    assert '<option value="measurement" selected>' in response.text


def test_directory_with_an_unknown_or_hostile_group_is_an_empty_result_not_an_error(client, member, group):
    client.force_login(member)
    for value in ["no-such-group", "<script>", "\x00", "a" * 500]:
        response = client.get("/en/members/", {"group": value})
        assert response.status_code == 200
        assert response.context["members"] == []
