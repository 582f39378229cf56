"""Demo insights: four projects, their outputs, and PDF documents written by load_demo itself."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Site

from insights.models import InsightDocument, InsightIndexPage, InsightPage, InsightPageAuthor, Project, RelatedInsight
from qsite.models import Region, SiteSettings

from .build import add_live_copy, ensure_child, heading, paragraph, slug_for, stream
from .images import get_or_create_image
from .insights_content import INSIGHTS, MEMBERS_PAPER_NOTE, PROJECTS, VIDEOS, WELSH_HEADING, WELSH_SUMMARIES
from .pdf import make_pdf

PUBLIC_COLLECTION = "Insight documents"
MEMBERS_COLLECTION = "Members' working papers"
PDF_LANGUAGES = {"en": "en-GB", "cy": "cy"}


def _collection(name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def members_collection():
    """Documents here are only served to signed-in people: Wagtail's collection privacy does the checking."""
    collection = _collection(MEMBERS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type=BaseViewRestriction.LOGIN)
    return collection


def _pdf_sections(entry, kind, language, authors):
    title, _type, _project, _region, _topics, _authors, organisations, _days, intro, findings, body, _docs = entry
    if language == "cy":
        return [(WELSH_HEADING, WELSH_SUMMARIES.get(title, [intro]))]
    sections = [("", [intro])]
    if kind == "members":
        sections.insert(0, ("Members only", [MEMBERS_PAPER_NOTE]))
    if findings:
        sections.append(("Key findings", [f"{n}. {finding}" for n, finding in enumerate(findings, start=1)]))
    if kind != "summary":
        sections.append(("About this work", body))
        credits = ", ".join(authors + organisations)
        sections.append(("Who wrote it", [f"Written by {credits}.", "Published by the Q community (demo content)."]))
    return sections


def get_or_create_document(title, sections, *, collection, language="en", author=""):
    """A Wagtail document holding a PDF made here, created on first use and reused afterwards."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = make_pdf(title, sections, author=author, subject="Q community insight", language=PDF_LANGUAGES[language])
    document = document_model(title=title, collection=collection)
    document.file = ContentFile(data, name=f"{slug_for(title)[:80].rstrip('-')}.pdf")
    # Size and hash are normally filled in by the admin's upload form.
    document._set_document_file_metadata()
    document.save()
    return document


def _body(entry, n):
    title, *_rest, body, _docs = entry
    blocks = [paragraph(*body)]
    if title in VIDEOS:
        blocks.insert(0, heading("About the film"))
    else:
        blocks.append(heading("How to use this"))
        blocks.append(
            paragraph(
                "Take what is useful and adapt it to your own service. If you try something from this work, "
                "tell the community what happened: the results that surprised you are the most useful."
            )
        )
    return stream(*blocks)


def _video(entry):
    title, *_rest = entry
    if title not in VIDEOS:
        return "[]"
    return stream(
        (
            "video",
            {
                "url": VIDEOS[title],
                "title": title,
                "caption": "Filmed for the Q community.",
                "transcript": "A full transcript is also attached below as a PDF.",
            },
        )
    )


@transaction.atomic
def build_insights(home, people, scale=1):
    """The Insights index, its four projects and their outputs. `scale` repeats the outputs for load tests."""
    regions = {r.slug: r for r in Region.objects.filter(locale=home.locale)}
    index, _ = ensure_child(
        home,
        InsightIndexPage,
        "insights",
        title="Insights",
        show_in_menus=True,
        intro=(
            "What the community has learned: reports, case studies, toolkits and evaluations from our Lab, "
            "insight projects and member-led work, free to read and download."
        ),
    )
    projects = {}
    for slug, name, kind, start, end, summary in PROJECTS:
        projects[slug], _ = Project.objects.get_or_create(
            locale=home.locale,
            slug=slug,
            defaults={"name": name, "kind": kind, "start_year": start, "end_year": end, "summary": summary},
        )
    public, private = _collection(PUBLIC_COLLECTION), members_collection()
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if not site_settings.accessible_format_url:
        site_settings.accessible_format_url = "mailto:formats@q.example.org"
        site_settings.save(update_fields=["accessible_format_url"])

    existing = set(InsightPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    created, first_of_copy = 0, []
    for copy in range(scale):
        for n, entry in enumerate(INSIGHTS):
            title, output_type, project, region, topics, authors, organisations, days, intro, findings = entry[:10]
            docs = entry[11]
            slug = slug_for(title) if copy == 0 else f"{slug_for(title)}-{copy + 1}"
            if slug in existing:
                continue
            author_names = [people[a].display_name for a in authors]
            page = InsightPage(
                title=title if copy == 0 else f"{title} ({copy + 1})",
                slug=slug,
                locale=index.locale,
                output_type=output_type,
                project=projects[project],
                date=today - datetime.timedelta(days=days + copy * 7),
                intro=intro,
                contributing_organisations="\n".join(organisations),
                key_findings=stream(*[("finding", f) for f in findings]),
                body=_body(entry, n),
                video=_video(entry),
                region=regions.get(region),
                listing_image=get_or_create_image(
                    f"Insight picture {n + 1}", seed=500 + n, description="Abstract shapes in calm colours."
                ),
            )
            for order, author in enumerate(authors):
                page.authors.add(InsightPageAuthor(profile=people[author], sort_order=order))
            for order, (label, language, kind) in enumerate(docs):
                document = get_or_create_document(
                    f"{title}: {label}",
                    _pdf_sections(entry, kind, language, author_names),
                    collection=private if kind == "members" else public,
                    language=language,
                    author=", ".join(author_names),
                )
                page.documents.add(InsightDocument(document=document, label=label, language=language, sort_order=order))
            page.topics.add(*topics)
            if copy == 0:
                index.add_child(instance=page)
                page.save_revision().publish()
            else:
                add_live_copy(index, page)
            created += 1
            if n == 0:
                first_of_copy.append(page)

    # The Lab's final report points readers to outputs from the other projects on the same themes.
    for page in first_of_copy:
        picks = (
            InsightPage.objects.child_of(index)
            .filter(slug__in=[slug_for(INSIGHTS[4][0]), slug_for(INSIGHTS[12][0])])
            .order_by("slug")
        )
        for order, other in enumerate(picks):
            page.related_links.add(RelatedInsight(insight=other, sort_order=order))
        page.save_revision().publish()

    return {"index": index, "insights_created": created, "projects": projects}
