"""Admin sign-in: failed attempts are limited per username and per client address; staff sessions expire."""

import time_machine
from django.contrib.auth.models import Group
from django.test import override_settings

from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow

FAILURE = {"username": "boss", "password": "wrong password"}
RIGHT = {"username": "boss", "password": "correct-horse-battery"}


def post_login(client, data, ip="203.0.113.7"):
    return client.post("/admin/login/", data, REMOTE_ADDR=ip)


@override_settings(ADMIN_LOGIN_MAX_FAILURES=3, ADMIN_LOGIN_MAX_FAILURES_PER_IP=50)
def test_a_username_is_locked_after_repeated_failures_even_from_many_addresses(client, admin_user):
    for n in range(3):
        assert post_login(client, FAILURE, ip=f"203.0.113.{n}").status_code == 200
    response = post_login(client, RIGHT, ip="198.51.100.9")
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Too many failed sign-in attempts. Wait 15 minutes and try again." in response.content.decode()
    # The form comes back with what was typed, and the person is not signed in.
    assert 'value="boss"' in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(ADMIN_LOGIN_MAX_FAILURES=50, ADMIN_LOGIN_MAX_FAILURES_PER_IP=4)
def test_an_address_is_locked_after_failures_across_many_usernames(client, admin_user):
    for n in range(4):
        post_login(client, {"username": f"guess{n}", "password": "x"})
    assert post_login(client, RIGHT).status_code == 429
    # Someone else, elsewhere, still signs in.
    assert post_login(client, RIGHT, ip="198.51.100.20").status_code == 302


def post_via_proxy(client, data, forwarded, proxy="10.0.0.1"):
    """A request as the load balancer passes it on: the proxy is the peer, the client is in X-Forwarded-For."""
    return client.post("/admin/login/", data, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded)


@override_settings(ADMIN_LOGIN_MAX_FAILURES=50, ADMIN_LOGIN_MAX_FAILURES_PER_IP=4, TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_failures_are_counted_per_forwarded_address(client, admin_user):
    # Ten people behind one load balancer each mistype once: far more than four from the proxy's address.
    for n in range(10):
        assert post_via_proxy(client, {"username": f"typo{n}", "password": "x"}, f"198.51.100.{n}").status_code == 200
    assert post_via_proxy(client, RIGHT, "198.51.100.42").status_code == 302


@override_settings(ADMIN_LOGIN_MAX_FAILURES=50, ADMIN_LOGIN_MAX_FAILURES_PER_IP=4, TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_one_forwarded_address_hits_the_per_address_limit(client, admin_user):
    for n in range(4):
        # The left-hand entries are the client's own claims and change each time; the proxy's entry does not.
        post_via_proxy(client, {"username": f"guess{n}", "password": "x"}, f"192.0.2.{n}, 203.0.113.7")
    assert post_via_proxy(client, RIGHT, "192.0.2.99, 203.0.113.7").status_code == 429
    assert post_via_proxy(client, RIGHT, "203.0.113.8").status_code == 302


@override_settings(ADMIN_LOGIN_MAX_FAILURES=50, ADMIN_LOGIN_MAX_FAILURES_PER_IP=4, TRUSTED_PROXY_COUNT=0)
def test_a_forged_forwarded_header_without_a_proxy_changes_nothing(client, admin_user):
    for n in range(4):
        post_via_proxy(client, {"username": f"guess{n}", "password": "x"}, f"198.51.100.{n}", proxy="203.0.113.7")
    assert post_via_proxy(client, RIGHT, "198.51.100.200", proxy="203.0.113.7").status_code == 429


@override_settings(ADMIN_LOGIN_MAX_FAILURES=3)
def test_fewer_failures_than_the_limit_do_not_stop_the_right_password(client, admin_user):
    for _ in range(2):
        post_login(client, FAILURE)
    assert post_login(client, RIGHT).status_code == 302


@override_settings(ADMIN_LOGIN_MAX_FAILURES=3, ADMIN_LOGIN_WINDOW=60)
def test_the_lock_lifts_after_the_window(client, admin_user):
    for _ in range(3):
        post_login(client, FAILURE)
    assert post_login(client, RIGHT).status_code == 429
    from django.core.cache import cache

    # LocMemCache expires keys by wall-clock time; clearing stands in for the minute passing.
    cache.clear()
    assert post_login(client, RIGHT).status_code == 302


def test_hostile_sign_in_input_is_a_form_error_never_a_500(client, admin_user):
    hostile = [
        {"username": "x" * 100_000, "password": "y"},
        {"username": "boss\x00", "password": "a\x00b"},
        {"username": "<script>alert(1)</script>", "password": "p"},
        {"username": "Zoë 🦊 ﷽", "password": "ü"},
        {},
    ]
    for data in hostile:
        response = post_login(client, data)
        assert response.status_code in (200, 400), data
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_staff_are_signed_out_after_an_idle_spell_in_the_admin(client, admin_user, settings, site):
    settings.STAFF_SESSION_IDLE_SECONDS = 3600
    with time_machine.travel("2026-03-02 09:00", tick=False) as clock:
        client.force_login(admin_user)
        assert client.get("/admin/").status_code == 200
        clock.shift(3000)
        assert client.get("/admin/").status_code == 200
        clock.shift(3601)
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/login/?next=/admin/pages/"
        assert "_auth_user_id" not in client.session


def test_members_keep_their_session_when_idle(client, settings, django_user_model, site):

    ensure_groups_and_workflow(site.root_page)
    member = django_user_model.objects.create_user("mem", "mem@example.org", "pw-long-enough-123")
    member.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    settings.STAFF_SESSION_IDLE_SECONDS = 60
    with time_machine.travel("2026-03-02 09:00", tick=False) as clock:
        client.force_login(member)
        client.get("/admin/")
        clock.shift(3600)
        client.get("/admin/")
        assert client.session.get("_auth_user_id") == str(member.pk)


def test_editors_without_the_staff_flag_are_signed_out_after_an_idle_spell(client, settings, django_user_model, site):
    """Staff powers come from members.roles: an editor publishes, so their session times out like an admin's."""
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw-long-enough-123")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    settings.STAFF_SESSION_IDLE_SECONDS = 60
    with time_machine.travel("2026-03-02 09:00", tick=False) as clock:
        client.force_login(editor)
        assert client.get("/admin/").status_code == 200
        clock.shift(120)
        assert client.get("/admin/").status_code == 302
        assert "_auth_user_id" not in client.session
