"""schema.org data for insights, rendered as JSON-LD by the `json_ld` tag."""

from qsite.pages import absolute_to, site_root
from qsite.seo import article_data

# Reports and evaluations are schema.org Reports; everything else is a CreativeWork with a genre.
REPORT_TYPES = {"report", "evaluation"}


def insight_structured_data(page):
    root = site_root(page)
    data = article_data(
        page,
        "Report" if page.output_type in REPORT_TYPES else "CreativeWork",
        description=page.card_summary,
        authors=page.credited_authors,
        root=root,
    )
    data["genre"] = str(page.get_output_type_display())
    data["name"] = page.title
    data["author"] += [{"@type": "Organization", "name": name} for name in page.organisation_list]
    if page.project:
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": page.project.name,
            "description": page.project.summary,
            "url": absolute_to(root, page.project_url()),
        }
    if page.region:
        data["spatialCoverage"] = {"@type": "Place", "name": page.region.name}
    if page.key_findings:
        data["abstract"] = " ".join(str(block.value) for block in page.key_findings)
    downloads = [d for d in page.download_list if d.restriction is None]
    if downloads:
        data["associatedMedia"] = [
            _without_empty(
                {
                    "@type": "MediaObject",
                    "name": d.text,
                    "contentUrl": absolute_to(root, d.url),
                    "encodingFormat": d.document.content_type,
                    "contentSize": f"{d.document.file_size} B" if d.document.file_size else None,
                    "inLanguage": d.language,
                }
            )
            for d in downloads
        ]
    if page.share_image:
        data["image"] = absolute_to(root, page.share_image.get_rendition("fill-1200x630|format-jpeg").url)
    return data


def _without_empty(mapping):
    return {key: value for key, value in mapping.items() if value is not None}
