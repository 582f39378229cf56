"""What load_demo builds, checked area by area on one shared build (see conftest.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, Page, Site

from blog.models import BlogPage, MemberStoryPage
from events.choices import EventFormat, EventType
from events.models import EventIndexPage, EventPage
from groups.models import GroupIndexPage, GroupPage, GroupStatus
from home.models import HomePage, StandardPage
from insights.models import InsightDocument, InsightPage, Project
from qsite.models import Region, SiteSettings
from tests.insights.test_pdf import check_pdf, info_title

pytestmark = pytest.mark.django_db


def test_the_page_tree_settings_and_logins(demo):
    output = demo.output
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.hero_image is not None
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"about", "get-involved", "comments-policy", "accessibility"} <= slugs
    assert "Admin login:  admin / qsite-demo-admin" in output
    assert "Editor login: editor@q.example.org / qsite-demo-editor" in output
    assert "Member login: member@q.example.org / qsite-demo-member" in output
    assert get_user_model().objects.get(username="admin").check_password("qsite-demo-admin")
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "cy"}
    # Wagtail's own "Welcome" page is replaced by ours.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    menu = list(Page.objects.child_of(home).in_menu().values_list("slug", flat=True))
    assert menu == ["blog", "new-member-stories", "events", "insights", "groups", "about", "get-involved"]
    assert BlogPage.objects.live().count() >= 25
    assert MemberStoryPage.objects.live().count() >= 10
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.comments_policy_page.slug == "comments-policy"
    assert settings.footer_text


def test_welsh_translations_of_the_home_page_sections_and_regions(demo):
    assert "Welsh translations created: 13" in demo.output
    home = Site.objects.get(is_default_site=True).root_page.specific
    welsh_home = home.get_translation(Locale.objects.get(language_code="cy")).specific
    assert welsh_home.title == "Hafan" and welsh_home.url == "/cy/"
    assert welsh_home.hero_link.locale.language_code == "cy"
    welsh_slugs = set(Page.objects.child_of(welsh_home).live().values_list("slug", flat=True))
    assert {"blog", "new-member-stories", "events", "insights", "about", "comments-policy"} <= welsh_slugs
    assert BlogPage.objects.filter(locale__language_code="cy").count() == 3
    assert (
        Region.objects.filter(locale__language_code="cy").count()
        == Region.objects.filter(locale__language_code="en").count()
    )


def test_progress_is_one_line_per_stage_and_images_are_sized_on_first_view(demo):
    stages = re.findall(r"\[\s*(\d+)/(\d+)\] [^.]+\.\.\. \d+\.\ds", demo.output)
    assert len(stages) == int(stages[0][1]) >= 10
    # None of Wagtail's line-per-page log (hundreds of lines before).
    assert not [r for r in demo.log_records if r.name.startswith("wagtail") and r.levelno < 30]
    assert not get_image_model().get_rendition_model().objects.exists()


def test_at_least_twenty_varied_events_around_today(demo):
    events = EventPage.objects.live()
    assert events.count() >= 20
    assert "Events created: 22" in demo.output
    assert events.past().count() >= 5 and events.upcoming().count() >= 10
    assert events.ongoing().exists()  # something is on today
    assert set(events.values_list("event_type", flat=True)) == set(EventType.values)
    assert set(events.values_list("event_format", flat=True)) == set(EventFormat.values)
    assert events.values("region").distinct().count() >= 8
    assert events.filter(status="cancelled").exists() and events.filter(status="postponed").exists()
    assert any(event.is_multi_day for event in events)
    assert events.filter(all_day=True).exists()
    assert events.filter(organiser_profile__isnull=False).exists() and events.exclude(organiser_name="").exists()


def test_every_demo_event_passes_the_editors_validation_and_renders(demo, client):
    for event in EventPage.objects.live():
        event.full_clean()
    today = timezone.localdate()
    for url in ("/en/events/", "/en/events/past/", f"/en/events/calendar/{today.year}/{today.month}/"):
        assert client.get(url).status_code == 200
    event = EventPage.objects.live().first()
    assert client.get(event.url).status_code == 200
    assert client.get(event.url + "ical/").status_code == 200
    index = EventIndexPage.objects.get(locale__language_code="en")  # load_demo also makes a Welsh one
    assert index.show_in_menus
    assert f'class="site-nav__link" href="{index.url}"' in client.get("/en/").content.decode()


def test_eight_groups_with_people_and_content_and_no_emails_on_load(demo, client):
    assert "Special interest groups created: 8" in demo.output
    assert all("New in" not in message.subject for message in demo.emails)
    groups = GroupPage.objects.live()
    assert groups.count() == 8
    assert set(groups.values_list("status", flat=True)) == set(GroupStatus.values)
    for group in groups:
        assert group.organisers.count() == 2
        assert group.memberships().count() >= 5
        assert group.posts().exists() or group.upcoming_events().exists()
        assert client.get(group.url).status_code == 200
    assert groups.get(slug="measurement-for-improvement").organisers.filter(slug="mo-member").exists()
    index = GroupIndexPage.objects.get()
    assert f'href="{index.url}"' in client.get("/en/").text  # in the main menu


def test_at_least_fifteen_insights_across_four_projects_with_generated_pdfs(demo, client):
    insights = InsightPage.objects.live()
    assert insights.count() >= 15
    assert "Insights created: 16" in demo.output
    assert Project.objects.count() == 4
    assert set(insights.values_list("project__slug", flat=True)) == set(Project.objects.values_list("slug", flat=True))
    assert set(insights.values_list("output_type", flat=True)) == {
        "report",
        "case-study",
        "toolkit",
        "video",
        "evaluation",
        "project-update",
    }
    for page in insights:
        assert page.documents.exists(), page.title
    documents = get_document_model().objects.filter(pk__in=InsightDocument.objects.values("document"))
    assert documents.count() >= 20
    for document in documents:
        with document.open_file() as handle:
            data = handle.read()
        objects = check_pdf(data)
        assert info_title(objects) == document.title
        assert document.file_size == len(data)
    assert InsightDocument.objects.filter(language="cy").exists()
    # Some working papers are members-only, to show (and test) collection privacy.
    private = documents.filter(collection__name="Members' working papers")
    assert private.exists()
    assert CollectionViewRestriction.objects.filter(collection__name="Members' working papers").exists()
    assert client.get(private.first().url).status_code == 302
    public = documents.exclude(collection__name="Members' working papers").first()
    assert client.get(public.url).status_code == 200
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.accessible_format_url.startswith("mailto:")
    index = client.get("/en/insights/").content.decode()
    assert 'href="/en/insights/"' in re.search(r'<nav class="site-nav".*?</nav>', index, re.S).group(0)
    assert "16 insights" in index


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_test_may_change_the_shared_demo_without_the_next_seeing_it(demo, attempt):
    # Each attempt starts from the demo as built, whatever the one before changed.
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    assert about.intro != "Changed by a test."
    about.intro = "Changed by a test."
    about.save()
