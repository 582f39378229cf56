from django.apps import AppConfig


class QsiteConfig(AppConfig):
    """The project package doubles as an app for site settings, template tags and commands."""

    name = "qsite"
    verbose_name = "Site"

    def ready(self):
        from . import cache, renditions

        cache.connect_signals()
        renditions.connect_signals()
