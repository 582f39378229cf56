from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from .models import MemberProfile
        from .signals import purge_pages_showing_profile

        post_save.connect(purge_pages_showing_profile, sender=MemberProfile, dispatch_uid="members-purge-saved")
        pre_delete.connect(purge_pages_showing_profile, sender=MemberProfile, dispatch_uid="members-purge-deleted")
