"""What a reader sees on the insights index, an insight, a project's page and the projects list."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import HomePage, StandardPage
from insights.models import InsightIndexPage, InsightPage, Project
from qsite.models import SiteSettings

from .conftest import add_insight, make_document, make_profile, make_project, private_collection, relate

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_insight_shows_its_type_project_date_authors_and_organisations(client, index, project, wales):
    amira = make_profile()
    page = add_insight(
        index,
        "Waiting lists in Wales",
        project=project,
        region=wales,
        authors=[amira],
        contributing_organisations="Valleys Health Board\n\n  Carers Cymru  ",
    )
    html = html_of(client, page.url)
    assert '<p class="page-header__kicker">Report</p>' in html
    assert "<h1>Waiting lists in Wales</h1>" in html
    assert '<time datetime="2025-06-01">1 June 2025</time>' in html
    assert 'href="/en/insights/projects/waiting-well/">Waiting Well</a>' in html
    assert "(Insight project, 2023 onwards)" in html
    assert 'href="/en/members/amira-khan/">Amira Khan</a>' in html
    assert "Valleys Health Board, Carers Cymru" in html
    assert "Wales" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_key_findings_are_an_ordered_list_before_the_body(client, index, project):
    page = add_insight(
        index,
        project=project,
        findings=["Calls found problems early.", "Carers want to be asked."],
        body=[("paragraph", "<p>The long write-up.</p>")],
    )
    html = html_of(client, page.url)
    findings = re.search(r'<ol class="key-findings__list">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", findings) == ["Calls found problems early.", "Carers want to be asked."]
    assert html.index("Key findings") < html.index("The long write-up.")


def test_an_insight_without_findings_has_no_empty_findings_box(client, index):
    html = html_of(client, add_insight(index, findings=[]).url)
    assert "Key findings" not in html


def test_downloads_show_label_type_size_and_language(client, index):
    report = make_document("Full report")
    summary = make_document("Crynodeb", text="Crynodeb o'r adroddiad.")
    page = add_insight(index, documents=[(report, "Full report", "en"), (summary, "", "cy")])
    html = html_of(client, page.url)
    size = f"{report.file_size / 1024:.1f}\xa0KB"
    assert f'<a class="downloads__link" href="{report.url}" hreflang="en">Full report</a>' in html
    assert f"PDF, {size}, English" in html
    # An empty label falls back to the document's own title.
    assert f'href="{summary.url}" hreflang="cy">Crynodeb</a>' in html
    assert "Welsh (Cymraeg)" in html
    assert html.index("Full report</a>") < html.index("Crynodeb</a>")


def test_members_only_documents_are_marked_before_anyone_clicks(client, index):
    private = make_document("Raw survey data", collection=private_collection())
    page = add_insight(index, documents=[(private, "Survey data", "en")])
    html = html_of(client, page.url)
    assert "Survey data</a>" in html
    assert '<span class="badge">Sign-in needed</span>' in html


def test_accessible_format_link_comes_from_site_settings_with_a_subject(client, site, index):
    settings = SiteSettings.for_site(site)
    settings.accessible_format_url = "mailto:formats@example.org"
    settings.save()
    page = add_insight(index, "Rota redesign", documents=[(make_document(), "Report", "en")])
    html = html_of(client, page.url)
    assert 'href="mailto:formats@example.org?subject=Accessible%20format%20request%3A%20Rota%20redesign"' in html
    assert "Request an accessible format</a>" in html


def test_accessible_format_link_is_hidden_when_the_setting_is_empty(client, index):
    page = add_insight(index, documents=[(make_document(), "Report", "en")])
    assert "Request an accessible format" not in html_of(client, page.url)


@pytest.mark.parametrize("address", ["javascript:alert(1)", "//evil.example/", "data:text/html,hi", "ftp://x"])
def test_the_accessible_format_setting_refuses_addresses_a_browser_would_run(site, address):
    settings = SiteSettings.for_site(site)
    settings.accessible_format_url = address
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_a_video_output_embeds_its_video_without_third_party_scripts(client, index):
    page = add_insight(
        index,
        output_type="video",
        video=[
            ("video", {"url": "https://youtu.be/abcdefghijk", "title": "Our film", "caption": "", "transcript": ""})
        ],
    )
    html = html_of(client, page.url)
    assert 'src="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html
    assert 'title="Our film"' in html


def test_topics_link_to_topic_pages_and_the_topic_page_lists_the_insight(client, index):
    page = add_insight(index, "Peer support works", topics=["Workforce wellbeing"])
    assert 'href="/en/topics/workforce-wellbeing/"' in html_of(client, page.url)
    assert "Peer support works" in html_of(client, "/en/topics/workforce-wellbeing/")


def test_related_insights_are_the_editors_picks_in_order(client, index, project):
    page = add_insight(index, "Main")
    first, second = add_insight(index, "Picked first"), add_insight(index, "Picked second")
    add_insight(index, "Not picked", project=project)
    relate(page, second, first)
    html = html_of(client, page.url)
    related = html[html.index("Related insights") :]
    assert related.index("Picked second") < related.index("Picked first")
    assert "Not picked" not in related


def test_without_picks_related_insights_are_the_same_projects_newest_outputs(client, index, project, home):
    other_project = make_project(home.locale, slug="lab", name="The Lab")
    page = add_insight(index, "Main", project=project)
    add_insight(index, "Same project", project=project)
    add_insight(index, "Other project", project=other_project)
    related = html_of(client, page.url).split("Related insights")[1]
    assert "Same project" in related
    assert "Other project" not in related


def test_unpublished_picks_are_never_shown(client, index):
    page = add_insight(index, "Main")
    draft = add_insight(index, "Secret draft")
    relate(page, draft)
    draft.unpublish()
    assert "Secret draft" not in html_of(client, page.url)


def test_the_index_lists_live_insights_newest_first_with_type_and_project(client, index, project):
    import datetime

    add_insight(index, "Older one", project=project, date=datetime.date(2024, 1, 5))
    add_insight(index, "Newer one", project=project, output_type="toolkit", date=datetime.date(2025, 3, 2))
    add_insight(index, "Draft one", live=False)
    html = html_of(client, index.url)
    assert html.index("Newer one") < html.index("Older one")
    assert "Toolkit · Waiting Well · 2 March 2025" in html
    assert "Draft one" not in html
    assert "2 insights" in html


def test_a_projects_page_lists_all_its_outputs_and_nothing_else(client, index, project, home):
    other = make_project(home.locale, slug="the-lab", name="The Lab", kind="lab", start=2021, end=2023)
    for n in range(14):
        add_insight(index, f"Waiting output {n}", project=project)
    add_insight(index, "Lab output", project=other)
    html = html_of(client, "/en/insights/projects/waiting-well/")
    assert "<h1>Waiting Well</h1>" in html
    assert "What Waiting Well set out to learn." in html
    assert "14 outputs from this project" in html
    assert "Lab output" not in html
    # Twelve a page, so the rest are one click away.
    assert "Page 1 of 2" in html
    assert "Waiting output" in html_of(client, "/en/insights/projects/waiting-well/?page=2")
    assert "Running: 2021\N{EN DASH}2023" in html_of(client, "/en/insights/projects/the-lab/")


def test_the_project_page_has_a_breadcrumb_trail_through_the_index(client, index, project):
    add_insight(index, project=project)
    html = html_of(client, "/en/insights/projects/waiting-well/")
    trail = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert 'href="/en/insights/">Insights</a>' in trail
    assert 'href="/en/insights/projects/">Projects</a>' in trail
    assert '<span aria-current="page">Waiting Well</span>' in trail


@pytest.mark.parametrize("slug", ["no-such-project", "UPPER", "a" * 300])
def test_an_unknown_project_is_a_404(client, index, slug):
    assert client.get(f"/en/insights/projects/{slug}/").status_code == 404


def test_the_projects_list_shows_each_project_with_outputs_and_its_count(client, index, project, home):
    make_project(home.locale, slug="empty", name="Nothing yet")
    add_insight(index, project=project)
    add_insight(index, project=project)
    html = html_of(client, "/en/insights/projects/")
    assert 'href="/en/insights/projects/waiting-well/">Waiting Well</a>' in html
    assert "2 outputs" in html
    assert "Nothing yet" not in html


def test_the_home_page_shows_the_latest_insights(client, index):
    add_insight(index, "Fresh findings")
    assert "Fresh findings" in html_of(client, "/en/")


def test_the_index_is_in_the_main_menu(client, index):
    nav = re.search(r'<nav class="site-nav".*?</nav>', html_of(client, "/en/"), re.S).group(0)
    assert 'href="/en/insights/"' in nav


def test_insights_live_only_under_an_index_and_the_index_only_under_home(home):
    # `home` rebuilds the root if an earlier transactional test flushed the migration rows.
    assert InsightPage.parent_page_types == ["insights.InsightIndexPage"]
    assert InsightPage.allowed_parent_page_models() == [InsightIndexPage]
    assert InsightIndexPage.allowed_parent_page_models() == [HomePage]
    assert not InsightIndexPage.can_create_at(Page.get_first_root_node())
    assert InsightPage.subpage_types == []


def test_only_one_index_per_home_page(index, home):
    assert not InsightIndexPage.can_create_at(home)
    assert not InsightPage.can_create_at(home)
    assert InsightIndexPage not in StandardPage.allowed_subpage_models()


def test_project_years_read_naturally(home):
    assert make_project(home.locale, slug="a", start=2021, end=2023).years == "2021\N{EN DASH}2023"
    assert make_project(home.locale, slug="b", start=2024, end=2024).years == "2024"
    assert make_project(home.locale, slug="c", start=2022, end=None).years == "2022 onwards"


def test_a_project_cannot_end_before_it_starts(home):
    project = Project(locale=home.locale, slug="x", name="X", start_year=2024, end_year=2020, summary="S")
    with pytest.raises(ValidationError, match="cannot finish before it starts"):
        project.full_clean()


def test_the_sitemap_lists_insights_and_each_projects_page(client, index, project):
    page = add_insight(index, project=project)
    body = client.get("/sitemap.xml").content.decode()
    assert f"{page.url}</loc>" in body
    assert "/en/insights/projects/waiting-well/</loc>" in body
