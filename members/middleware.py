import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .roles import has_staff_powers


def _can_moderate(user):
    return user.has_perm("comments.moderate_comment")


# Admin areas a member (who may enter the admin to write drafts) must never reach, relative to the admin's
# configurable path (ADMIN_PATH), with who may. Wagtail's generic choosers, bulk-action confirmations and
# API listings check no model permission of their own, so the rule is made here, once, before any view runs.
ADMIN_AREA_RULES = (
    # Reports list log entries and workflow states, which name other people's drafts.
    ("reports/", has_staff_powers),
    # Form submissions hold what readers typed into site forms.
    ("forms/", has_staff_powers),
    # The documents API lists files in private collections too.
    ("api/main/documents/", has_staff_powers),
    # Comments that are not approved (and guests' email addresses) are for moderators: the queue, its chooser
    # (searchable by email), bulk-action confirmations (which quote the start of any comment) and the
    # block list.
    ("snippets/comments/", _can_moderate),
    ("snippets/choose/comments/", _can_moderate),
    ("bulk/comments/", _can_moderate),
)


class EditorOnlyAdminAreasMiddleware:
    """Keep members out of the admin areas meant for editors and moderators."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        prefix = settings.ADMIN_URL_PREFIX
        if path.startswith(prefix) and request.user.is_authenticated:
            relative = path[len(prefix) :]
            for area, may_enter in ADMIN_AREA_RULES:
                if relative.startswith(area) and not may_enter(request.user):
                    raise PermissionDenied
        return self.get_response(request)


def is_staff_session(user) -> bool:
    """Editors, moderators and admins: anyone who can do more in the admin than write their own drafts."""
    return has_staff_powers(user)


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
