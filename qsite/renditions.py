"""Image renditions made ahead of readers: when an image is uploaded and when a page that shows it is
published, every size the templates ask for is generated in a background task, so no reader's request
waits for an image to be resized.

READER_SPECS must list what the templates' {% picture %}/{% image %} tags use; a test renders the pages
and fails if a template asks for a rendition that is not here.
"""

import contextlib
import threading

from django.db import transaction
from django_tasks import task

_paused = threading.local()


def _expand(sizes, formats, operation):
    # The order {% picture %} writes them in: the format first (format-webp|fill-400x225).
    return [f"format-{fmt}|{operation}-{size}" for size in sizes for fmt in formats]


READER_SPECS = [
    # Cards on every listing (templates/includes/card.html).
    *_expand(["400x225", "800x450"], ["webp", "jpeg"], "fill"),
    # Article heroes (blog, events, insights) and body images (templates/blocks/image*.html).
    *_expand(["480", "800", "1200"], ["webp", "jpeg"], "width"),
    *_expand(["640", "960", "1280"], ["webp", "jpeg"], "width"),
    # The home page hero.
    *_expand(["480", "800"], ["avif", "webp", "jpeg"], "width"),
    # Story photos, avatars and the image shared on social media.
    *_expand(["320x320", "640x640"], ["webp", "jpeg"], "fill"),
    "fill-96x96|format-webp",
    "fill-1200x630|format-jpeg",
    # The OpenGraph/Twitter image (qsite/seo.py).
    "fill-1200x630|format-jpeg|jpegquality-80",
]


@task()
def pregenerate_renditions(image_ids):
    from wagtail.images import get_image_model

    for image in get_image_model().objects.filter(pk__in=image_ids):
        image.get_renditions(*READER_SPECS)


def images_on_page(page):
    """The ids of every image a page refers to, in fields and in StreamField blocks alike (the same scan
    Wagtail's reference index makes)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    image_type = ContentType.objects.get_for_model(get_image_model()).pk
    return sorted(
        {
            int(object_id)
            for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(page)
            if type_id == image_type
        }
    )


def _enabled():
    from django.conf import settings

    return settings.PREGENERATE_RENDITIONS and not getattr(_paused, "on", False)


@contextlib.contextmanager
def renditions_paused():
    """Make no renditions ahead of readers while bulk-loading (the demo): a few thousand resizes would
    dominate the load, and Wagtail makes any missing size the first time a page asks for it."""
    before = getattr(_paused, "on", False)
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = before


def _after_upload(sender, instance, created, **kwargs):
    if created and _enabled():
        transaction.on_commit(lambda: pregenerate_renditions.enqueue([instance.pk]))


def _after_publish(sender, instance, **kwargs):
    if not _enabled():
        return
    ids = images_on_page(instance.specific)
    if ids:
        transaction.on_commit(lambda: pregenerate_renditions.enqueue(ids))


def connect_signals():
    from django.db.models.signals import post_save
    from wagtail.images import get_image_model
    from wagtail.signals import page_published

    post_save.connect(_after_upload, sender=get_image_model(), dispatch_uid="qsite-renditions-upload")
    page_published.connect(_after_publish, dispatch_uid="qsite-renditions-publish")
