from django.utils import timezone
from wagtail import hooks


@hooks.register("qsite_cache_urls_for_page")
def event_listings_showing(page):
    """Upcoming events show their upcoming siblings ("more events"), and the index's month calendars show
    each event in the months it spans."""
    if page.specific_class.__name__ != "EventPage":
        return []
    urls = []
    siblings = page.get_siblings(inclusive=False).live().type(page.specific_class)
    for sibling in siblings.filter(eventpage__end__gte=timezone.now()):
        parts = sibling.get_url_parts()
        if parts and parts[2]:
            urls.append(parts[2])
    parent = page.get_parent().specific
    parts = parent.get_url_parts()
    if parts and parts[2] and hasattr(parent, "reverse_subpage"):
        months = {(page.local_start.year, page.local_start.month), (page.last_day.year, page.last_day.month)}
        urls += [parts[2] + parent.reverse_subpage("calendar", args=list(month)) for month in sorted(months)]
    return urls
