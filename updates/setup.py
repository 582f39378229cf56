"""Editors' permissions on "Get updates" subscribers, given idempotently by the `setup_site` hook (updates/apps.py)."""

from django.contrib.auth.models import Group, Permission

from members.roles import EDITORS_GROUP


def ensure_subscriber_permissions():
    """Editors see, correct and delete subscribers. Nobody adds them by hand (see wagtail_hooks.py)."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="updates",
            codename__in=["view_subscriber", "change_subscriber", "delete_subscriber"],
        )
    )
    return group
