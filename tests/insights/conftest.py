"""Builders for insight tests: an index, projects, insights with authors, topics and real PDF documents."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from demo.images import get_or_create_image
from demo.pdf import make_pdf
from insights.models import (
    InsightDocument,
    InsightIndexPage,
    InsightPage,
    InsightPageAuthor,
    Project,
    RelatedInsight,
)
from members.models import MemberProfile
from qsite.models import Region

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never into the worktree's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def make_document(title="Annual report", *, collection=None, text="Findings of the report.", extension="pdf"):
    """A Wagtail document with a real PDF (or other file), its size and hash recorded as the admin would."""
    data = make_pdf(title, [("", [text])]) if extension == "pdf" else text.encode()
    document = get_document_model()(title=title, collection=collection or Collection.get_first_root_node())
    document.file = ContentFile(data, name=f"doc-{next(_numbers)}.{extension}")
    document._set_document_file_metadata()
    document.save()
    return document


def private_collection(restriction_type=BaseViewRestriction.LOGIN, password=""):
    collection = Collection.get_first_root_node().add_child(name=f"Private {next(_numbers)}")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password=password
    )
    return collection


def make_project(locale, slug="waiting-well", name="Waiting Well", kind="insight", start=2023, end=None):
    return Project.objects.create(
        locale=locale,
        slug=slug,
        name=name,
        kind=kind,
        start_year=start,
        end_year=end,
        summary=f"What {name} set out to learn.",
    )


def make_profile(slug="amira-khan", name="Amira Khan"):
    profile, _ = MemberProfile.objects.get_or_create(
        slug=slug, defaults={"display_name": name, "job_title": "Analyst", "organisation": "Test Trust"}
    )
    return profile


def add_insight(
    index,
    title=None,
    *,
    project=None,
    output_type="report",
    date=None,
    region=None,
    topics=(),
    authors=(),
    documents=(),
    findings=("The first finding.", "The second finding."),
    image=False,
    live=True,
    publish=True,
    **fields,
):
    """An insight under `index`. `documents` are (document, label, language) triples.

    publish=False saves a live page without a revision: quicker, for tests that need many pages.
    """
    n = next(_numbers)
    title = title or f"Insight {n}"
    # Every output comes from a project (the field is required); tests that do not care share one.
    project = (
        project
        or Project.objects.get_or_create(
            locale=index.locale,
            slug="general",
            defaults={"name": "General learning", "kind": "insight", "start_year": 2020, "summary": "Various."},
        )[0]
    )
    page = InsightPage(
        title=title,
        slug=f"insight-{n}",
        output_type=output_type,
        project=project,
        date=date or datetime.date(2025, 6, 1),
        region=region,
        intro=f"Summary of {title}.",
        key_findings=[("finding", f) for f in findings],
        listing_image=get_or_create_image("Test card picture", seed=1, width=320, height=180) if image else None,
        live=live,
        **fields,
    )
    for order, profile in enumerate(authors):
        page.authors.add(InsightPageAuthor(profile=profile, sort_order=order))
    for order, (document, label, language) in enumerate(documents):
        page.documents.add(InsightDocument(document=document, label=label, language=language, sort_order=order))
    page.topics.add(*topics)
    index.add_child(instance=page)
    if live and publish:
        page.save_revision().publish()
    return page


def relate(page, *others):
    for order, other in enumerate(others):
        page.related_links.add(RelatedInsight(insight=other, sort_order=order))
    page.save_revision().publish()


@pytest.fixture
def index(home):
    page = InsightIndexPage(title="Insights", slug="insights", intro="What we learned.", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def project(home):
    return make_project(home.locale)


@pytest.fixture
def wales(home):
    return Region.objects.get(locale=home.locale, slug="wales")
