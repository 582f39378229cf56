"""Who someone is to the community: the one place that decides member, editor, panel and staff.

Every check on the site calls these functions, so the answer is the same everywhere: a page
showing a members-only joining link and the directory agree on who a member is.

- A **member** is an active account the community has let in: in the Members or Editors group,
  or staff or a superuser (the people who run the site). A profile on its own is not membership:
  applicants have profiles before they are approved, and former members keep a profile with no
  account. An inactive account is nobody.
- An **editor** publishes, moderates and reviews: in the Editors group, or a superuser.
- A **panel** member scores Q Exchange ideas: in the Panel group, or an editor.
- **Staff powers**: anyone who can do more in the admin than write their own drafts (editors,
  panels, staff, superusers, any group besides Members). Their admin sessions time out sooner.

The group names a user belongs to are read once per user object (one query per request), because
templates and permission checks ask several times while rendering one page.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

MEMBERS_GROUP = "Members"
EDITORS_GROUP = "Editors"
PANEL_GROUP = "Panel"
# Groups whose people count as members of the community.
MEMBER_GROUPS = (MEMBERS_GROUP, EDITORS_GROUP, PANEL_GROUP)

_CACHE_ATTR = "_qsite_group_names"


def group_names(user):
    """The names of the user's groups, fetched once per user object."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    names = getattr(user, _CACHE_ATTR, None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _CACHE_ATTR, names)
    return names


def forget(user):
    """Drop the cached groups after changing them (approving an application, say)."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_active_account(user):
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_member(user):
    """An approved member (or someone who runs the site): may see members-only things and take part."""
    if not is_active_account(user):
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(group_names(user) & set(MEMBER_GROUPS))


def is_editor(user):
    """May publish, moderate comments and review applications."""
    if not is_active_account(user):
        return False
    return user.is_superuser or EDITORS_GROUP in group_names(user)


def is_panel(user):
    """May shortlist and score Q Exchange ideas (editors can stand in for a panel)."""
    if not is_active_account(user):
        return False
    return is_editor(user) or PANEL_GROUP in group_names(user)


def has_staff_powers(user):
    """Can do more in the admin than write their own drafts."""
    if not is_active_account(user):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(group_names(user) - {MEMBERS_GROUP})


def members_q(field="pk"):
    """A filter matching exactly the users is_member() accepts, on `field` (a user id or a relation to users,
    e.g. "profile__user"), as one subquery: for picking members in bulk (coffee rounds, mailings) without
    a query per row and without the duplicate rows a join on groups would give."""
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=MEMBER_GROUPS))
    )
    lookup = "pk__in" if field == "pk" else f"{field}__in"
    return Q(**{lookup: users.values("pk")})
