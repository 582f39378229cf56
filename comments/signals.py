from qsite.cache import purge_pages_by_id

from . import services
from .models import Status


def anonymise_deleted_users_comments(sender, instance, **kwargs):
    # Before the delete, while the comments still point at the account: afterwards SET_NULL
    # would leave the name the member wrote under.
    services.anonymise_author(instance)


def purge_pages_showing_deleted_comment(sender, instance, **kwargs):
    if instance.status == Status.APPROVED:
        purge_pages_by_id([instance.page_id])
