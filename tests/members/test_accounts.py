"""Accounts through django-allauth: sign up, verify, log in, reset, with clear messages and rate limits."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import UserFactory
from tests.members.conftest import verified

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"


def signup(client, email="new@example.org", password="a-Long-passphrase-42"):
    return client.post(SIGNUP, {"email": email, "password1": password, "password2": password})


def test_sign_up_sends_one_verification_email_and_creates_an_account(client, site):
    response = signup(client)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="new@example.org").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    assert mail.outbox[0].subject.startswith("[Q community]")


def test_confirming_the_email_logs_in_and_leads_to_the_application(client, site):
    signup(client)
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else re.sub(r"^https?://[^/]+", "", link)
    response = client.post(path)
    assert response.status_code == 302
    assert client.get("/en/members/account/").status_code == 200


def test_unverified_accounts_cannot_log_in(client, site):
    signup(client)
    client.logout()
    response = client.post(LOGIN, {"login": "new@example.org", "password": "a-Long-passphrase-42"})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get("/en/members/account/").status_code == 302


@pytest.mark.parametrize("email", ["Taken@Example.org", "taken@example.org", "TAKEN@EXAMPLE.ORG"])
def test_an_email_already_in_use_never_makes_a_second_account(client, site, email):
    """The form does not reveal who is registered; the owner is told by email instead."""
    verified(UserFactory(username="taken", email="taken@example.org"))
    response = signup(client, email=email)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to[0].lower() == "taken@example.org"


@pytest.mark.parametrize("password", ["short", "password123", "12345678901", "new@example.org"])
def test_weak_passwords_are_refused_with_a_reason(client, site, password):
    response = signup(client, password=password)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert not get_user_model().objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize(
    "email", ["<script>alert(1)</script>@x.org", "a\x00b@example.org", "x" * 300 + "@example.org", "not-an-email"]
)
def test_hostile_sign_up_input_is_refused_not_a_500(client, site, email):
    response = signup(client, email=email)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert get_user_model().objects.count() == 0


def test_wrong_password_says_so_and_keeps_the_email(client, site):
    verified(UserFactory(username="p", email="p@example.org"))
    response = client.post(LOGIN, {"login": "p@example.org", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in html
    assert 'value="p@example.org"' in html


def test_repeated_failed_logins_are_rate_limited(client, site):
    user = verified(UserFactory(username="p", email="p@example.org"))
    user.set_password("the-right-one-42")
    user.save()
    for n in range(5):
        client.post(LOGIN, {"login": "p@example.org", "password": f"wrong-{n}"})
    # Now even the right password is refused for a while, with a clear message.
    response = client.post(LOGIN, {"login": "p@example.org", "password": "the-right-one-42"})
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_only_known_addresses_and_answers_the_same_either_way(client, site):
    verified(UserFactory(username="p", email="p@example.org"))
    known = client.post("/en/accounts/password/reset/", {"email": "p@example.org"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert [m.to for m in mail.outbox] == [["p@example.org"]]


def test_account_pages_use_the_site_frame(client, site):
    html = client.get(LOGIN).content.decode()
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<html lang="en"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
