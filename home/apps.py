from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def setup_site(self, site_context):
        """Called by `qsite.setup.setup_site()`: the home page and the Site. Home is listed right after qsite
        in INSTALLED_APPS, so the hooks after it find both on `site_context`."""
        from .setup import setup_home_and_site

        setup_home_and_site(site_context)
