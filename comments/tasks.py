"""Emails about comments, sent as background tasks (django-tasks, as Wagtail 8 uses).

Nothing here ever writes to a guest's address: a guest's email is for moderators to read, and
the site never sends mail a bot could aim at a stranger (ARCHITECTURE.md, Moderated comments).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.mail import send_mail, send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from qsite.task_retry import retrying_task

from .models import Comment, Status

DIGEST_LOCK = "comments:moderator-digest"


def digest_interval():
    return getattr(settings, "COMMENTS_DIGEST_MINUTES", 15) * 60


def moderators():
    """Active users who can moderate comments and have an address to write to."""
    permission = Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment")
    can_moderate = Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
    return get_user_model().objects.filter(can_moderate, is_active=True).exclude(email="").distinct()


def admin_queue_url():
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailsnippets_comments_comment:list") + "?status=pending"


def schedule_moderator_digest():
    """At most one email to moderators per interval, however many comments arrive.

    The first comment in a quiet spell opens a window (a cache key shared by every web host);
    the digest is sent at the end of it when the task backend can defer work (production's
    database queue), so it counts everything that came in meanwhile. The immediate backend of
    dev and tests cannot defer, so it sends at once and later comments wait for the next window.
    """
    interval = digest_interval()
    if not cache.add(DIGEST_LOCK, 1, timeout=interval):
        return None
    if default_task_backend.supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=interval)
        return send_moderator_digest.using(run_after=run_after).enqueue()
    return send_moderator_digest.enqueue()


@retrying_task()
def send_moderator_digest():
    waiting = Comment.objects.pending().count()
    recipients = list(moderators().values_list("email", flat=True))
    if not waiting or not recipients:
        return 0
    context = {"count": waiting, "queue_url": admin_queue_url()}
    subject = render_to_string("comments/email/moderator_digest_subject.txt", context).strip()
    body = render_to_string("comments/email/moderator_digest.txt", context)
    # One message per moderator so addresses are not shared between them.
    return send_mass_mail([(subject, body, None, [address]) for address in recipients])


@retrying_task()
def notify_approved(comment_ids):
    """Tell members their comment is live, and page authors that their page has new comments."""
    comments = list(Comment.objects.filter(pk__in=comment_ids, status=Status.APPROVED).select_related("author", "page"))
    sent = 0
    for comment in comments:
        # Only accounts: a guest's address never receives mail from the site.
        if comment.author_id and comment.author.email:
            context = {"comment": comment, "page_url": comment.page.full_url}
            sent += send_mail(
                render_to_string("comments/email/approved_subject.txt", context).strip(),
                render_to_string("comments/email/approved.txt", context),
                None,
                [comment.author.email],
            )
    by_page = defaultdict(list)
    for comment in comments:
        by_page[comment.page_id].append(comment)
    for page_comments in by_page.values():
        page = page_comments[0].page.specific
        for profile in getattr(page, "author_profiles", []):
            user = profile.user
            if user is None or not user.email:
                continue
            news = [c for c in page_comments if c.author_id != user.pk]
            if not news:
                continue
            context = {"page": page, "page_url": page.full_url, "comments": news, "count": len(news)}
            sent += send_mail(
                render_to_string("comments/email/author_subject.txt", context).strip(),
                render_to_string("comments/email/author.txt", context),
                None,
                [user.email],
            )
    return sent
