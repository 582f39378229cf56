"""Fixtures for the groups tests: an index with groups, the blog and events sections, and people in every role."""

import datetime
import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from blog.models import BlogPageAuthor
from events.models import EventIndexPage, EventPage
from groups.models import GroupIndexPage, GroupMembership, GroupPage, GroupStatus
from members.models import MemberProfile
from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from tests.factories import BlogIndexPageFactory, BlogPageFactory, UserFactory

_numbers = itertools.count(1)


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_member(username, *, listed_in_directory=True, **profile_fields):
    """An approved member with a profile."""
    user = verified(UserFactory(username=username, email=f"{username}@example.org"))
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(
        user=user,
        display_name=profile_fields.pop("display_name", username.title()),
        slug=username,
        listed_in_directory=listed_in_directory,
        **profile_fields,
    )
    return user


def make_group(index, *, publish=True, organisers=(), **fields):
    n = next(_numbers)
    defaults = {
        "title": f"Group {n}",
        "slug": f"group-{n}",
        "purpose": f"What group {n} is for.",
        "who_for": "Anyone who measures things.",
        "status": GroupStatus.ACTIVE,
    }
    group = GroupPage(locale=index.locale, **{**defaults, **fields})
    index.add_child(instance=group)
    if organisers:
        group.organisers.set([user.member_profile for user in organisers])
    if publish:
        group.save_revision().publish()
        group.refresh_from_db()
    return group


def make_event(index, *, groups=(), publish=True, **fields):
    n = next(_numbers)
    start = fields.pop("start", timezone.now() + datetime.timedelta(days=7 + n % 20))
    event = EventPage(
        title=fields.pop("title", f"Group event {n}"),
        slug=f"group-event-{n}",
        locale=index.locale,
        intro="An event for the group.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name="Riverside Hall",
        venue_address="1 River Road\nLeeds\nLS1 1AA",
        organiser_name="A partner",
        **fields,
    )
    index.add_child(instance=event)
    event.groups.set(list(groups))
    if publish:
        event.save_revision().publish()
    else:
        event.save()
    return event


def make_post(index, *, groups=(), revision=True, authors=(), **fields):
    post = BlogPageFactory.build(**fields)
    for order, profile in enumerate(authors):
        post.authors.add(BlogPageAuthor(profile=profile, sort_order=order))
    post.groups.set(list(groups))
    index.add_child(instance=post)
    if revision:
        post.save_revision().publish()
    else:
        post.first_published_at = post.last_published_at = timezone.now()
        post.save()
    return post


def join(group, user, **fields):
    return GroupMembership.objects.create(group=group, profile=user.member_profile, **fields)


@pytest.fixture
def sections(site, home):
    from members.setup import ensure_groups_and_workflow

    blog = BlogIndexPageFactory(parent=home)
    events = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=events)
    groups = GroupIndexPage(title="Special interest groups", slug="groups", intro="Find your people.")
    home.add_child(instance=groups)
    ensure_groups_and_workflow(home)
    return {"blog": blog, "events": events, "groups": groups}


@pytest.fixture
def member(sections):
    return make_member("mo", display_name="Mo Member", organisation="Lakeside Trust")


@pytest.fixture
def organiser(sections):
    return make_member("olu", display_name="Olu Organiser", organisation="Hillside Health")


@pytest.fixture
def editor(sections):
    user = verified(UserFactory(username="edith", email="edith@example.org"))
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def applicant(sections):
    return verified(UserFactory(username="app", email="applicant@example.org"))


@pytest.fixture
def group(sections, organiser):
    return make_group(
        sections["groups"], title="Measurement for improvement", slug="measurement", organisers=[organiser]
    )


@pytest.fixture
def other_group(sections):
    return make_group(sections["groups"], title="Patient safety", slug="patient-safety")
