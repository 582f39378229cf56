"""The public form's target. Posting never publishes: a comment is stored for moderation and the
reader is sent back to the page (post/redirect/get) with a notice; on any problem the page is shown
again with the form, what was typed and the errors beside the fields."""

import copy
from urllib.parse import urlsplit

from django.http import HttpResponseRedirect, QueryDict
from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from qsite.models import SiteSettings
from qsite.pages import CommentableMixin

from . import defences, services
from .forms import CommentForm

NOTICE_KEY = "comments_notice"


def commentable_page(raw_id):
    """The live, public, commentable page with this id, or None for anything else a form could send."""
    try:
        page_id = int(str(raw_id).strip())
    except ValueError:
        return None
    if not 0 < page_id < 2**31:
        return None
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    return page if isinstance(page, CommentableMixin) else None


def show_page_with_form(request, page, form, status=200):
    """The page exactly as a reader's GET shows it (its own route, context, canonical link and cache rules),
    with the submitted form, what was typed and its errors in the comments section.

    Rendering through the page's own `route`/`serve` rather than its template keeps whatever a page type
    adds in its route (an event's joining link and "happening now" notice, more events). The GET is a copy
    of the POST at the page's own address, so links and the canonical URL are the page's, not the form's.
    """
    page_path = urlsplit(page.get_url(request) or "/").path
    as_get = copy.copy(request)
    as_get.method = "GET"
    as_get.path = as_get.path_info = page_path
    as_get.GET = QueryDict()
    as_get.comment_form = form
    route = page.route(as_get, [])
    response = route.page.serve(as_get, *route.args, **route.kwargs)
    response.status_code = status
    # What the reader typed is in this response: it must never be stored by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


def too_many(request, page, form):
    form.add_error(
        None, _("You have posted several comments in the last few minutes. Please wait a while and try again.")
    )
    return show_page_with_form(request, page, form, status=429)


def thanks(request, page, comment):
    request.session[NOTICE_KEY] = {"page": page.pk, "comment": comment.pk if comment else None}
    return HttpResponseRedirect(page.get_url(request) + "#comment-notice")


def forgery_refusal(request):
    """The CSRF check, for members only; None when the post may go on.

    Commentable pages are cached whole for readers who are not logged in (qsite/cache.py), so the form
    they see cannot carry a per-reader CSRF token. A guest's post carries no session or identity to
    forge, so a guest is held to the other defences (signed form token, honeypot, fill time, rate limits,
    moderation) plus a same-origin check when the browser sends Origin. A member's post speaks for their
    account, so it needs the token their (never cached) page carries. See docs/decisions.md.
    """
    if request.user.is_authenticated:
        return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null" and urlsplit(origin).netloc != request.get_host():
        return CsrfViewMiddleware(lambda _request: None)._reject(request, "Origin checking failed.")
    return None


@csrf_exempt
@require_POST
def post_comment(request):
    refusal = forgery_refusal(request)
    if refusal is not None:
        return refusal
    page = commentable_page(request.POST.get("page", ""))
    if page is None:
        return TemplateResponse(
            request,
            "comments/unavailable.html",
            {"body": request.POST.get("body", "").replace("\x00", "")[: defences.max_length() * 2]},
            status=404,
        )

    form = CommentForm(request.POST, user=request.user, page=page)
    if request.POST.get("website"):
        # A bot filled in the honeypot. Say the usual thanks so it learns nothing; store nothing.
        return thanks(request, page, None)
    if not page.comments_are_open(SiteSettings.for_request(request)):
        form.is_valid()
        form.add_error(None, page.comments_closed_text)
        return show_page_with_form(request, page, form, status=403)
    if defences.rate_limited(request):
        form.is_valid()
        return too_many(request, page, form)
    if not form.is_valid():
        return show_page_with_form(request, page, form)
    try:
        comment = services.submit(form, request, page)
    except services.DuplicateComment:
        form.add_error("body", _("You have already posted this comment on this page."))
        return show_page_with_form(request, page, form)
    except services.RateLimited:
        return too_many(request, page, form)
    return thanks(request, page, comment if form.signed_in else None)
