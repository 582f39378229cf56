"""Demo special interest groups: eight groups with organisers, members, and posts and events chosen for them.

Everything here is invented for the demo. Runs after the members are built, because groups are made of them.
"""

from django.db import transaction

from blog.models import BlogPage
from events.models import EventPage
from groups.models import GroupIndexPage, GroupMembership, GroupPage, GroupStatus
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from qsite.models import Region

from .build import ensure_child, paragraph, stream
from .images import get_or_create_image

# (title, slug, status, region slug or None for UK-wide, topics, purpose, who it is for, how to take part)
GROUPS = [
    (
        "Measurement for improvement",
        "measurement-for-improvement",
        GroupStatus.ACTIVE,
        None,
        ["Measurement for improvement", "Quality improvement methods"],
        "Getting better at telling real change from noise: run charts, SPC and the conversations around them.",
        "Analysts, clinicians and managers who want data to help a team learn rather than to judge it. "
        "No statistics background needed.",
        "<p>A one-hour call on the first Tuesday of each month, where one member brings a chart they are "
        "stuck on. Between calls, members share examples and questions in the group's posts.</p>",
    ),
    (
        "Patient safety learning",
        "patient-safety-learning",
        GroupStatus.ACTIVE,
        None,
        ["Patient safety"],
        "Learning from what goes right as well as what goes wrong, and making that learning travel.",
        "Safety leads, frontline staff, investigators and patient partners working on incident learning.",
        "<p>Short case discussions every other month, each opened by a member who tells the story of one "
        "change their team made after a safety review.</p>",
    ),
    (
        "Digital change in practice",
        "digital-change-in-practice",
        GroupStatus.ACTIVE,
        None,
        ["Digital change"],
        "Introducing digital tools in ways that staff and patients actually adopt.",
        "People leading or living through a digital rollout: project leads, clinicians, informaticians and "
        "the teams who have to make new systems work on a Monday morning.",
        "<ul><li>Quarterly show-and-tell sessions online.</li><li>A shared list of lessons, kept by the "
        "organisers.</li></ul>",
    ),
    (
        "Mental health improvement network",
        "mental-health-improvement",
        GroupStatus.ACTIVE,
        "scotland",
        ["Mental health", "Co-production"],
        "Improving mental health services together with the people who use them.",
        "Staff in mental health services across Scotland and people with lived experience of those services.",
        "<p>We meet in person twice a year in Glasgow and online in between. Peer members are paid for their "
        "time when they co-lead a session.</p>",
    ),
    (
        "Primary care improvers",
        "primary-care-improvers",
        GroupStatus.ACTIVE,
        "wales",
        ["Primary care"],
        "Small tests of change in general practice, pharmacy and community teams.",
        "Practice managers, GPs, nurses, pharmacists and receptionists in Wales who try things out and "
        "want to compare notes.",
        "<p>Monthly lunchtime calls of thirty minutes: one idea, one result, one question.</p>",
    ),
    (
        "Tackling health inequalities",
        "tackling-health-inequalities",
        GroupStatus.FORMING,
        None,
        ["Health inequalities"],
        "Bringing an equity lens to improvement work, from who we measure to who we ask.",
        "Anyone whose improvement work touches access, outcomes or experience gaps between groups of people.",
        "<p>The group is forming: join to help choose its first topics and how often it meets.</p>",
    ),
    (
        "Lived experience partners",
        "lived-experience-partners",
        GroupStatus.ACTIVE,
        None,
        ["Lived experience", "Co-production"],
        "Support and a shared voice for patients, carers and service users who take part in improvement work.",
        "People who bring their own experience of care to improvement teams, and the staff who work alongside them.",
        "<p>An informal monthly call, with a private space for partners only once a quarter.</p>",
    ),
    (
        "Workforce wellbeing",
        "workforce-wellbeing",
        GroupStatus.RESTING,
        "north-east-and-yorkshire",
        ["Workforce wellbeing"],
        "Improvement approaches to staff wellbeing, retention and joy in work.",
        "People working on staff experience in the North East and Yorkshire.",
        "<p>The group is resting while its organisers look for new volunteers. Its posts stay here to read.</p>",
    ),
]
MEMBERS_PER_GROUP = 9
POSTS_PER_GROUP = 2
EVENTS_PER_GROUP = 1


def _profiles():
    """Approved demo members with accounts, in a stable order, the demo member first."""
    profiles = list(
        MemberProfile.objects.filter(user__groups__name=MEMBERS_GROUP, user__is_active=True)
        .exclude(slug="mo-member")
        .order_by("pk")
    )
    mo = MemberProfile.objects.filter(slug="mo-member").first()
    return ([mo] if mo else []) + profiles


def _tag(pages, group):
    """Choose `group` for each page and republish it, so the choice is in the live revision too."""
    for page in pages:
        page.groups.add(group)
        page.save_revision().publish()


@transaction.atomic
def build_groups(home):
    """The groups index and its eight groups. Safe to re-run: an existing group is left as it is."""
    index, _ = ensure_child(
        home,
        GroupIndexPage,
        "groups",
        title="Special interest groups",
        show_in_menus=True,
        intro="Small, member-run groups where people who share an improvement interest find each other.",
    )
    regions = {r.slug: r for r in Region.objects.filter(locale=home.locale)}
    profiles = _profiles()
    posts = list(BlogPage.objects.live().order_by("-date", "pk"))
    events = list(EventPage.objects.live().upcoming())
    created = 0
    for n, (title, slug, status, region, topics, purpose, who_for, take_part) in enumerate(GROUPS):
        image = get_or_create_image(
            f"Group picture {n + 1}", seed=900 + n, description="Overlapping circles in soft colours."
        )
        group, is_new = ensure_child(
            index,
            GroupPage,
            slug,
            publish=False,
            title=title,
            status=status,
            region=regions.get(region) if region else None,
            purpose=purpose,
            who_for=who_for,
            how_to_take_part=take_part,
            listing_image=image,
            body=stream(paragraph("Everything the group publishes is listed below, newest first.")),
        )
        if not is_new:
            continue
        created += 1
        group.topics.add(*topics)
        # Two organisers each; the demo member organises the first group, so the edit flow can be tried.
        organisers = [profiles[(n * 2) % len(profiles)], profiles[(n * 2 + 1) % len(profiles)]] if profiles else []
        group.organisers.set(organisers)
        group.save_revision().publish()
        # Posts and events before the members join, so loading the demo sends no group emails.
        _tag(posts[n * POSTS_PER_GROUP : (n + 1) * POSTS_PER_GROUP], group)
        _tag(events[n * EVENTS_PER_GROUP : (n + 1) * EVENTS_PER_GROUP], group)
        # Members: a spread of the demo members, some listed, a few asking for emails.
        for k in range(MEMBERS_PER_GROUP):
            if not profiles:
                break
            profile = profiles[(n * 5 + k) % len(profiles)]
            GroupMembership.objects.get_or_create(
                group=group,
                profile=profile,
                defaults={
                    "listed": profile.listed_in_directory and k % 4 != 3,
                    "notify": k % 3 == 0,
                    "contact_ok": k % 2 == 0,
                },
            )
    return {"index": index, "groups_created": created}
