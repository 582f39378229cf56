from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and `load_demo`: the top of the import graph, so it may import every app and nothing
    imports it (only tests do). It has no models; it is an app so Django finds its management command."""

    name = "demo"
    verbose_name = "Demo content"
