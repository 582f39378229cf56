"""Security headers and admin hardening that Django and django-csp do not do on their own.

- the Wagtail admin gets its own, looser Content-Security-Policy instead of none;
- a Permissions-Policy header turns off browser features the site never uses;
- failed admin sign-ins are counted per client address and per username (with qsite.clients).

Staff sessions ending after an idle spell is members' business (who is staff is decided in members.roles):
see members/middleware.py.
"""

from __future__ import annotations

import logging

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from qsite.clients import RateWindow, any_full, client_ip

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


def _failure_windows(request, username: str) -> list[tuple[RateWindow, str]]:
    """Failed sign-ins per client address (one attacker, many usernames) and per username (many addresses,
    one account). Built per request, so the ADMIN_LOGIN_* settings are read when they are used."""
    per_address = RateWindow("admin-login-ip", settings.ADMIN_LOGIN_MAX_FAILURES_PER_IP, settings.ADMIN_LOGIN_WINDOW)
    per_username = RateWindow("admin-login-user", settings.ADMIN_LOGIN_MAX_FAILURES, settings.ADMIN_LOGIN_WINDOW)
    return [(per_address, client_ip(request) or "unknown"), (per_username, username.strip().lower())]


class ThrottledLoginView(LoginView):
    """Wagtail's admin sign-in, refusing further attempts after too many failures.

    Counted per client address (one attacker, many usernames) and per username (many addresses,
    one account), the address read by qsite.clients.client_ip (TRUSTED_PROXY_COUNT). Blocked attempts
    get the form back with a message and status 429; the password is not even checked, so a blocked
    attacker learns nothing. The counters live in the shared cache; with Redis down each web process
    counts on its own (qsite.clients), so sign-in keeps working and stays limited.
    """

    def post(self, request, *args, **kwargs):
        username = str(request.POST.get("username", ""))[:254]
        windows = _failure_windows(request, username)
        if any_full(windows):
            # Keyed hashes only: the log never holds the address or the username that was tried.
            keys = [window.key(identity) for window, identity in windows]
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
            for window, identity in windows:
                window.hit(identity)
        return response
