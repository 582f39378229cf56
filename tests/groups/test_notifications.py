"""Emails to members who asked: once per page and group, batched, each with a one-click unsubscribe."""

import re

import pytest
from django.core import mail, signing
from django.test import Client

from groups.models import GroupMembership, GroupNotification

from .conftest import join, make_event, make_member, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(sections, group):
    user = make_member("sue", display_name="Sue Subscriber")
    join(group, user, notify=True)
    return user


def unsubscribe_link(message):
    return re.search(r"http://\S+/group-emails/unsubscribe/\S+/", message.body).group(0)


def test_publishing_a_post_for_a_group_emails_its_subscribers_once(sections, group, subscriber, member):
    join(group, member, notify=False)
    mail.outbox.clear()
    post = make_post(sections["blog"], title="What our run charts showed", groups=[group])
    assert [m.to for m in mail.outbox] == [["sue@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "New in Measurement for improvement: What our run charts showed"
    assert post.full_url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_link(message)}>"
    # Publishing again (an edit) sends nothing more.
    post.save_revision().publish()
    assert len(mail.outbox) == 1
    assert GroupNotification.objects.get(page=post).recipients == 1


def test_publishing_an_event_for_a_group_emails_its_subscribers(sections, group, subscriber):
    mail.outbox.clear()
    make_event(sections["events"], title="SPC clinic", groups=[group])
    assert len(mail.outbox) == 1
    assert "SPC clinic" in mail.outbox[0].subject


def test_a_member_of_two_groups_gets_one_email_per_page(sections, group, other_group, subscriber):
    join(other_group, subscriber, notify=True)
    mail.outbox.clear()
    make_post(sections["blog"], groups=[group, other_group])
    assert len(mail.outbox) == 1


def test_adding_a_group_later_tells_only_the_new_group(sections, group, other_group, subscriber):
    other = make_member("oz")
    join(other_group, other, notify=True)
    post = make_post(sections["blog"], groups=[group])
    mail.outbox.clear()
    post.groups.add(other_group)
    post.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["oz@example.org"]]


def test_drafts_and_pages_without_groups_send_nothing(sections, group, subscriber):
    mail.outbox.clear()
    draft = make_post(sections["blog"], groups=[group], live=False, revision=False)
    draft.save_revision()
    make_post(sections["blog"], groups=[])
    assert mail.outbox == []


def test_many_subscribers_each_get_their_own_email(sections, group):
    for n in range(120):
        join(group, make_member(f"reader{n}"), notify=True)
    mail.outbox.clear()
    make_post(sections["blog"], groups=[group])
    assert len(mail.outbox) == 120
    assert all(len(m.to) == 1 for m in mail.outbox)  # nobody sees anyone else's address
    assert len({m.to[0] for m in mail.outbox}) == 120


def test_deactivated_accounts_are_not_emailed(sections, group, subscriber):
    subscriber.is_active = False
    subscriber.save()
    mail.outbox.clear()
    make_post(sections["blog"], groups=[group])
    assert mail.outbox == []


class TestUnsubscribe:
    @pytest.fixture
    def link(self, sections, group, subscriber):
        mail.outbox.clear()
        make_post(sections["blog"], groups=[group])
        return unsubscribe_link(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]

    def test_opening_the_link_asks_and_changes_nothing(self, client, link, subscriber):
        response = client.get("/" + link)
        assert response.status_code == 200
        assert "Stop these emails" in response.text
        assert GroupMembership.objects.get(profile__user=subscriber).notify is True

    def test_one_click_post_without_cookies_or_csrf_unsubscribes(self, link, subscriber):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/" + link, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert "You will no longer get emails about Measurement for improvement." in response.text
        membership = GroupMembership.objects.get(profile__user=subscriber)
        assert membership.notify is False and membership.listed is True  # still in the group

    def test_a_tampered_token_is_refused_clearly(self, client, link, subscriber):
        response = client.post("/" + link.replace("/unsubscribe/", "/unsubscribe/x"))
        assert response.status_code == 400
        assert "This unsubscribe link is not valid" in response.text
        assert GroupMembership.objects.get(profile__user=subscriber).notify is True

    def test_a_token_for_another_membership_is_refused(self, client, group, subscriber, member):
        other = join(group, member, notify=True)
        forged = signing.dumps([other.pk, group.pk], salt="wrong-salt", compress=True)
        assert client.post(f"/en/group-emails/unsubscribe/{forged}/").status_code == 400
        assert GroupMembership.objects.get(pk=other.pk).notify is True

    def test_garbage_tokens_are_400_not_500(self, client):
        for token in ["abc", "%00", "x" * 2000, "<script>", "ünïcode"]:
            assert client.get(f"/en/group-emails/unsubscribe/{token}/").status_code in (400, 404)

    def test_after_leaving_the_link_says_so(self, client, link, subscriber):
        GroupMembership.objects.filter(profile__user=subscriber).delete()
        response = client.post("/" + link)
        assert response.status_code == 200
        assert "You are no longer in Measurement for improvement" in response.text
