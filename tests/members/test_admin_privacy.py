"""Members see only their own drafts (and published pages) anywhere in the Wagtail admin: the explorer, the page
search, the page chooser (browse and search) and the admin pages API."""

import pytest
from django.test import Client

from tests.members.test_permissions import create_draft

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Unannounced merger of two trusts"


@pytest.fixture
def others_draft(member, other_member, sections):
    create_draft(None, other_member, sections, title=SECRET_TITLE, slug="unannounced-merger")
    from blog.models import BlogPage

    return BlogPage.objects.get(slug="unannounced-merger")


@pytest.fixture
def own_draft(member, sections):
    create_draft(None, member, sections, title="My own half-written post", slug="my-own-post")
    from blog.models import BlogPage

    return BlogPage.objects.get(slug="my-own-post")


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def admin_views_listing(sections, draft):
    blog = sections["blog"]
    return {
        "explorer": f"/admin/pages/{blog.pk}/",
        "page search": "/admin/pages/search/?q=merger",
        "chooser browse": f"/admin/choose-page/{blog.pk}/",
        "chooser search": "/admin/choose-page/search/?q=merger",
        "api children": f"/admin/api/main/pages/?child_of={blog.pk}&for_explorer=1",
        "api search": "/admin/api/main/pages/?search=merger",
    }


@pytest.mark.parametrize(
    "view", ["explorer", "page search", "chooser browse", "chooser search", "api children", "api search"]
)
def test_a_member_never_sees_another_members_draft(member, sections, others_draft, view):
    url = admin_views_listing(sections, others_draft)[view]
    response = as_user(member).get(url)
    assert response.status_code in (200, 400), (url, response.status_code)
    assert SECRET_TITLE not in response.content.decode()


def test_the_admin_api_refuses_another_members_draft_by_id(member, others_draft):
    response = as_user(member).get(f"/admin/api/main/pages/{others_draft.pk}/")
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


@pytest.mark.parametrize("view", ["explorer", "page search", "chooser browse", "api children"])
def test_a_member_still_sees_their_own_draft(member, sections, own_draft, view):
    url = admin_views_listing(sections, own_draft)[view].replace("merger", "half-written")
    html = as_user(member).get(url).content.decode()
    assert "My own half-written post" in html


@pytest.mark.parametrize("view", ["explorer", "page search", "chooser browse", "chooser search", "api children"])
def test_editors_see_every_draft(editor, sections, others_draft, view):
    url = admin_views_listing(sections, others_draft)[view]
    html = as_user(editor).get(url).content.decode()
    assert SECRET_TITLE in html


def test_published_pages_stay_visible_to_members_in_the_chooser(member, other_member, sections, others_draft):
    others_draft.save_revision().publish()
    html = as_user(member).get("/admin/choose-page/search/?q=merger").content.decode()
    assert SECRET_TITLE in html


@pytest.fixture
def pending_comment(sections, others_draft):
    from comments.models import Comment, Status

    others_draft.save_revision().publish()
    return Comment.objects.create(
        page=others_draft,
        translation_key=others_draft.translation_key,
        language="en",
        author_name="Gale Guest",
        guest_email="gale.private@example.org",
        body="Pending words nobody but moderators may read yet",
        status=Status.PENDING,
        fingerprint="pending-privacy-test",
    )


def moderator_only_urls(comment):
    return [
        "/admin/snippets/comments/comment/",
        "/admin/snippets/choose/comments/comment/",
        "/admin/snippets/choose/comments/comment/results/?q=gale.private",
        f"/admin/snippets/choose/comments/comment/chosen/{comment.pk}/",
        f"/admin/bulk/comments/comment/approve/?id={comment.pk}",
        f"/admin/bulk/comments/comment/delete/?id={comment.pk}",
        "/admin/snippets/comments/blockedterm/",
        "/admin/snippets/choose/comments/blockedterm/",
    ]


def test_members_cannot_reach_comments_through_choosers_or_bulk_actions(member, pending_comment):
    client = as_user(member)
    for url in moderator_only_urls(pending_comment):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "gale.private@example.org" not in response.content.decode()
        assert "Pending words" not in response.content.decode()


def test_editors_still_moderate_through_the_same_views(editor, pending_comment):
    client = as_user(editor)
    response = client.get("/admin/snippets/choose/comments/comment/results/?q=Pending")
    assert response.status_code == 200
    assert "Pending words" in response.content.decode()
    assert client.get(f"/admin/bulk/comments/comment/approve/?id={pending_comment.pk}").status_code == 200


@pytest.mark.parametrize("url", ["/admin/forms/", "/admin/api/main/documents/", "/admin/reports/site-history/"])
def test_members_cannot_reach_form_submissions_documents_api_or_reports(member, url):
    assert as_user(member).get(url).status_code == 403


@pytest.mark.parametrize("url", ["/admin/forms/", "/admin/api/main/documents/"])
def test_editors_reach_form_submissions_and_the_documents_api(editor, url):
    assert as_user(editor).get(url).status_code == 200
