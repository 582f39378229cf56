"""The Wagtail admin's per-comment moderation view: read one comment in full, then decide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from . import services
from .models import Comment, Status
from .text import render_body

DECISIONS = {
    "approve": (Status.APPROVED, gettext_lazy("Comment approved and published.")),
    "reject": (Status.REJECTED, gettext_lazy("Comment rejected.")),
    "spam": (Status.SPAM, gettext_lazy("Comment marked as spam.")),
    "requeue": (Status.PENDING, gettext_lazy("Comment put back in the queue.")),
}


class ModerateCommentView(BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Comment
    template_name = "comments/admin/moderate.html"
    page_title = gettext_lazy("Moderate comment")
    header_icon = "comment"
    index_url_name = None
    history_url_name = None

    def get_base_object_queryset(self):
        return Comment.objects.select_related("page", "parent", "author", "moderated_by")

    def dispatch(self, request, *args, **kwargs):
        if not policy_registry.get_by_type(Comment).user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.author_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Comments")},
            {"url": "", "label": self.object.snippet},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        context.update(
            comment=comment,
            body_html=render_body(comment.body),
            page=comment.page.specific_deferred,
            replies=comment.replies.order_by("created"),
            history_url=reverse(self.history_url_name, args=[comment.pk]),
            index_url=reverse(self.index_url_name),
            Status=Status,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        comment = self.object
        if action == "delete":
            log(comment, "wagtail.delete", user=request.user)
            comment.delete()
            messages.success(request, _("Comment deleted."))
        elif action in DECISIONS:
            status, message = DECISIONS[action]
            services.moderate([comment], status, request.user)
            messages.success(request, message)
        else:
            messages.error(request, _("Choose what to do with the comment."))
            return redirect(request.path)
        return redirect(f"{reverse(self.index_url_name)}?status=pending")
