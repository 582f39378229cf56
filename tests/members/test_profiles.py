"""Profiles members edit on the site, who sees which parts, the directory, and members' own data."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from members.models import MemberProfile, default_visibility
from qsite.models import Region, SiteSettings
from tests.factories import BlogPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db

EDIT = "/en/members/account/profile/"


def profile_data(**overrides):
    data = {
        "display_name": "Mo Member",
        "job_title": "Facilitator",
        "organisation": "Lakeside",
        "region": Region.objects.get(slug="wales").pk,
        "bio": "I run improvement clinics.",
        "interests": "Patient safety, Data",
        "website": "https://mo.example.org",
        "linkedin": "",
        "other_link": "",
        "listed_in_directory": "on",
        "show_work": "everyone",
        "show_region": "members",
        "show_bio": "members",
        "show_interests": "everyone",
        "show_links": "nobody",
    }
    data.update(overrides)
    return data


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b3d5c").save(buffer, "PNG")
    return buffer.getvalue()


class TestEditingAProfile:
    def test_member_saves_profile_and_privacy_choices(self, client, member):
        client.force_login(member)
        response = client.post(EDIT, profile_data())
        assert response.status_code == 302
        profile = MemberProfile.objects.get(user=member)
        assert profile.job_title == "Facilitator"
        assert profile.visibility == {
            "work": "everyone",
            "region": "members",
            "bio": "members",
            "interests": "everyone",
            "links": "nobody",
        }
        assert sorted(t.name for t in profile.interests.all()) == ["Data", "Patient safety"]

    def test_a_real_photo_is_stored_as_an_image(self, client, member):
        client.force_login(member)
        photo = SimpleUploadedFile("me.png", png_bytes(), content_type="image/png")
        client.post(EDIT, {**profile_data(), "photo_upload": photo})
        profile = MemberProfile.objects.get(user=member)
        assert profile.photo is not None
        assert profile.photo.width == 40

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("me.png", b"<?php echo 'not an image'; ?>", "That file is not a photo we can read."),
            ("me.jpg", b"GIF89a" + b"\x00" * 40, "That file is not a photo we can read."),
            ("big.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024 + 10), "That photo is too large."),
        ],
    )
    def test_non_images_and_oversized_files_are_refused(self, client, member, name, content, message):
        client.force_login(member)
        upload = SimpleUploadedFile(name, content, content_type="image/png")
        response = client.post(EDIT, {**profile_data(), "photo_upload": upload})
        assert response.status_code == 400
        assert message in response.content.decode()
        assert MemberProfile.objects.get(user=member).photo is None

    @pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "not a url", "ftp://x\x00y"])
    def test_unsafe_links_are_refused(self, client, member, url):
        client.force_login(member)
        response = client.post(EDIT, profile_data(website=url))
        assert response.status_code == 400
        assert 'id="id_website_error"' in response.content.decode()

    def test_script_in_a_bio_is_shown_as_text(self, client, member):
        client.force_login(member)
        client.post(EDIT, profile_data(bio="<script>alert(1)</script>", show_bio="everyone"))
        html = client.get("/en/members/mo-member/").content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)</script>" not in html

    def test_errors_keep_what_was_typed(self, client, member):
        client.force_login(member)
        response = client.post(EDIT, profile_data(display_name="", job_title="Kept title"))
        html = response.content.decode()
        assert response.status_code == 400
        assert 'value="Kept title"' in html
        assert 'id="id_display_name_error"' in html

    def test_applicants_cannot_edit_a_profile(self, client, applicant):
        client.force_login(applicant)
        response = client.get(EDIT)
        assert response.status_code == 302
        assert response["Location"] == "/en/members/account/"


class TestWhoSeesWhat:
    @pytest.fixture
    def profile(self, member):
        profile = MemberProfile.objects.get(user=member)
        profile.job_title = "Facilitator"
        profile.region = Region.objects.get(slug="wales")
        profile.bio = "Members-only bio"
        profile.website = "https://hidden.example.org"
        profile.visibility = {**default_visibility(), "region": "members", "bio": "members", "links": "nobody"}
        profile.save()
        return profile

    def test_the_public_sees_only_what_is_for_everyone(self, client, profile):
        html = client.get("/en/members/mo-member/").content.decode()
        assert "Facilitator" in html
        assert "Wales" not in html
        assert "Members-only bio" not in html
        assert "hidden.example.org" not in html

    def test_members_see_members_only_parts_but_not_private_ones(self, client, profile, other_member):
        client.force_login(other_member)
        html = client.get("/en/members/mo-member/").content.decode()
        assert "Wales" in html
        assert "Members-only bio" in html
        assert "hidden.example.org" not in html

    def test_members_see_everything_of_their_own(self, client, profile, member):
        client.force_login(member)
        assert "hidden.example.org" in client.get("/en/members/mo-member/").content.decode()

    def test_unlisted_members_with_nothing_published_have_no_public_page(self, client, profile):
        profile.listed_in_directory = False
        profile.save()
        assert client.get("/en/members/mo-member/").status_code == 404

    def test_bylines_hide_work_details_the_member_keeps_private(self, client, sections):
        blog = sections["blog"]
        author = MemberProfileFactory(job_title="Secret job", visibility={**default_visibility(), "work": "members"})
        post = BlogPageFactory(parent=blog, authors=[author])
        html = client.get(post.url).content.decode()
        assert author.display_name in html
        assert "Secret job" not in html


class TestDirectory:
    def test_closed_to_the_public_by_default(self, client, site):
        response = client.get("/en/members/")
        assert response.status_code == 403
        assert "The directory is open to members of the community." in response.content.decode()

    def test_closed_to_applicants(self, client, applicant):
        client.force_login(applicant)
        assert client.get("/en/members/").status_code == 403

    def test_a_site_setting_opens_it_to_everyone(self, client, site, member):
        settings = SiteSettings.for_site(site)
        settings.directory_is_public = True
        settings.save()
        assert "Mo Member" in client.get("/en/members/").content.decode()

    def test_members_see_listed_members_only(self, client, member, other_member):
        MemberProfileFactory(display_name="Hidden Person", listed_in_directory=False)
        client.force_login(member)
        html = client.get("/en/members/").content.decode()
        assert "Ola Other" in html and "Mo Member" in html
        assert "Hidden Person" not in html

    def test_search_by_name_or_organisation(self, client, member):
        MemberProfileFactory(display_name="Aled Jones", organisation="Valleys Trust")
        MemberProfileFactory(display_name="Bea Smith", organisation="Harbour Trust")
        client.force_login(member)
        assert "Aled Jones" in client.get("/en/members/", {"q": "aled"}).content.decode()
        by_org = client.get("/en/members/", {"q": "harbour"}).content.decode()
        assert "Bea Smith" in by_org and "Aled Jones" not in by_org

    def test_hidden_organisations_cannot_be_searched_for(self, client, member):
        MemberProfileFactory(
            display_name="Private Pat",
            organisation="Secret Clinic",
            visibility={**default_visibility(), "work": "nobody"},
        )
        client.force_login(member)
        html = client.get("/en/members/", {"q": "secret clinic"}).content.decode()
        assert "Private Pat" not in html

    def test_filter_by_region_and_interest(self, client, member):
        welsh = MemberProfileFactory(display_name="Welsh Member", region=Region.objects.get(slug="wales"))
        welsh.interests.add("Data")
        MemberProfileFactory(display_name="London Member", region=Region.objects.get(slug="london"))
        client.force_login(member)
        by_region = client.get("/en/members/", {"region": "wales"}).content.decode()
        assert "Welsh Member" in by_region and "London Member" not in by_region
        by_interest = client.get("/en/members/", {"interest": "data"}).content.decode()
        assert "Welsh Member" in by_interest and "London Member" not in by_interest

    @pytest.mark.parametrize(
        "params", [{"page": "abc"}, {"page": "99999"}, {"q": "<script>x</script>"}, {"q": "x" * 500}]
    )
    def test_bad_input_gives_a_page_not_a_500(self, client, member, params):
        client.force_login(member)
        response = client.get("/en/members/", params)
        assert response.status_code == 200
        assert b"<script>x</script>" not in response.content

    def test_directory_query_count_is_fixed(self, client, member):
        client.force_login(member)

        def count():
            client.get("/en/members/")
            with CaptureQueriesContext(connection) as context:
                assert client.get("/en/members/").status_code == 200
            return len(context.captured_queries)

        for _ in range(4):
            MemberProfileFactory(region=Region.objects.first())
        few = count()
        for _ in range(196):
            MemberProfileFactory(region=Region.objects.first())
        many = count()
        # 19 = session, user and one group check for the viewer, the directory setting, the regions and
        # interests for the filters, the count, the page of profiles (regions joined) with their photos,
        # plus the frame (navigation, footer settings): the same with 5 members and with 200.
        # +1 (20) for the special interest groups in the group filter; -1 (19) since members.roles reads the
        # viewer's groups once however often the page asks whether they are a member.
        assert few == many == 19


class TestYourData:
    def test_download_holds_profile_and_application(self, client, member):
        client.force_login(member)
        response = client.get("/en/members/account/my-data.json")
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="q-community-my-data.json"'
        data = json.loads(response.content)
        assert data["account"]["email"] == "mo@example.org"
        assert data["profile"]["display_name"] == "Mo Member"

    def test_delete_needs_the_password(self, client, member):
        client.force_login(member)
        response = client.post("/en/members/account/delete/", {"password": "wrong"})
        assert response.status_code == 400
        assert "That password is not right." in response.content.decode()
        assert get_user_model().objects.filter(pk=member.pk).exists()

    def test_deleting_keeps_published_work_credited_to_a_former_member(self, client, member, sections):
        blog = sections["blog"]
        profile = MemberProfile.objects.get(user=member)
        post = BlogPageFactory(parent=blog, title="Mo's post", authors=[profile])
        client.force_login(member)
        response = client.post("/en/members/account/delete/", {"password": "a-long-test-password"})
        assert response.status_code == 302
        assert not get_user_model().objects.filter(pk=member.pk).exists()
        profile.refresh_from_db()
        assert profile.user is None
        assert profile.display_name == "Former member"
        assert profile.organisation == ""
        html = client.get(post.url).content.decode()
        assert "Former member" in html
        assert "Mo Member" not in html

    def test_anonymous_visitors_cannot_download_anything(self, client, site):
        assert client.get("/en/members/account/my-data.json").status_code == 302


def test_profile_lists_the_members_posts_stories_and_events(client, member, sections, home):
    from events.models import EventIndexPage
    from tests.events.conftest import make_event
    from tests.factories import MemberStoryPageFactory

    profile = MemberProfile.objects.get(user=member)
    BlogPageFactory(parent=sections["blog"], title="Mo's blog post", authors=[profile])
    MemberStoryPageFactory(parent=sections["stories"], title="Mo's story", member=profile)
    events = EventIndexPage(title="Events", slug="events", intro="Things to come to.")
    home.add_child(instance=events)
    make_event(events, title="Mo's workshop", organiser_profile=profile, organiser_name="", publish=True)
    html = client.get("/en/members/mo-member/").content.decode()
    for title in ("Mo&#x27;s blog post", "Mo&#x27;s story", "Mo&#x27;s workshop"):
        assert title in html


def test_directory_region_filter_takes_in_the_regions_inside_a_nation(client, member):
    MemberProfileFactory(
        display_name="London Member", region=Region.objects.get(slug="london", locale__language_code="en")
    )
    MemberProfileFactory(
        display_name="England Member", region=Region.objects.get(slug="england", locale__language_code="en")
    )
    MemberProfileFactory(
        display_name="Welsh Member", region=Region.objects.get(slug="wales", locale__language_code="en")
    )
    client.force_login(member)
    england = client.get("/en/members/", {"region": "england"}).content.decode()
    assert "London Member" in england and "England Member" in england and "Welsh Member" not in england
    london = client.get("/en/members/", {"region": "london"}).content.decode()
    assert "London Member" in london and "England Member" not in london


def test_profile_dates_each_item_by_its_own_date_and_orders_by_it(client, member, sections, home):
    from events.models import EventIndexPage
    from tests.events.conftest import make_event
    from tests.factories import MemberStoryPageFactory

    profile = MemberProfile.objects.get(user=member)
    # Published in one order, dated in another: the profile follows the dates (an event its start).
    MemberStoryPageFactory(
        parent=sections["stories"], title="Old story", member=profile, date=datetime.date(2024, 5, 1)
    )
    BlogPageFactory(parent=sections["blog"], title="Recent post", authors=[profile], date=datetime.date(2026, 3, 2))
    BlogPageFactory(parent=sections["blog"], title="Older post", authors=[profile], date=datetime.date(2025, 1, 9))
    events = EventIndexPage(title="Events", slug="events", intro="Things to come to.")
    home.add_child(instance=events)
    start = datetime.datetime(2030, 10, 31, 23, 30, tzinfo=datetime.UTC)  # 23:30 in London (GMT by then)
    make_event(events, title="Future workshop", organiser_profile=profile, organiser_name="", start=start, publish=True)
    html = client.get("/en/members/mo-member/").content.decode()
    titles = ["Future workshop", "Recent post", "Older post", "Old story"]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert '<time class="muted" datetime="2030-10-31">31 October 2030</time>' in html
    assert '<time class="muted" datetime="2026-03-02">2 March 2026</time>' in html
    assert '<time class="muted" datetime="2024-05-01">1 May 2024</time>' in html
    assert "Newest first" in html


def test_profile_pages_through_dated_items_in_date_order(client, member, sections):
    profile = MemberProfile.objects.get(user=member)
    for n in range(12):  # made newest-dated first, so publication order is the reverse of date order
        BlogPageFactory(
            parent=sections["blog"], title=f"Post {n:02d}", authors=[profile], date=datetime.date(2026, 1, 20 - n)
        )
    first = client.get("/en/members/mo-member/").content.decode()
    second = client.get("/en/members/mo-member/", {"page": 2}).content.decode()
    assert all(f"Post {n:02d}" in first for n in range(10))
    assert "Post 10" in second and "Post 11" in second and "Post 09" not in second
