"""Editors translate pages with wagtail-localize in the admin; members gain nothing from it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from members.setup import ensure_groups_and_workflow
from tests.factories import BlogIndexPageFactory, BlogPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(home):
    blog = BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
    ensure_groups_and_workflow(home)
    return blog


@pytest.fixture
def post(blog):
    return BlogPageFactory(parent=blog, title="Huddles that help", slug="huddles", intro="Ten minutes a day.")


def _user_in(group_name, username):
    user = UserFactory(username=username, email=f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(blog):
    return _user_in(EDITORS_GROUP, "edith")


@pytest.fixture
def member(blog):
    return _user_in(MEMBERS_GROUP, "mo")


def submit(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale.pk]})


def test_an_editor_translates_a_page_and_its_parents_into_welsh(client, editor, home, blog, post, welsh):
    client.force_login(editor)
    for page in (home, blog, post):
        response = submit(client, page, welsh)
        assert response.status_code == 302, response.content.decode()[:500]
    welsh_post = post.get_translation(welsh)
    assert welsh_post.translation_key == post.translation_key
    assert welsh_post.url.startswith("/cy/")
    assert Translation.objects.filter(source__object_id=post.translation_key, target_locale=welsh).exists()
    # The translation editor opens on the Welsh page, for the editor.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[welsh_post.pk]))
    assert response.status_code == 200
    assert "header-meta--locales" in response.content.decode()  # wagtail-localize's translation editor


def test_the_welsh_home_page_made_by_translation_gets_the_editors_permissions_and_workflow(
    client, editor, home, blog, welsh
):
    client.force_login(editor)
    submit(client, home, welsh)
    welsh_home = home.get_translation(welsh)
    assert welsh_home.permissions_for_user(editor).can_publish()
    assert welsh_home.get_workflow() is not None


def test_translated_strings_reach_the_welsh_page_and_sync_follows_english_changes(
    client, editor, home, blog, post, welsh
):
    client.force_login(editor)
    for page in (home, blog, post):
        submit(client, page, welsh)
    translation = Translation.objects.get(source__object_id=post.translation_key, target_locale=welsh)
    title = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=welsh, context=title.context, data="Cyfarfodydd byr sy'n helpu"
    )
    translation.save_target(user=editor, publish=True)
    assert post.get_translation(welsh).title == "Cyfarfodydd byr sy'n helpu"

    # The English intro changes; "Sync translated pages" brings the change to the Welsh page.
    post.intro = "Ten minutes a day, every day."
    post.save_revision().publish()
    source = TranslationSource.objects.get(object_id=post.translation_key, locale=post.locale)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert response.status_code == 302
    welsh_post = Page.objects.get(pk=post.get_translation(welsh).pk).specific
    assert welsh_post.intro == "Ten minutes a day, every day."  # untranslated yet, so the English shows
    assert welsh_post.title == "Cyfarfodydd byr sy'n helpu"  # what was translated stays


def test_a_member_cannot_submit_a_page_for_translation(client, member, home, post, welsh):
    client.force_login(member)
    response = submit(client, post, welsh)
    assert response.status_code in (302, 403)
    assert not post.has_translation(welsh)
    assert not TranslationSource.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
        "/admin/localize/api/snippets/members/memberprofile/",
        "/admin/localize/api/snippets/qsite/region/",
        "/admin/localize/submit/snippet/qsite/region/1/",
    ],
)
def test_a_member_cannot_reach_wagtail_localizes_admin_views(client, member, url):
    client.force_login(member)
    response = client.get(url)
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        assert response["Location"].rstrip("/").endswith("/admin") or "/login/" in response["Location"]


def test_an_editor_can_open_the_translations_report_and_the_snippet_api(client, editor):
    client.force_login(editor)
    assert client.get("/admin/localize/reports/translations/").status_code == 200
    assert client.get("/admin/localize/api/snippets/qsite/region/").status_code == 200


def test_the_member_admin_shows_no_translate_action(client, member, post):
    client.force_login(member)
    html = client.get(reverse("wagtailadmin_explore", args=[post.get_parent().pk])).content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[post.pk]) not in html


def test_the_editor_admin_shows_the_translate_action(client, editor, post):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_explore", args=[post.get_parent().pk])).content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[post.pk]) in html
