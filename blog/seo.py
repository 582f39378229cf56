"""schema.org data for blog posts, rendered as JSON-LD by the `json_ld` tag."""

from django.utils import timezone

from qsite.pages import absolute, image_url


def blog_posting(page):
    """schema.org BlogPosting, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": page.title,
        "description": page.intro,
        "url": page.full_url,
        "mainEntityOfPage": page.full_url,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.latest_revision_created_at or timezone.now()).isoformat(),
        "inLanguage": page.locale.language_code,
        "author": [
            {"@type": "Person", "name": p.display_name, "url": absolute(page, p.get_absolute_url())}
            for p in page.author_profiles
        ],
        "publisher": {"@type": "Organization", "name": "Q community"},
        "keywords": [tag.name for tag in page.topic_list],
        "timeRequired": f"PT{page.reading_minutes}M",
    }
    if page.share_image:
        data["image"] = image_url(page, page.share_image)
    return data
