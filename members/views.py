from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from qsite.models import Region, SiteSettings
from qsite.pages import pages_by_author, with_listing_date

from . import account_sections, services
from .forms import ApplicationForm, DeleteAccountForm, DirectoryForm, ProfileForm
from .models import ApplicationStatus, MemberProfile, MembershipApplication, audience_of
from .roles import is_member

DIRECTORY_PER_PAGE = 24


def _locale(request):
    return Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()


def _crumbs(*titles):
    return [{"title": title, "url": None} for title in titles]


@login_required
def account(request):
    """The member's own page: where their application stands and what they can do."""
    user = request.user
    application = MembershipApplication.objects.filter(user=user).first()
    profile = MemberProfile.objects.filter(user=user).first()
    member = is_member(user)
    return TemplateResponse(
        request,
        "members/account.html",
        {
            "application": application,
            "profile": profile,
            "is_member": member,
            "write_links": services.write_links(_locale(request)) if member else [],
            "sections": account_sections.sections_for(request),
            "crumbs": _crumbs(_("Your account")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def apply(request):
    user = request.user
    if is_member(user):
        messages.info(request, _("You are already a member."))
        return redirect("members:account")
    existing = MembershipApplication.objects.filter(user=user).first()
    if existing and existing.status != ApplicationStatus.PENDING:
        messages.info(request, _("Your application has already been decided."))
        return redirect("members:account")
    form = ApplicationForm(request.POST or None, instance=existing, locale=_locale(request))
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.user = user
        try:
            application.save()
        except IntegrityError:
            # A second submission racing the first: the first one stands.
            messages.info(request, _("We already have your application."))
            return redirect("members:account")
        messages.success(
            request,
            _("Thank you. Your application has been sent; an editor will review it and email you the decision."),
        )
        return redirect("members:account")
    return TemplateResponse(
        request,
        "members/apply.html",
        {"form": form, "application": existing, "crumbs": _crumbs(_("Apply to join"))},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    if not is_member(request.user):
        messages.info(request, _("You can edit a profile once your application is approved."))
        return redirect("members:account")
    profile = get_object_or_404(MemberProfile, user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    form.fields["region"].queryset = Region.objects.filter(locale=_locale(request))
    if request.method == "POST" and form.is_valid():
        profile = form.save()
        if form.cleaned_data.get("photo_upload"):
            services.set_photo(profile, form.cleaned_data["photo_upload"])
        elif form.cleaned_data.get("remove_photo"):
            services.remove_photo(profile)
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:account")
    return TemplateResponse(
        request,
        "members/profile_edit.html",
        {"form": form, "profile": profile, "crumbs": _crumbs(_("Your account"), _("Edit your profile"))},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def download_data(request):
    response = JsonResponse(services.export_data(request.user), json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="q-community-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Your account has been deleted. Thank you for being part of the community."))
        return redirect("/")
    return TemplateResponse(
        request,
        "members/delete_account.html",
        {"form": form, "crumbs": _crumbs(_("Your account"), _("Delete your account"))},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _group_options():
    """Special interest groups for the directory filter. Named by string: members never imports groups."""
    try:
        model = apps.get_model("groups", "GroupPage")
    except LookupError:
        return []
    # Memberships belong to the group in the default language (see groups.models).
    # A join on the language code rather than Locale.get_default(): one query, not two.
    return (
        model.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .only("title", "slug")
        .order_by("title")
    )


def directory(request):
    """Approved members who chose to be listed: for members, or for everyone if a site setting says so."""
    site_settings = SiteSettings.for_request_or_defaults(request)
    viewer_is_member = is_member(request.user)
    if not viewer_is_member and not site_settings.directory_is_public:
        return TemplateResponse(request, "members/directory_closed.html", {"crumbs": _crumbs(_("Members"))}, status=403)
    levels = audience_of(request.user)
    form = DirectoryForm(request.GET or None)
    profiles = (
        MemberProfile.objects.listed()
        .select_related("region")
        .prefetch_related(Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions()))
        .order_by("display_name", "pk")
    )
    if form.is_bound and form.is_valid():
        query, region, interest, group = (form.cleaned_data[k] for k in ("q", "region", "interest", "group"))
        if query:
            # Organisations only match where the member shows their work to this viewer.
            by_org = MemberProfile.objects.visible_part("work", levels).filter(organisation__icontains=query)
            profiles = profiles.filter(Q(display_name__icontains=query) | Q(pk__in=by_org.values("pk")))
        if region:
            # A nation takes in the regions inside it: England finds members in London too.
            profiles = profiles.visible_part("region", levels).filter(region__in=Region.objects.within(region))
        if interest:
            profiles = profiles.visible_part("interests", levels).filter(interests__slug=interest)
        if group:
            # Only members who agreed to be listed on that group's page (one filter call: the same membership).
            profiles = profiles.filter(group_memberships__group__slug=group, group_memberships__listed=True)
    elif form.is_bound:
        profiles = profiles.none()
    page_obj = Paginator(profiles, DIRECTORY_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/directory.html",
        {
            "form": form,
            "page_obj": page_obj,
            "members": [(p, p.visible_to(request.user, levels)) for p in page_obj.object_list],
            "regions": Region.objects.filter(locale=_locale(request)).only("name", "slug"),
            "interests": Tag.objects.filter(
                members_memberinterest_items__content_object__in=MemberProfile.objects.listed().visible_part(
                    "interests", levels
                )
            )
            .distinct()
            .order_by("name"),
            "groups": _group_options(),
            "crumbs": _crumbs(_("Members")),
        },
    )


def _profile_groups(member, is_self):
    """The special interest groups a member is in and agreed to be listed in (all of them, for the member)."""
    if not hasattr(member, "group_memberships"):
        return []
    memberships = member.group_memberships.filter(group__live=True)
    if not is_self:
        if not member.listed_in_directory:
            return []
        memberships = memberships.filter(listed=True)
    return [m.group for m in memberships.select_related("group").order_by("group__title")]


def profile(request, slug):
    """A member's profile: the parts they chose to show this viewer, and what they have written here."""
    member = get_object_or_404(MemberProfile.objects.select_related("photo", "region"), slug=slug)
    is_self = request.user.is_authenticated and member.user_id == request.user.pk
    # In the reader's language, newest first by each item's own date (an event's start, a post's date).
    pages = with_listing_date(pages_by_author(member))
    if not (member.listed_in_directory or is_self or member.is_former_member or pages.exists()):
        raise Http404
    page_obj = Paginator(pages, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/profile.html",
        {
            "member": member,
            "visible": member.visible_to(request.user),
            "interests": list(member.interests.all()),
            "groups": _profile_groups(member, is_self),
            "is_self": is_self,
            "page_obj": page_obj,
            "crumbs": _crumbs(_("Members"), member.display_name),
        },
    )
