"""Drawing and sending coffee rounds, and the figures editors see. The grouping itself is pairing.draw()."""

import datetime
import random
import secrets
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.roles import members_q

from . import pairing
from .models import CoffeeGroup, CoffeeMembership, CoffeePreference, CoffeeRound, Frequency, RoundStatus
from .tasks import send_round_emails


class RoundError(Exception):
    """A round that cannot be drawn or sent; the message is shown to the editor as it is."""


def period_of(day):
    return day.replace(day=1)


def no_repeat_rounds():
    return settings.COFFEE_NO_REPEAT_ROUNDS


def active_member_filter():
    """Preferences of people who are members now (members.roles decides) and have not left."""
    return members_q("profile__user") & Q(profile__is_former_member=False)


def taking_part(period):
    """Preferences of the members in this period's round: opted in, still active members, and, for those
    who come every two months, not in the round just before (whatever month that was)."""
    preferences = (
        CoffeePreference.objects.filter(opted_in=True)
        .filter(active_member_filter())
        .select_related("profile", "region", "profile__region")
        .distinct()
        .order_by("profile_id")
    )
    previous = CoffeeRound.objects.filter(period__lt=period).order_by("-period").first()
    if previous is not None:
        were_in_previous = CoffeeMembership.objects.filter(round=previous).values("profile_id")
        preferences = preferences.exclude(Q(frequency=Frequency.BIMONTHLY) & Q(profile_id__in=were_in_previous))
    return list(preferences)


def region_key(region):
    # A Welsh and an English page pick the same region under different rows: compare by translation key.
    return region.translation_key if region is not None else None


def history(period):
    """Pairs who met within the no-repeat window before this period, and pairs who met before that."""
    rounds = list(CoffeeRound.objects.filter(period__lt=period).order_by("-period").values_list("pk", flat=True))
    window = set(rounds[: no_repeat_rounds()])
    by_group = defaultdict(list)
    for group_id, round_id, profile_id in CoffeeMembership.objects.filter(round__in=rounds).values_list(
        "group_id", "round_id", "profile_id"
    ):
        by_group[(group_id, round_id)].append(profile_id)
    recent, earlier = set(), set()
    for (_group, round_id), people in by_group.items():
        for a, b in combinations(people, 2):
            (recent if round_id in window else earlier).add(pairing.pair(a, b))
    return recent, earlier


@dataclass
class DrawResult:
    round: CoffeeRound
    groups: int
    left_out: int


def draw_round(period, by=None, seed=None):
    """Draw the round for the month of `period` and store it. Never draws a month twice."""
    period = period_of(period)
    if CoffeeRound.objects.filter(period=period).exists():
        raise RoundError(
            _("The round for %(month)s has already been drawn. It is never drawn again; you can re-send its emails.")
            % {"month": period.strftime("%B %Y")}
        )
    preferences = taking_part(period)
    if not preferences:
        raise RoundError(_("Nobody has opted in to coffee trials for this round, so no round was drawn."))
    if len(preferences) == 1:
        raise RoundError(
            _(
                "Only one member is taking part this round, so nobody can be matched and no round was drawn. "
                "They stay opted in for the next round."
            )
        )
    seed = secrets.randbits(48) if seed is None else seed
    participants = [
        pairing.Participant(p.profile_id, p.mode, region_key(p.region or p.profile.region)) for p in preferences
    ]
    recent, earlier = history(period)
    result = pairing.draw(participants, recent, earlier, random.Random(seed))  # noqa: S311 (see pairing.draw)
    by_profile = {p.profile_id: p for p in preferences}
    try:
        with transaction.atomic():
            coffee_round = CoffeeRound.objects.create(
                period=period, seed=seed, drawn_by=by, participant_count=len(preferences)
            )
            for ids in result.groups:
                people = [by_profile[i] for i in ids]
                group = CoffeeGroup.objects.create(
                    round=coffee_round,
                    mode=pairing.meeting_mode([pp for pp in participants if pp.id in ids]),
                )
                CoffeeMembership.objects.bulk_create(
                    CoffeeMembership(
                        round=coffee_round,
                        group=group,
                        profile_id=p.profile_id,
                        region=p.region or p.profile.region,
                        profession=p.profile.job_title[:120],
                    )
                    for p in people
                )
            coffee_round.left_out.set(result.unpaired)
    except IntegrityError:
        # Two editors pressed "Draw" at the same moment: the first draw stands.
        raise RoundError(
            _("The round for %(month)s has already been drawn.") % {"month": period.strftime("%B %Y")}
        ) from None
    return DrawResult(coffee_round, len(result.groups), len(result.unpaired))


def send_round(coffee_round, resend=False):
    """Queue the introduction emails. A second send needs `resend=True` (the admin's separate button)."""
    with transaction.atomic():
        locked = CoffeeRound.objects.select_for_update().get(pk=coffee_round.pk)
        if locked.status == RoundStatus.SENT and not resend:
            raise RoundError(_("The emails for this round were already sent. Use 're-send' to send them again."))
        locked.status = RoundStatus.SENT
        locked.sent_at = timezone.now()
        locked.save(update_fields=["status", "sent_at"])
    send_round_emails.enqueue(coffee_round.pk, resend)
    return locked


# --- Figures for editors --------------------------------------------------------------------------


@dataclass
class RoundFigures:
    round: CoffeeRound
    participants: int
    groups: int
    connections: int
    new_connections: int
    cross_region: int
    cross_profession: int


def _norm(text):
    return " ".join((text or "").split()).casefold()


def round_figures():
    """Per round, oldest first: who took part, and how many of the connections made were new, and how many
    crossed regions and professions. Two queries, however many rounds."""
    rounds = list(CoffeeRound.objects.order_by("period"))
    groups = defaultdict(list)
    for membership in CoffeeMembership.objects.select_related("region").order_by("round__period", "group_id"):
        groups[(membership.round_id, membership.group_id)].append(membership)
    met = set()
    figures = {r.pk: RoundFigures(r, 0, 0, 0, 0, 0, 0) for r in rounds}
    for (round_id, _group), members in groups.items():
        row = figures[round_id]
        row.groups += 1
        row.participants += len(members)
        for a, b in combinations(members, 2):
            row.connections += 1
            key = pairing.pair(a.profile_id, b.profile_id)
            if key not in met:
                row.new_connections += 1
                met.add(key)
            regions = {region_key(a.region), region_key(b.region)}
            if None not in regions and len(regions) == 2:
                row.cross_region += 1
            if _norm(a.profession) and _norm(b.profession) and _norm(a.profession) != _norm(b.profession):
                row.cross_profession += 1
    return [figures[r.pk] for r in rounds]


CHART_SERIES = (
    ("participants", "chart-bar--participants"),
    ("new_connections", "chart-bar--new"),
    ("cross_region", "chart-bar--region"),
    ("cross_profession", "chart-bar--profession"),
)


def chart(rows, width=720, height=260):
    """Geometry for a grouped bar chart drawn as SVG by the template: one cluster per round."""
    top, bottom, left = 16, 40, 40
    plot_h = height - top - bottom
    highest = max([getattr(r, name) for r in rows for name, _css in CHART_SERIES] + [1])
    step = max(1, (highest + 4) // 5)
    ticks = [{"value": v, "y": top + plot_h - plot_h * v / highest} for v in range(0, highest + 1, step)]
    cluster = (width - left) / max(len(rows), 1)
    bar = min(24, (cluster - 12) / len(CHART_SERIES))
    clusters = []
    for i, row in enumerate(rows):
        x0 = left + i * cluster + (cluster - bar * len(CHART_SERIES)) / 2
        bars = []
        for j, (name, css) in enumerate(CHART_SERIES):
            value = getattr(row, name)
            h = plot_h * value / highest
            bars.append({"x": x0 + j * bar, "y": top + plot_h - h, "h": h, "w": bar - 2, "value": value, "css": css})
        clusters.append({"label": str(row.round), "x": left + i * cluster + cluster / 2, "bars": bars})
    return {
        "width": width,
        "height": height,
        "left": left,
        "axis_y": top + plot_h,
        "label_y": height - bottom + 18,
        "ticks": ticks,
        "clusters": clusters,
    }


def next_period(today=None):
    """The month a draw made now is for."""
    return period_of(today or timezone.localdate())


def months_ago(day, n):
    year, month = divmod(day.year * 12 + (day.month - 1) - n, 12)
    return datetime.date(year, month + 1, 1)
