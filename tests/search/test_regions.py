"""Region pages list what is happening in a nation or region, and every region chip links to one."""

import pytest
from wagtail.models import Page

from members.models import MemberProfile
from qsite.models import Region, SiteSettings
from tests.events.conftest import make_event
from tests.factories import BlogPageFactory, MemberStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wales(site):
    return Region.objects.get(slug="wales", locale__language_code="en")


@pytest.fixture
def scotland(site):
    return Region.objects.get(slug="scotland", locale__language_code="en")


def test_region_page_lists_events_stories_and_posts_in_the_region_only(client, sections, wales, scotland):
    make_event(sections["events"], title="Cardiff meet-up", region=wales, publish=True)
    make_event(sections["events"], title="Glasgow meet-up", region=scotland, publish=True)
    MemberStoryPageFactory(parent=sections["stories"], title="A story from Swansea", region=wales)
    BlogPageFactory(parent=sections["blog"], title="Welsh post", region=wales)
    draft = BlogPageFactory(parent=sections["blog"], title="Welsh draft", region=wales)
    draft.unpublish()
    response = client.get("/en/regions/wales/")
    assert response.status_code == 200
    assert sorted(item.title for item in response.context["items"]) == [
        "A story from Swansea",
        "Cardiff meet-up",
        "Welsh post",
    ]
    assert "<h1>Wales</h1>" in response.content.decode()


def test_unknown_region_is_not_found(client, site):
    assert client.get("/en/regions/atlantis/").status_code == 404


def test_region_page_with_a_bad_page_number_still_answers(client, sections, wales):
    assert client.get("/en/regions/wales/", {"page": "abc"}).status_code == 200


def test_members_in_the_region_are_shown_only_to_members_and_only_if_they_show_their_region(client, member_user, wales):
    MemberProfile.objects.create(display_name="Owen Open", slug="owen", region=wales)
    MemberProfile.objects.create(
        display_name="Hana Hidden",
        slug="hana",
        region=wales,
        visibility={
            "work": "everyone",
            "region": "nobody",
            "bio": "members",
            "interests": "members",
            "links": "members",
        },
    )
    anonymous = client.get("/en/regions/wales/").content.decode()
    assert "Owen Open" not in anonymous
    client.force_login(member_user)
    response = client.get("/en/regions/wales/")
    names = [profile.display_name for profile, _visible in response.context["members"]]
    assert names == ["Owen Open"]


def test_members_in_the_region_are_public_when_the_directory_is(client, site, wales):
    MemberProfile.objects.create(display_name="Owen Open", slug="owen", region=wales)
    settings = SiteSettings.for_site(site)
    settings.directory_is_public = True
    settings.save()
    assert "Owen Open" in client.get("/en/regions/wales/").content.decode()


def test_region_chips_link_to_the_region_page(client, sections, wales):
    event = make_event(sections["events"], title="Cardiff meet-up", region=wales, publish=True)
    post = BlogPageFactory(parent=sections["blog"], title="Welsh post", region=wales)
    story = MemberStoryPageFactory(parent=sections["stories"], title="A story from Swansea", region=wales)
    for page in (event, post, story):
        html = client.get(Page.objects.get(pk=page.pk).url).content.decode()
        assert 'href="/en/regions/wales/"' in html, page.title


def test_topic_chips_link_to_topic_pages(client, sections):
    post = BlogPageFactory(parent=sections["blog"], title="Flow post", topics=["Patient flow"])
    html = client.get(post.url).content.decode()
    assert 'href="/en/topics/patient-flow/"' in html
