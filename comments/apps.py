from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from .signals import anonymise_deleted_users_comments

        pre_delete.connect(anonymise_deleted_users_comments, sender=get_user_model(), dispatch_uid="comments-anonymise")
