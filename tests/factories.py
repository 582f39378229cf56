"""factory-boy factories for pages and people. Pass `parent=` to place a page in the tree."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, MemberStoryIndexPage, MemberStoryPage
from home.models import StandardPage
from members.models import MemberProfile


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro = "A short summary of what this page covers."
    live = True


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile

    display_name = factory.Sequence(lambda n: f"Member {n}")
    slug = factory.Sequence(lambda n: f"member-{n}")
    job_title = "Improvement lead"
    organisation = "Example Health Trust"


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Blog"
    slug = "blog"
    live = True


class BlogPageFactory(wagtail_factories.PageFactory):
    """A live blog post. Pass authors=[profile, ...] and topics=["Name", ...] to credit and tag it."""

    class Meta:
        model = BlogPage

    title = factory.Sequence(lambda n: f"Blog post {n}")
    slug = factory.Sequence(lambda n: f"blog-post-{n}")
    intro = "What we tried, and what happened."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some words about improvement.</p>")])
    live = True

    @classmethod
    def _create(cls, model_class, *args, authors=(), topics=(), revision=True, **kwargs):
        """revision=False saves a live page without a revision: much faster, for bulk content."""
        parent = kwargs.pop("parent")
        page = model_class(**kwargs)
        for order, profile in enumerate(authors):
            page.authors.add(BlogPageAuthor(profile=profile, sort_order=order))
        if topics:
            page.topics.add(*topics)
        if page.live and not revision:
            page.first_published_at = page.last_published_at = timezone.now()
        parent.add_child(instance=page)
        if page.live and revision:
            page.save_revision().publish()
        return page


class MemberStoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MemberStoryIndexPage

    title = "New member stories"
    slug = "new-member-stories"
    live = True


class MemberStoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MemberStoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    intro = "Why I joined."
    quote = "I came to learn from others."
    drawn_to = "People trying similar things elsewhere."
    want_to_learn = "How to measure change."
    member = factory.SubFactory(MemberProfileFactory)
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    live = True

    @classmethod
    def _create(cls, model_class, *args, topics=(), revision=True, **kwargs):
        parent = kwargs.pop("parent")
        page = model_class(**kwargs)
        if topics:
            page.topics.add(*topics)
        if not revision:
            page.first_published_at = page.last_published_at = timezone.now()
        parent.add_child(instance=page)
        if revision:
            page.save_revision().publish()
        return page
