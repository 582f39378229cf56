"""Requests for a host no Wagtail Site answers for (or before any Site exists) still get proper answers.

Transactional tests (the browser tests' live server) flush the tables Wagtail's migrations filled, so later
tests in the same process meet an empty Site table; production meets it with a stray Host header.
"""

import pytest
from wagtail.models import Site


@pytest.fixture
def no_site(db):
    Site.objects.all().delete()


def test_a_missing_page_is_a_404_not_a_500(client, no_site):
    assert client.get("/healthz/").status_code == 404
    assert client.get("/en/no-such-page/").status_code == 404


def test_an_unsubscribe_link_is_answered(client, no_site):
    assert client.get("/en/group-emails/unsubscribe/abc/").status_code == 400


def test_the_member_directory_uses_the_default_settings(client, no_site):
    # The default keeps the directory for members only.
    assert client.get("/en/members/").status_code == 403
