"""The files crawlers ask for at the root of the site, outside the language prefixes: /sitemap.xml and
/robots.txt. Separate from search/urls.py, which qsite/urls.py includes under each language."""

from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
