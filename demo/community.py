"""Demo "Get updates" page and subscribers, coffee trial choices and three past rounds. All people are invented."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from members.coffee import services as coffee
from members.coffee.models import CoffeeGroup, CoffeePreference, CoffeeRound, Frequency, Mode, RoundStatus
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from qsite.models import SiteSettings
from updates.models import GetUpdatesPage, Subscriber, SubscriberStatus

from .build import ensure_child

SUBSCRIBERS = [
    ("ffion.jones@example.org", "Ffion Jones", SubscriberStatus.CONFIRMED, ("events", "community")),
    ("a.okafor@example.org", "Ade Okafor", SubscriberStatus.CONFIRMED, ("insights",)),
    ("mhairi.r@example.org", "Mhairi Ross", SubscriberStatus.CONFIRMED, ("blog", "events", "insights")),
    ("sam.patel@example.org", "", SubscriberStatus.CONFIRMED, ("blog",)),
    ("ciaran.b@example.org", "Ciarán Byrne", SubscriberStatus.CONFIRMED, ("community",)),
    ("lena.k@example.org", "Lena Kowalska", SubscriberStatus.PENDING, ("events",)),
    ("tom.w@example.org", "Tom Whitfield", SubscriberStatus.PENDING, ("insights", "community")),
    ("rosa.m@example.org", "Rosa Martins", SubscriberStatus.UNSUBSCRIBED, ("blog",)),
    ("g.evans@example.org", "Gethin Evans", SubscriberStatus.CONFIRMED, ("events", "insights")),
    ("nadia.h@example.org", "Nadia Hussain", SubscriberStatus.UNSUBSCRIBED, ("community",)),
]
DEMO_CONSENT = "I agree that Q may email me about the things I chose. I can unsubscribe at any time."
COFFEE_MEMBERS = 20


@transaction.atomic
def build_community(home):
    page, _created = ensure_child(
        home,
        GetUpdatesPage,
        "get-updates",
        title="Get updates",
        intro=(
            "One email a month with new blog posts, insights and events, plus the occasional call for members "
            "to help with something. Choose what you would like to hear about."
        ),
        consent_text=DEMO_CONSENT,
        thanks_text="While you wait, have a look at what is coming up on the events page.",
    )
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if site_settings.newsletter_page_id is None:
        site_settings.newsletter_page = page
        site_settings.save()
    subscribers = build_subscribers()
    rounds = build_coffee()
    return {"get_updates": page, "subscribers_created": subscribers, "coffee_rounds_created": rounds}


def build_subscribers():
    now = timezone.now()
    created = 0
    for n, (email, name, status, interests) in enumerate(SUBSCRIBERS):
        when = now - timezone.timedelta(days=60 - n * 5)
        _subscriber, made = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "status": status,
                "consent_text": DEMO_CONSENT,
                "consented_at": when,
                "requested_at": now if status == SubscriberStatus.PENDING else when,
                "confirmed_at": when if status != SubscriberStatus.PENDING else None,
                "unsubscribed_at": now if status == SubscriberStatus.UNSUBSCRIBED else None,
                **{f"wants_{interest}": True for interest in interests},
            },
        )
        created += made
    return created


def build_coffee():
    """Choices for the first twenty demo members, and the three months before this one drawn and 'sent'."""
    profiles = (
        MemberProfile.objects.filter(user__groups__name=MEMBERS_GROUP, user__is_active=True)
        .select_related("region")
        .order_by("pk")[:COFFEE_MEMBERS]
    )
    modes = [Mode.EITHER, Mode.ONLINE, Mode.IN_PERSON, Mode.EITHER]
    for n, profile in enumerate(profiles):
        CoffeePreference.objects.get_or_create(
            profile=profile,
            defaults={
                "opted_in": n % 7 != 6,
                "mode": modes[n % len(modes)],
                "region": profile.region,
                "frequency": Frequency.BIMONTHLY if n % 5 == 4 else Frequency.MONTHLY,
            },
        )
    this_month = coffee.next_period()
    created = 0
    for back in (3, 2, 1):
        period = coffee.months_ago(this_month, back)
        if CoffeeRound.objects.filter(period=period).exists():
            continue
        try:
            result = coffee.draw_round(period, seed=1000 + back)
        except coffee.RoundError:
            continue
        # Past rounds: marked as sent without mailing twenty invented people from a demo database.
        CoffeeRound.objects.filter(pk=result.round.pk).update(status=RoundStatus.SENT, sent_at=timezone.now())
        CoffeeGroup.objects.filter(round=result.round).update(emailed_at=timezone.now())
        created += 1
    return created
