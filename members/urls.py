from django.urls import path

from . import views
from .coffee import views as coffee_views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("account/", views.account, name="account"),
    path("account/profile/", views.edit_profile, name="edit_profile"),
    path("account/my-data.json", views.download_data, name="download_data"),
    path("account/delete/", views.delete_account, name="delete_account"),
    path("account/coffee/", coffee_views.preferences, name="coffee"),
    path("apply/", views.apply, name="apply"),
    path("<slug:slug>/", views.profile, name="profile"),
]
