"""Demo blog posts and new-member stories."""

import datetime

from django.db import transaction
from django.utils import timezone

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, MemberStoryIndexPage, MemberStoryPage
from members.models import MemberProfile
from qsite.models import Region

from .blog_content import CLOSING_SECTIONS, POSTS, STORIES
from .build import add_live_copy, ensure_child, heading, paragraph, slug_for, stream
from .images import get_or_create_image


def _post_body(paragraphs, n, author_name):
    closing_title, closing_text = CLOSING_SECTIONS[n % len(CLOSING_SECTIONS)]
    blocks = [paragraph(paragraphs[0])]
    blocks.append(
        (
            "quote",
            {"quote": paragraphs[1].split(". ")[0].rstrip(".") + ".", "attribution": author_name, "role": ""},
        )
    )
    blocks.append(paragraph(paragraphs[1]))
    blocks.append(heading(closing_title))
    blocks.append(paragraph(closing_text))
    return stream(*blocks)


ARCHIVE_DAYS = 8 * 365


@transaction.atomic
def build_blog(home, people, scale=1):
    """The blog and stories indexes with their pages. `scale` repeats the posts for load tests."""
    regions = {r.slug: r for r in Region.objects.filter(locale=home.locale)}
    blog, _ = ensure_child(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        show_in_menus=True,
        intro="Members and staff write about what they are trying, what they are learning and what went wrong.",
    )
    stories, _ = ensure_child(
        home,
        MemberStoryIndexPage,
        "new-member-stories",
        title="New member stories",
        show_in_menus=True,
        intro="People who joined recently say why they came and what they hope to learn.",
    )
    existing = set(BlogPage.objects.child_of(blog).values_list("slug", flat=True))
    today = timezone.localdate()
    created = 0
    for copy in range(scale):
        for n, (title, intro, topics, region, authors, paragraphs) in enumerate(POSTS):
            slug = slug_for(title) if copy == 0 else f"{slug_for(title)}-{copy + 1}"
            if slug in existing:
                continue
            number = copy * len(POSTS) + n
            image = get_or_create_image(
                f"Blog picture {n + 1}", seed=100 + n, description="Abstract shapes in calm colours, linked by lines."
            )
            post = BlogPage(
                title=title if copy == 0 else f"{title} ({copy + 1})",
                slug=slug,
                locale=blog.locale,
                # Copies wrap round within eight years, as a real blog's archive would (a few hundred
                # months of archive links, not a thousand years of them, at benchmark scale).
                date=today - datetime.timedelta(days=3 + (number * 16) % ARCHIVE_DAYS),
                intro=intro,
                hero_image=image,
                region=regions.get(region),
                body=_post_body(paragraphs, n, people[authors[0]].display_name),
            )
            for order, author in enumerate(authors):
                post.authors.add(BlogPageAuthor(profile=people[author], sort_order=order))
            post.topics.add(*topics)
            if copy == 0:
                blog.add_child(instance=post)
                post.save_revision().publish()
            else:
                add_live_copy(blog, post)
            created += 1

    story_count = _build_stories(stories, regions)
    return {"blog": blog, "stories": stories, "posts_created": created, "stories_created": story_count}


def _build_stories(index, regions):
    existing = set(MemberStoryPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    created = 0
    for n, (title, member, quote, drawn_to, want_to_learn, topics) in enumerate(STORIES):
        slug = slug_for(title)
        if slug in existing:
            continue
        name, member_slug, job, org, region = member
        profile, _ = MemberProfile.objects.get_or_create(
            slug=member_slug,
            defaults={
                "display_name": name,
                "job_title": job,
                "organisation": org,
                "region": regions.get(region),
                "member_since": today - datetime.timedelta(days=20 + n * 9),
            },
        )
        story = MemberStoryPage(
            title=title,
            slug=slug,
            locale=index.locale,
            member=profile,
            date=today - datetime.timedelta(days=5 + n * 9),
            region=regions.get(region),
            intro=f"{name} joined the community recently. {quote}",
            quote=quote,
            drawn_to=drawn_to,
            want_to_learn=want_to_learn,
            hero_image=get_or_create_image(
                f"Story picture {n + 1}", seed=300 + n, description="Abstract shapes in calm colours."
            ),
        )
        story.topics.add(*topics)
        index.add_child(instance=story)
        story.save_revision().publish()
        created += 1
    return created
