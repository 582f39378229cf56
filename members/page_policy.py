"""Which pages a person sees in the Wagtail admin.

Members get an admin login to write drafts, and Wagtail shows anyone with "add" permission under a section
every page below it, drafts included: their titles, status and timestamps, through the explorer, the page
search, the page chooser and the admin's pages API. For people without staff powers (members.roles) this
narrows every one of those to live pages and pages they own. Editors, panels and administrators see
everything their Wagtail permissions allow, as before.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .roles import has_staff_powers


def sees_everything(user):
    return has_staff_powers(user)


def pages_visible_to(user):
    """The filter for pages a member may see in the admin: published ones and their own."""
    return Q(live=True) | Q(owner_id=user.pk)


def narrow(pages, user):
    return pages if sees_everything(user) else pages.filter(pages_visible_to(user))


class MemberAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with the explorable pages (the base of the explorer, page search and the admin
    pages API) narrowed for members. Editing rights are untouched: Wagtail already refuses members the edit,
    preview and history views of pages they do not own."""

    def explorable_instances(self, user):
        return narrow(super().explorable_instances(user), user)


page_policy = MemberAwarePagePermissionPolicy(Page)
