from django.core.exceptions import PermissionDenied

# Admin reports list log entries and workflow states, which name other people's drafts.
EDITOR_ONLY_ADMIN_PATHS = ("/admin/reports/",)


class EditorOnlyAdminAreasMiddleware:
    """Keep members (who may enter the admin to write) out of the admin areas meant for editors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(EDITOR_ONLY_ADMIN_PATHS):
            user = request.user
            if user.is_authenticated and not (user.is_superuser or user.has_perm("members.review_application")):
                raise PermissionDenied
        return self.get_response(request)
