"""Demo member profiles who write for the site. All names and organisations are invented."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from members.models import MemberProfile
from qsite.models import Region

# (name, slug, job title, organisation, region slug, staff?, joined, bio)
AUTHORS = [
    (
        "Priya Raman",
        "priya-raman",
        "Quality improvement lead",
        "Riverside Community Health",
        "london",
        False,
        "2021-03-01",
        "Priya helps community nursing teams test small changes and measure whether they help.",
    ),
    (
        "Gareth Llewellyn",
        "gareth-llewellyn",
        "Head of improvement",
        "Cwm Taf Valleys Health Board",
        "wales",
        False,
        "2019-09-15",
        "Gareth has spent twenty years in Welsh hospitals and still thinks the best ideas come from wards.",
    ),
    (
        "Morag Fraser",
        "morag-fraser",
        "Data analyst",
        "Highland Care Partnership",
        "scotland",
        False,
        "2022-01-10",
        "Morag turns messy service data into charts that teams can act on, and teaches others to do it.",
    ),
    (
        "Ciarán O'Neill",
        "ciaran-oneill",
        "GP partner",
        "Lagan Valley Medical Practice",
        "northern-ireland",
        False,
        "2020-06-20",
        "Ciarán is a GP interested in how practices can redesign access without burning staff out.",
    ),
    (
        "Abena Mensah",
        "abena-mensah",
        "Patient partner",
        "Independent",
        "midlands",
        False,
        "2023-02-14",
        "Abena brings her experience of long-term conditions to improvement projects across the Midlands.",
    ),
    (
        "Tom Whitaker",
        "tom-whitaker",
        "Community manager",
        "Q team",
        "north-west",
        True,
        "2018-11-05",
        "Tom looks after member events and the special interest groups.",
    ),
    (
        "Sofia Costa",
        "sofia-costa",
        "Mental health nurse",
        "Harbourside Mental Health Trust",
        "south-west",
        False,
        "2022-09-01",
        "Sofia works in a crisis team and leads a project on safer discharge from inpatient care.",
    ),
    (
        "Daniel Okafor",
        "daniel-okafor",
        "Digital programme manager",
        "Eastbrook Integrated Care Board",
        "east-of-england",
        False,
        "2021-07-19",
        "Daniel works on digital tools that staff actually want to use.",
    ),
    (
        "Hannah Kirby",
        "hannah-kirby",
        "Insight manager",
        "Q team",
        "london",
        True,
        "2017-04-03",
        "Hannah runs the insight programme and edits the community's published learning.",
    ),
    (
        "Ravi Chauhan",
        "ravi-chauhan",
        "Pharmacist",
        "Northfield Primary Care Network",
        "north-east-and-yorkshire",
        False,
        "2023-05-22",
        "Ravi leads medicines reviews in care homes and studies why they work better in some places.",
    ),
    (
        "Eleanor Price",
        "eleanor-price",
        "Director of nursing",
        "Downland Hospitals",
        "south-east",
        False,
        "2016-10-10",
        "Eleanor sponsors improvement work across four hospitals and mentors new members.",
    ),
    (
        "Kwame Boateng",
        "kwame-boateng",
        "Public health registrar",
        "Midlands Population Health Unit",
        "midlands",
        False,
        "2024-01-08",
        "Kwame is interested in how improvement methods can narrow health inequalities.",
    ),
]


@transaction.atomic
def build_people(locale):
    """The demo authors, keyed by slug, each with a login they will never need in the demo."""
    regions = {r.slug: r for r in Region.objects.filter(locale=locale)}
    user_model = get_user_model()
    profiles = {}
    for name, slug, title, org, region, staff, joined, bio in AUTHORS:
        profile = MemberProfile.objects.filter(slug=slug).first()
        if profile is None:
            user, created = user_model.objects.get_or_create(
                username=slug,
                defaults={
                    "email": f"{slug}@members.q.example.org",
                    "first_name": name.split()[0],
                    "last_name": name.split()[-1],
                },
            )
            if created:
                user.set_unusable_password()
                user.save()
            profile = MemberProfile.objects.create(
                user=user,
                display_name=name,
                slug=slug,
                job_title=title,
                organisation=org,
                region=regions.get(region),
                is_staff_member=staff,
                member_since=datetime.date.fromisoformat(joined),
                bio=bio,
            )
        profiles[slug] = profile
    return profiles
