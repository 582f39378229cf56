"""The language switcher and hreflang links; the logic is in qsite.languages."""

from django import template

from qsite.languages import in_language_of
from qsite.languages import language_versions as _language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Where this page is in each site language (see qsite.languages.language_versions).

    Empty on error pages (hide_language_versions), whose address is not a page to switch.
    """
    if context.get("hide_language_versions"):
        return []
    return _language_versions(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def localized_page(context, target):
    """A page chosen in site settings (comments policy, newsletter), in the language being read."""
    return in_language_of(target, context.get("page"), context.get("request"))
