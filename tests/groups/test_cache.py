"""A group page is cached for readers like any page, and leaves the cache when a post for the group is
published or someone joins (qsite/cache.py, through the group hook and the membership signal)."""

import pytest
from django.test import override_settings

from qsite.settings.environment import cache_config

from .conftest import join, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache():
    with override_settings(CACHES={"default": cache_config("")}, PAGE_CACHE_ENABLED=True):
        yield


def test_a_new_post_for_the_group_appears_on_its_cached_page(
    page_cache, client, sections, group, django_capture_on_commit_callbacks
):
    client.get(group.url)
    assert client.get(group.url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        make_post(sections["blog"], title="What our run charts showed", slug="run-charts", groups=[group])
    response = client.get(group.url)
    assert response["X-Cache"] == "MISS"
    assert "What our run charts showed" in response.content.decode()


def test_joining_renews_the_cached_member_count(page_cache, client, group, member, django_capture_on_commit_callbacks):
    client.get(group.url)
    assert client.get(group.url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        join(group, member)
    assert client.get(group.url)["X-Cache"] == "MISS"
