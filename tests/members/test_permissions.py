"""Least privilege: members write drafts under their sections and nothing more; editors publish."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogPage
from members.models import MemberProfile
from tests.factories import BlogPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db


def post_form(profile, title="A member's draft", slug="a-members-draft", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-05-01",
            "intro": "What we tried.",
            "body": streamfield([("paragraph", rich_text("<p>Words.</p>"))]),
            "authors": inline_formset([{"profile": profile.pk}]),
            "topics": "",
            "listing_summary": "",
            "social_text": "",
            "seo_title": "",
            "search_description": "",
            **extra,
        }
    )


def add_url(parent):
    return f"/admin/pages/add/blog/blogpage/{parent.pk}/"


def create_draft(client, user, sections, **form):
    """Each author uses their own browser session, as real people do."""
    client = Client() if client is None else client
    client.force_login(user)
    profile = MemberProfile.objects.get(user=user)
    return client.post(add_url(sections["blog"]), post_form(profile, **form))


class TestMembersWriteDrafts:
    def test_member_can_open_the_add_form_under_the_blog(self, client, member, sections):
        client.force_login(member)
        assert client.get(add_url(sections["blog"])).status_code == 200

    def test_member_saves_a_draft_they_own(self, client, member, sections):
        response = create_draft(client, member, sections)
        assert response.status_code == 302
        page = BlogPage.objects.get(slug="a-members-draft")
        assert page.owner == member
        assert not page.live

    def test_member_cannot_publish(self, client, member, sections):
        create_draft(client, member, sections, **{"action-publish": "action-publish"})
        page = BlogPage.objects.get(slug="a-members-draft")
        assert not page.live
        assert not page.get_latest_revision().approved_go_live_at

    def test_member_submits_to_editorial_review_and_an_editor_publishes(self, client, member, editor, sections):
        create_draft(client, member, sections, **{"action-submit": "action-submit"})
        page = BlogPage.objects.get(slug="a-members-draft")
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow.name == "Editorial review"
        assert not page.live
        client.force_login(editor)
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))
        response = client.post(url, {"comment": "Lovely, publishing."})
        assert response.status_code in (200, 302)
        page.refresh_from_db()
        assert page.live

    def test_member_cannot_add_pages_outside_their_sections(self, client, member, home):
        client.force_login(member)
        response = client.get(f"/admin/pages/add/home/standardpage/{home.pk}/")
        assert response.status_code in (302, 403)
        assert not Page.objects.filter(slug="sneaky").exists()

    def test_member_cannot_edit_or_preview_another_members_draft(self, client, member, other_member, sections):
        create_draft(None, other_member, sections, title="Ola's draft", slug="olas-draft")
        page = BlogPage.objects.get(slug="olas-draft")
        client.force_login(member)
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
        assert client.post(
            f"/admin/pages/{page.pk}/edit/", post_form(MemberProfile.objects.get(user=member))
        ).status_code in (
            302,
            403,
        )
        page.refresh_from_db()
        assert page.get_latest_revision().content["title"] == "Ola's draft"

    def test_member_does_not_see_another_members_draft_in_the_explorer(self, client, member, other_member, sections):
        create_draft(None, other_member, sections, title="Ola's secret draft", slug="olas-draft")
        create_draft(client, member, sections, title="Mo's own draft", slug="mos-draft")
        BlogPageFactory(parent=sections["blog"], title="Already published", authors=[MemberProfileFactory()])
        client.force_login(member)
        html = client.get(f"/admin/pages/{sections['blog'].pk}/").content.decode()
        assert "Mo&#x27;s own draft" in html or "Mo's own draft" in html
        assert "Already published" in html
        assert "secret draft" not in html

    def test_editor_sees_every_draft(self, client, member, editor, sections):
        create_draft(client, member, sections, title="Mo's own draft", slug="mos-draft")
        client.force_login(editor)
        html = client.get(f"/admin/pages/{sections['blog'].pk}/").content.decode()
        assert "own draft" in html

    def test_editor_can_publish_directly(self, client, editor, sections):
        profile = MemberProfileFactory()
        client.force_login(editor)
        client.post(add_url(sections["blog"]), post_form(profile, **{"action-publish": "action-publish"}))
        assert BlogPage.objects.get(slug="a-members-draft").live


@pytest.mark.parametrize(
    "url",
    [
        "/admin/applications/",
        "/admin/snippets/members/memberprofile/",
        "/admin/snippets/qsite/region/",
        "/admin/settings/qsite/sitesettings/1/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/reports/site-history/",
        "/admin/documents/",
        "/admin/locales/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
    ],
)
def test_member_cannot_reach_other_admin_areas(client, member, url):
    client.force_login(member)
    response = client.get(url)
    assert response.status_code in (302, 403, 404), url
    if response.status_code == 302:
        assert "/login/" in response["Location"] or response["Location"].rstrip("/").endswith("/admin")


def test_member_cannot_decide_applications(client, member, applicant):
    from members.models import MembershipApplication
    from qsite.models import Region

    application = MembershipApplication.objects.create(
        user=applicant,
        display_name="A",
        role="R",
        organisation="O",
        region=Region.objects.first(),
        interests="x",
        why_join="y",
    )
    client.force_login(member)
    response = client.post(f"/admin/applications/{application.pk}/approve/")
    # Wagtail turns a refused admin request into a redirect to the dashboard with a message.
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "pending"


def test_applicants_cannot_enter_the_admin(client, applicant):
    client.force_login(applicant)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_member_admin_menu_offers_pages_and_images_only(client, member):
    client.force_login(member)
    html = client.get("/admin/").content.decode()
    for hidden in ("Applications", "Member profiles", "Settings", "Snippets", "Users"):
        assert f'"label": "{hidden}"' not in html and f">{hidden}<" not in html, hidden


def test_the_django_admin_is_not_mounted(admin_client, home):
    assert admin_client.get("/django-admin/", follow=True).status_code == 404
