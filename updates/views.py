"""The "Get updates" endpoints: sign up (from the footer or the page), confirm, unsubscribe.

The sign-up endpoint takes posts from the footer of cached pages, which carry no CSRF token;
see docs/decisions.md for why that is safe and what protects it instead.
"""

from django.http import HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from . import services, tasks
from .forms import GetUpdatesForm
from .models import GetUpdatesPage

LINK_MESSAGES = {
    "invalid": gettext_lazy("This link is not valid. Please copy the whole link from the email, or sign up again."),
    "expired": gettext_lazy("This link has expired. Please sign up again and we will send you a new one."),
    "replaced": gettext_lazy("A newer email replaced this link. Please use the link in the latest email we sent you."),
    "used": gettext_lazy("You have already confirmed: you will get our updates."),
}


def updates_page(request):
    locale = Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()
    return GetUpdatesPage.objects.live().public().filter(locale=locale).first()


def render_signup(request, form, status=200):
    """The full Get updates page with this form (and its errors), or a plain page if editors have not made one."""
    page = updates_page(request)
    if page is not None:
        context = page.get_context(request)
        context["form"] = form
        return TemplateResponse(request, page.get_template(request), context, status=status)
    return TemplateResponse(request, "updates/get_updates_page.html", {"page": None, "form": form}, status=status)


def _csrf_failure(request):
    """Signed-in visitors' pages do carry a token (they are never cached), so check it as usual."""
    return CsrfViewMiddleware(lambda req: None).process_view(request, None, (), {})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        page = updates_page(request)
        return redirect(page.url) if page else render_signup(request, GetUpdatesForm(source="page"))
    if request.user.is_authenticated and (failure := _csrf_failure(request)) is not None:
        return failure
    if not services.from_this_site(request):
        return HttpResponseForbidden(_("Please sign up using the form on our website."))
    source = request.POST.get("source") if request.POST.get("source") in {"footer", "page"} else "page"
    page = updates_page(request)
    consent_text = page.consent if (page and source == "page") else None
    form = GetUpdatesForm(request.POST, source="page", consent_text=consent_text)
    if not form.is_valid():
        # Errors are always shown on the full page, whichever form was used, with what was typed.
        return render_signup(request, form, status=400)
    if form.is_spam:
        return redirect("updates:check_email")
    if services.ip_over_limit(request):
        form.add_error(None, _("Too many sign-ups have come from your connection. Please try again in an hour."))
        return render_signup(request, form, status=429)
    signup = services.sign_up(
        email=form.cleaned_data["email"],
        name=form.cleaned_data["name"].strip(),
        interests=form.cleaned_data["interests"],
        consent_text=form.consent_text,
        language=request.LANGUAGE_CODE,
    )
    if signup.mail == "confirm":
        tasks.send_confirmation.enqueue(signup.subscriber.pk)
    elif signup.mail == "already":
        tasks.send_already_subscribed.enqueue(signup.subscriber.pk)
    return redirect("updates:check_email")


def check_email(request):
    page = updates_page(request)
    return TemplateResponse(
        request, "updates/get_updates_thanks.html", {"updates_page": page, "days": services.confirm_days()}
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = services.subscriber_for_confirmation(token)
    except services.LinkProblem as problem:
        status = 200 if problem.code == "used" else 400
        return TemplateResponse(
            request,
            "updates/updates_link.html",
            {"problem": LINK_MESSAGES[problem.code], "kind": "confirm", "updates_page": updates_page(request)},
            status=status,
        )
    if request.method == "POST":
        services.confirm(subscriber)
        return TemplateResponse(request, "updates/updates_link.html", {"kind": "confirmed"})
    return TemplateResponse(request, "updates/updates_link.html", {"kind": "confirm", "subscriber": subscriber})


@csrf_exempt  # RFC 8058 one-click: mail apps POST here without a token; the signed link is the proof.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = services.subscriber_for_unsubscribe(token)
    except services.LinkProblem as problem:
        return TemplateResponse(
            request,
            "updates/updates_link.html",
            {"problem": LINK_MESSAGES[problem.code], "kind": "unsubscribe"},
            status=400,
        )
    if request.method == "POST":
        services.unsubscribe(subscriber)
        return TemplateResponse(request, "updates/updates_link.html", {"kind": "unsubscribed"})
    return TemplateResponse(request, "updates/updates_link.html", {"kind": "unsubscribe", "subscriber": subscriber})
