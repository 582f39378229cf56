"""Data protection: deleted accounts are anonymised; old rejected and spam comments are purged."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from comments.models import Comment, Status

from .conftest import POST_URL, approved, form_data

pytestmark = pytest.mark.django_db


def test_deleting_a_user_anonymises_their_comments(client, post, member):
    client.force_login(member)
    client.post(POST_URL, form_data(post, name=None, email=None, body="Mine"))
    comment = Comment.objects.get()
    comment.status = Status.APPROVED
    comment.save()
    member.delete()
    comment.refresh_from_db()
    assert comment.author is None and comment.author_name == "Former member"
    assert comment.ip_hash == "" and comment.guest_email == ""
    client.logout()
    html = client.get(post.url).content.decode()
    assert "Mine" in html and "Former member" in html and "Mo from Manchester" not in html


def test_purge_deletes_only_old_rejected_and_spam_comments(post):
    old = timezone.now() - datetime.timedelta(days=100)
    recent = timezone.now() - datetime.timedelta(days=5)
    for status in Status.values:
        approved(post, f"old {status}", status=status, created=old)
        approved(post, f"recent {status}", status=status, created=recent)
    call_command("purge_comments", "--days", "30")
    left = set(Comment.objects.values_list("body", flat=True))
    assert left == {"old pending", "old approved", *{f"recent {s}" for s in Status.values}}


def test_purge_dry_run_deletes_nothing(post, capsys):
    approved(post, "spam", status=Status.SPAM, created=timezone.now() - datetime.timedelta(days=100))
    call_command("purge_comments", "--days", "30", "--dry-run")
    assert Comment.objects.count() == 1
    assert "1 rejected or spam comments" in capsys.readouterr().out


def test_purge_refuses_nonsense_days(db):
    with pytest.raises(CommandError):
        call_command("purge_comments", "--days", "0")
