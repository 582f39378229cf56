from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    # The label "search" does not clash with Wagtail's search app, whose label is "wagtailsearch".
    name = "search"
    label = "search"
    verbose_name = _("Search and sharing")
