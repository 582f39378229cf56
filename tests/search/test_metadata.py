"""Every page tells search engines and link previews what it is: each tag present, absolute, with fallbacks."""

import html as html_lib
import re

import pytest
from wagtail.models import Page, get_page_models

from demo.images import get_or_create_image
from qsite.models import SiteSettings
from tests.factories import BlogPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def meta(html):
    """{property or name: content} of every <meta> in the page, and the canonical link as "canonical"."""
    found = {}
    for tag in re.findall(r"<meta [^>]*>", html):
        key = re.search(r'(?:property|name)="([^"]+)"', tag)
        value = re.search(r'content="([^"]*)"', tag)
        if key and value:
            found.setdefault(key.group(1), html_lib.unescape(value.group(1)))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    found["canonical"] = canonical.group(1) if canonical else None
    return found


REQUIRED = [
    "description",
    "canonical",
    "og:type",
    "og:site_name",
    "og:title",
    "og:description",
    "og:url",
    "og:locale",
    "og:image",
    "og:image:width",
    "og:image:height",
    "twitter:card",
    "twitter:title",
    "twitter:image",
]
ABSOLUTE = ["canonical", "og:url", "og:image", "twitter:image"]


@pytest.fixture
def blog(home):
    from tests.factories import BlogIndexPageFactory

    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def post(blog):
    image = get_or_create_image("Ward round", seed=5, width=1600, height=900)
    return BlogPageFactory(
        parent=blog,
        title="Huddles that work",
        slug="huddles",
        intro="Daily huddles on a busy ward.",
        hero_image=image,
    )


def test_a_blog_post_has_every_tag_and_each_address_is_absolute(client, post, site):
    tags = meta(client.get("/en/blog/huddles/").content.decode())
    for name in REQUIRED:
        assert tags.get(name), f"{name} missing"
    for name in ABSOLUTE:
        assert tags[name].startswith("http://"), f"{name} is not absolute: {tags[name]}"
    assert tags["canonical"] == tags["og:url"] == f"{site.root_url}/en/blog/huddles/"
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Huddles that work"
    assert tags["og:description"] == tags["description"] == "Daily huddles on a busy ward."
    assert tags["og:locale"] == "en_GB"
    assert tags["og:locale:alternate"] == "cy_GB"
    assert tags["twitter:card"] == "summary_large_image"


def test_the_social_image_is_a_rendition_sized_for_link_previews(client, post):
    tags = meta(client.get("/en/blog/huddles/").content.decode())
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert "/media/images/" in tags["og:image"] and ".fill-1200x630" in tags["og:image"]


def test_the_chosen_social_image_and_text_win_over_the_card_picture_and_intro(client, post):
    post.social_image = get_or_create_image("Shared picture", seed=8, width=1300, height=700)
    post.social_text = "Read how one ward made huddles stick."
    post.seo_title = "Huddles: a ward's story"
    post.save()
    tags = meta(client.get("/en/blog/huddles/").content.decode())
    expected = post.social_image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    assert tags["og:image"] == "http://testserver" + expected.url
    assert tags["og:description"] == "Read how one ward made huddles stick."
    assert tags["og:title"] == "Huddles: a ward's story"
    # The meta description stays the page's own summary for search engines.
    assert tags["description"] == "Daily huddles on a busy ward."


def test_search_description_wins_over_the_intro(client, post):
    post.search_description = "How daily huddles changed one ward."
    post.save()
    tags = meta(client.get("/en/blog/huddles/").content.decode())
    assert tags["description"] == "How daily huddles changed one ward."


def test_a_page_without_a_picture_uses_the_site_default_social_image(client, home, site):
    StandardPageFactory(parent=home, title="About", slug="about", intro="")
    settings = SiteSettings.for_site(site)
    settings.default_social_image = get_or_create_image("Site card", seed=9, width=1200, height=630)
    settings.default_description = "Q is a community of people improving health and care."
    settings.save()
    tags = meta(client.get("/en/about/").content.decode())
    expected = settings.default_social_image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    assert tags["og:image"] == "http://testserver" + expected.url
    assert tags["description"] == "Q is a community of people improving health and care."


def test_without_a_site_default_the_static_image_is_used(client, home):
    StandardPageFactory(parent=home, title="About", slug="about")
    tags = meta(client.get("/en/about/").content.decode())
    assert tags["og:image"] == "http://testserver/static/images/social-default.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert client.get("/static/images/social-default.png").status_code == 200


def test_views_that_are_not_pages_have_tags_too(client, post):
    tags = meta(client.get("/en/topics/" + post.topics.create(name="Flow").slug + "/?page=2").content.decode())
    for name in REQUIRED:
        if name == "description":
            continue  # a topic page has no summary unless the site sets a default
        assert tags.get(name), f"{name} missing"
    # Filters and page numbers are not part of the canonical address.
    assert tags["canonical"] == "http://testserver/en/topics/flow/"


def test_descriptions_are_escaped_and_shortened(client, blog):
    BlogPageFactory(parent=blog, slug="long", intro='He said "<b>stop</b>" ' + "word " * 120)
    html = client.get("/en/blog/long/").content.decode()
    tags = meta(html)
    assert "<b>stop</b>" not in html.split("</head>")[0]
    assert len(tags["description"]) <= 200 * 1.2  # escaped quotes lengthen the raw attribute a little
    assert tags["description"].endswith("…")


# --- The editor's SEO panel ------------------------------------------------------------------


@pytest.mark.parametrize(
    "model", [m for m in get_page_models() if m is not Page and not m._meta.abstract], ids=lambda m: m.__name__
)
def test_every_page_type_has_the_seo_panel(model):
    fields = model.get_edit_handler().get_form_class().base_fields
    for name in ("seo_title", "search_description", "social_image", "social_text"):
        assert name in fields, f"{model.__name__} has no {name} in its editor"
