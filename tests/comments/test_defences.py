"""Defences: CSRF, honeypot, fill time, rate limits, links, duplicates, IP hashing, block list,
and hostile input of every kind. None of it may give a 500 or show anything before approval."""

import time

import pytest
from django.test import Client, override_settings

from comments import defences
from comments.models import BlockedTerm, Comment, Status

from .conftest import POST_URL, approved, form_data, send

pytestmark = pytest.mark.django_db


def test_a_members_post_without_a_csrf_token_is_refused(post, member):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    response = strict.post(POST_URL, form_data(post))
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_a_members_post_with_their_pages_csrf_token_works(post, member):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    strict.get(post.url)
    token = strict.cookies["csrftoken"].value
    response = strict.post(POST_URL, form_data(post, csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_the_guest_form_sets_no_csrf_cookie_so_the_page_can_be_cached(post):
    strict = Client(enforce_csrf_checks=True)
    response = strict.get(post.url)
    assert 'name="body"' in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_a_guest_posts_from_the_cached_page_without_a_csrf_token(post):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(POST_URL, form_data(post), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert Comment.objects.get().status == Status.PENDING


def test_a_guest_post_from_another_site_is_refused(post):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(POST_URL, form_data(post), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_filled_honeypot_is_thanked_but_nothing_is_stored(client, post):
    response = send(client, post, website="http://spam.example")
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_form_sent_faster_than_a_person_can_type_is_refused_and_keeps_the_text(client, post):
    response = send(client, post, token=defences.make_token(post.pk), body="Typed very fast")
    html = response.content.decode()
    assert response.status_code == 200
    assert "quicker than anyone can type" in html and "Typed very fast" in html
    assert Comment.objects.count() == 0


def test_after_a_too_fast_refusal_the_same_token_is_kept_so_the_wait_counts(client, post):
    token = defences.make_token(post.pk)
    html = send(client, post, token=token).content.decode()
    assert f'name="token" value="{token}"' in html


@pytest.mark.parametrize("token", ["", "forged:token", "other-page"], ids=["missing", "forged", "other-page"])
def test_missing_forged_or_borrowed_tokens_are_refused(client, post, token):
    if token == "other-page":
        token = defences.make_token(post.pk + 1000, issued_at=time.time() - 60)
    response = send(client, post, token=token, body="Still here")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This form could not be checked. Please send your comment again." in html and "Still here" in html
    assert Comment.objects.count() == 0
    # A fresh, valid token comes back with the form, so sending again (later) works.
    fresh = html.split('name="token" value="')[1].split('"')[0]
    assert fresh != token


def test_expired_token_says_so(client, post):
    old = defences.make_token(post.pk, issued_at=time.time() - 3 * 24 * 3600)
    assert "so it has expired" in send(client, post, token=old).content.decode()


@override_settings(COMMENTS_RATE_PER_IP=3)
def test_rate_limit_per_ip_address_answers_429_with_a_clear_message(client, post):
    for n in range(3):
        assert send(client, post, body=f"Comment {n}").status_code == 302
    response = send(client, post, body="One too many")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a while and try again." in html and "One too many" in html
    assert Comment.objects.count() == 3
    # Another address is not affected.
    assert send(client, post, ip="198.51.100.1", body="From elsewhere").status_code == 302


@override_settings(COMMENTS_RATE_PER_USER=2, COMMENTS_RATE_PER_IP=100)
def test_rate_limit_per_account_follows_the_member_across_addresses(client, post, member):
    client.force_login(member)
    for n, ip in enumerate(["192.0.2.1", "192.0.2.2"]):
        assert client.post(POST_URL, form_data(post, body=f"Member {n}"), REMOTE_ADDR=ip).status_code == 302
    assert client.post(POST_URL, form_data(post, body="Third"), REMOTE_ADDR="192.0.2.3").status_code == 429


def test_comment_with_too_many_links_is_held_as_probable_spam(client, post):
    body = "Look: https://a.example https://b.example https://c.example"
    assert send(client, post, body=body).status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Status.SPAM
    assert comment.link_count == 3
    assert "3 links (the limit is 2)" in comment.held_reason


def test_comment_at_the_link_limit_waits_in_the_normal_queue(client, post):
    send(client, post, body="Two: https://a.example and https://b.example")
    assert Comment.objects.get().status == Status.PENDING


def test_duplicate_post_is_refused_with_a_message_and_keeps_the_text(client, post):
    assert send(client, post, body="Same words").status_code == 302
    response = send(client, post, body="  same   WORDS ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You have already posted this comment on this page." in html
    assert "same   WORDS" in html
    assert Comment.objects.count() == 1


def test_replayed_post_stores_nothing_new(client, post):
    data = form_data(post, body="Replay me")
    client.post(POST_URL, data)
    client.post(POST_URL, data)
    client.post(POST_URL, data)
    assert Comment.objects.count() == 1


def test_same_words_from_a_different_person_or_on_another_page_are_not_duplicates(client, post, other_post):
    send(client, post, body="Agreed!")
    send(client, post, body="Agreed!", email="someone.else@example.org")
    send(client, other_post, body="Agreed!")
    assert Comment.objects.count() == 3


def test_racing_identical_posts_store_one_comment(transactional_db, post, monkeypatch):
    # Both posts pass the friendly pre-check (forced here); the unique fingerprint in the
    # database is what stops the second.
    from comments import services

    monkeypatch.setattr(services, "already_posted", lambda fingerprint: False)
    client = Client()
    data = form_data(post, body="Racing")
    assert client.post(POST_URL, data).status_code == 302
    response = client.post(POST_URL, data)
    assert response.status_code == 200
    assert "You have already posted this comment on this page." in response.content.decode()
    assert Comment.objects.filter(body="Racing").count() == 1


def test_ip_address_is_stored_only_as_a_salted_hash(client, post):
    send(client, post, ip="203.0.113.99")
    comment = Comment.objects.get()
    assert "203.0.113.99" not in comment.ip_hash
    assert len(comment.ip_hash) == 64
    assert comment.ip_hash == defences.hash_ip("203.0.113.99")
    # Salted with the secret key: not the plain hash anyone could compute.
    import hashlib

    assert comment.ip_hash != hashlib.sha256(b"203.0.113.99").hexdigest()
    assert not any("203.0.113.99" in str(value) for value in Comment.objects.values().get().values())


@pytest.mark.parametrize(
    ("kind", "value", "overrides"),
    [
        (BlockedTerm.Kind.EMAIL, "Bad.Sender@Example.org", {"email": "bad.sender@example.org"}),
        (BlockedTerm.Kind.DOMAIN, "@spam.example", {"email": "anyone@SPAM.example"}),
        (BlockedTerm.Kind.PHRASE, "cheap pills", {"body": "Buy Cheap Pills now"}),
        (BlockedTerm.Kind.PHRASE, "casino", {"name": "Casino Kings"}),
    ],
    ids=["email", "domain", "phrase-in-body", "phrase-in-name"],
)
def test_block_list_holds_matching_comments_as_spam(client, post, kind, value, overrides):
    BlockedTerm.objects.create(kind=kind, value=value)
    assert send(client, post, **overrides).status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Status.SPAM and comment.held_reason.startswith("Blocked")


def test_block_list_phrases_match_whole_words_only(client, post):
    BlockedTerm.objects.create(kind=BlockedTerm.Kind.PHRASE, value="ass")
    send(client, post, body="An assessment of the class")
    assert Comment.objects.get().status == Status.PENDING


# --- Hostile and unusual input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"body": ""}, "Write your comment."),
        ({"body": "   \n\t  "}, "It cannot be only spaces."),
        ({"body": None}, "Write your comment."),
        ({"body": "x" * 3001}, "Your comment must be 3,000 characters or fewer. It has 3,001."),
        ({"name": ""}, "Enter your name."),
        ({"name": "n" * 81}, "Your name must be 80 characters or fewer."),
        ({"email": ""}, "Enter your email address."),
        ({"email": "not-an-email"}, "Enter an email address in the right format"),
        ({"email": "a@b@c"}, "Enter an email address in the right format"),
        ({"email": "x" * 300 + "@example.org"}, "Ensure this value has at most 254 characters"),
        ({"body": "null\x00byte"}, "Null characters are not allowed."),
        ({"name": "null\x00name"}, "Null characters are not allowed."),
        ({"parent": "abc"}, "The form was incomplete."),
        ({"parent": "%00"}, "The form was incomplete."),
        ({"parent": "99999999999999999999"}, "The form was incomplete."),
    ],
    ids=[
        "empty-body",
        "whitespace-body",
        "missing-body",
        "overlong-body",
        "empty-name",
        "overlong-name",
        "empty-email",
        "invalid-email",
        "double-at-email",
        "overlong-email",
        "null-in-body",
        "null-in-name",
        "parent-not-a-number",
        "parent-null-byte",
        "parent-overflow",
    ],
)
def test_bad_input_gets_a_clear_message_beside_the_field_and_keeps_the_text(client, post, overrides, message):
    overrides = {"body": "Keep this text", **overrides}
    response = send(client, post, **overrides)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'id="comment-errors"' in html
    assert Comment.objects.count() == 0
    if overrides.get("body") == "Keep this text":
        assert "Keep this text" in html


def test_field_errors_are_linked_to_their_fields(client, post):
    html = send(client, post, email="nope", body="").content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert '<a href="#id_email">' in html and '<a href="#id_body">' in html


def test_a_body_exactly_at_the_limit_counting_line_breaks_once_is_accepted(client, post):
    body = ("y" * 99 + "\r\n") * 30  # 30 lines of 100 characters as the reader counts them
    assert send(client, post, body=body).status_code == 302


@pytest.mark.parametrize(
    "body",
    [
        "Great work 👏🏽🎉 — thank you!",
        "שלום, هذا تعليق باللغة العربية",
        "Ze̷͉̓ͅa̶l̸g̵o combining marks and café",
        "Croeso! Diolch yn fawr iawn ŵ ŷ",
    ],
    ids=["emoji", "right-to-left", "combining", "welsh"],
)
def test_unicode_is_stored_exactly_and_shown_escaped(client, post, body):
    send(client, post, body=body, name="Zoë 🌿 نور")
    comment = Comment.objects.get()
    assert comment.body == body and comment.author_name == "Zoë 🌿 نور"
    comment.status = Status.APPROVED
    comment.save()
    html = client.get(post.url).content.decode()
    assert body in html and 'dir="auto"' in html


def test_script_tags_in_name_and_body_are_escaped_when_shown_back_with_errors(client, post):
    html = send(
        client, post, name="<script>x()</script>", body="<img src=x onerror=alert(1)>", email="bad"
    ).content.decode()
    assert "<script>x()</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(
    "page_value",
    ["", "abc", "0", "-1", "999999", "%00", "\x00", "1e9", "99999999999999999999999"],
)
def test_posting_to_a_page_that_does_not_exist_says_so_and_keeps_the_text(client, post, page_value):
    response = client.post(POST_URL, {**form_data(post, body="My lost words"), "page": page_value})
    html = response.content.decode()
    assert response.status_code == 404
    assert "This page cannot take comments" in html and "My lost words" in html
    assert Comment.objects.count() == 0


def test_posting_to_an_unpublished_page_says_so(client, post):
    post.unpublish()
    response = send(client, post)
    assert response.status_code == 404 and Comment.objects.count() == 0


def test_posting_to_a_page_that_does_not_take_comments_says_so(client, post, home):
    response = send(client, home)
    assert response.status_code == 404 and Comment.objects.count() == 0


def test_nothing_posted_is_shown_before_approval(client, post):
    for body in ["First", "Second https://x.example https://y.example https://z.example"]:
        send(client, post, body=body)
    html = client.get(post.url).content.decode()
    assert "First" not in html and "Second" not in html
    assert Comment.objects.filter(status=Status.APPROVED).count() == 0
    approved(post, "Only this")
    html = client.get(post.url).content.decode()
    assert "Only this" in html and "1 comment" in html and "First" not in html


@override_settings(TRUSTED_PROXY_COUNT=1, COMMENTS_RATE_PER_IP=5)
def test_behind_one_proxy_each_guest_has_their_own_rate_limit(client, post):
    # Ten guests behind the load balancer: it connects from one address and appends each guest's address.
    for n in range(10):
        response = client.post(
            POST_URL,
            form_data(post, body=f"Guest number {n} has a view"),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 302, n
    assert Comment.objects.count() == 10


@override_settings(TRUSTED_PROXY_COUNT=1, COMMENTS_RATE_PER_IP=5)
def test_behind_one_proxy_six_posts_from_one_address_hit_the_limit(client, post):
    codes = [
        client.post(
            POST_URL,
            form_data(post, body=f"Same person, post {n}"),
            REMOTE_ADDR="10.0.0.2",
            # What the client writes on the left is ignored: only the proxy's own entry counts.
            HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 198.51.100.77",
        ).status_code
        for n in range(6)
    ]
    assert codes == [302] * 5 + [429]
    assert Comment.objects.count() == 5


@override_settings(TRUSTED_PROXY_COUNT=0, COMMENTS_RATE_PER_IP=2)
def test_a_forged_forwarded_header_without_a_proxy_changes_nothing(client, post):
    codes = [
        client.post(
            POST_URL,
            form_data(post, body=f"Forged {n}"),
            REMOTE_ADDR="203.0.113.40",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]


@override_settings(COMMENTS_RATE_PER_IP=5)
def test_with_redis_down_comments_from_one_address_are_still_limited(client, post):
    from qsite.settings.environment import cache_config
    from tests.production.conftest import CLOSED_PORT

    with override_settings(CACHES={"default": cache_config(f"redis://127.0.0.1:{CLOSED_PORT}/0")}):
        from qsite.clients import _local

        _local.clear()
        codes = [send(client, post, ip="203.0.113.88", body=f"During the outage {n}").status_code for n in range(7)]
        _local.clear()
    assert codes == [302] * 5 + [429, 429]
    assert Comment.objects.count() == 5
