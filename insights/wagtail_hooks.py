from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Project


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "folder-open-inverse"
    menu_label = _("Projects")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "kind", "start_year", "end_year", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "summary"]
    ordering = ["name"]


register_snippet(ProjectViewSet)


@hooks.register("before_serve_document", order=100)
def missing_file_is_not_found(document, request):
    """A document whose file has gone from storage is a 404 page, not a server error.

    Ordered after Wagtail's privacy check, so nobody learns anything about a private file.
    """
    if not document.file.name or not document.file.storage.exists(document.file.name):
        raise Http404("The file for this document is missing.")


@hooks.register("qsite_cache_urls_for_page")
def project_page_showing(page):
    """A project's page on the insights index lists its outputs."""
    project = getattr(page, "project", None) if page.specific_class.__name__ == "InsightPage" else None
    parent = page.get_parent().specific if project is not None else None
    if parent is None or not hasattr(parent, "reverse_subpage"):
        return []
    parts = parent.get_url_parts()
    if not parts or not parts[2]:
        return []
    return [parts[2] + parent.reverse_subpage("project", args=[project.slug])]
