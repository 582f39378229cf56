from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from qsite.wagtail_hooks import in_every_language

from . import admin_views
from .models import ApplicationStatus, MemberProfile, MembershipApplication
from .page_policy import narrow, page_policy

# Registered for Page itself (ahead of Wagtail's own, which is for AbstractPage), before any admin view asks.
register_permission_policy(Page, page_policy)


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Member profiles")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["display_name", "job_title", "organisation", "region", "member_since"]
    list_filter = ["region", "is_staff_member", "listed_in_directory"]
    search_fields = ["display_name", "organisation", "job_title"]


register_snippet(MemberProfileViewSet)


@hooks.register("register_admin_urls")
def application_urls():
    return [
        path("applications/", admin_views.application_list, name="members_applications"),
        path(
            "applications/<int:pk>/<str:decision>/",
            admin_views.decide,
            name="members_application_decide",
        ),
    ]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)

    def get_context(self, request):
        context = super().get_context(request)
        pending = MembershipApplication.objects.filter(status=ApplicationStatus.PENDING).count()
        if pending:
            context["label"] = f"{self.label} ({pending})"
        return context


@hooks.register("register_admin_menu_item")
def applications_menu_item():
    return ApplicationsMenuItem(_("Applications"), reverse("members_applications"), icon_name="group", order=310)


@hooks.register("construct_explorer_page_queryset")
def hide_other_peoples_drafts(parent_page, pages, request):
    """Members see live pages and their own drafts; never another member's unpublished work."""
    return narrow(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def choosers_hide_other_peoples_drafts(pages, request):
    return narrow(pages, request.user)


@hooks.register("construct_reports_menu")
def reports_for_editors_only(request, menu_items):
    if not (request.user.is_superuser or request.user.has_perm("members.review_application")):
        menu_items[:] = []


# Coffee trials keep their admin wiring beside their own code.
from .coffee import wagtail_hooks as coffee_hooks  # noqa: E402, F401


@hooks.register("qsite_cache_urls_for_page")
def profiles_showing(page):
    """A member's profile lists the pages that credit them (as author, story teller or organiser)."""
    slugs = {profile.slug for profile in getattr(page, "author_profiles", None) or []}
    field = getattr(page, "credited_profile_field", None)
    credited = getattr(page, field, None) if field else None
    if credited is not None:
        slugs.add(credited.slug)
    return [url for slug in sorted(slugs) for url in in_every_language("members:profile", slug)]
