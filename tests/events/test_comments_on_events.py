"""Events take part in moderated comments like every other content type."""

import datetime
import re

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.comments.conftest import approved, form_data
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


def _invalid_comment(client, event, **overrides):
    data = form_data(event, email="not-an-email", body="My question about <script>alert(1)</script> access")
    data.update(overrides)
    return client.post("/en/comments/post/", data, REMOTE_ADDR="203.0.113.61")


def test_a_failed_comment_on_an_ongoing_hybrid_event_shows_the_page_as_its_own_route_does(client, index):
    now = timezone.now()
    event = make_event(
        index,
        publish=True,
        event_format="hybrid",
        joining_link="https://video.example.org/room-42",
        start=now - datetime.timedelta(minutes=30),
        end=now + datetime.timedelta(hours=1),
    )
    make_event(index, publish=True, title="Another gathering")
    response = _invalid_comment(client, event)
    html = response.content.decode()
    assert response.status_code == 200
    # What the event's own route adds (joining link, live notice, more events) survives the failed post.
    assert "Join the online session" in html
    assert "This event is happening now." in html
    assert "More upcoming events" in html and "Another gathering" in html
    # What the reader typed comes back, escaped, with the error beside the field.
    assert "My question about &lt;script&gt;alert(1)&lt;/script&gt; access" in html
    assert "<script>alert(1)</script>" not in html
    assert "Enter an email address in the right format" in html


def test_a_failed_comment_keeps_the_pages_canonical_address_and_working_reply_links(client, index):
    event = make_event(index, publish=True)
    reply = approved(event, body="Is there parking?")
    response = _invalid_comment(client, event)
    html = response.content.decode()
    assert re.findall(r'<link rel="canonical" href="([^"]*)"', html) == [event.full_url]
    assert f'href="{event.url}?reply_to={reply.pk}#comment-form"' in html
    # The reply link, followed, answers 200 with the reply form (it used to resolve against the form's URL: 405).
    assert client.get(f"{event.url}?reply_to={reply.pk}").status_code == 200


def test_a_failed_comment_is_never_stored_by_a_shared_cache(client, index):
    event = make_event(index, publish=True)
    response = _invalid_comment(client, event)
    assert response["Cache-Control"] == "private, no-store"
