"""Events take part in moderated comments like every other content type."""

import pytest

from comments.models import Comment
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def test_event_pages_show_the_comment_form(client, index):
    event = make_event(index, publish=True)
    html = client.get(event.url).content.decode()
    assert "Leave a comment" in html
    assert 'name="body"' in html


def test_approved_comments_on_an_event_are_shown(client, index):
    event = make_event(index, publish=True)
    Comment.objects.create(
        page=event,
        translation_key=event.translation_key,
        language="en",
        author_name="A reader",
        guest_email="reader@example.org",
        body="Will there be step-free access?",
        status="approved",
        fingerprint="event-comment-1",
    )
    html = client.get(event.url).content.decode()
    assert "Will there be step-free access?" in html
    assert "reader@example.org" not in html
