from django.db import transaction

from qsite.cache import page_urls, purge_urls
from qsite.pages import pages_by_author
from qsite.wagtail_hooks import in_every_language


def purge_pages_showing_profile(sender, instance, **kwargs):
    """A profile's page, the directory and the bylines of the pages it is credited on show its name and photo."""
    urls = in_every_language("members:profile", instance.slug) + in_every_language("members:directory")
    if instance.pk:
        for page in pages_by_author(instance, all_languages=True).specific(defer=True):
            urls += page_urls(page)
    transaction.on_commit(lambda: purge_urls(urls))
