"""Region pages list what is happening in a nation or region, and every region chip links to one."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

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


# --- Regions are a hierarchy ------------------------------------------------------------------


def region(slug):
    return Region.objects.get(slug=slug, locale__language_code="en")


def test_a_nations_page_takes_in_the_regions_inside_it(client, sections):
    make_event(sections["events"], title="London meet-up", region=region("london"), publish=True)
    BlogPageFactory(parent=sections["blog"], title="English post", region=region("england"))
    MemberStoryPageFactory(
        parent=sections["stories"], title="A story from Leeds", region=region("north-east-and-yorkshire")
    )
    BlogPageFactory(parent=sections["blog"], title="Welsh post", region=region("wales"))
    titles = {item.title for item in client.get("/en/regions/england/").context["items"]}
    assert titles == {"London meet-up", "English post", "A story from Leeds"}


def test_a_regions_page_lists_only_that_region(client, sections):
    make_event(sections["events"], title="London meet-up", region=region("london"), publish=True)
    BlogPageFactory(parent=sections["blog"], title="English post", region=region("england"))
    BlogPageFactory(parent=sections["blog"], title="Manchester post", region=region("north-west"))
    titles = {item.title for item in client.get("/en/regions/london/").context["items"]}
    assert titles == {"London meet-up"}


def test_a_nations_members_include_those_in_its_regions_each_with_their_region(client, site, member_user):
    MemberProfile.objects.create(display_name="Lola London", slug="lola", region=region("london"))
    MemberProfile.objects.create(display_name="Ed England", slug="ed", region=region("england"))
    MemberProfile.objects.create(display_name="Wyn Wales", slug="wyn", region=region("wales"))
    client.force_login(member_user)
    response = client.get("/en/regions/england/")
    names = [profile.display_name for profile, _visible in response.context["members"]]
    assert names == ["Ed England", "Lola London"]
    assert response.context["members_count"] == 2
    html = response.content.decode()
    assert '<p class="person-card__region"><a href="/en/regions/london/">London</a></p>' in html
    london = client.get("/en/regions/london/")
    assert [p.display_name for p, _visible in london.context["members"]] == ["Lola London"]
    # On London's own page the region line would say nothing new.
    assert "person-card__region" not in london.content.decode()


# --- Dates, order and language ----------------------------------------------------------------


def test_region_page_orders_by_each_items_own_date_and_shows_it(client, sections, wales):
    MemberStoryPageFactory(parent=sections["stories"], title="Old story", region=wales, date=datetime.date(2024, 4, 4))
    BlogPageFactory(parent=sections["blog"], title="Recent post", region=wales, date=datetime.date(2026, 2, 2))
    make_event(sections["events"], title="Coming meet-up", region=wales, publish=True)
    response = client.get("/en/regions/wales/")
    assert [item.title for item in response.context["items"]] == ["Coming meet-up", "Recent post", "Old story"]
    html = response.content.decode()
    assert '<time datetime="2026-02-02">2 February 2026</time>' in html
    assert "Newest first" in html


def test_region_page_keeps_to_the_readers_language_unless_asked(client, sections, wales):
    cy = Locale.objects.get(language_code="cy")
    post = BlogPageFactory(parent=sections["blog"], title="Welsh post", region=wales)
    for page in (sections["home"], sections["blog"]):
        page.specific.copy_for_translation(cy).save_revision().publish()
    translation = post.copy_for_translation(cy)
    translation.title = "Post o Gymru"
    translation.save_revision().publish()
    english = client.get("/en/regions/wales/")
    assert [item.title for item in english.context["items"]] == ["Welsh post"]
    assert "Also show pages in Welsh" in english.content.decode()
    both = client.get("/en/regions/wales/", {"language": "all"})
    assert {item.title for item in both.context["items"]} == {"Welsh post", "Post o Gymru"}
    assert '<article class="card" lang="cy">' in both.content.decode()
    welsh = client.get("/cy/regions/wales/")
    assert [item.title for item in welsh.context["items"]] == ["Post o Gymru"]
    assert client.get("/en/regions/wales/", {"language": "<b>x</b>\x00"}).status_code == 200


def test_region_page_costs_the_same_for_few_and_many_items(client, sections, wales, member_user):
    def count():
        client.get("/en/regions/england/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/regions/england/").status_code == 200
        return len(context.captured_queries)

    client.force_login(member_user)
    regions = [region("england"), region("london"), region("midlands")]

    def add(n):
        for i in range(n):
            BlogPageFactory(parent=sections["blog"], region=regions[i % 3], revision=False)
            MemberStoryPageFactory(parent=sections["stories"], region=regions[i % 3], revision=False)
            MemberProfile.objects.create(display_name=f"Person {i}", slug=f"person-{n}-{i}", region=regions[i % 3])

    add(3)
    few = count()
    add(30)
    many = count()
    # 25 for a member: the locale and the region (2); view restrictions, the count and the page of base pages,
    # dated and ordered in that one query (3); session, user, their groups read once by members.roles (3); the
    # members shown and their count (2); per page type on the page (blog post, member story) its rows and card
    # prefetches (5); the site and its settings (2); the user bar's permissions and Wagtail profile (4); and the
    # frame: the menu (locale, view restrictions, children: 3) and the language switcher's locale (1).
    assert few == many == 25
