"""Joining and leaving a group: one button for members, a clear message for everyone else, never a 500."""

import pytest
from django.test import Client

from groups.models import GroupMembership, GroupStatus

from .conftest import join, make_group, make_member

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


class TestJoinAndLeave:
    def test_member_joins_with_one_post_and_sees_they_are_in(self, client, member, group):
        client.force_login(member)
        response = client.post(group.url + "join/", follow=True)
        assert response.status_code == 200
        assert GroupMembership.objects.filter(group=group, profile__user=member).count() == 1
        assert "You have joined Measurement for improvement." in messages_of(response)
        assert "Leave this group" in response.text

    def test_joining_twice_keeps_one_membership_and_says_so(self, client, member, group):
        client.force_login(member)
        client.post(group.url + "join/")
        response = client.post(group.url + "join/", follow=True)
        assert GroupMembership.objects.filter(group=group, profile__user=member).count() == 1
        assert "You are already in Measurement for improvement." in messages_of(response)

    def test_member_leaves_with_one_post(self, client, member, group):
        join(group, member)
        client.force_login(member)
        response = client.post(group.url + "leave/", follow=True)
        assert not GroupMembership.objects.filter(group=group).exists()
        assert "You have left Measurement for improvement." in messages_of(response)
        assert "Join this group" in response.text

    def test_leaving_a_group_you_are_not_in_is_a_message_not_an_error(self, client, member, group):
        client.force_login(member)
        response = client.post(group.url + "leave/", follow=True)
        assert response.status_code == 200
        assert "You were not in Measurement for improvement, so there was nothing to leave." in messages_of(response)

    def test_leaving_removes_only_your_own_membership(self, client, member, organiser, group):
        join(group, organiser)
        client.force_login(member)
        client.post(group.url + "leave/")
        assert GroupMembership.objects.filter(group=group, profile__user=organiser).exists()

    def test_a_resting_group_takes_no_new_members(self, client, member, sections):
        resting = make_group(sections["groups"], status=GroupStatus.RESTING)
        client.force_login(member)
        response = client.post(resting.url + "join/", follow=True)
        assert not GroupMembership.objects.exists()
        assert "This group is resting and is not taking new members at the moment." in messages_of(response)
        assert "Join this group" not in response.text

    def test_a_member_may_leave_a_resting_group(self, client, member, group):
        join(group, member)
        group.status = GroupStatus.RESTING
        group.save_revision().publish()
        client.force_login(member)
        client.post(group.url + "leave/")
        assert not GroupMembership.objects.exists()


class TestWhoMayJoin:
    def test_guest_sees_why_and_a_log_in_link_but_no_form(self, client, group):
        response = client.get(group.url)
        assert response.status_code == 200
        assert "Log in to join" in response.text
        assert "/en/accounts/login/?next=" in response.text
        assert "/en/members/apply/" in response.text
        # No join form in the page (the footer's Get updates form is outside <main>).
        assert "<form" not in response.text.split("<main", 1)[1].split("</main>", 1)[0]
        assert "csrfmiddlewaretoken" not in response.text

    def test_guest_posting_to_join_is_sent_to_log_in_and_nothing_is_stored(self, client, group):
        response = client.post(group.url + "join/")
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
        assert not GroupMembership.objects.exists()

    def test_join_by_get_is_refused(self, client, member, group):
        client.force_login(member)
        assert client.get(group.url + "join/").status_code == 405
        assert not GroupMembership.objects.exists()

    def test_join_without_a_csrf_token_is_refused(self, member, group):
        client = Client(enforce_csrf_checks=True)
        client.force_login(member)
        response = client.post(group.url + "join/")
        assert response.status_code == 403
        assert not GroupMembership.objects.exists()

    def test_applicant_cannot_join_and_is_told_why(self, client, applicant, group):
        client.force_login(applicant)
        response = client.post(group.url + "join/", follow=True)
        assert not GroupMembership.objects.exists()
        assert "Groups are for members. You can join once your application is approved." in messages_of(response)

    def test_staff_without_a_profile_is_told_to_make_one(self, client, admin_user, group):
        client.force_login(admin_user)
        response = client.post(group.url + "join/", follow=True)
        assert response.status_code == 200
        assert not GroupMembership.objects.exists()
        assert "You need a member profile to join a group. Please set one up first." in messages_of(response)

    def test_members_page_is_never_publicly_cacheable(self, client, member, group):
        client.force_login(member)
        assert "private" in client.get(group.url)["Cache-Control"]


class TestPreferences:
    def test_joining_copies_the_directory_choice_into_listing_consent(self, client, sections, group):
        hidden = make_member("hid", listed_in_directory=False)
        client.force_login(hidden)
        client.post(group.url + "join/")
        assert GroupMembership.objects.get(profile__user=hidden).listed is False

    def test_member_turns_on_emails_and_off_listing(self, client, member, group):
        join(group, member)
        client.force_login(member)
        client.post(group.url + "preferences/", {"notify": "on", "contact_ok": "on"})
        membership = GroupMembership.objects.get(profile__user=member)
        assert (membership.listed, membership.notify, membership.contact_ok) == (False, True, True)

    def test_hostile_preference_values_are_stored_as_plain_booleans(self, client, member, group):
        join(group, member, listed=True)
        client.force_login(member)
        response = client.post(
            group.url + "preferences/",
            {"notify": "<script>alert(1)</script>", "listed": "\x00", "group": "999", "profile": "1"},
        )
        assert response.status_code == 302
        membership = GroupMembership.objects.get(profile__user=member)
        assert membership.group_id == group.pk and membership.profile.user == member
        assert membership.notify is True

    def test_preferences_for_a_group_you_are_not_in_change_nothing(self, client, member, group):
        client.force_login(member)
        response = client.post(group.url + "preferences/", {"notify": "on"}, follow=True)
        assert response.status_code == 200
        assert not GroupMembership.objects.exists()
        assert "Join the group first to choose how it lists and emails you." in messages_of(response)


class TestListing:
    def test_page_counts_everyone_but_lists_only_those_who_agreed(self, client, member, sections, group):
        shy = make_member("shy", display_name="Shy Person")
        hidden = make_member("hidden", display_name="Hidden Profile", listed_in_directory=False)
        join(group, member)
        join(group, shy, listed=False)
        join(group, hidden, listed=True)  # the profile is hidden from the directory, so never listed
        client.force_login(member)
        response = client.get(group.url)
        assert "3 people in this group" in response.text
        assert "Mo Member" in response.text
        assert "Shy Person" not in response.text
        assert "Hidden Profile" not in response.text

    def test_guests_see_the_count_but_no_names_when_the_directory_is_for_members(self, client, member, group):
        join(group, member)
        response = client.get(group.url)
        assert "1 person in this group" in response.text
        assert "Mo Member" not in response.text

    def test_a_deactivated_account_is_neither_counted_nor_listed(self, client, member, sections, group):
        gone = make_member("gone", display_name="Gone Away")
        join(group, member)
        join(group, gone)
        gone.is_active = False
        gone.save()
        client.force_login(member)
        response = client.get(group.url)
        assert "1 person in this group" in response.text
        assert "Gone Away" not in response.text

    def test_script_in_a_member_name_is_escaped(self, client, member, sections, group):
        evil = make_member("evil", display_name="<script>alert(1)</script>")
        join(group, evil)
        client.force_login(member)
        response = client.get(group.url)
        assert "<script>alert(1)</script>" not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
