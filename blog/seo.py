"""schema.org data for blog posts, rendered as JSON-LD by the `json_ld` tag."""

from qsite.pages import absolute_to, site_root
from qsite.seo import article_data


def blog_posting(page):
    """schema.org BlogPosting, for search engines."""
    root = site_root(page)
    data = article_data(page, "BlogPosting", description=page.intro, authors=page.author_profiles, root=root)
    if page.share_image:
        data["image"] = absolute_to(root, page.share_image.get_rendition("fill-1200x630|format-jpeg").url)
    return data
