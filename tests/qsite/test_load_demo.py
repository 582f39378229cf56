"""load_demo builds a whole demo site from nothing, and running it again changes nothing."""

import logging
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from blog.models import BlogPage, MemberStoryPage
from home.models import HomePage, StandardPage
from qsite.models import Region, SiteSettings

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", "--allow-production", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
    }


def test_builds_the_page_tree_settings_and_admin_login(caplog):
    """One run checked several ways: building the demo is the slow part."""
    with caplog.at_level(logging.INFO):
        output = load_demo()
    # One progress line per stage, and none of Wagtail's line-per-page log (hundreds of lines before).
    stages = re.findall(r"\[\s*(\d+)/(\d+)\] [^.]+\.\.\. \d+\.\ds", output)
    assert len(stages) == int(stages[0][1]) >= 10
    assert not [r for r in caplog.records if r.name.startswith("wagtail") and r.levelno < logging.WARNING]
    # Image sizes are left for the first page view (or --renditions), so none were made up front.
    assert not get_image_model().get_rendition_model().objects.exists()
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
    # Special interest groups (issue 14) sit after insights, as MENU_ORDER always planned.
    assert menu == ["blog", "new-member-stories", "events", "insights", "groups", "about", "get-involved"]
    assert BlogPage.objects.live().count() >= 25
    assert MemberStoryPage.objects.live().count() >= 10
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.comments_policy_page.slug == "comments-policy"
    assert settings.footer_text
    # Welsh: linked translations of the home page, the section indexes, About, Comments policy,
    # three posts and three events, and of every region.
    assert "Welsh translations created: 13" in output
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


def test_running_twice_duplicates_nothing():
    load_demo()
    first = snapshot()
    load_demo()
    assert snapshot() == first


def test_keeps_an_editors_changes_on_a_re_run():
    load_demo()
    # The English About: the Welsh one shares its slug.
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.intro = "Edited by an editor."
    about.save_revision().publish()
    load_demo()
    about.refresh_from_db()
    assert about.intro == "Edited by an editor."


def test_scale_multiplies_the_generated_content(client):
    load_demo()
    english = BlogPage.objects.filter(locale__language_code="en")  # the three Welsh posts are not scaled
    posts_at_scale_one = english.count()
    output = load_demo("--scale", "2")
    notes = StandardPage.objects.get(slug="community-notes")
    assert StandardPage.objects.child_of(notes).count() == 20
    assert "Generated 20 extra pages." in output
    assert english.count() == 2 * posts_at_scale_one
    # The copies are added live without revisions (demo.build.add_live_copy): readers must still
    # see them as published pages, listed, readable and found by search.
    copy = english.filter(title__endswith="(2)").order_by("pk").first()
    assert copy.live and copy.first_published_at and copy.last_published_at and not copy.has_unpublished_changes
    assert client.get(copy.url).status_code == 200
    assert BlogPage.objects.live().public().search(copy.title.split(" (")[0]).count() >= 2


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
