from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    name = "updates"
    verbose_name = "Get updates"

    def setup_site(self, site_context):
        """Called by `qsite.setup.setup_site()` (manage.py setup_site, load_demo)."""
        from .setup import ensure_subscriber_permissions

        ensure_subscriber_permissions()
