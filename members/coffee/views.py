"""A member's coffee trial choices, on their account pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from members.models import MemberProfile
from members.roles import is_member

from .forms import CoffeePreferenceForm
from .models import CoffeePreference


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    if not is_member(request.user):
        messages.info(request, _("Coffee trials are for members. You can take part once your application is approved."))
        return redirect("members:account")
    profile = MemberProfile.objects.filter(user=request.user).first()
    if profile is None:
        messages.info(request, _("Create your profile first: your match sees your name and role from it."))
        return redirect("members:account")
    preference = CoffeePreference.objects.filter(profile=profile).first() or CoffeePreference(
        profile=profile, region=profile.region
    )
    was_in = bool(preference.pk and preference.opted_in)
    locale = Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()
    form = CoffeePreferenceForm(request.POST if request.method == "POST" else None, instance=preference, locale=locale)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed() and preference.pk:
            messages.info(
                request,
                _("You are already taking part; nothing changed.") if was_in else _("Nothing changed."),
            )
            return redirect("members:coffee")
        form.save()
        if form.cleaned_data["opted_in"]:
            messages.success(request, _("You are in. We will email you when the next round is drawn."))
        else:
            messages.success(request, _("You are out of coffee trials. Your choices are kept if you come back."))
        return redirect("members:coffee")
    return TemplateResponse(
        request,
        "members/coffee_preferences.html",
        {
            "form": form,
            "preference": preference,
            "crumbs": [{"title": _("Your account"), "url": None}, {"title": _("Coffee trials"), "url": None}],
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
