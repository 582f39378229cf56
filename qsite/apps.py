from django.apps import AppConfig
from django.db.models.signals import post_save


class QsiteConfig(AppConfig):
    """The project package doubles as an app for site settings, template tags and commands."""

    name = "qsite"
    verbose_name = "Site"

    def ready(self):
        from . import cache, renditions

        cache.connect_signals()
        renditions.connect_signals()
        post_save.connect(_home_translation_created, dispatch_uid="qsite_home_translation_created")


def _home_translation_created(sender, instance, created, raw=False, **kwargs):
    """A new home page in another language (an editor translating the home page into Welsh) gets the
    Editors' page permissions and the Editorial review workflow at once, as the English home has them;
    otherwise nobody but administrators could edit the Welsh tree until setup_site ran again."""
    from django.conf import settings
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from members.models import EDITORS_GROUP
    from members.setup import ensure_groups_and_workflow

    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE or not Group.objects.filter(name=EDITORS_GROUP).exists():
        return
    ensure_groups_and_workflow(instance)
