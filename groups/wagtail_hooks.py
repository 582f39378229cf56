from wagtail import hooks

from qsite.cache import page_urls


@hooks.register("qsite_cache_urls_for_page")
def group_pages_showing(page):
    """A group page lists its latest posts and events, and its feeds and calendar list them too."""
    groups = getattr(page, "groups", None)
    if groups is None or not hasattr(groups, "all"):
        return []
    return [url for group in groups.all() for url in page_urls(group)]
