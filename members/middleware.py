from django.conf import settings
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
