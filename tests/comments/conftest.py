"""Pages to comment on, people to comment, and a helper that posts the form as a browser would."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, MemberStoryIndexPage, MemberStoryPage
from comments.defences import make_token
from comments.models import Comment, Status
from demo.build import paragraph, stream
from members.models import MemberProfile
from members.roles import EDITORS_GROUP
from tests.factories import UserFactory

POST_URL = "/en/comments/post/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and the digest window live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def blog_index(home):
    index = BlogIndexPage(title="Blog", slug="blog")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def author_profile(db):
    user = UserFactory(username="writer", email="writer@example.org", first_name="Wren", last_name="Writer")
    return MemberProfile.objects.create(user=user, display_name="Wren the Writer", slug="wren")


def make_post(index, title="Huddles that work", author=None, **fields):
    post = BlogPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro="What we learned.",
        body=stream(paragraph("A short post.")),
        **fields,
    )
    if author is not None:
        post.authors.add(BlogPageAuthor(profile=author, sort_order=0))
    index.add_child(instance=post)
    post.save_revision().publish()
    return BlogPage.objects.get(pk=post.pk)


@pytest.fixture
def post(blog_index, author_profile):
    return make_post(blog_index, author=author_profile)


@pytest.fixture
def other_post(blog_index, author_profile):
    return make_post(blog_index, title="Another post", author=author_profile)


@pytest.fixture
def story(home, author_profile):
    index = MemberStoryIndexPage(title="Stories", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    story = MemberStoryPage(
        title="Why I joined",
        slug="why-i-joined",
        member=author_profile,
        intro="A story.",
        quote="Q.",
        drawn_to="People.",
        want_to_learn="Much.",
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


@pytest.fixture
def member(db):
    user = UserFactory(username="member1", email="member1@example.org", first_name="Mo", last_name="Member")
    MemberProfile.objects.create(user=user, display_name="Mo from Manchester", slug="mo")
    return user


@pytest.fixture
def editor(site):
    user = UserFactory(username="editor1", email="editor1@example.org")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def form_data(page, **overrides):
    """A guest's valid post, with a form token issued a minute ago (past the minimum fill time)."""
    data = {
        "page": str(page.pk),
        "token": make_token(page.pk, issued_at=time.time() - 60),
        "name": "Gwen Guest",
        "email": "gwen.guest@example.org",
        "body": "A thoughtful comment.",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def send(client, page, ip="203.0.113.7", **overrides):
    return client.post(POST_URL, form_data(page, **overrides), REMOTE_ADDR=ip)


def approved(page, body="An approved comment.", parent=None, **fields):
    """An approved comment made directly, as if a moderator had already approved it."""
    count = Comment.objects.count()
    defaults = {
        "author_name": "Ann Approved",
        "guest_email": "ann@example.org",
        "status": Status.APPROVED,
        "fingerprint": f"test-{count}-{body}"[:64],
        "language": page.locale.language_code,
    }
    defaults.update(fields)
    return Comment.objects.create(page=page, translation_key=page.translation_key, parent=parent, body=body, **defaults)


@pytest.fixture
def queue_url():
    return reverse("wagtailsnippets_comments_comment:list")
