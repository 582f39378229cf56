"""Fixtures for search, sitemap and metadata tests: one site with a little of every content type."""

import pytest
from django.contrib.auth.models import Group

from events.models import EventIndexPage
from insights.models import InsightIndexPage
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberStoryIndexPageFactory,
    StandardPageFactory,
    UserFactory,
)


def search(client, **params):
    return client.get("/en/search/", params)


@pytest.fixture
def sections(home):
    blog = BlogIndexPageFactory(parent=home)
    stories = MemberStoryIndexPageFactory(parent=home)
    events = EventIndexPage(title="Events", slug="events", intro="Things to come to.")
    home.add_child(instance=events)
    events.save_revision().publish()
    insights = InsightIndexPage(title="Insights", slug="insights", intro="What we learned.")
    home.add_child(instance=insights)
    insights.save_revision().publish()
    ensure_groups_and_workflow(home)
    return {"home": home, "blog": blog, "stories": stories, "events": events, "insights": insights}


@pytest.fixture
def post(sections):
    def build(title, body="Some words about improvement.", **kwargs):
        return BlogPageFactory(parent=sections["blog"], title=title, body=[("paragraph", f"<p>{body}</p>")], **kwargs)

    return build


@pytest.fixture
def standard(home):
    def build(title, **kwargs):
        return StandardPageFactory(parent=home, title=title, **kwargs)

    return build


@pytest.fixture
def member_user(sections):
    user = UserFactory(username="mina", email="mina@example.org")
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, display_name="Mina Member", slug="mina-member")
    return user
