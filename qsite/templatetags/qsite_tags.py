"""Template tags for the site-wide frame: navigation and breadcrumbs."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    # The Welsh home page when there is one, otherwise the English one.
    return site.root_page.localized


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu().select_related("locale"):
            state = None
            if current is not None and isinstance(current, Page):
                if current.pk == item.pk:
                    state = "page"
                elif current.url_path.startswith(item.url_path):
                    state = "true"
            items.append({"title": item.title, "url": item.get_url(request), "current": state})
    return {"items": items, "home_url": root.get_url(request) if root else "/", "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context.get("request")
    page = context.get("page")
    if page is None or not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    # depth 1 is Wagtail's invisible root; depth 2 is the home page of a locale.
    ancestors = page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth")
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}
