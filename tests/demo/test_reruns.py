"""load_demo is safe to run again, scales up for benchmarks, refuses what it must, and builds from nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from blog.models import BlogPage
from events.models import EventPage
from groups.models import GroupMembership, GroupPage
from home.models import HomePage, StandardPage
from insights.models import InsightPage, Project

from .conftest import load_demo

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "projects": Project.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
        "groups": GroupPage.objects.count(),
        "memberships": GroupMembership.objects.count(),
    }


def test_a_rerun_duplicates_nothing_and_keeps_an_editors_changes():
    load_demo()
    first = snapshot()
    # The English About: the Welsh one shares its slug.
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.intro = "Edited by an editor."
    about.save_revision().publish()
    output = load_demo()
    assert snapshot() == first
    assert "Special interest groups created: 0" in output
    about.refresh_from_db()
    assert about.intro == "Edited by an editor."


def test_scale_multiplies_the_generated_content_and_a_scaled_rerun_adds_nothing(client):
    load_demo()
    english_posts = BlogPage.objects.filter(locale__language_code="en")  # the three Welsh posts are not scaled
    english_events = EventPage.objects.filter(locale__language_code="en")
    posts, events = english_posts.count(), english_events.count()
    insights, documents = InsightPage.objects.count(), get_document_model().objects.count()
    output = load_demo("--scale", "2")
    notes = StandardPage.objects.get(slug="community-notes")
    assert StandardPage.objects.child_of(notes).count() == 20
    assert "Generated 20 extra pages." in output
    assert english_posts.count() == 2 * posts
    assert english_events.count() == 2 * events
    assert InsightPage.objects.count() == 2 * insights
    assert get_document_model().objects.count() == documents  # the copies reuse the files
    # The copies are added live without revisions (demo.build.add_live_copy): readers must still
    # see them as published pages, listed, readable and found by search.
    copy = english_posts.filter(title__endswith="(2)").order_by("pk").first()
    assert copy.live and copy.first_published_at and copy.last_published_at and not copy.has_unpublished_changes
    assert client.get(copy.url).status_code == 200
    assert BlogPage.objects.live().public().search(copy.title.split(" (")[0]).count() >= 2
    scaled = snapshot()
    load_demo("--scale", "2")
    assert snapshot() == scaled


def test_scale_below_one_is_refused():
    with pytest.raises(CommandError, match="--scale"):
        load_demo("--scale", "0")


def test_refuses_a_production_database_unless_told(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="allow-production"):
        call_command("load_demo", stdout=StringIO())


def test_builds_from_an_empty_database():
    """After a flush (as browser tests do) even Wagtail's root page and locale are gone."""
    Site.objects.all().delete()
    Page.objects.all().delete()
    Locale.objects.all().delete()
    load_demo()
    assert HomePage.objects.live().filter(locale__language_code="en").count() == 1
    assert HomePage.objects.live().filter(locale__language_code="cy").count() == 1
    assert Site.objects.get().root_page.specific_class is HomePage
