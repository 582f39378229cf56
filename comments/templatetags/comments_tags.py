"""`{% comments_section %}`: a commentable page's thread and form, built in a fixed number of queries."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from qsite.languages import in_language_of
from qsite.models import SiteSettings
from qsite.pages import CommentableMixin

from .. import defences
from ..forms import CommentForm
from ..models import Comment, Status
from ..services import display_name_for
from ..text import render_body
from ..views import NOTICE_KEY

register = template.Library()


def build_thread(comments):
    """Top-level comments, oldest first, each with `.thread_replies`. A reply whose parent is not
    shown (still pending, rejected) is not shown either."""
    top = []
    by_pk = {}
    for comment in comments:
        comment.html = render_body(comment.body)
        comment.thread_replies = []
        if comment.parent_id is None:
            top.append(comment)
            by_pk[comment.pk] = comment
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_pk:
            by_pk[comment.parent_id].thread_replies.append(comment)
    return top


def _int_or_none(value):
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _token_for(form, page):
    """Keep the first token across a failed post, so fixing a typo is not 'too fast';
    hand out a new one only when the old one cannot be used."""
    if form.is_bound:
        token = form.data.get("token", "")
        try:
            defences.check_token(token, page.pk)
        except defences.TokenProblem as problem:
            if str(problem) == "too_fast":
                return token
        else:
            return token
    return defences.make_token(page.pk)


def _pop_notice(request, page):
    # Only touch the session when the visitor has one, so a first-time reader costs no session query.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    notice = request.session.get(NOTICE_KEY)
    if not notice or notice.get("page") != page.pk:
        return None
    del request.session[NOTICE_KEY]
    return notice


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context):
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, CommentableMixin) or page.pk is None:
        # Included on a page type that has not opted in, or an unsaved page in an admin preview.
        return {"disabled": True}
    user = request.user
    site_settings = SiteSettings.for_request_or_defaults(request)

    comments = list(Comment.objects.in_thread_of(page).visible_to(user).for_display())
    thread = build_thread(comments)
    shown = [c for top in thread for c in (top, *top.thread_replies)]
    approved_count = sum(c.status == Status.APPROVED for c in shown)

    form = context.get("comment_form") or getattr(request, "comment_form", None)
    if form is not None:
        reply_to_id = _int_or_none(form.data.get("parent"))
    else:
        reply_to_id = _int_or_none(request.GET.get("reply_to"))
        form = CommentForm(user=user, page=page)
    replying_to = next((c for c in thread if c.pk == reply_to_id and c.status == Status.APPROVED), None)

    page_url = page.get_url(request)
    return {
        "request": request,
        "page": page,
        "page_url": page_url,
        "thread": thread,
        "approved_count": approved_count,
        "comments_open": page.comments_are_open(site_settings),
        "closed_text": page.comments_closed_text,
        "form": form,
        "token": _token_for(form, page),
        "replying_to": replying_to,
        "notice": _pop_notice(request, page),
        "policy_page": in_language_of(site_settings.comments_policy_page, page),
        "login_url": resolve_url(settings.LOGIN_URL) + "?" + urlencode({"next": page_url + "#comment-form"}),
        "signed_in": user.is_authenticated,
        "member_name": _member_name(user),
        "page_language": page.locale.language_code if page.locale_id else None,
    }


def _member_name(user):
    if not user.is_authenticated:
        return ""
    return display_name_for(user)
