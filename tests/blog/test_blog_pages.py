"""Blog posts and the blog index: what readers see, where pages may live, and every filter."""

import json
import re

import pytest
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage, MemberStoryIndexPage, MemberStoryPage
from demo.images import get_or_create_image
from home.models import StandardPage
from qsite.models import Region
from tests.factories import BlogPageFactory, MemberProfileFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


class TestWhereBlogPagesLive:
    def test_blog_index_goes_under_the_home_page_once(self, home, blog):
        assert not BlogIndexPage.can_create_at(home)  # one is already there
        assert not BlogIndexPage.can_create_at(Page.get_first_root_node())

    def test_blog_posts_go_only_under_the_blog_index(self, home, blog):
        about = StandardPageFactory(parent=home)
        assert BlogPage.can_create_at(blog)
        assert not BlogPage.can_create_at(home)
        assert not BlogPage.can_create_at(about)

    def test_nothing_goes_under_a_blog_post(self, blog):
        post = BlogPageFactory(parent=blog)
        assert post.specific_class.allowed_subpage_models() == []

    def test_stories_go_only_under_the_stories_index(self, home, blog, stories):
        assert MemberStoryPage.can_create_at(stories)
        assert not MemberStoryPage.can_create_at(blog)
        assert MemberStoryIndexPage.allowed_parent_page_models() == [home.specific_class]

    def test_home_page_accepts_the_blog_and_stories_indexes(self, home):
        allowed = home.specific_class.allowed_subpage_models()
        assert BlogIndexPage in allowed
        assert MemberStoryIndexPage in allowed
        assert StandardPage in allowed


class TestBlogPost:
    def test_shows_title_intro_date_reading_time_and_region(self, client, blog):
        wales = Region.objects.get(slug="wales")
        post = BlogPageFactory(
            parent=blog, title="Huddles that help", slug="huddles", intro="Ten minutes a day.", region=wales
        )
        html = html_of(client, post.url)
        assert "<h1>Huddles that help</h1>" in html
        assert '<p class="lede">Ten minutes a day.</p>' in html
        assert f'<time datetime="{post.date:%Y-%m-%d}">' in html
        assert "1 minute read" in html
        assert "Wales" in html

    def test_byline_credits_every_author_in_order_with_role_and_profile_link(self, client, blog, author):
        second = MemberProfileFactory(display_name="Gareth Llewellyn", slug="gareth", job_title="", organisation="")
        post = BlogPageFactory(parent=blog, authors=[second, author])
        html = html_of(client, post.url)
        byline = html.split('<ul class="byline"')[1].split("</ul>")[0]
        assert byline.index("Gareth Llewellyn") < byline.index("Priya Raman")
        assert '<a class="byline__name" href="/en/members/priya-raman/">Priya Raman</a>' in byline
        assert '<span class="byline__role">QI lead, Riverside</span>' in byline
        # No photo: initials instead, hidden from screen readers because the name follows.
        assert '<span class="avatar avatar--initials" aria-hidden="true">PR</span>' in byline

    def test_hero_image_is_responsive_webp_with_dimensions_and_alt_text(self, client, blog):
        image = get_or_create_image("Ward team", seed=1, description="Nurses gathered at a whiteboard")
        post = BlogPageFactory(parent=blog, hero_image=image)
        html = html_of(client, post.url)
        picture = html.split("<picture>")[1].split("</picture>")[0]
        assert 'type="image/webp"' in picture
        assert "srcset=" in picture
        assert re.search(r'<img[^>]+alt="Nurses gathered at a whiteboard"', picture)
        assert re.search(r'<img[^>]+width="\d+"[^>]+height="\d+"', picture) or re.search(
            r'<img[^>]+height="\d+"[^>]+width="\d+"', picture
        )

    def test_pull_quotes_render_with_attribution(self, client, blog):
        post = BlogPageFactory(
            parent=blog,
            body=[("quote", {"quote": "Say it out loud.", "attribution": "A ward sister", "role": "Stroke unit"})],
        )
        html = html_of(client, post.url)
        assert '<blockquote class="pull-quote__text"><p>Say it out loud.</p></blockquote>' in html
        assert "A ward sister" in html
        assert "Stroke unit" in html

    def test_topics_link_to_their_topic_pages(self, client, blog):
        post = BlogPageFactory(parent=blog, topics=["Patient safety"])
        assert '<a class="chip" href="/en/topics/patient-safety/">Patient safety</a>' in html_of(client, post.url)

    def test_share_links_are_plain_links_with_the_absolute_address(self, client, blog):
        post = BlogPageFactory(parent=blog, slug="shared")
        html = html_of(client, post.url)
        share = html.split('class="share"')[1].split("</section>")[0]
        assert "linkedin.com/sharing/share-offsite/?url=http%3A//" in share
        assert "<script" not in share

    def test_previous_and_next_follow_post_dates(self, client, blog):
        import datetime

        older = BlogPageFactory(parent=blog, title="Older", date=datetime.date(2026, 1, 1))
        middle = BlogPageFactory(parent=blog, title="Middle", date=datetime.date(2026, 2, 1))
        newer = BlogPageFactory(parent=blog, title="Newer", date=datetime.date(2026, 3, 1))
        BlogPageFactory(parent=blog, title="Draft", date=datetime.date(2026, 2, 15), live=False)
        assert middle.previous_post().pk == older.pk
        assert middle.next_post().pk == newer.pk
        html = html_of(client, middle.url)
        assert f'href="{older.url}" rel="prev"' in html
        assert f'href="{newer.url}" rel="next"' in html
        assert older.previous_post() is None

    def test_related_posts_share_the_most_topics_first(self, blog):
        post = BlogPageFactory(parent=blog, topics=["Safety", "Data", "Nursing"])
        two_shared = BlogPageFactory(parent=blog, title="Two", topics=["Safety", "Data"])
        one_shared = BlogPageFactory(parent=blog, title="One", topics=["Nursing"])
        BlogPageFactory(parent=blog, title="None", topics=["Finance"])
        related = post.related_posts()
        assert [p.pk for p in related] == [two_shared.pk, one_shared.pk]

    def test_json_ld_describes_the_post_and_cannot_be_broken_out_of(self, client, blog, author):
        post = BlogPageFactory(parent=blog, title="Risky </script><script>alert(1)</script>", authors=[author])
        html = html_of(client, post.url)
        assert "<script>alert(1)</script>" not in html
        raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        data = json.loads(raw)
        assert data["@type"] == "BlogPosting"
        assert data["headline"] == post.title
        assert data["author"][0]["name"] == "Priya Raman"
        assert data["author"][0]["url"].endswith("/en/members/priya-raman/")
        assert data["url"].startswith("http")

    def test_head_advertises_the_blog_feeds(self, client, blog):
        post = BlogPageFactory(parent=blog)
        html = html_of(client, post.url)
        assert '<link rel="alternate" type="application/rss+xml" title="Blog (RSS)" href="/en/blog/feed/rss/">' in html
        assert 'type="application/atom+xml"' in html

    def test_reading_time_grows_with_the_body(self, blog):
        short = BlogPageFactory(parent=blog)
        long_body = [("paragraph", "<p>" + "word " * 1200 + "</p>")]
        long = BlogPageFactory(parent=blog, body=long_body)
        assert short.reading_minutes == 1
        assert long.reading_minutes == 6  # 1200 words + intro at 230 words a minute

    def test_drafts_are_not_shown(self, client, blog):
        draft = BlogPageFactory(parent=blog, slug="draft", live=False)
        assert client.get("/en/blog/draft/").status_code == 404
        assert draft.title not in html_of(client, blog.url)


class TestBlogIndex:
    def test_lists_live_posts_newest_first(self, client, blog):
        import datetime

        BlogPageFactory(parent=blog, title="January post", date=datetime.date(2026, 1, 5))
        BlogPageFactory(parent=blog, title="March post", date=datetime.date(2026, 3, 5))
        BlogPageFactory(parent=blog, title="Hidden draft", live=False)
        html = html_of(client, blog.url)
        assert html.index("March post") < html.index("January post")
        assert "Hidden draft" not in html
        assert "2 posts" in html

    def test_paginates_twelve_to_a_page(self, client, blog):
        for _ in range(13):
            BlogPageFactory(parent=blog)
        first = html_of(client, blog.url)
        second = html_of(client, blog.url, page=2)
        assert first.count('class="card"') == 12
        assert second.count('class="card"') == 1
        assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in second

    @pytest.mark.parametrize("page", ["abc", "999999", "-1", "0", "1e9", "%00", "<script>"])
    def test_malformed_page_numbers_still_show_a_page(self, client, blog, page):
        for _ in range(13):
            BlogPageFactory(parent=blog)
        response = client.get(blog.url, {"page": page})
        assert response.status_code == 200
        assert response.content.decode().count('class="card"') >= 1

    def test_filters_by_topic(self, client, blog):
        BlogPageFactory(parent=blog, title="About safety", topics=["Patient safety"])
        BlogPageFactory(parent=blog, title="About data", topics=["Measurement"])
        html = html_of(client, blog.url, topic="patient-safety")
        assert "About safety" in html
        assert "About data" not in html
        assert '<option value="patient-safety" selected>' in html

    def test_filters_by_author(self, client, blog, author):
        BlogPageFactory(parent=blog, title="By Priya", authors=[author])
        BlogPageFactory(parent=blog, title="By someone else", authors=[MemberProfileFactory()])
        html = html_of(client, blog.url, author="priya-raman")
        assert "By Priya" in html
        assert "By someone else" not in html

    def test_filters_by_region(self, client, blog):
        BlogPageFactory(parent=blog, title="Welsh post", region=Region.objects.get(slug="wales"))
        BlogPageFactory(parent=blog, title="Scottish post", region=Region.objects.get(slug="scotland"))
        html = html_of(client, blog.url, region="wales")
        assert "Welsh post" in html
        assert "Scottish post" not in html

    def test_archive_filters_by_year_and_month(self, client, blog):
        import datetime

        BlogPageFactory(parent=blog, title="May post", date=datetime.date(2025, 5, 10))
        BlogPageFactory(parent=blog, title="June post", date=datetime.date(2025, 6, 10))
        BlogPageFactory(parent=blog, title="Next year post", date=datetime.date(2026, 6, 10))
        year = html_of(client, blog.url, year=2025)
        month = html_of(client, blog.url, year=2025, month=6)
        assert "May post" in year and "June post" in year and "Next year post" not in year
        assert "June post" in month and "May post" not in month
        archive = html_of(client, blog.url).split('id="archive-heading"')[1]
        assert archive.index("June 2026") < archive.index("June 2025") < archive.index("May 2025")

    def test_filters_combine(self, client, blog, author):
        BlogPageFactory(parent=blog, title="Match", topics=["Data"], authors=[author])
        BlogPageFactory(parent=blog, title="Topic only", topics=["Data"])
        html = html_of(client, blog.url, topic="data", author="priya-raman")
        assert "Match" in html
        assert "Topic only" not in html

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"topic": "no-such-topic"}, "There is no topic called “no-such-topic”."),
            ({"author": "nobody"}, "There is no author called “nobody”."),
            ({"region": "atlantis"}, "There is no region called “atlantis”."),
            ({"year": "abc"}, "Enter a whole number."),
            ({"year": "1066"}, "Ensure this value is greater than or equal to 1990."),
            ({"month": "13", "year": "2026"}, "Ensure this value is less than or equal to 12."),
            ({"month": "3"}, "Choose a year as well as a month."),
        ],
    )
    def test_unknown_or_malformed_filters_explain_themselves(self, client, blog, params, message):
        BlogPageFactory(parent=blog, title="A real post")
        html = html_of(client, blog.url, **params)
        assert 'role="alert"' in html
        assert message in html
        assert "No posts match these filters." in html
        assert "A real post" not in html

    @pytest.mark.parametrize(
        "value", ["<script>alert(1)</script>", "x" * 5000, "café-☕", "\u202eevil", "a\x00b", "'; DROP TABLE x;--"]
    )
    def test_hostile_filter_values_are_escaped_and_never_crash(self, client, blog, value):
        response = client.get(blog.url, {"topic": value, "author": value, "region": value})
        assert response.status_code == 200
        assert b"<script>alert(1)</script>" not in response.content

    def test_filter_links_are_shareable_urls(self, client, blog):
        BlogPageFactory(parent=blog, topics=["Data"])
        html = html_of(client, blog.url, topic="data")
        assert 'action="/en/blog/"' in html and 'method="get"' in html
        assert 'href="/en/blog/feed/rss/?topic=data"' in html

    def test_clear_filters_link_only_when_filtering(self, client, blog):
        BlogPageFactory(parent=blog, topics=["Data"])
        assert "Clear filters" not in html_of(client, blog.url)
        assert "Clear filters" in html_of(client, blog.url, topic="data")


class TestHomePageShowsLatestPosts:
    def test_home_page_lists_the_three_newest_posts(self, client, home, blog):
        import datetime

        for day in range(1, 6):
            BlogPageFactory(parent=blog, title=f"Post of day {day}", date=datetime.date(2026, 4, day))
        html = html_of(client, "/en/")
        assert "Latest from the blog" in html
        assert "Post of day 5" in html and "Post of day 3" in html
        assert "Post of day 2" not in html
        assert '<a class="listing-section__more" href="/en/blog/">See all blog posts</a>' in html
