"""Editors manage projects as snippets and build insights in the page editor."""

import pytest

from insights.models import Project

from .conftest import add_insight

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_projects_have_their_own_admin_list(editor, project):
    response = editor.get("/admin/snippets/insights/project/")
    assert response.status_code == 200
    assert "Waiting Well" in response.content.decode()


def test_an_editor_can_add_a_project(editor, home):
    response = editor.post(
        "/admin/snippets/insights/project/add/",
        {
            "name": "The Lab",
            "slug": "the-lab",
            "kind": "lab",
            "start_year": "2021",
            "end_year": "2023",
            "summary": "Teams testing ideas together.",
            "locale": home.locale.pk,
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(slug="the-lab").years == "2021\N{EN DASH}2023"


def test_the_admin_refuses_a_project_that_ends_before_it_starts(editor, home):
    response = editor.post(
        "/admin/snippets/insights/project/add/",
        {"name": "Back", "slug": "back", "kind": "lab", "start_year": "2024", "end_year": "2020", "summary": "S"},
    )
    assert response.status_code == 200
    assert "A project cannot finish before it starts." in response.content.decode()
    assert not Project.objects.filter(slug="back").exists()


def test_the_insight_editor_opens_under_the_index(editor, index):
    response = editor.get(f"/admin/pages/add/insights/insightpage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("output_type", "project", "key_findings", "documents", "video", "related_links"):
        assert field in html, field


def test_an_existing_insight_opens_in_the_editor(editor, index):
    page = add_insight(index)
    assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_site_settings_show_the_accessible_format_field(editor, site):
    response = editor.get(f"/admin/settings/qsite/sitesettings/{site.pk}/")
    assert response.status_code == 200
    assert "accessible_format_url" in response.content.decode()


def test_a_preview_shows_unsaved_documents_and_picks(index, project):
    """Editors preview before publishing: inline rows that are not saved yet must still show."""
    from insights.models import InsightDocument, InsightPage, RelatedInsight

    from .conftest import make_document

    other = add_insight(index, "Already published")
    page = InsightPage(title="Draft insight", slug="draft-insight", intro="Soon.", project=project, locale=index.locale)
    page.depth, page.path = index.depth + 1, index.path + "ZZZZ"
    page.set_url_path(index)
    page.documents.add(InsightDocument(document=make_document(), label="Unsaved report", language="en"))
    page.related_links.add(RelatedInsight(insight=other))
    html = page.make_preview_request().content.decode()
    assert "Unsaved report</a>" in html
    assert "Already published" in html.split("Related insights")[1]
