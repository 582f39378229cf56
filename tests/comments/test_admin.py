"""Editors: the Comments area of the Wagtail admin, its permissions and its log."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments.models import BlockedTerm, Comment, Status
from comments.setup import ensure_editors_group
from members.roles import EDITORS_GROUP
from qsite.setup import setup_site
from tests.factories import UserFactory

from .conftest import approved, send

pytestmark = pytest.mark.django_db


def moderate_url(comment):
    return reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])


def bulk_url(action, *comments):
    ids = "&".join(f"id={c.pk}" for c in comments)
    return reverse("wagtail_bulk_action", args=["comments", "comment", action]) + f"?{ids}&next=/admin/"


@pytest.fixture
def staff_without_permission(site):
    """Can reach the admin (like the Members group will) but may not moderate."""
    user = UserFactory(username="writer2", email="writer2@example.org")
    group, _ = Group.objects.get_or_create(name="Members")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


# --- Group and permission --------------------------------------------------------------------


def test_setup_site_creates_the_editors_group_with_moderation_and_admin_access(site):
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"moderate_comment", "access_admin"} <= codenames


def test_editors_group_setup_is_idempotent_and_keeps_other_permissions(site):
    # Wagtail's own migration already makes an "Editors" group; ours adds to it, never replaces it.
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="add_document"))
    before = set(group.permissions.values_list("codename", flat=True))
    setup_site()
    ensure_editors_group()
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert set(group.permissions.values_list("codename", flat=True)) == before
    assert {"moderate_comment", "access_admin", "add_document"} <= before


def test_editors_group_is_made_from_nothing_on_an_empty_database(site):
    Group.objects.filter(name=EDITORS_GROUP).delete()
    group = ensure_editors_group()
    assert set(group.permissions.values_list("codename", flat=True)) == {"moderate_comment", "access_admin"}


def test_other_groups_do_not_get_the_moderation_permission(site):
    members, _ = Group.objects.get_or_create(name="Members")
    setup_site()
    assert not members.permissions.filter(codename="moderate_comment").exists()


# --- Who sees the queue ------------------------------------------------------------------------


def test_editor_sees_the_queue_with_page_and_snippet(client, editor, post, queue_url):
    approved(post, "A comment about huddles and handovers", status=Status.PENDING, author_name="Gwen Guest")
    client.force_login(editor)
    html = client.get(queue_url).content.decode()
    assert "A comment about huddles and handovers" in html
    assert "Gwen Guest" in html and post.title in html
    assert "Awaiting moderation" in html


@pytest.mark.parametrize("who", ["anonymous", "staff_without_permission"])
def test_only_moderators_can_see_or_act_on_the_queue(client, request, post, queue_url, who):
    comment = approved(post, "Waiting", status=Status.PENDING)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    responses = [
        client.get(queue_url),
        client.get(moderate_url(comment)),
        client.post(moderate_url(comment), {"action": "approve"}),
        client.post(bulk_url("approve", comment)),
        client.post(bulk_url("delete", comment)),
        client.get(reverse("wagtailsnippets_comments_blockedterm:list")),
    ]
    for response in responses:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_users_without_the_permission_do_not_see_the_menu_or_dashboard_panel(client, staff_without_permission, post):
    approved(post, "Waiting", status=Status.PENDING)
    client.force_login(staff_without_permission)
    html = client.get("/admin/").content.decode()
    assert "Comments waiting for moderation" not in html
    assert "wagtailsnippets_comments_comment" not in html and "/admin/snippets/comments/comment/" not in html


def test_nobody_adds_comments_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_comments_comment:add")).status_code in (302, 403)


# --- The list: filters and search -----------------------------------------------------------------


def titles(client, url):
    html = client.get(url).content.decode()
    return {body for body in ("alpha", "bravo", "charlie", "delta") if f"{body} words" in html}


@pytest.fixture
def mixed_queue(post, other_post):
    old = timezone.now() - datetime.timedelta(days=40)
    approved(post, "alpha words", status=Status.PENDING)
    approved(post, "bravo words https://x.example", status=Status.SPAM, link_count=1)
    approved(other_post, "charlie words", status=Status.APPROVED, created=old)
    approved(other_post, "delta words", status=Status.REJECTED, author_name="Searchable Sam")


def test_queue_filters_by_status(client, editor, queue_url, mixed_queue):
    client.force_login(editor)
    assert titles(client, queue_url + "?status=pending") == {"alpha"}
    assert titles(client, queue_url + "?status=spam") == {"bravo"}
    assert titles(client, queue_url) == {"alpha", "bravo", "charlie", "delta"}


def test_queue_filters_by_page(client, editor, queue_url, mixed_queue, other_post):
    client.force_login(editor)
    assert titles(client, queue_url + f"?page={other_post.pk}") == {"charlie", "delta"}


def test_queue_filters_by_date(client, editor, queue_url, mixed_queue):
    client.force_login(editor)
    since = (timezone.now() - datetime.timedelta(days=7)).date().isoformat()
    assert titles(client, queue_url + f"?created_from={since}") == {"alpha", "bravo", "delta"}


def test_queue_filters_by_links(client, editor, queue_url, mixed_queue):
    client.force_login(editor)
    assert titles(client, queue_url + "?has_links=true") == {"bravo"}
    assert titles(client, queue_url + "?has_links=false") == {"alpha", "charlie", "delta"}


def test_queue_search_finds_text_and_names(client, editor, queue_url, mixed_queue):
    client.force_login(editor)
    assert titles(client, queue_url + "?q=charlie") == {"charlie"}
    assert titles(client, queue_url + "?q=Searchable") == {"delta"}


def test_queue_survives_hostile_filter_values(client, editor, queue_url, mixed_queue):
    client.force_login(editor)
    for query in ["?status=bogus", "?page=abc", "?page=%00", "?created_from=notadate", "?has_links=maybe", "?p=999"]:
        assert client.get(queue_url + query).status_code == 200, query


def test_queue_lists_all_comments_across_its_pages(client, editor, queue_url, post):
    for n in range(60):
        approved(post, f"Bulk {n:02d}", status=Status.PENDING)
    client.force_login(editor)
    first = client.get(queue_url + "?status=pending").content.decode()
    second = client.get(queue_url + "?status=pending&p=2").content.decode()
    assert sum(f"Bulk {n:02d}" in first + second for n in range(60)) == 60


# --- One comment ------------------------------------------------------------------------------------


def test_moderation_view_shows_everything_a_moderator_needs(client, editor, post):
    comment = approved(
        post, "Read me https://a.example", status=Status.SPAM, held_reason="3 links (the limit is 2)", link_count=1
    )
    client.force_login(editor)
    html = client.get(moderate_url(comment)).content.decode()
    assert "Read me" in html and 'rel="nofollow ugc noopener"' in html
    assert "ann@example.org" in html  # moderators may see a guest's email
    assert "3 links (the limit is 2)" in html and post.title in html


@pytest.mark.parametrize(
    ("action", "status", "log_action"),
    [
        ("approve", Status.APPROVED, "comments.approve"),
        ("reject", Status.REJECTED, "comments.reject"),
        ("spam", Status.SPAM, "comments.spam"),
    ],
)
def test_moderation_view_decides_and_records_who_and_when(client, editor, post, action, status, log_action):
    comment = approved(post, "Decide me", status=Status.PENDING)
    client.force_login(editor)
    response = client.post(moderate_url(comment), {"action": action})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == status and comment.moderated_by == editor
    assert timezone.now() - comment.moderated_at < datetime.timedelta(minutes=1)
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action=log_action)
    assert entry.user == editor
    history = client.get(reverse("wagtailsnippets_comments_comment:history", args=[comment.pk])).content.decode()
    assert str(entry.message) in history


def test_moderation_view_deletes_and_logs_it(client, editor, post):
    comment = approved(post, "Delete me", status=Status.PENDING)
    client.force_login(editor)
    client.post(moderate_url(comment), {"action": "delete"})
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="wagtail.delete", user=editor).exists()


def test_moderation_view_ignores_unknown_actions(client, editor, post):
    comment = approved(post, "Stay", status=Status.PENDING)
    client.force_login(editor)
    assert client.post(moderate_url(comment), {"action": "publish-everything"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_approved_comment_appears_on_the_page(client, editor, post):
    send(client, post, body="Approve me please")
    comment = Comment.objects.get()
    client.force_login(editor)
    client.post(moderate_url(comment), {"action": "approve"})
    client.logout()
    assert "Approve me please" in client.get(post.url).content.decode()


# --- Bulk actions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "status", "log_action"),
    [
        ("approve", Status.APPROVED, "comments.approve"),
        ("reject", Status.REJECTED, "comments.reject"),
        ("spam", Status.SPAM, "comments.spam"),
    ],
)
def test_bulk_actions_moderate_many_and_log_each(client, editor, post, action, status, log_action):
    comments = [approved(post, f"Bulk {n}", status=Status.PENDING) for n in range(3)]
    client.force_login(editor)
    confirm = client.get(bulk_url(action, *comments))
    assert confirm.status_code == 200 and "Bulk 2" in confirm.content.decode()
    response = client.post(bulk_url(action, *comments))
    assert response.status_code == 302
    assert Comment.objects.filter(status=status).count() == 3
    assert ModelLogEntry.objects.filter(action=log_action, user=editor).count() == 3


def test_bulk_delete_removes_and_logs(client, editor, post):
    comments = [approved(post, f"Gone {n}", status=Status.SPAM) for n in range(2)]
    client.force_login(editor)
    response = client.post(bulk_url("delete", *comments))
    assert response.status_code == 302
    assert Comment.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="wagtail.delete", user=editor).count() == 2


def test_bulk_moderation_buttons_are_offered_on_the_queue(client, editor, post, queue_url):
    approved(post, "Waiting", status=Status.PENDING)
    client.force_login(editor)
    html = client.get(queue_url).content.decode()
    for label in ("Approve selected comments", "Reject selected comments", "Mark selected comments as spam"):
        assert label in html


# --- Dashboard and menu -----------------------------------------------------------------------------


def test_dashboard_panel_and_menu_show_how_many_are_waiting(client, editor, post):
    for n in range(3):
        approved(post, f"Waiting {n}", status=Status.PENDING)
    approved(post, "Spammy", status=Status.SPAM)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "3 comments are waiting for moderation." in html
    assert "1 held as spam" in html
    assert "Comments (3)" in html


def test_menu_shows_no_count_when_nothing_waits(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "No comments are waiting." in html and "Comments (" not in html


# --- Block list ------------------------------------------------------------------------------------


def test_editors_can_add_to_the_block_list(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_comments_blockedterm:add"),
        {"kind": "domain", "value": "@Junk.Example", "note": "Bulk sender"},
    )
    assert response.status_code == 302
    assert BlockedTerm.objects.get().value == "junk.example"


def test_page_editor_has_the_comment_settings_on_the_settings_tab(client, admin_user, post, story):
    client.force_login(admin_user)
    for page in (post, story):
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert 'name="comments_open"' in html and 'name="comments_closed_message"' in html


def test_site_settings_offer_automatic_closing(client, admin_user, site):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailsettings:edit", args=["qsite", "sitesettings", site.pk])).content.decode()
    assert 'name="comments_close_after_days"' in html
