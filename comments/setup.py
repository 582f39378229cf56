"""Groups and permissions for comment moderation, created idempotently by the `setup_site` hook (comments/apps.py)."""

from django.contrib.auth.models import Group, Permission

from members.roles import EDITORS_GROUP


def ensure_editors_group():
    """The Editors group can reach the Wagtail admin and moderate comments. Safe to run again;
    it only adds what is missing, so permissions other issues give the group are kept."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=["comments", "wagtailadmin"], codename__in=["moderate_comment", "access_admin"]
    )
    group.permissions.add(*permissions)
    return group
