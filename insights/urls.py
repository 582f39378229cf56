"""Document downloads (`/documents/<id>/<filename>`), outside the language prefixes. qsite/urls.py includes
this before Wagtail's own documents URLs, so this view (private caching for members-only files) wins."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:document_id>/<str:document_filename>", views.serve_document),
]
