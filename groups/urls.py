"""Group email links, under each language prefix (`/en/group-emails/...`); included by qsite/urls.py by name,
so the shared layer imports no app. The URL name stays global: `groups_unsubscribe`."""

from django.urls import path

from . import views

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="groups_unsubscribe"),
]
