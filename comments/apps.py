from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, pre_delete

        from .models import Comment
        from .signals import anonymise_deleted_users_comments, purge_pages_showing_deleted_comment

        pre_delete.connect(anonymise_deleted_users_comments, sender=get_user_model(), dispatch_uid="comments-anonymise")
        post_delete.connect(purge_pages_showing_deleted_comment, sender=Comment, dispatch_uid="comments-purge-cache")

    def setup_site(self, site_context):
        """Called by `qsite.setup.setup_site()`: Editors may moderate comments."""
        from .setup import ensure_editors_group

        ensure_editors_group()
