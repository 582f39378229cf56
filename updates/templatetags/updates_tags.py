from django import template

from updates.forms import GetUpdatesForm
from updates.models import GetUpdatesPage

register = template.Library()

# Pages that are about the visitor's own account: a second email form there only confuses (and, for a
# password manager or a screen reader user, two "email" fields on a log-in page is one too many).
ACCOUNT_PAGES = {"account", "edit_profile", "delete_account", "apply", "coffee"}


def _hidden_here(context):
    if isinstance(context.get("page"), GetUpdatesPage):
        return True
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None:
        return False
    if "updates" in match.app_names or match.func.__module__.startswith("allauth."):
        return True
    return "members" in match.app_names and match.url_name in ACCOUNT_PAGES


@register.inclusion_tag("updates/includes/get_updates_footer.html", takes_context=True)
def get_updates_footer(context):
    """The footer sign-up form: no database query, no CSRF token for anonymous visitors.
    Left out on the Get updates page and its steps, and on log-in and account pages."""
    hidden = _hidden_here(context)
    return {"form": None if hidden else GetUpdatesForm(source="footer"), "user": context.get("user")}
