"""A group page and the group index cost the same number of queries however many members, posts and events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import get_or_create_image
from groups.models import GroupMembership
from members.models import MemberProfile
from tests.factories import MemberProfileFactory

from .conftest import make_event, make_group, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def build(sections, group, organiser, django_user_model):
    def make(members, items):
        image = get_or_create_image("Query test picture", seed=1, width=320, height=180)
        author = MemberProfile.objects.get(user=organiser)
        for _n in range(items):
            make_post(sections["blog"], groups=[group], revision=False, listing_image=image, authors=[author])
            make_event(sections["events"], groups=[group], publish=False, listing_image=image)
        users = django_user_model.objects.bulk_create(
            [django_user_model(username=f"q{n}", email=f"q{n}@example.org") for n in range(members)]
        )
        profiles = [
            MemberProfileFactory.build(user=u, slug=f"q{n}", listed_in_directory=n % 3 != 0)
            for n, u in enumerate(users)
        ]
        MemberProfile.objects.bulk_create(profiles)
        GroupMembership.objects.bulk_create(
            [GroupMembership(group=group, profile=p, listed=n % 2 == 0) for n, p in enumerate(profiles)]
        )
        for _n in range(items):  # for the index: 6 or 31 groups, over two pages when 31
            make_group(sections["groups"], listing_image=image, publish=False)
        return group

    return make


def count_queries(client, url):
    client.get(url)  # warm up: renditions are made on the first view, then found in the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


SIZES = [(5, 5), (200, 30)]

# Serving a group page costs 9 queries before our code runs: the site (1), the /en/ locale (1), the page found by
# path (5: home, index, the group generic then specific, as for an event), the ancestors' aliases (1), its view
# restrictions (1). The group page then adds: the default locale for memberships (1), the member count (1), the
# organisers (1); the latest posts: view restrictions (1), the posts (1), their images (1) and renditions (1), authors
# with profiles (1), topics (1); the upcoming events: view restrictions (1), events with regions (1), images (1),
# renditions (1); the group's topics (1); the site settings, to know if guests may see names (1, reused by the
# footer). The frame: the menu (locale, view restrictions, children: 3), breadcrumbs (1), <main lang> locale (1),
# and the language switcher's translations (1).
GUEST_QUERIES = 9 + 3 + 6 + 4 + 1 + 1 + 5 + 1
# A member: the same, plus the session (1) and user (1), "is this a member" (1), their own membership (1), the
# listed members with their profiles (1: names only, however many), their permissions (2: user and groups), "is
# this an organiser" (1, cached for the edit link and Wagtail's user bar), page permissions for the edit link (1),
# workflow state for Wagtail's can_edit and the user bar (3), and the user bar's Wagtail user profile (2).
MEMBER_QUERIES = GUEST_QUERIES + 2 + 1 + 1 + 1 + 2 + 1 + 1 + 3 + 2
# The index: 7 before our code (three page rows: home, index generic and specific), the paginator's count (1),
# the groups with their regions (1), images (1) and renditions (1), the site settings for the footer (1) and
# the frame (5), plus the index's view restrictions (1) and the language switcher's translations (1).
INDEX_QUERIES = 19


@pytest.mark.parametrize(("members", "items"), SIZES)
def test_group_page_for_a_guest_costs_a_fixed_number_of_queries(client, build, members, items):
    group = build(members, items)
    count, response = count_queries(client, group.url)
    assert f"{members} people in this group" in response.text
    assert count == GUEST_QUERIES, count


@pytest.mark.parametrize(("members", "items"), SIZES)
def test_group_page_for_a_member_costs_a_fixed_number_of_queries(client, build, member, members, items):
    group = build(members, items)
    client.force_login(member)
    count, response = count_queries(client, group.url)
    assert "Members who chose to be listed" in response.text
    assert count == MEMBER_QUERIES, count


@pytest.mark.parametrize(("members", "items"), SIZES)
def test_group_index_costs_a_fixed_number_of_queries(client, build, sections, members, items):
    build(members, items)
    count, _response = count_queries(client, sections["groups"].url)
    assert count == INDEX_QUERIES, count
