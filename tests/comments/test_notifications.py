"""Emails as background tasks: batched for moderators, to members on approval, to page authors.
Never to a guest's address."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from comments import services, tasks
from comments.models import Comment, Status

from .conftest import approved, form_data, send

pytestmark = pytest.mark.django_db


def all_recipients():
    return [address for message in mail.outbox for address in message.to]


def test_moderators_get_one_email_however_many_comments_arrive(
    client, post, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            send(client, post, body=f"Comment {n}", email=f"guest{n}@example.org", ip=f"198.51.100.{n}")
    digests = [m for m in mail.outbox if "waiting for moderation" in m.subject]
    assert len(digests) == 1
    assert digests[0].to == [editor.email]
    assert "/admin/snippets/comments/comment/?status=pending" in digests[0].body


def test_a_new_digest_is_sent_once_the_window_has_passed(client, post, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, body="First")
    cache.delete(tasks.DIGEST_LOCK)  # the window (COMMENTS_DIGEST_MINUTES) has run out
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, body="Second", email="other@example.org")
    digests = [m for m in mail.outbox if "waiting for moderation" in m.subject]
    assert len(digests) == 2
    assert digests[1].subject == "2 comments are waiting for moderation"


def test_comments_held_as_spam_do_not_wake_the_moderators(client, post, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, body="https://a.example https://b.example https://c.example")
    assert mail.outbox == []


def test_moderator_digest_goes_only_to_people_who_can_moderate(post, editor, member, admin_user):
    approved(post, "Waiting", status=Status.PENDING)
    tasks.send_moderator_digest.enqueue()
    assert sorted(all_recipients()) == sorted([editor.email, admin_user.email])
    assert member.email not in all_recipients()


@override_settings(COMMENTS_DIGEST_MINUTES=15)
def test_with_a_deferring_task_backend_the_digest_waits_for_the_end_of_the_window(monkeypatch):
    seen = {}

    class DeferringBackend:
        supports_defer = True

    class FakeTask:
        def using(self, run_after):
            seen["run_after"] = run_after
            return self

        def enqueue(self):
            return "queued"

    monkeypatch.setattr(tasks, "default_task_backend", DeferringBackend())
    monkeypatch.setattr(tasks, "send_moderator_digest", FakeTask())
    assert tasks.schedule_moderator_digest() == "queued"
    assert tasks.schedule_moderator_digest() is None  # inside the window: nothing more
    from django.utils import timezone

    minutes = (seen["run_after"] - timezone.now()).total_seconds() / 60
    assert 14 < minutes <= 15


def test_member_is_told_when_their_comment_is_approved(
    client, post, member, editor, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post("/en/comments/post/", form_data(post, name=None, email=None, body="Member words"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(list(Comment.objects.all()), Status.APPROVED, editor)
    approvals = [m for m in mail.outbox if m.subject == "Your comment is now published"]
    assert [m.to for m in approvals] == [[member.email]]
    assert post.full_url in approvals[0].body


def test_page_author_is_told_of_approved_comments_on_their_post(
    post, editor, author_profile, django_capture_on_commit_callbacks
):
    comments = [approved(post, f"Hello {n}", status=Status.PENDING) for n in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comments, Status.APPROVED, editor)
    to_author = [m for m in mail.outbox if author_profile.user.email in m.to]
    assert len(to_author) == 1
    assert "2 new comments have been published" in to_author[0].body
    assert "Hello 0" in to_author[0].body and "Hello 1" in to_author[0].body


def test_rejecting_sends_nobody_anything(post, editor, django_capture_on_commit_callbacks):
    comment = approved(post, "No", status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate([comment], Status.REJECTED, editor)
    assert mail.outbox == []


def test_no_email_is_ever_sent_to_a_guest(client, post, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, email="guest.person@example.org", body="Guest words")
        services.moderate(list(Comment.objects.all()), Status.APPROVED, editor)
    assert mail.outbox, "the moderator and author emails should have gone"
    assert "guest.person@example.org" not in all_recipients()
    assert not any("guest.person@example.org" in m.body for m in mail.outbox)
