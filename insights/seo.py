"""schema.org data for insights, rendered as JSON-LD by the `json_ld` tag."""

from django.utils import timezone

# Reports and evaluations are schema.org Reports; everything else is a CreativeWork with a genre.
REPORT_TYPES = {"report", "evaluation"}


def _absolute(root, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return root + url


def insight_structured_data(page):
    # The site's root URL, looked up once: qsite.pages.absolute() queries the site on every call,
    # which here would be once per author and per document.
    site = page.get_site()
    root = site.root_url if site else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if page.output_type in REPORT_TYPES else "CreativeWork",
        "genre": str(page.get_output_type_display()),
        "headline": page.title,
        "name": page.title,
        "description": page.card_summary,
        "url": page.full_url,
        "mainEntityOfPage": page.full_url,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.latest_revision_created_at or timezone.now()).isoformat(),
        "inLanguage": page.locale.language_code,
        "author": [
            {"@type": "Person", "name": p.display_name, "url": _absolute(root, p.get_absolute_url())}
            for p in page.credited_authors
        ]
        + [{"@type": "Organization", "name": name} for name in page.organisation_list],
        "publisher": {"@type": "Organization", "name": "Q community"},
        "keywords": [tag.name for tag in page.topic_list],
        "timeRequired": f"PT{page.reading_minutes}M",
    }
    if page.project:
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": page.project.name,
            "description": page.project.summary,
            "url": _absolute(root, page.project_url()),
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
                    "contentUrl": _absolute(root, d.url),
                    "encodingFormat": d.document.content_type,
                    "contentSize": f"{d.document.file_size} B" if d.document.file_size else None,
                    "inLanguage": d.language,
                }
            )
            for d in downloads
        ]
    if page.share_image:
        data["image"] = _absolute(root, page.share_image.get_rendition("fill-1200x630|format-jpeg").url)
    return data


def _without_empty(mapping):
    return {key: value for key, value in mapping.items() if value is not None}
