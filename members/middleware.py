from django.conf import settings
from django.core.exceptions import PermissionDenied

# Admin reports list log entries and workflow states, which name other people's drafts.
# Relative to the admin's configurable path (ADMIN_PATH).
EDITOR_ONLY_ADMIN_PATHS = ("reports/",)


class EditorOnlyAdminAreasMiddleware:
    """Keep members (who may enter the admin to write) out of the admin areas meant for editors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = settings.ADMIN_URL_PREFIX
        if request.path_info.startswith(tuple(prefix + path for path in EDITOR_ONLY_ADMIN_PATHS)):
            user = request.user
            if user.is_authenticated and not (user.is_superuser or user.has_perm("members.review_application")):
                raise PermissionDenied
        return self.get_response(request)
