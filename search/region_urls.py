"""Region pages, under each language prefix (`/en/regions/<slug>/`). The URL name stays global: `region`."""

from django.urls import path

from . import regions

urlpatterns = [
    path("<slug:slug>/", regions.region_detail, name="region"),
]
