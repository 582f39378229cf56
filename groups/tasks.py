"""Group emails, sent as background tasks: one email per member, over one connection, in batches."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import GroupMembership, GroupNotification, GroupPage
from .views import unsubscribe_url

BATCH_SIZE = 50


def _message(page, membership, group, page_url):
    language = page.locale.language_code
    with translation.override(language):
        link = unsubscribe_url(membership, language)
        context = {
            "page": page,
            "group": group,
            "page_url": page_url,
            "unsubscribe_url": link,
            "profile": membership.profile,
        }
        subject = render_to_string("groups/email/new_content_subject.txt", context).strip()
        body = render_to_string("groups/email/new_content.txt", context)
    return EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [membership.profile.user.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


@task()
def send_group_notifications(page_id, group_ids):
    """Tell members of these groups who asked for email that `page_id` was published. Returns how many were sent.

    A member in two of the groups gets one email, about the first group (in title order) they are in.
    """
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return 0
    page = page.specific
    page_url = page.full_url or settings.SITE_BASE_URL
    groups = {g.pk: g for g in GroupPage.objects.filter(pk__in=group_ids)}
    memberships = (
        GroupMembership.objects.notified()
        .filter(group_id__in=groups)
        .select_related("profile__user")
        .order_by("group__title", "pk")
    )
    seen, batch, sent = set(), [], 0
    connection = get_connection()
    counts = dict.fromkeys(groups, 0)
    with connection:
        for membership in memberships.iterator(chunk_size=500):
            if membership.profile_id in seen:
                continue
            seen.add(membership.profile_id)
            batch.append(_message(page, membership, groups[membership.group_id], page_url))
            counts[membership.group_id] += 1
            if len(batch) == BATCH_SIZE:
                sent += connection.send_messages(batch) or 0
                batch = []
        if batch:
            sent += connection.send_messages(batch) or 0
    for group_id, count in counts.items():
        GroupNotification.objects.filter(page_id=page_id, group_id=group_id).update(recipients=count)
    return sent
