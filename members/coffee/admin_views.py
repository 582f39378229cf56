"""Coffee trials in the Wagtail admin, for editors: the figures round by round, draw a round, re-send its emails."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import DrawRoundForm
from .models import CoffeePreference, CoffeeRound

PERMISSION = "members.run_coffee_trials"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _draw_periods():
    this_month = services.next_period()
    return [this_month, services.months_ago(this_month, -1)]


def dashboard(request):
    _check(request)
    rows = services.round_figures()
    recent = rows[-12:]
    return TemplateResponse(
        request,
        "members/admin/coffee.html",
        {
            "rows": list(reversed(rows)),
            "chart": services.chart(recent) if recent else None,
            "series": services.CHART_SERIES,
            "draw_form": DrawRoundForm(periods=_draw_periods()),
            "opted_in": CoffeePreference.objects.filter(opted_in=True)
            .filter(services.active_member_filter())
            .distinct()
            .count(),
            "window": services.no_repeat_rounds(),
        },
    )


@require_POST
def draw(request):
    _check(request)
    form = DrawRoundForm(request.POST, periods=_draw_periods())
    if not form.is_valid():
        messages.error(request, _("Choose this month or next month."))
        return redirect("coffee_trials")
    try:
        result = services.draw_round(form.cleaned_data["period"], by=request.user)
    except services.RoundError as error:
        messages.error(request, str(error))
        return redirect("coffee_trials")
    services.send_round(result.round)
    text = _("Round for %(month)s drawn: %(groups)d groups; introductions are on their way.") % {
        "month": result.round,
        "groups": result.groups,
    }
    if result.left_out:
        text += " " + _("%(count)d member(s) could not be matched without a repeat and sit this round out.") % {
            "count": result.left_out
        }
    messages.success(request, text)
    return redirect("coffee_trials")


@require_POST
def resend(request, pk):
    _check(request)
    coffee_round = get_object_or_404(CoffeeRound, pk=pk)
    services.send_round(coffee_round, resend=True)
    messages.success(request, _("The introductions for %(month)s were sent again.") % {"month": coffee_round})
    return redirect("coffee_trials")
