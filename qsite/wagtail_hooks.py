from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]
    ordering = ["sort_order"]


register_snippet(RegionViewSet)
