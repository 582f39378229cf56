"""Site search, under each language prefix (`/en/search/`). The URL name stays global: `search`."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
]
