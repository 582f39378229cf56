"""Demo members, applicants and the logins load_demo prints. All people are invented."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from members.models import (
    ApplicationStatus,
    MemberProfile,
    MembershipApplication,
    Visibility,
    default_visibility,
)
from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from qsite.models import Region

FIRST_NAMES = [
    "Aisha",
    "Bryn",
    "Catriona",
    "Dev",
    "Efa",
    "Finn",
    "Gwen",
    "Harpreet",
    "Isla",
    "Jamal",
    "Kerry",
    "Lowri",
    "Malik",
    "Niamh",
    "Owen",
    "Parveen",
    "Rhys",
    "Saoirse",
    "Tariq",
    "Una",
    "Vikram",
    "Wendy",
    "Yusuf",
    "Zara",
]
LAST_NAMES = [
    "Ahmed",
    "Baird",
    "Campbell",
    "Davies",
    "Evans",
    "Fitzgerald",
    "Gill",
    "Hughes",
    "Iqbal",
    "Jenkins",
    "Kaur",
    "Lloyd",
    "MacLeod",
    "Nolan",
    "Owusu",
    "Pritchard",
    "Quinn",
    "Rees",
    "Shah",
    "Thomas",
    "Ure",
    "Walsh",
]
ROLES = [
    ("Ward manager", "Hospital"),
    ("Practice nurse", "Surgery"),
    ("Service improvement lead", "Trust"),
    ("Data analyst", "Health Board"),
    ("Occupational therapist", "Community Services"),
    ("Patient partner", "Independent"),
    ("Paramedic", "Ambulance Service"),
    ("Care home manager", "Care Homes"),
    ("Midwife", "Maternity Unit"),
    ("Clinical psychologist", "Mental Health Trust"),
]
PLACES = ["Northgate", "Riverside", "Eastbrook", "Harbourside", "Westmoor", "Downland", "Highfield", "Lakeside"]
INTERESTS = [
    "Patient safety",
    "Measurement for improvement",
    "Digital change",
    "Mental health",
    "Primary care",
    "Health inequalities",
    "Lived experience",
    "Workforce wellbeing",
    "Co-production",
    "Quality improvement methods",
]
BIOS = [
    "I lead small tests of change with my team and like to share what we learn, good and bad.",
    "Most of my work is about making data useful to the people who collect it.",
    "I joined to meet people outside my organisation who are trying similar things.",
    "I bring the view of someone who uses services every week to the projects I join.",
    "Currently working on how we hand over care between teams at night.",
]

WHY_JOIN = "I want to learn from people who have tried what we are about to try, and share what we find."

DEMO_LOGINS = {
    "editor": ("editor@q.example.org", "Edith Editor", "qsite-demo-editor"),
    "member": ("member@q.example.org", "Mo Member", "qsite-demo-member"),
}


def _verified_user(email, first, last, password=None):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    elif password and not user.check_password(password):
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


@transaction.atomic
def build_members(locale, count=40):
    """`count` approved members across the regions, five applicants waiting, and demo editor/member logins."""
    rng = random.Random(42)
    regions = list(Region.objects.filter(locale=locale))
    members_group = Group.objects.get(name=MEMBERS_GROUP)
    editors_group = Group.objects.get(name=EDITORS_GROUP)
    today = timezone.localdate()

    created = 0
    for n in range(count):
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[(n * 7) % len(LAST_NAMES)]
        slug = f"{first}-{last}-{n + 1}".lower()
        if MemberProfile.objects.filter(slug=slug).exists():
            continue
        role, kind = ROLES[n % len(ROLES)]
        user = _verified_user(f"{slug}@members.q.example.org", first, last)
        user.groups.add(members_group)
        visibility = default_visibility()
        if n % 5 == 0:
            visibility["region"] = str(Visibility.MEMBERS)
        profile = MemberProfile.objects.create(
            user=user,
            display_name=f"{first} {last}",
            slug=slug,
            job_title=role,
            organisation=f"{PLACES[n % len(PLACES)]} {kind}",
            region=regions[n % len(regions)],
            bio=BIOS[n % len(BIOS)],
            member_since=today - datetime.timedelta(days=30 + n * 23),
            listed_in_directory=n % 9 != 0,
            visibility=visibility,
        )
        profile.interests.add(*rng.sample(INTERESTS, 2))
        created += 1

    for n in range(5):
        first, last = FIRST_NAMES[-(n + 1)], LAST_NAMES[-(n + 1)]
        user = _verified_user(f"applicant{n + 1}@example.org", first, last)
        MembershipApplication.objects.get_or_create(
            user=user,
            defaults={
                "display_name": f"{first} {last}",
                "role": ROLES[n][0],
                "organisation": f"{PLACES[n]} {ROLES[n][1]}",
                "region": regions[n % len(regions)],
                "interests": ", ".join(INTERESTS[n : n + 2]),
                "why_join": WHY_JOIN,
                "status": ApplicationStatus.PENDING,
            },
        )

    email, name, password = DEMO_LOGINS["editor"]
    editor = _verified_user(email, *name.split(), password=password)
    editor.groups.add(editors_group)
    email, name, password = DEMO_LOGINS["member"]
    member = _verified_user(email, *name.split(), password=password)
    member.groups.add(members_group)
    MemberProfile.objects.get_or_create(
        user=member,
        defaults={
            "display_name": name,
            "slug": "mo-member",
            "job_title": "Improvement facilitator",
            "organisation": "Lakeside Community Services",
            "region": regions[0],
        },
    )
    return created
