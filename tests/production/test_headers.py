"""Under production settings every response carries the security headers, each with its exact value.

The values come from qsite.settings.production itself (computed in a fresh process with
production's environment), then applied here so real pages can be requested with a test client.
"""

import pytest
from django.test import override_settings

from tests.factories import UserFactory
from tests.production.conftest import PRODUCTION_ENV, read_settings

SECURITY_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "MIDDLEWARE",
]
HTTPS = {"secure": True, "headers": {"X-Forwarded-Proto": "https"}}


@pytest.fixture(scope="module")
def production_security():
    values = read_settings([*SECURITY_SETTINGS, "CONTENT_SECURITY_POLICY"], **PRODUCTION_ENV)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_security):
    # The policy holds django-csp's NONCE marker, which does not survive JSON: production.py inherits
    # base.py's policy unchanged (checked above), so the in-process one is already production's.
    values = {k: v for k, v in production_security.items() if k != "CONTENT_SECURITY_POLICY"}
    with override_settings(**values):
        yield production_security


@pytest.fixture
def public_page(production, client, home):
    return client.get("/en/", **HTTPS)


def test_production_csp_is_the_strict_one_with_no_admin_exclusion(production_security):
    policy = production_security["CONTENT_SECURITY_POLICY"]
    assert "EXCLUDE_URL_PREFIXES" not in policy
    assert "'unsafe-inline'" not in str(policy)
    assert policy["DIRECTIVES"]["script-src"] == ["'self'"]


def test_plain_http_is_redirected_to_https_except_health_checks(production, client, home):
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"
    assert client.get("/healthz").status_code == 200


def test_hsts_for_a_year_with_subdomains_and_preload(public_page):
    assert public_page.status_code == 200
    assert public_page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_content_type_options_nosniff(public_page):
    assert public_page["X-Content-Type-Options"] == "nosniff"


def test_referrer_policy_sends_only_the_origin_elsewhere(public_page):
    assert public_page["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_permissions_policy_turns_off_unused_features(public_page):
    assert public_page["Permissions-Policy"] == (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
    )


def test_framing_is_refused_twice_over(public_page):
    assert public_page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in public_page["Content-Security-Policy"]
    assert public_page["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_csp_allows_scripts_only_from_the_site_or_with_this_responses_nonce(public_page):
    policy = public_page["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    # The nonce appears only when a template used it (django-csp adds it lazily).
    first, *nonces = directives["script-src"].split()
    assert first == "'self'"
    for nonce in nonces:
        assert nonce.startswith("'nonce-")
        assert f'nonce="{nonce[7:-1]}"' in public_page.content.decode()
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_admin_gets_its_own_policy_with_inline_scripts_but_still_no_framing(production, client, site):
    response = client.get("/admin/login/", **HTTPS)
    assert response.status_code == 200
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_session_and_csrf_cookies_are_secure_httponly_and_samesite(production, client, site):
    user = UserFactory(username="cookie", email="cookie@example.org")
    user.set_password("a-long-enough-password-42")
    user.is_superuser = user.is_staff = True
    user.save()
    login_page = client.get("/admin/login/", **HTTPS)
    csrf = login_page.cookies["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/", {"username": "cookie", "password": "a-long-enough-password-42", "remember": "on"}, **HTTPS
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["max-age"] == 60 * 60 * 24 * 14


def test_every_response_carries_a_request_id(public_page):
    assert len(public_page["X-Request-ID"]) == 32
