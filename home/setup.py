"""Editors' permissions on "Get updates" subscribers, given idempotently by `qsite.setup.setup_site()`."""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"


def ensure_subscriber_permissions():
    """Editors see, correct and delete subscribers. Nobody adds them by hand (see wagtail_hooks.py)."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home",
            codename__in=["view_subscriber", "change_subscriber", "delete_subscriber"],
        )
    )
    return group
