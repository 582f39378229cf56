"""The `seo_meta` tag: description, canonical link, OpenGraph and Twitter card tags for every page."""

from django import template

from qsite.seo import page_meta

register = template.Library()


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def seo_meta(context):
    request = context.get("request")
    if request is None:
        return {"meta": None}
    page = context.get("page")
    if page is not None and not hasattr(page, "seo_title"):
        page = None
    return {
        "meta": page_meta(
            request,
            page,
            title=context.get("meta_title", ""),
            description=context.get("meta_description", ""),
        )
    }
