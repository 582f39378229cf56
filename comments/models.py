"""Moderated comments on any page that opts in with `qsite.pages.CommentableMixin`.

Comments know pages only as `wagtailcore.Page`. A thread is keyed on the page's
`translation_key`, so the English and Welsh versions of a page share one conversation.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class CommentQuerySet(models.QuerySet):
    def in_thread_of(self, page):
        """Every comment on this page and its translations."""
        return self.filter(translation_key=page.translation_key)

    def approved(self):
        return self.filter(status=Status.APPROVED)

    def pending(self):
        return self.filter(status=Status.PENDING)

    def visible_to(self, user):
        """Approved comments, plus a signed-in member's own comments still awaiting moderation."""
        condition = Q(status=Status.APPROVED)
        if user is not None and user.is_authenticated:
            condition |= Q(status=Status.PENDING, author=user)
        return self.filter(condition)

    def for_display(self):
        """Oldest first. Only stored columns are shown, so this is one query however long the thread."""
        return self.only(
            "pk", "parent_id", "author_id", "author_name", "body", "status", "language", "created"
        ).order_by("created", "pk")

    def removable(self, older_than):
        """Rejected and spam comments older than the given moment: what `purge_comments` deletes."""
        return self.filter(status__in=[Status.REJECTED, Status.SPAM], created__lt=older_than)


class Comment(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="public_comments",
        help_text=_("The page (in the language) the comment was posted on."),
    )
    translation_key = models.UUIDField(
        editable=False,
        help_text=_("Shared by every translation of the page, so all of them show one thread."),
    )
    language = models.CharField(
        max_length=10, editable=False, help_text=_("The language of the page it was posted on.")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text=_("The comment this one replies to. Replies go one level deep only."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_comments",
        help_text=_("The member who wrote it. Empty for guests and deleted accounts."),
    )
    author_name = models.CharField(
        max_length=120, help_text=_("The name shown with the comment: the member's profile name or the guest's name.")
    )
    guest_email = models.EmailField(
        blank=True,
        help_text=_("A guest's address, for moderators only. Never shown publicly and never sent any email."),
    )
    body = models.TextField(help_text=_("Plain text exactly as typed. Links are made clickable when shown."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    held_reason = models.CharField(
        max_length=200, blank=True, help_text=_("Why the spam defences held this comment, if they did.")
    )
    link_count = models.PositiveSmallIntegerField(default=0, editable=False)
    fingerprint = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("Thread, author and text hashed together: the database refuses the same comment twice."),
    )
    ip_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A salted hash of the sender's IP address, never the address."),
    )
    created = models.DateTimeField(default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        # Moderation is one permission: the queue has nothing to add and nothing to edit.
        default_permissions = ()
        permissions = [("moderate_comment", _("Can moderate comments"))]
        indexes = [models.Index(fields=["translation_key", "status", "created"], name="comment_thread_idx")]

    def __str__(self):
        return f"{self.author_name}: {self.snippet}"

    @property
    def snippet(self):
        return Truncator(" ".join(self.body.split())).chars(80)

    @property
    def is_guest(self):
        return self.author_id is None and bool(self.guest_email)

    @property
    def is_pending(self):
        return self.status == Status.PENDING


class BlockedTerm(models.Model):
    """A word, phrase, email address or email domain that holds a comment as spam."""

    class Kind(models.TextChoices):
        PHRASE = "phrase", _("Word or phrase in the comment or name")
        EMAIL = "email", _("Email address")
        DOMAIN = "domain", _("Email domain")

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHRASE)
    value = models.CharField(
        max_length=200,
        help_text=_(
            "Matched without regard to capitals. A phrase matches whole words only; "
            "a domain is the part after @, e.g. spam.example."
        ),
    )
    note = models.CharField(max_length=200, blank=True, help_text=_("Why it is blocked, for other editors."))
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "value"]
        verbose_name = _("blocked word or email")
        verbose_name_plural = _("blocked words and emails")
        # Editing the list is part of moderating: the comments permission covers it.
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="unique_blocked_term")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        self.value = self.value.strip().lower().lstrip("@") if self.kind == self.Kind.DOMAIN else self.value.strip()
        return super().save(*args, **kwargs)
