from . import services


def anonymise_deleted_users_comments(sender, instance, **kwargs):
    # Before the delete, while the comments still point at the account: afterwards SET_NULL
    # would leave the name the member wrote under.
    services.anonymise_author(instance)
