from wagtail import hooks

from qsite.cache import page_urls


@hooks.register("qsite_cache_urls_for_page")
def group_pages_showing(page):
    """A group page lists its latest posts and events, and its feeds and calendar list them too."""
    groups = getattr(page, "groups", None)
    if groups is None or not hasattr(groups, "all"):
        return []
    # Every language's group page: a translated post may name the English group but shows on the Welsh one.
    chosen = [translation for group in groups.all() for translation in group.get_translations(inclusive=True)]
    return [url for group in chosen for url in page_urls(group)]
