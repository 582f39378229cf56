"""Group page actions: show the page, join, leave, change preferences, download the member list, unsubscribe.

Joining and leaving are POST-only forms protected by CSRF; every refusal is a message on the group page.
"""

import csv

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members.models import MemberProfile
from members.roles import is_member
from qsite.models import SiteSettings

from .forms import PreferencesForm
from .models import LATEST_POSTS, UPCOMING_EVENTS, GroupMembership, GroupPage

UNSUBSCRIBE_SALT = "groups.unsubscribe"


def group_page(request, group):
    user = request.user
    memberships = group.memberships()
    context = {
        "member_count": memberships.active().count(),
        "organisers": list(group.organisers.order_by("display_name", "pk")),
        "posts": list(group.posts().for_cards()[:LATEST_POSTS]),
        "events": list(group.upcoming_events().for_cards()[:UPCOMING_EVENTS]),
        "topics": group.topic_list,
        "is_member": False,
        "membership": None,
    }
    show_names = False
    if user.is_authenticated:
        context["is_member"] = is_member(user)
        context["membership"] = memberships.filter(profile__user=user).first()
        context["can_manage"] = group.can_manage(user)
        context["can_edit"] = group.permissions_for_user(user).can_edit()
        show_names = context["is_member"]
    if not show_names:
        show_names = SiteSettings.for_request_or_defaults(request).directory_is_public
    if show_names:
        # Names only, one query however many members: no photos, nothing from hidden profile parts.
        context["listed_members"] = list(
            memberships.shown().select_related("profile").order_by("profile__display_name", "pk")
        )
    if context["membership"] is not None:
        context["preferences_form"] = PreferencesForm(instance=context["membership"])
    response = group.render(request, context_overrides=context)
    if user.is_authenticated:
        # The page shows this person's own membership and a CSRF token: never for a shared cache.
        patch_cache_control(response, private=True)
    return response


def _refuse_guest(request, group):
    messages.info(request, _("Please log in as a member to join or leave a group."))
    return redirect(f"{reverse('account_login')}?next={group.url}")


def _member_profile(request, group):
    """The profile of a member allowed to act on groups, or None with a message saying why not."""
    user = request.user
    if not is_member(user):
        messages.error(request, _("Groups are for members. You can join once your application is approved."))
        return None
    profile = MemberProfile.objects.filter(user=user, is_former_member=False).first()
    if profile is None:
        messages.error(request, _("You need a member profile to join a group. Please set one up first."))
    return profile


def join(request, group):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return _refuse_guest(request, group)
    profile = _member_profile(request, group)
    if profile is None:
        return redirect(group.url)
    if not group.is_open:
        messages.error(request, _("This group is resting and is not taking new members at the moment."))
        return redirect(group.url)
    target = group.membership_group
    try:
        with transaction.atomic():
            _membership, created = GroupMembership.objects.get_or_create(
                group=target, profile=profile, defaults={"listed": profile.listed_in_directory}
            )
    except IntegrityError:
        # Two joins racing: the unique constraint kept one, which is what the member wanted.
        created = False
    if created:
        messages.success(request, _("You have joined %(group)s.") % {"group": group.title})
    else:
        messages.info(request, _("You are already in %(group)s.") % {"group": group.title})
    return redirect(group.url)


def leave(request, group):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return _refuse_guest(request, group)
    deleted, _details = group.memberships().filter(profile__user=request.user).delete()
    if deleted:
        messages.success(request, _("You have left %(group)s.") % {"group": group.title})
    else:
        messages.info(request, _("You were not in %(group)s, so there was nothing to leave.") % {"group": group.title})
    return redirect(group.url)


def preferences(request, group):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return _refuse_guest(request, group)
    membership = group.memberships().filter(profile__user=request.user).first()
    if membership is None:
        messages.info(request, _("Join the group first to choose how it lists and emails you."))
        return redirect(group.url)
    form = PreferencesForm(request.POST, instance=membership)
    # Three tick boxes cannot be invalid: an unticked or missing box is "no".
    form.save()
    messages.success(request, _("Your choices for %(group)s are saved.") % {"group": group.title})
    return redirect(group.url)


def _safe_cell(value):
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    value = str(value or "")
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def members_csv(request, group):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if not group.can_manage(request.user):
        return TemplateResponse(request, "403.html", {}, status=403)
    rows = (
        group.memberships()
        .active()
        .select_related("profile__region", "profile__user")
        .order_by("profile__display_name", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}-members.csv"'
    patch_cache_control(response, private=True, no_store=True)
    # A byte-order mark so spreadsheet programs read the names as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("Organisation"), _("Region"), _("Email"), _("Joined")])
    for membership in rows:
        profile = membership.profile
        writer.writerow(
            [
                _safe_cell(profile.display_name),
                _safe_cell(profile.organisation),
                _safe_cell(profile.region.name if profile.region_id else ""),
                _safe_cell(profile.user.email if membership.contact_ok else ""),
                membership.joined_at.date().isoformat(),
            ]
        )
    return response


def unsubscribe_token(membership):
    return signing.dumps([membership.pk, membership.group_id], salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(membership, language):
    from django.conf import settings
    from django.utils import translation

    with translation.override(language):
        path = reverse("groups_unsubscribe", kwargs={"token": unsubscribe_token(membership)})
    return settings.SITE_BASE_URL + path


@csrf_exempt  # The signed token is the proof; mail clients' one-click POST (RFC 8058) carries no cookie.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a one-button page (link checkers in mail systems open links); POST stops the emails."""
    try:
        membership_id, group_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return TemplateResponse(request, "groups/unsubscribe.html", {"invalid": True}, status=400)
    group = get_object_or_404(GroupPage, pk=group_id)
    membership = GroupMembership.objects.filter(pk=membership_id, group_id=group_id).first()
    done = False
    if request.method == "POST" and membership is not None:
        GroupMembership.objects.filter(pk=membership.pk).update(notify=False)
        done = True
    response = TemplateResponse(
        request,
        "groups/unsubscribe.html",
        {
            "group": group,
            "membership": membership,
            "done": done or (membership is not None and not membership.notify),
            "token": token,
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
