"""Images are resized before readers ask: on upload and on publish, every size the templates use."""

import pytest
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail_factories import ImageFactory

from qsite.renditions import READER_SPECS, images_on_page
from tests.factories import BlogIndexPageFactory, BlogPageFactory

pytestmark = pytest.mark.django_db


def figure(image):
    """A body with one image block, as the editor stores it."""
    value = {
        "image": {"image": image.pk, "alt_text": "A run chart rising", "decorative": False},
        "caption": "A run chart",
    }
    return [{"type": "image", "value": value}]


@override_settings(PREGENERATE_RENDITIONS=True)
def test_an_uploaded_image_has_every_reader_size_at_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(title="Ward round", width=1600, height=1000)
    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert made == set(READER_SPECS)


def test_images_on_a_page_are_found_in_fields_and_in_the_body(home):
    hero, inline = ImageFactory(title="Hero"), ImageFactory(title="Inline")
    blog = BlogIndexPageFactory(parent=home)
    post = BlogPageFactory(
        parent=blog,
        hero_image=hero,
        body=figure(inline),
    )
    assert images_on_page(post) == sorted([hero.pk, inline.pk])


def test_readers_never_wait_for_a_resize(client, home, django_capture_on_commit_callbacks):
    """With images uploaded and pages published, reading the home page, the blog index and a post with a
    hero, a listing image and a body image creates no rendition: all were made beforehand."""
    with override_settings(PREGENERATE_RENDITIONS=True), django_capture_on_commit_callbacks(execute=True):
        hero, card, inline = (ImageFactory(title=t, width=1600, height=1000) for t in ("Hero", "Card", "Inline"))
        blog = BlogIndexPageFactory(parent=home)
        post = BlogPageFactory(
            parent=blog,
            hero_image=hero,
            listing_image=card,
            social_image=hero,
            body=figure(inline),
        )
    before = Rendition.objects.count()
    for url in (home.url, blog.url, post.url):
        assert client.get(url).status_code == 200
    made_on_read = sorted(set(Rendition.objects.order_by("pk")[before:].values_list("filter_spec", flat=True)))
    assert made_on_read == []
    assert get_image_model().objects.count() == 3
