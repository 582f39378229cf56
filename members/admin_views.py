"""The editors' queue of membership applications, in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ApplicationError, ApplicationStatus, MembershipApplication
from .tasks import send_application_decision

PERMISSION = "members.review_application"


class DecisionForm(forms.Form):
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def application_list(request):
    _check(request)
    status = request.GET.get("status", ApplicationStatus.PENDING)
    if status not in ApplicationStatus.values:
        status = ApplicationStatus.PENDING
    applications = MembershipApplication.objects.filter(status=status).select_related("user", "region", "decided_by")
    page_obj = Paginator(applications.order_by("created_at"), 25).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/admin/applications.html",
        {
            "page_obj": page_obj,
            "status": status,
            "statuses": ApplicationStatus.choices,
            "pending_count": MembershipApplication.objects.filter(status=ApplicationStatus.PENDING).count(),
        },
    )


@require_POST
def decide(request, pk, decision):
    _check(request)
    if decision not in {"approve", "decline"}:
        raise Http404
    application = get_object_or_404(MembershipApplication, pk=pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if decision == "approve":
            application.approve(by=request.user, note=note)
            messages.success(request, _("%(name)s is now a member.") % {"name": application.display_name})
        else:
            application.decline(by=request.user, note=note)
            messages.success(
                request, _("The application from %(name)s was declined.") % {"name": application.display_name}
            )
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("members_applications")
    send_application_decision.enqueue(application.pk)
    return redirect("members_applications")
