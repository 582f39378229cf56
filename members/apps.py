from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from .models import MemberProfile
        from .setup import home_translation_created
        from .signals import purge_pages_showing_profile

        post_save.connect(purge_pages_showing_profile, sender=MemberProfile, dispatch_uid="members-purge-saved")
        pre_delete.connect(purge_pages_showing_profile, sender=MemberProfile, dispatch_uid="members-purge-deleted")
        # Any page model may be the home page, so no sender: the handler looks at depth and language.
        post_save.connect(home_translation_created, dispatch_uid="members_home_translation_created")

    def setup_site(self, site_context):
        """Called by `qsite.setup.setup_site()` after the home app's hook: the Members and Editors groups,
        their permissions and the Editorial review workflow on the home page (and its translations)."""
        from .setup import ensure_groups_and_workflow

        ensure_groups_and_workflow(site_context.home)
