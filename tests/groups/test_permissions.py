"""Who may do what with a group: organisers edit drafts of their own group's page and download its member
list; editors publish and download; other members and guests do neither."""

import csv
import io

import pytest
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from groups.models import GroupPage

from .conftest import join, make_group, make_member

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def group_form(group, **extra):
    return nested_form_data(
        {
            "title": group.title,
            "slug": group.slug,
            "purpose": "A sharper purpose, written by the organiser.",
            "who_for": group.who_for,
            "status": group.status,
            "region": "",
            "organisers": [p.pk for p in group.organisers.all()],
            "how_to_take_part": rich_text("<p>Monthly calls.</p>"),
            "body": streamfield([]),
            "topics": "",
            "listing_image": "",
            "seo_title": "",
            "search_description": "",
            **extra,
        }
    )


class TestOrganisersEditTheirGroup:
    def test_organiser_opens_the_editor_for_their_group(self, client, organiser, group):
        client.force_login(organiser)
        assert client.get(edit_url(group)).status_code == 200

    def test_organiser_submits_changes_for_review_without_publishing(self, client, organiser, group):
        client.force_login(organiser)
        response = client.post(edit_url(group), group_form(group, **{"action-submit": "Submit"}))
        assert response.status_code == 302
        group.refresh_from_db()
        assert group.purpose != "A sharper purpose, written by the organiser."  # the live page is unchanged
        assert group.has_unpublished_changes
        assert WorkflowState.objects.filter(object_id=str(group.pk), status="in_progress").exists()

    def test_organiser_cannot_publish(self, client, organiser, group):
        client.force_login(organiser)
        client.post(edit_url(group), group_form(group, **{"action-publish": "Publish"}))
        group.refresh_from_db()
        assert group.purpose != "A sharper purpose, written by the organiser."
        assert not group.permissions_for_user(organiser).can_publish()

    def test_organiser_cannot_delete_or_unpublish_their_group(self, organiser, group):
        perms = group.permissions_for_user(organiser)
        assert not perms.can_delete()
        assert not perms.can_unpublish()

    def test_organiser_cannot_edit_another_groups_page(self, client, organiser, other_group):
        client.force_login(organiser)
        assert client.get(edit_url(other_group)).status_code in (302, 403)
        response = client.post(edit_url(other_group), group_form(other_group, **{"action-submit": "Submit"}))
        assert response.status_code in (302, 403)
        other_group.refresh_from_db()
        assert not other_group.has_unpublished_changes

    def test_a_member_who_is_not_an_organiser_cannot_edit(self, client, member, group):
        join(group, member)
        client.force_login(member)
        assert client.get(edit_url(group)).status_code in (302, 403)
        assert not group.permissions_for_user(member).can_edit()

    def test_editor_publishes_the_organisers_change(self, client, editor, group):
        client.force_login(editor)
        response = client.post(edit_url(group), group_form(group, **{"action-publish": "Publish"}))
        assert response.status_code == 302
        group.refresh_from_db()
        assert group.purpose == "A sharper purpose, written by the organiser."

    def test_group_page_shows_the_edit_link_to_organisers_only(self, client, organiser, member, group):
        client.force_login(organiser)
        assert edit_url(group) in client.get(group.url).text
        client.force_login(member)
        assert edit_url(group) not in client.get(group.url).text


def read_csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


class TestMemberListDownload:
    @pytest.fixture
    def members(self, sections, group):
        ada = make_member("ada", display_name="Ada Analyst", organisation='=HYPERLINK("http://x")')
        bo = make_member("bo", display_name="Bo Builder", organisation="Northside")
        join(group, ada, contact_ok=True)
        join(group, bo, contact_ok=False, listed=False)
        return ada, bo

    def test_organiser_downloads_names_organisations_and_only_consented_emails(self, client, organiser, members, group):
        client.force_login(organiser)
        response = client.get(group.url + "members/csv/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "no-store" in response["Cache-Control"]
        rows = read_csv(response)
        assert rows[0] == ["Name", "Organisation", "Region", "Email", "Joined"]
        by_name = {row[0]: row for row in rows[1:]}
        assert set(by_name) == {"Ada Analyst", "Bo Builder"}  # unlisted members are still in the organisers' list
        assert by_name["Ada Analyst"][3] == "ada@example.org"
        assert by_name["Bo Builder"][3] == ""
        assert "bo@example.org" not in response.content.decode()

    def test_formula_cells_are_defused(self, client, organiser, members, group):
        client.force_login(organiser)
        rows = read_csv(client.get(group.url + "members/csv/"))
        ada = next(row for row in rows if row[0] == "Ada Analyst")
        assert ada[1] == '\'=HYPERLINK("http://x")'

    def test_editor_may_download(self, client, editor, members, group):
        client.force_login(editor)
        assert client.get(group.url + "members/csv/").status_code == 200

    def test_a_member_of_the_group_may_not(self, client, members, group):
        client.force_login(members[0])
        response = client.get(group.url + "members/csv/")
        assert response.status_code == 403
        assert "ada@example.org" not in response.content.decode()

    def test_the_organiser_of_another_group_may_not(self, client, sections, members, group):
        other_organiser = make_member("oto")
        make_group(sections["groups"], organisers=[other_organiser])
        client.force_login(other_organiser)
        assert client.get(group.url + "members/csv/").status_code == 403

    def test_a_guest_is_sent_to_log_in(self, client, members, group):
        response = client.get(group.url + "members/csv/")
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")

    def test_a_forged_organiser_field_in_a_post_grants_nothing(self, client, member, group):
        """Posting 'organisers' to the public preferences form must not make anyone an organiser."""
        join(group, member)
        client.force_login(member)
        client.post(group.url + "preferences/", {"organisers": [member.member_profile.pk], "listed": "on"})
        assert not GroupPage.objects.get(pk=group.pk).organisers.filter(pk=member.member_profile.pk).exists()
        assert client.get(group.url + "members/csv/").status_code == 403

    def test_csrf_is_enforced_on_leave(self, member, group):
        join(group, member)
        client = Client(enforce_csrf_checks=True)
        client.force_login(member)
        assert client.post(group.url + "leave/").status_code == 403
        assert group.memberships().count() == 1


class TestOnlyEditorsCreateGroups:
    def test_members_and_organisers_cannot_add_a_group(self, client, member, organiser, sections, group):
        url = f"/admin/pages/add/groups/grouppage/{sections['groups'].pk}/"
        for user in (member, organiser):
            client.force_login(user)
            assert client.get(url).status_code in (302, 403)

    def test_editor_can_add_a_group(self, client, editor, sections):
        client.force_login(editor)
        assert client.get(f"/admin/pages/add/groups/grouppage/{sections['groups'].pk}/").status_code == 200

    def test_group_pages_only_go_under_the_groups_index(self, sections):
        assert GroupPage.parent_page_types == ["groups.GroupIndexPage"]
        assert not GroupPage.can_create_at(sections["blog"])
