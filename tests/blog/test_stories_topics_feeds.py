"""New-member stories, topic pages, member profiles and the RSS/Atom feeds."""

import feedparser
import pytest

from qsite.models import Region
from tests.factories import BlogPageFactory, MemberProfileFactory, MemberStoryPageFactory

pytestmark = pytest.mark.django_db


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


class TestMemberStories:
    def test_story_shows_the_member_their_words_and_the_quote(self, client, stories):
        member = MemberProfileFactory(display_name="Leah Morgan", slug="leah", job_title="Pharmacist", organisation="")
        story = MemberStoryPageFactory(
            parent=stories,
            member=member,
            organisation="Morgan's Pharmacy",
            region=Region.objects.get(slug="wales"),
            quote="I see the problems at the counter.",
            drawn_to="Patients bring me the gaps.",
            want_to_learn="How to run a small test.",
        )
        html = html_of(client, story.url)
        assert "<h1>" + story.title + "</h1>" in html
        assert '<a href="/en/members/leah/">Leah Morgan</a>' in html
        assert "<dd>Pharmacist</dd>" in html  # from the profile
        assert "<dd>Morgan&#x27;s Pharmacy</dd>" in html  # the story's own value wins
        # The region links to its region page (search issue: every region mention is a link).
        assert '<dd><a href="/en/regions/wales/">Wales</a></dd>' in html
        assert "I see the problems at the counter." in html
        assert "What drew me to the community" in html and "Patients bring me the gaps." in html
        assert "What I want to learn" in html and "How to run a small test." in html

    def test_index_lists_stories_as_cards_newest_first(self, client, stories):
        import datetime

        MemberStoryPageFactory(parent=stories, title="Earlier story", date=datetime.date(2026, 1, 1))
        MemberStoryPageFactory(parent=stories, title="Later story", date=datetime.date(2026, 2, 1))
        html = html_of(client, stories.url)
        assert html.count('class="card"') == 2
        assert html.index("Later story") < html.index("Earlier story")
        assert "2 stories" in html

    def test_index_filters_by_region(self, client, stories):
        MemberStoryPageFactory(parent=stories, title="From Wales", region=Region.objects.get(slug="wales"))
        MemberStoryPageFactory(parent=stories, title="From London", region=Region.objects.get(slug="london"))
        html = html_of(client, stories.url, region="wales")
        assert "From Wales" in html
        assert "From London" not in html

    @pytest.mark.parametrize("region", ["atlantis", "<script>x</script>", "%00", "w" * 3000])
    def test_unknown_region_gives_a_message_not_an_error(self, client, stories, region):
        MemberStoryPageFactory(parent=stories, title="Any story")
        response = client.get(stories.url, {"region": region})
        assert response.status_code == 200
        html = response.content.decode()
        assert "No stories match these filters." in html
        assert "<script>x</script>" not in html


class TestTopicPages:
    def test_lists_everything_with_the_topic_across_types_newest_first(self, client, blog, stories):
        BlogPageFactory(parent=blog, title="Blog on safety", topics=["Patient safety"])
        MemberStoryPageFactory(parent=stories, title="Story on safety", topics=["Patient safety"])
        BlogPageFactory(parent=blog, title="Blog on data", topics=["Data"])
        html = html_of(client, "/en/topics/patient-safety/")
        assert "<h1>Patient safety</h1>" in html
        assert "Blog on safety" in html and "Story on safety" in html
        assert "Blog on data" not in html
        # Newest first by publication: the story was published after the post.
        assert html.index("Story on safety") < html.index("Blog on safety")
        assert '<p class="card__type">Member story</p>' in html
        assert '<p class="card__type">Blog post</p>' in html

    def test_unknown_topic_is_a_404(self, client, home):
        assert client.get("/en/topics/no-such-topic/").status_code == 404

    def test_drafts_are_left_out(self, client, blog):
        BlogPageFactory(parent=blog, title="Live one", topics=["Data"])
        BlogPageFactory(parent=blog, title="Draft one", topics=["Data"], live=False)
        html = html_of(client, "/en/topics/data/")
        assert "Live one" in html
        assert "Draft one" not in html

    def test_paginates(self, client, blog):
        for _ in range(14):
            BlogPageFactory(parent=blog, topics=["Data"])
        assert html_of(client, "/en/topics/data/").count('class="card"') == 12
        assert html_of(client, "/en/topics/data/", page=2).count('class="card"') == 2
        assert html_of(client, "/en/topics/data/", page="abc").count('class="card"') == 12

    def test_breadcrumbs_lead_home(self, client, blog):
        BlogPageFactory(parent=blog, topics=["Data"])
        crumbs = html_of(client, "/en/topics/data/").split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
        assert '<a href="/en/">Home</a>' in crumbs
        assert '<span aria-current="page">Data</span>' in crumbs


class TestMemberProfile:
    def test_profile_lists_what_the_member_wrote(self, client, blog, author):
        BlogPageFactory(parent=blog, title="Priya's post", authors=[author])
        BlogPageFactory(parent=blog, title="Someone else's post", authors=[MemberProfileFactory()])
        html = html_of(client, "/en/members/priya-raman/")
        assert '<h1 class="profile__name">Priya Raman</h1>' in html
        assert "QI lead, Riverside" in html
        assert "Priya&#x27;s post" in html
        assert "Someone else" not in html

    def test_unknown_member_is_a_404(self, client, home):
        assert client.get("/en/members/nobody-here/").status_code == 404


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


class TestFeeds:
    def test_blog_rss_lists_posts_newest_first_with_absolute_links(self, client, blog, author):
        import datetime

        BlogPageFactory(parent=blog, title="Old", date=datetime.date(2026, 1, 1))
        BlogPageFactory(
            parent=blog, title="New & <improved>", date=datetime.date(2026, 2, 1), authors=[author], topics=["Data"]
        )
        response = client.get("/en/blog/feed/rss/")
        assert response["Content-Type"].startswith("application/rss+xml")
        feed = parse(response)
        assert feed.version == "rss20"
        assert [e.title for e in feed.entries] == ["New & <improved>", "Old"]
        newest = feed.entries[0]
        assert newest.link.startswith("http://testserver/en/blog/")
        assert newest.author == "Priya Raman" or "Priya Raman" in newest.get("author", "")
        assert [t.term for t in newest.tags] == ["Data"]
        assert feed.feed.link == "http://testserver/en/blog/"

    def test_blog_atom_feed_is_valid_atom(self, client, blog):
        BlogPageFactory(parent=blog, title="An Atom entry")
        response = client.get("/en/blog/feed/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = parse(response)
        assert feed.version == "atom10"
        assert feed.entries[0].title == "An Atom entry"
        assert feed.entries[0].id.startswith("http://testserver/")

    def test_feeds_follow_the_listing_filters(self, client, blog):
        BlogPageFactory(parent=blog, title="Tagged", topics=["Data"])
        BlogPageFactory(parent=blog, title="Untagged")
        feed = parse(client.get("/en/blog/feed/atom/", {"topic": "data"}))
        assert [e.title for e in feed.entries] == ["Tagged"]

    def test_feed_of_an_unknown_filter_is_not_found_rather_than_empty(self, client, blog):
        """A broken subscription must not look like an empty one (the listing kit's rule)."""
        BlogPageFactory(parent=blog)
        response = client.get("/en/blog/feed/rss/", {"topic": "<nope>"})
        assert response.status_code == 404
        assert "These filters cannot be used" in response.content.decode()

    def test_stories_and_topic_feeds(self, client, blog, stories):
        MemberStoryPageFactory(parent=stories, title="A story", topics=["Data"])
        BlogPageFactory(parent=blog, title="A post", topics=["Data"])
        stories_feed = parse(client.get("/en/new-member-stories/feed/rss/"))
        assert [e.title for e in stories_feed.entries] == ["A story"]
        topic_feed = parse(client.get("/en/topics/data/feed/atom/"))
        assert {e.title for e in topic_feed.entries} == {"A story", "A post"}
        assert parse(client.get("/en/topics/data/feed/rss/")).version == "rss20"

    def test_feed_root_redirects_to_rss(self, client, blog):
        response = client.get("/en/blog/feed/")
        assert response.status_code == 301
        assert response["Location"] == "/en/blog/feed/rss/"

    def test_topic_feed_for_an_unknown_topic_is_a_404(self, client, home):
        assert client.get("/en/topics/nothing/feed/rss/").status_code == 404

    def test_pages_advertise_their_feeds(self, client, blog, stories):
        BlogPageFactory(parent=blog, topics=["Data"])
        assert 'href="/en/blog/feed/atom/"' in html_of(client, blog.url)
        assert 'href="/en/new-member-stories/feed/rss/"' in html_of(client, stories.url)
        assert 'href="/en/topics/data/feed/rss/"' in html_of(client, "/en/topics/data/")
