"""Demo comments: approved threads with replies on several posts and stories, a few waiting, one spam.

Safe to re-run: each comment has a fixed fingerprint, so nothing is added twice.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from blog.models import BlogPage, MemberStoryPage
from comments.defences import fingerprint
from comments.models import BlockedTerm, Comment, Status
from comments.services import display_name_for
from comments.text import count_links

# (author, body, status, replies). An author is a demo member's slug, or (guest name, guest email).
THREADS = [
    (
        ("Nadia Hussain", "nadia.hussain@example.org"),
        "We tried something similar on our stroke unit last winter. The first month looked worse on paper, "
        "because we were finally counting the delays properly. It was worth sticking with.",
        Status.APPROVED,
        [
            (
                0,
                "That matches what we saw. Better measurement often makes things look worse before they get "
                "better. Did you warn your board in advance?",
                Status.APPROVED,
            ),
            (
                ("Nadia Hussain", "nadia.hussain@example.org"),
                "We did, after the first month! Lesson learned.",
                Status.APPROVED,
            ),
        ],
    ),
    (
        1,
        "Thank you for writing up what did not work as well as what did. The part about handovers at shift "
        "change is going on our team noticeboard.\n\nOne question: how did you get the night team involved?",
        Status.APPROVED,
        [],
    ),
    (
        ("Gethin Morgan", "gethin.m@example.org"),
        "Diolch am rannu. We have a similar project in a community pharmacy in Gwynedd and would be glad to "
        "compare notes. Our write-up is at https://example.org/gwynedd-pharmacy-notes",
        Status.APPROVED,
        [],
    ),
    (
        ("Sam Adeyemi", "sam.adeyemi@example.org"),
        "Is there a version of the run chart template that works in a spreadsheet rather than specialist software?",
        Status.PENDING,
        [],
    ),
    (
        ("Cheap Pills Online", "offers@spam.example"),
        "Great post!!! Visit http://pills.example http://deals.example http://more-deals.example for cheap offers",
        Status.SPAM,
        [],
    ),
]

STORY_THREADS = [
    (
        2,
        "Welcome! The special interest group on patient safety meets online once a month, and new people are "
        "always welcome to just listen in the first time.",
        Status.APPROVED,
        [
            (
                ("Lena Fischer", "lena.fischer@example.org"),
                "Seconding this, it is a friendly group.",
                Status.APPROVED,
            )
        ],
    ),
    (
        ("Tom Baxter", "tom.b@example.org"),
        "Lovely to read why you joined. I started in a very similar role and found the masterclasses on "
        "measurement the most useful thing in my first year.",
        Status.PENDING,
        [],
    ),
]


def _author(spec, people):
    """(user, name, email) for a member index into `people` or a (name, email) guest."""
    if isinstance(spec, tuple):
        return None, spec[0], spec[1]
    profile = people[spec % len(people)]
    return profile.user, display_name_for(profile.user) if profile.user else profile.display_name, ""


def _add(page, spec, body, status, people, when, parent=None):
    user, name, email = _author(spec, people)
    identity = f"user:{user.pk}" if user else f"guest:{email}"
    key = fingerprint(page.translation_key, identity, body)
    existing = Comment.objects.filter(fingerprint=key).first()
    if existing:
        return existing, False
    comment = Comment.objects.create(
        page=page,
        translation_key=page.translation_key,
        language=page.locale.language_code,
        parent=parent,
        author=user,
        author_name=name,
        guest_email=email,
        body=body,
        status=status,
        held_reason="Demo: too many links" if status == Status.SPAM else "",
        link_count=count_links(body),
        fingerprint=key,
        created=when,
        moderated_at=when + datetime.timedelta(hours=2) if status != Status.PENDING else None,
    )
    return comment, True


def _build_threads(page, threads, people, start):
    created = 0
    for n, (spec, body, status, replies) in enumerate(threads):
        when = start + datetime.timedelta(hours=5 * n)
        comment, new = _add(page, spec, body, status, people, when)
        created += new
        for m, (reply_spec, reply_body, reply_status) in enumerate(replies):
            _reply, new = _add(
                page, reply_spec, reply_body, reply_status, people, when + datetime.timedelta(hours=m + 1), comment
            )
            created += new
    return created


@transaction.atomic
def build_comments(blog, people):
    """Comments on the newest posts and stories. `blog` is what build_blog returned."""
    profiles = [p for p in people.values() if p.user_id]
    now = timezone.now()
    created = 0
    posts = list(BlogPage.objects.child_of(blog["blog"]).live().order_by("-date", "-pk")[:3])
    for n, post in enumerate(posts):
        # The first post gets the full thread; the others a shorter, different one.
        threads = THREADS if n == 0 else THREADS[1 + n : 3 + n]
        created += _build_threads(post, threads, profiles, now - datetime.timedelta(days=2 + n))
    stories = list(MemberStoryPage.objects.child_of(blog["stories"]).live().order_by("-date", "-pk")[:2])
    for n, story in enumerate(stories):
        created += _build_threads(story, STORY_THREADS[n:], profiles, now - datetime.timedelta(days=1 + n))
    BlockedTerm.objects.get_or_create(
        kind=BlockedTerm.Kind.DOMAIN, value="spam.example", defaults={"note": "Demo: a known spam sender."}
    )
    return created
