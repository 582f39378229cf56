"""Admin wiring for coffee trials; members/wagtail_hooks.py imports this module so the hooks register."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def coffee_urls():
    return [
        path("coffee-trials/", admin_views.dashboard, name="coffee_trials"),
        path("coffee-trials/draw/", admin_views.draw, name="coffee_trials_draw"),
        path("coffee-trials/<int:pk>/resend/", admin_views.resend, name="coffee_trials_resend"),
    ]


class CoffeeMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def coffee_menu_item():
    return CoffeeMenuItem(_("Coffee trials"), reverse("coffee_trials"), icon_name="group", order=330)
