"""Insights take part in moderated comments like every other content type."""

import pytest

from comments.models import Comment
from tests.insights.conftest import add_insight

pytestmark = pytest.mark.django_db


def test_insight_pages_show_the_comment_form_and_approved_comments(client, index):
    insight = add_insight(index)
    Comment.objects.create(
        page=insight,
        translation_key=insight.translation_key,
        language="en",
        author_name="An analyst",
        guest_email="analyst@example.org",
        body="Useful findings, thank you.",
        status="approved",
        fingerprint="insight-comment-1",
    )
    Comment.objects.create(
        page=insight,
        translation_key=insight.translation_key,
        language="en",
        author_name="Waiting",
        guest_email="w@example.org",
        body="Not yet moderated.",
        status="pending",
        fingerprint="insight-comment-2",
    )
    html = client.get(insight.url).content.decode()
    assert "Leave a comment" in html
    assert "Useful findings, thank you." in html
    assert "Not yet moderated." not in html
    assert "analyst@example.org" not in html
