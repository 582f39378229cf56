from django.apps import AppConfig


class GroupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "groups"
    verbose_name = "Special interest groups"

    def ready(self):
        from . import signals  # noqa: F401  (connects the page_published receiver)
