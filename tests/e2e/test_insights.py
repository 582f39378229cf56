"""Insights in a real browser at phone and desktop widths: index, an insight, a project; axe finds nothing."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.insights.conftest import add_insight, make_document, make_profile, make_project, private_collection


@pytest.fixture
def insights_site(transactional_db, live_server, settings, tmp_path):
    from insights.models import InsightIndexPage
    from qsite.models import Region, SiteSettings
    from qsite.setup import setup_site

    settings.MEDIA_ROOT = tmp_path / "media"
    site = setup_site()
    home = site.root_page.specific
    site_settings = SiteSettings.for_site(site)
    site_settings.accessible_format_url = "mailto:formats@example.org"
    site_settings.save()
    index = InsightIndexPage(title="Insights", slug="insights", intro="What we learned.", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    project = make_project(home.locale)
    lab = make_project(home.locale, slug="the-lab", name="The Lab", kind="lab", start=2021, end=2023)
    wales = Region.objects.get(locale=home.locale, slug="wales")
    for n in range(14):
        add_insight(
            index,
            f"Toolkit number {n}" if n % 2 else f"Report number {n}",
            output_type="toolkit" if n % 2 else "report",
            project=lab if n % 3 else project,
            topics=["Patient safety"],
            image=True,
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
    main = add_insight(
        index,
        "What happens in the first week at home",
        project=project,
        region=wales,
        authors=[make_profile()],
        contributing_organisations="Valleys Health Board",
        topics=["Patient safety", "Co-production"],
        findings=["Information did not travel with the person.", "A phone call within two days helped most."],
        documents=[
            (make_document("Full report"), "Full report", "en"),
            (make_document("Crynodeb"), "Summary in Welsh", "cy"),
            (make_document("Survey data", collection=private_collection()), "Survey data", "en"),
        ],
        body=[("paragraph", "<p>The Lab brought together ward nurses, carers and pharmacists.</p>")],
        image=True,
        date=datetime.date(2025, 6, 1),
    )
    return {"url": live_server.url, "index": index, "main": main}


def test_the_insights_index_lists_filters_and_passes_axe(page, insights_site, console_errors):
    page.goto(insights_site["url"] + "/en/insights/")
    expect(page.locator("h1")).to_have_text("Insights")
    expect(page.get_by_role("heading", name="15 insights")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Type of output").select_option("toolkit")
    page.get_by_role("button", name="Show insights").click()
    # The filtered list has an address a reader can share.
    expect(page).to_have_url(insights_site["url"] + "/en/insights/?type=toolkit&project=&topic=&region=&year=")
    expect(page.get_by_role("heading", name="7 insights")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_unknown_filters_explain_themselves_and_pass_axe(page, insights_site):
    page.goto(insights_site["url"] + "/en/insights/?type=podcast&page=abc")
    expect(page.get_by_role("alert")).to_contain_text("Choose an output type from the list.")
    expect(page.get_by_text("No insights match these filters.")).to_be_visible()
    assert_accessible(page)


def test_an_insight_page_shows_findings_and_downloads_and_passes_axe(page, insights_site, console_errors):
    page.goto(insights_site["url"] + insights_site["main"].url)
    expect(page.locator("h1")).to_have_text("What happens in the first week at home")
    findings = page.get_by_role("region", name="Key findings").get_by_role("listitem")
    expect(findings).to_have_count(2)
    expect(findings.first).to_have_text("Information did not travel with the person.")
    downloads = page.get_by_role("region", name="Downloads")
    expect(downloads.get_by_role("link", name="Full report")).to_be_visible()
    expect(downloads).to_contain_text("PDF,")
    expect(downloads).to_contain_text("Welsh (Cymraeg)")
    expect(downloads).to_contain_text("Sign-in needed")
    expect(downloads.get_by_role("link", name="Request an accessible format")).to_have_attribute(
        "href",
        "mailto:formats@example.org?subject=Accessible%20format%20request%3A%20What%20happens%20in%20the%20first%20week%20at%20home",
    )
    assert_accessible(page)
    assert console_errors == []


def test_a_download_arrives_as_a_named_pdf(browser, insights_site):
    # One width is enough to prove the download headers, so this uses its own page.
    page = browser.new_page(accept_downloads=True)
    page.goto(insights_site["url"] + insights_site["main"].url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Full report").click()
    download = download_info.value
    assert download.suggested_filename == insights_site["main"].documents.first().document.filename
    with open(download.path(), "rb") as handle:
        assert handle.read(8) == b"%PDF-1.4"


def test_a_project_page_lists_its_outputs_and_passes_axe(page, insights_site, console_errors):
    page.goto(insights_site["url"] + insights_site["main"].url)
    page.get_by_role("link", name="Everything from Waiting Well").click()
    expect(page).to_have_url(insights_site["url"] + "/en/insights/projects/waiting-well/")
    expect(page.locator("h1")).to_have_text("Waiting Well")
    expect(page.get_by_role("heading", name="6 outputs from this project")).to_be_visible()
    assert_accessible(page)
    page.goto(insights_site["url"] + "/en/insights/projects/")
    expect(page.locator("h1")).to_have_text("Projects")
    assert_accessible(page)
    assert console_errors == []
