"""Document downloads: Wagtail's own serving view, with two safeguards added around it."""

from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (privacy checks, Content-Type, Content-Disposition), plus private caching.

    A members-only file sent to a signed-in reader must never be kept by a shared
    cache or CDN in front of the site, or the next visitor would get it without
    signing in. Wagtail sets no Cache-Control of its own, so it is added here.
    """
    response = serve(request, document_id, document_filename)
    if response.status_code == 200:
        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        if document.collection.get_view_restrictions().exists():
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
    return response
