"""Search engines and link previews: schema.org JSON-LD and OpenGraph tags on every insight."""

import json
import re

import pytest

from .conftest import add_insight, make_document, make_profile

pytestmark = pytest.mark.django_db

# The site's address, from SITE_BASE_URL (setup_site builds the Site from it).
ROOT = "http://127.0.0.1:8000"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize(("output_type", "schema_type"), [("report", "Report"), ("evaluation", "Report")])
def test_reports_and_evaluations_are_schema_org_reports(client, index, output_type, schema_type):
    page = add_insight(index, output_type=output_type)
    assert json_ld(client.get(page.url).content.decode())["@type"] == schema_type


@pytest.mark.parametrize("output_type", ["case-study", "toolkit", "video", "project-update"])
def test_other_outputs_are_creative_works_with_a_genre(client, index, output_type):
    page = add_insight(index, output_type=output_type)
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == "CreativeWork"
    assert data["genre"] == page.get_output_type_display()


def test_json_ld_describes_the_insight_its_people_project_and_files(client, index, project, wales):
    document = make_document("Full report")
    page = add_insight(
        index,
        "Waiting well in Wales",
        project=project,
        region=wales,
        authors=[make_profile()],
        contributing_organisations="Valleys Health Board",
        topics=["Primary care"],
        findings=["People want a named contact."],
        documents=[(document, "Full report", "en")],
        image=True,
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Waiting well in Wales"
    assert data["url"] == ROOT + "/en/insights/" + page.slug + "/"
    assert data["datePublished"] == "2025-06-01"
    assert data["inLanguage"] == "en"
    assert data["author"] == [
        {"@type": "Person", "name": "Amira Khan", "url": ROOT + "/en/members/amira-khan/"},
        {"@type": "Organization", "name": "Valleys Health Board"},
    ]
    assert data["isPartOf"]["name"] == "Waiting Well"
    assert data["isPartOf"]["url"] == ROOT + "/en/insights/projects/waiting-well/"
    assert data["spatialCoverage"] == {"@type": "Place", "name": "Wales"}
    assert data["keywords"] == ["Primary care"]
    assert data["abstract"] == "People want a named contact."
    assert data["associatedMedia"] == [
        {
            "@type": "MediaObject",
            "name": "Full report",
            "contentUrl": ROOT + document.url,
            "encodingFormat": "application/pdf",
            "contentSize": f"{document.file_size} B",
            "inLanguage": "en",
        }
    ]
    assert data["image"].startswith(ROOT + "/")


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, index):
    page = add_insight(index, "</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_opengraph_tags_give_a_title_summary_and_image(client, index):
    page = add_insight(index, "Shared widely", image=True, social_text="A short line for sharing.")
    html = client.get(page.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Shared widely">' in html
    assert f'<meta property="og:url" content="{ROOT}{page.url}">' in html
    assert '<meta property="og:description" content="A short line for sharing.">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_without_sharing_text_the_summary_is_used(client, index):
    page = add_insight(index, "Plain")
    assert '<meta property="og:description" content="Summary of Plain.">' in client.get(page.url).content.decode()
