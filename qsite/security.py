"""Security headers and admin hardening that Django and django-csp do not do on their own.

- the Wagtail admin gets its own, looser Content-Security-Policy instead of none;
- a Permissions-Policy header turns off browser features the site never uses;
- failed admin sign-ins are counted per client address and per username;
- staff sessions end after a spell without requests.
"""

from __future__ import annotations

import hashlib
import logging
import time

from allauth.account.adapter import get_adapter
from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from members.models import MEMBERS_GROUP

logger = logging.getLogger(__name__)

# The admin runs inline scripts and styles (Wagtail's own and Draftail's), so those are allowed there
# and nowhere else. Everything else stays as tight as the public policy: nothing from other hosts
# except the video embeds editors preview, and the admin can never be framed.
ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
    "media-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

# Features no page on the site uses; a compromised script or embed cannot ask for them.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with ADMIN_CSP_DIRECTIVES as the whole policy under the admin path.

    A view decorated with django-csp's own decorators still wins, as it would anywhere else.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(ADMIN_CSP_DIRECTIVES, parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def is_staff_session(user) -> bool:
    """Editors, moderators and admins: anyone who can do more in the admin than write their own drafts."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.groups.exclude(name=MEMBERS_GROUP).exists()


class StaffSessionTimeoutMiddleware:
    """Sign staff out after STAFF_SESSION_IDLE_SECONDS without using the admin.

    A member's session keeps SESSION_COOKIE_AGE (they only write drafts); an editor's unattended
    laptop should not keep the power to publish for two weeks. Only admin requests are checked and
    counted: public pages stay free of the extra group query and session write, and publishing
    only ever happens in the admin.
    """

    SESSION_KEY = "_qsite_admin_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX) and is_staff_session(request.user):
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY)
            if isinstance(last_seen, int) and now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS:
                logout(request)
                return redirect_to_login(request.get_full_path(), f"{settings.ADMIN_URL_PREFIX}login/")
            # Written at most once a minute, so a busy editor does not save the session on every click.
            if not isinstance(last_seen, int) or now - last_seen >= 60:
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)


def _throttle_keys(request, username: str) -> list[str]:
    ip = get_adapter(request).get_client_ip(request) or "unknown"
    # Hashed so an arbitrary posted username cannot make an odd or oversized cache key.
    name = hashlib.sha256(username.strip().lower().encode("utf-8", "replace")).hexdigest()
    return [f"admin-login-fail:ip:{ip}", f"admin-login-fail:user:{name}"]


def _blocked(keys: list[str]) -> bool:
    ip_key, user_key = keys
    counts = cache.get_many(keys)
    return (
        counts.get(ip_key, 0) >= settings.ADMIN_LOGIN_MAX_FAILURES_PER_IP
        or counts.get(user_key, 0) >= settings.ADMIN_LOGIN_MAX_FAILURES
    )


def _record_failure(keys: list[str]) -> None:
    for key in keys:
        # add() starts the window; incr() counts within it without extending it.
        if not cache.add(key, 1, timeout=settings.ADMIN_LOGIN_WINDOW):
            try:
                cache.incr(key)
            except ValueError:
                cache.add(key, 1, timeout=settings.ADMIN_LOGIN_WINDOW)


class ThrottledLoginView(LoginView):
    """Wagtail's admin sign-in, refusing further attempts after too many failures.

    Counted per client address (one attacker, many usernames) and per username (many addresses,
    one account). Blocked attempts get the form back with a message and status 429; the password
    is not even checked, so a blocked attacker learns nothing. The counters live in the cache:
    with Redis down they are not kept, and sign-in works unthrottled rather than not at all.
    """

    def post(self, request, *args, **kwargs):
        username = str(request.POST.get("username", ""))[:254]
        keys = _throttle_keys(request, username)
        if _blocked(keys):
            logger.warning("Admin sign-in blocked after repeated failures", extra={"keys": keys})
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                _("Too many failed sign-in attempts. Wait %(minutes)d minutes and try again.")
                % {"minutes": max(1, settings.ADMIN_LOGIN_WINDOW // 60)},
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(settings.ADMIN_LOGIN_WINDOW)
            return response
        response = super().post(request, *args, **kwargs)
        if not request.user.is_authenticated:
            _record_failure(keys)
        return response
