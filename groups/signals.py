"""Email a group's members (those who asked) the first time a post or event is published for the group."""

from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from qsite.cache import page_urls, purge_urls
from qsite.wagtail_hooks import in_every_language

from .models import GroupNotification, GroupPage
from .tasks import send_group_notifications


def _groups_of(page):
    """The groups a published page names in its `groups` field, if its type has one."""
    try:
        field = page._meta.get_field("groups")
    except FieldDoesNotExist:  # every page type that cannot belong to a group
        return []
    if field.related_model is not GroupPage:
        return []
    return list(page.groups.all())


@receiver(page_published)
def notify_groups(sender, instance, **kwargs):
    new_groups = []
    for group in _groups_of(instance):
        target = group.membership_group
        try:
            with transaction.atomic():
                # The unique row is the guard: a re-publish, or two publishes at once, finds it already there.
                GroupNotification.objects.create(page_id=instance.pk, group=target)
        except IntegrityError:
            continue
        new_groups.append(target.pk)
    if new_groups:
        send_group_notifications.enqueue(instance.pk, new_groups)


@receiver([post_save, post_delete], sender="groups.GroupMembership", dispatch_uid="groups-membership-purge")
def purge_group_page_on_membership_change(sender, instance, **kwargs):
    """The group page counts and lists its members; their profiles list their groups."""
    urls = page_urls(instance.group) + in_every_language("members:profile", instance.profile.slug)
    transaction.on_commit(lambda: purge_urls(urls))
