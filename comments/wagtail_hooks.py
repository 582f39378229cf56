"""Comments in the Wagtail admin: the moderation queue, bulk actions, the dashboard panel,
the menu count and the log actions. Only users with `comments.moderate_comment` see any of it."""

import django_filters
from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .admin_views import ModerateCommentView
from .models import BlockedTerm, Comment, Status

# --- Permissions ----------------------------------------------------------------------


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """Every action on comments and on the block list needs the one custom permission.
    Nobody adds comments in the admin: they come from readers."""

    def __init__(self, model):
        super().__init__(model, auth_model=Comment)

    def _get_permission_codename(self, action):
        return "moderate_comment"

    def user_has_permission(self, user, action):
        if action == "add" and self.model is Comment:
            return False
        return super().user_has_permission(user, action)


comment_policy = ModerationPermissionPolicy(Comment)
register_permission_policy(Comment, comment_policy)
register_permission_policy(BlockedTerm, ModerationPermissionPolicy(BlockedTerm))


def can_moderate(user):
    return comment_policy.user_has_permission(user, "change")


# --- The queue ------------------------------------------------------------------------


def pages_with_comments(request):
    return Page.objects.filter(pk__in=Comment.objects.values("page")).order_by("title")


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))
    page = django_filters.ModelChoiceFilter(label=_("Page"), queryset=pages_with_comments, empty_label=_("Any page"))
    created = django_filters.DateFromToRangeFilter(label=_("Posted"), widget=DateRangePickerWidget)
    has_links = django_filters.BooleanFilter(label=_("Has links"), method="filter_has_links")

    class Meta:
        model = Comment
        fields = []

    def filter_has_links(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(link_count__gt=0) if value else queryset.filter(link_count=0)


class CommentsMenuItem(MenuItem):
    """The Comments menu entry, with how many are waiting in its label."""

    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        waiting = Comment.objects.pending().count()
        label = self.label
        if waiting:
            # The sidebar has no badge slot and cuts long labels, so the count goes in brackets.
            label = f"{self.label} ({waiting})"
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = CommentFilterSet
    search_fields = ["body", "author_name", "guest_email", "page__title"]
    ordering = ["-created"]
    list_per_page = 50
    list_display = [
        TitleColumn("snippet", label=_("Comment"), url_name="wagtailsnippets_comments_comment:edit"),
        Column("author_name", label=_("By")),
        Column("page", label=_("Page")),
        Column("get_status_display", label=_("Status")),
        Column("link_count", label=_("Links")),
        DateColumn("created", label=_("Posted")),
    ]

    def get_queryset(self, request):
        # The page column shows each comment's page: one join instead of a query per row.
        return Comment.objects.select_related("page")

    @property
    def menu_item_class(self):
        return CommentsMenuItem

    def get_urlpatterns(self):
        # The "edit" URL is the moderation view, so every admin link to a comment (list rows,
        # history, bulk-action confirmations) opens it: comments are moderated, never edited.
        patterns = [p for p in super().get_urlpatterns() if p.name != "edit"]
        moderate = ModerateCommentView.as_view(
            index_url_name=self.get_url_name("list"),
            history_url_name=self.get_url_name("history"),
            breadcrumbs_items=self.breadcrumbs_items,
        )
        return [*patterns, path("edit/<int:pk>/", moderate, name="edit")]


class BlockedTermViewSet(SnippetViewSet):
    model = BlockedTerm
    icon = "warning"
    menu_label = _("Blocked words and emails")
    list_display = ["value", "kind", "note", "created"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]


register_snippet(CommentViewSet)
register_snippet(BlockedTermViewSet)


# --- Bulk actions ---------------------------------------------------------------------


class ModerateBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderate.html"
    new_status = None

    def check_perm(self, obj):
        return comment_policy.user_has_permission(self.request.user, "change")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.moderate(objects, cls.new_status, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(action)s: %(count)d comment.", "%(action)s: %(count)d comments.", num_parent_objects) % {
            "action": self.display_name,
            "count": num_parent_objects,
        }


@hooks.register("register_bulk_action")
class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    new_status = Status.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(ModerateBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    new_status = Status.REJECTED


@hooks.register("register_bulk_action")
class SpamBulkAction(ModerateBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 25
    new_status = Status.SPAM


@hooks.register("before_delete_snippet")
def log_bulk_comment_deletion(request, instances):
    # Wagtail's single delete view logs "wagtail.delete" itself; its bulk delete does not.
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_bulk_action":
        return
    for instance in instances:
        if isinstance(instance, Comment):
            log(instance, "wagtail.delete", user=request.user)


# --- Log, dashboard ---------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.approve", _("Approve comment"), _("Comment approved"))
    actions.register_action("comments.reject", _("Reject comment"), _("Comment rejected"))
    actions.register_action("comments.spam", _("Mark comment as spam"), _("Comment marked as spam"))
    actions.register_action("comments.requeue", _("Return comment to the queue"), _("Comment returned to the queue"))


class CommentsPanel(Component):
    name = "comments_waiting"
    template_name = "comments/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        counts = dict(
            Comment.objects.filter(status__in=[Status.PENDING, Status.SPAM])
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        return {
            "pending_count": counts.get(Status.PENDING, 0),
            "spam_count": counts.get(Status.SPAM, 0),
            "latest": Comment.objects.pending().select_related("page").order_by("-created")[:5],
            "queue_url": reverse("wagtailsnippets_comments_comment:list"),
        }


@hooks.register("construct_homepage_panels")
def add_comments_panel(request, panels):
    if can_moderate(request.user):
        panels.append(CommentsPanel())
