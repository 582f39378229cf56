"""What happens when a comment is posted or moderated. Views and admin actions stay thin by calling these."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from qsite.cache import purge_pages_by_id
from qsite.clients import client_ip

from . import defences
from .models import Comment, Status
from .tasks import notify_approved, schedule_moderator_digest
from .text import count_links

# The Wagtail log action recorded for each moderation decision (registered in wagtail_hooks.py).
LOG_ACTIONS = {
    Status.APPROVED: "comments.approve",
    Status.REJECTED: "comments.reject",
    Status.SPAM: "comments.spam",
    Status.PENDING: "comments.requeue",
}


class RateLimited(Exception):
    """The sender has used every place in a rate window."""


class DuplicateComment(Exception):
    """The same person already posted these words in this thread."""


def display_name_for(user):
    """Members comment under their profile name, else their full name."""
    profile = getattr(user, "member_profile", None)
    if profile is not None and profile.display_name:
        return profile.display_name
    return user.get_full_name().strip() or _("Q member")


def already_posted(fingerprint):
    return Comment.objects.filter(fingerprint=fingerprint).exists()


def submit(form, request, page):
    """Store a valid form's comment, held for moderation. Raises DuplicateComment."""
    data = form.cleaned_data
    body = data["body"]
    if form.signed_in:
        user, name, email = request.user, display_name_for(request.user), ""
    else:
        user, name, email = None, data["name"], data["email"]

    links = count_links(body)
    reasons = []
    blocked = defences.blocked_reason(body, name, email)
    if blocked:
        reasons.append(blocked)
    if links > defences.max_links():
        reasons.append(f"{links} links (the limit is {defences.max_links()})")

    comment = Comment(
        page=page,
        translation_key=page.translation_key,
        language=page.locale.language_code,
        parent=form.parent_comment,
        author=user,
        author_name=name,
        guest_email=email,
        body=body,
        # Probable spam is kept (so a moderator can rescue a false alarm) but out of the main queue.
        status=Status.SPAM if reasons else Status.PENDING,
        held_reason="; ".join(reasons)[:200],
        link_count=links,
        fingerprint=defences.fingerprint(page.translation_key, form.author_identity(), body),
        ip_hash=defences.hash_ip(client_ip(request)),
    )
    if already_posted(comment.fingerprint):
        raise DuplicateComment
    if not defences.reserve_post(request):
        raise RateLimited
    try:
        # The unique fingerprint makes the database the judge when two identical posts race.
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        raise DuplicateComment from None
    if comment.status == Status.PENDING:
        transaction.on_commit(schedule_moderator_digest)
    return comment


def moderate(comments, status, user):
    """Set the status of these comments, record who and when in Wagtail's log, and notify people
    of approvals. Returns how many changed; comments already in that state are left alone."""
    now = timezone.now()
    changed = [comment for comment in comments if comment.status != status]
    # Readers see approved comments only: the pages to purge are those where one appears or disappears.
    shown_or_hidden = {c.page_id for c in changed if Status.APPROVED in (c.status, status)}
    for comment in changed:
        comment.status = status
        comment.moderated_at = now
        comment.moderated_by = user
    with transaction.atomic():
        Comment.objects.bulk_update(changed, ["status", "moderated_at", "moderated_by"])
        for comment in changed:
            log(comment, LOG_ACTIONS[status], user=user)
    if shown_or_hidden:
        purge_pages_by_id(shown_or_hidden)
    if status == Status.APPROVED and changed:
        ids = [comment.pk for comment in changed]
        transaction.on_commit(lambda: notify_approved.enqueue(ids))
    return len(changed)


def anonymise_author(user):
    """A deleted account's comments stay in their threads but no longer say who wrote them."""
    comments = Comment.objects.filter(author=user)
    shown_on = set(comments.approved().values_list("page_id", flat=True))
    changed = comments.update(author=None, author_name=_("Former member"), ip_hash="")
    if shown_on:
        purge_pages_by_id(shown_on)
    return changed


def purge(older_than):
    """Delete rejected and spam comments older than the given moment. Returns how many went."""
    deleted, _per_model = Comment.objects.removable(older_than).delete()
    return deleted
