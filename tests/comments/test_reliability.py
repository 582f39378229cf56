"""Reliability and performance: concurrent posting, and a fixed number of queries per page."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from comments.models import Comment, Status

from .conftest import POST_URL, approved, form_data

CONCURRENT_POSTS = 100


def _post_in_own_thread(args):
    page, n = args
    try:
        response = Client().post(
            POST_URL,
            form_data(page, body=f"Concurrent comment number {n}", email=f"reader{n}@example.org"),
            REMOTE_ADDR=f"10.0.{n // 250}.{n % 250 + 1}",
        )
        return response.status_code
    finally:
        # Each thread has its own connection; close it so the test database can be dropped.
        connection.close()


def _workers():
    # PostgreSQL (as in production and CI): 20 threads posting at once. SQLite's in-memory test
    # database is shared between threads in "shared cache" mode, whose table locks fail at once
    # with "database table is locked" instead of waiting (the busy timeout does not apply), so
    # there the same 100 posts go through one worker thread: it still proves each is stored
    # exactly once, and the PostgreSQL run proves it under contention.
    return 20 if connection.vendor == "postgresql" else 1


def test_concurrent_posts_are_each_stored_exactly_once_and_all_reach_the_queue(transactional_db, post, editor):
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        statuses = list(pool.map(_post_in_own_thread, [(post, n) for n in range(CONCURRENT_POSTS)]))
    assert statuses == [302] * CONCURRENT_POSTS
    bodies = list(Comment.objects.values_list("body", flat=True))
    assert len(bodies) == CONCURRENT_POSTS
    assert sorted(bodies) == sorted(f"Concurrent comment number {n}" for n in range(CONCURRENT_POSTS))
    assert Comment.objects.filter(status=Status.PENDING).count() == CONCURRENT_POSTS

    client = Client()
    client.force_login(editor)
    queue = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
    listed = "".join(client.get(f"{queue}&p={p}").content.decode() for p in (1, 2))
    numbers = {int(n) for n in re.findall(r"Concurrent comment number (\d+)", listed)}
    assert numbers == set(range(CONCURRENT_POSTS))


@pytest.mark.parametrize("count", [2, 200])
def test_page_with_many_comments_renders_in_a_fixed_number_of_queries(client, post, count, django_assert_num_queries):
    for n in range(count):
        parent = approved(post, f"Comment {n}")
        if n % 4 == 0:
            approved(post, f"Reply {n}", parent=parent)
    client.get(post.url)  # warm Wagtail's per-process caches (site root paths, locales)
    # 24 queries whatever the thread length. 21 are the blog post and the site frame as they were
    # before comments (routing, view restrictions, previous/next/related posts, authors, topics,
    # breadcrumbs, navigation). Comments add 2: the site settings (which the footer then reuses)
    # and ONE query for the whole thread, replies included, oldest first. +1 for the language switcher
    # and hreflang links (the page's translations and the home pages, one query).
    with django_assert_num_queries(24):
        response = client.get(post.url)
    assert response.status_code == 200
    assert f"Comment {count - 1}" in response.content.decode()


@pytest.mark.parametrize("count", [2, 200])
def test_member_view_with_own_pending_comments_is_also_fixed(client, post, member, count, django_assert_num_queries):
    for n in range(count):
        approved(post, f"Comment {n}")
    approved(post, "My own pending", status=Status.PENDING, author=member, author_name="Mo")
    client.force_login(member)
    client.get(post.url)
    # The guest's 24, plus the session, the user, 2 permission look-ups (Wagtail's user bar)
    # and the member profile for "You are commenting as". The member's own pending comment
    # comes in the same single thread query.
    with django_assert_num_queries(29):
        response = client.get(post.url)
    assert "My own pending" in response.content.decode()


def _post_from_one_address(args):
    page, n = args
    try:
        response = Client().post(
            POST_URL,
            form_data(page, body=f"Burst comment number {n}", email=f"burst{n}@example.org"),
            REMOTE_ADDR="203.0.113.200",
        )
        return response.status_code
    finally:
        connection.close()


@override_settings(COMMENTS_RATE_PER_IP=5)
def test_a_burst_of_posts_from_one_address_stores_exactly_the_limit(transactional_db, post):
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        statuses = list(pool.map(_post_from_one_address, [(post, n) for n in range(CONCURRENT_POSTS)]))
    assert statuses.count(302) == 5
    assert statuses.count(429) == CONCURRENT_POSTS - 5
    assert Comment.objects.count() == 5
