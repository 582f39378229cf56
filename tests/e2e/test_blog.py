"""Blog, stories and topic pages in Chromium at phone and desktop widths, checked with axe."""

import pytest
from playwright.sync_api import expect

from demo.images import get_or_create_image
from qsite.models import Region
from tests.e2e.conftest import assert_accessible
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberProfileFactory,
    MemberStoryIndexPageFactory,
    MemberStoryPageFactory,
)


@pytest.fixture
def blog_site(demo_site):
    home = demo_site["home"]
    blog = BlogIndexPageFactory(parent=home, show_in_menus=True)
    stories = MemberStoryIndexPageFactory(parent=home, show_in_menus=True)
    image = get_or_create_image("Ward whiteboard", seed=3, width=800, height=450, description="A ward whiteboard")
    author = MemberProfileFactory(display_name="Morag Fraser", slug="morag-fraser")
    posts = [
        BlogPageFactory(
            parent=blog,
            title=f"Run charts, part {n}",
            hero_image=image,
            authors=[author],
            topics=["Measurement"],
            region=Region.objects.get(slug="scotland"),
            body=[
                ("paragraph", "<p>Plot the measure week by week and draw the median.</p>"),
                ("quote", {"quote": "Six points in a row tell you something.", "attribution": "Morag", "role": ""}),
                ("heading", {"text": "What to look for", "level": "h2"}),
                ("paragraph", "<ul><li>Shifts</li><li>Trends</li></ul>"),
            ],
        )
        for n in range(1, 4)
    ]
    story = MemberStoryPageFactory(parent=stories, title="Why I joined", hero_image=image, topics=["Measurement"])
    return {**demo_site, "blog": blog, "stories": stories, "posts": posts, "story": story}


def test_blog_post_reads_well_and_passes_axe(page, blog_site, console_errors):
    post = blog_site["posts"][1]
    page.goto(blog_site["url"] + post.url)
    expect(page.locator("h1")).to_have_text("Run charts, part 2")
    expect(page.get_by_role("list", name="Authors").get_by_role("link", name="Morag Fraser")).to_be_visible()
    expect(page.locator(".article-hero img")).to_have_attribute("alt", "A ward whiteboard")
    expect(page.get_by_role("link", name="Measurement")).to_have_attribute("href", "/en/topics/measurement/")
    assert_accessible(page)
    assert console_errors == []


def test_blog_index_filters_and_passes_axe(page, blog_site, console_errors):
    page.goto(blog_site["url"] + "/en/blog/")
    expect(page.get_by_role("heading", name="3 posts")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Region").select_option("wales")
    page.get_by_role("button", name="Show posts").click()
    expect(page).to_have_url(blog_site["url"] + "/en/blog/?topic=&author=&region=wales")
    expect(page.get_by_text("No posts match these filters.")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_filter_error_state_passes_axe(page, blog_site):
    page.goto(blog_site["url"] + "/en/blog/?topic=nothing-here&year=abc")
    expect(page.get_by_role("alert")).to_contain_text("There is no topic called")
    assert_accessible(page)


def test_member_story_and_stories_index_pass_axe(page, blog_site, console_errors):
    page.goto(blog_site["url"] + "/en/new-member-stories/")
    expect(page.get_by_role("heading", name="1 story")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Why I joined").click()
    expect(page.locator("h1")).to_have_text("Why I joined")
    expect(page.get_by_role("heading", name="What drew me to the community")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


def test_topic_page_lists_both_types_and_passes_axe(page, blog_site):
    page.goto(blog_site["url"] + "/en/topics/measurement/")
    expect(page.locator("h1")).to_have_text("Measurement")
    expect(page.get_by_role("heading", name="4 items")).to_be_visible()
    assert_accessible(page)


def test_member_profile_passes_axe(page, blog_site):
    page.goto(blog_site["url"] + "/en/members/morag-fraser/")
    expect(page.locator("h1")).to_have_text("Morag Fraser")
    expect(page.get_by_role("link", name="Run charts, part 3")).to_be_visible()
    assert_accessible(page)
