"""The reader-page cache (qsite/cache.py): who is served from it, what is stored, and that publishing,
unpublishing, moving, deleting and approving a comment purge exactly the pages that show the change,
in local memory and in the real Redis."""

import datetime
import http.server
import threading

import pytest
import time_machine
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client, override_settings
from django.utils import timezone

from blog.models import BlogPage
from comments import services as comment_services
from comments.models import Comment, Status
from qsite.cache import response_is_cacheable, route_paths, urls_showing
from qsite.models import SiteSettings
from qsite.settings.environment import cache_config
from tests.factories import BlogIndexPageFactory, BlogPageFactory, MemberProfileFactory, StandardPageFactory

LOCMEM = {"default": cache_config("")}


def redis_caches(settings, worker_id):
    config = cache_config(settings.TEST_REDIS_URL)
    # Each xdist worker gets its own key space on the shared test database.
    config["KEY_PREFIX"] = f"qsite-test-{worker_id}"
    return {"default": config}


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def page_cache(request, settings, worker_id):
    """The page cache switched on, in local memory and again in the real Redis."""
    caches_setting = LOCMEM if request.param == "locmem" else redis_caches(settings, worker_id)
    with override_settings(CACHES=caches_setting, PAGE_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=300):
        forget_everything(request.param)
        yield request.param
        forget_everything(request.param)


def forget_everything(kind):
    cache = caches["default"]
    if kind == "locmem":
        cache.clear()
        return
    # Django's clear() empties the whole Redis database, the other xdist worker's keys included;
    # delete only this worker's.
    import redis

    server = redis.Redis.from_url(cache._cache._servers[0])
    for key in server.scan_iter(match=cache.make_key("*")):
        server.delete(key)


@pytest.fixture
def blog(home):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def author(db):
    return MemberProfileFactory(display_name="Ceri Jones", slug="ceri-jones")


@pytest.fixture
def post(blog, author):
    return BlogPageFactory(
        parent=blog, title="Shorter waits in outpatients", slug="shorter-waits", authors=[author], topics=["Flow"]
    )


def publish_new_title(page, title, capture):
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = title
    with capture(execute=True):
        page.save_revision().publish()
    return page


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


# --- Who is served from the cache ---------------------------------------------------------------


def test_a_reader_gets_the_second_view_from_the_cache_without_touching_the_database(
    page_cache, client, post, django_assert_num_queries
):
    first, _ = get(client, post.url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second, html = get(client, post.url)
    assert second["X-Cache"] == "HIT"
    assert "Shorter waits in outpatients" in html
    assert second.content == first.content


def test_hits_arrive_compressed_for_browsers_that_accept_gzip(page_cache, client, post):
    import gzip

    plain = client.get(post.url)
    squeezed = client.get(post.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert squeezed["X-Cache"] == "HIT" and squeezed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in squeezed["Vary"]
    assert gzip.decompress(squeezed.content) == plain.content
    assert int(squeezed["Content-Length"]) == len(squeezed.content)
    assert len(squeezed.content) < len(plain.content) / 2


def test_each_query_string_is_its_own_entry(page_cache, client, blog, post):
    assert client.get(blog.url)["X-Cache"] == "MISS"
    assert client.get(blog.url + "?page=2")["X-Cache"] == "MISS"
    assert client.get(blog.url + "?page=2")["X-Cache"] == "HIT"


def test_logged_in_members_are_never_served_or_stored(page_cache, client, post, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "a-long-password-1")
    client.force_login(user)
    for _ in range(2):
        response = client.get(post.url)
        assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    # And what a member saw is not what the next anonymous reader gets.
    assert Client().get(post.url)["X-Cache"] == "MISS"


def test_a_reader_with_a_message_waiting_is_not_served_from_the_cache(page_cache, client, post):
    client.get(post.url)
    client.cookies["messages"] = "something-to-say"
    assert "X-Cache" not in client.get(post.url)


def test_responses_that_set_a_cookie_are_not_stored(page_cache, client, blog):
    # A password-protected page shows a form with a CSRF token, which sets a cookie.
    from wagtail.models import PageViewRestriction

    secret = BlogPageFactory(parent=blog, title="Board paper", slug="board-paper")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="sesame")
    first = client.get(secret.url)
    assert first.status_code == 200 and first.cookies
    assert "X-Cache" not in first
    assert "X-Cache" not in Client().get(secret.url)


def test_excluded_paths_and_posts_are_never_cached(page_cache, client, post):
    assert "X-Cache" not in client.get("/en/accounts/login/")
    assert "X-Cache" not in client.post(post.url)
    assert "X-Cache" not in client.get("/")  # the language redirect depends on the browser's language


def test_a_nonce_in_the_csp_header_makes_a_response_unshareable():
    ok = HttpResponse("<p>page</p>")
    ok["Content-Security-Policy"] = "script-src 'self'"
    noncey = HttpResponse("<p>page</p>")
    noncey["Content-Security-Policy"] = "script-src 'self' 'nonce-abc123'"
    private = HttpResponse("<p>page</p>")
    private["Cache-Control"] = "private"
    assert response_is_cacheable(ok)
    assert not response_is_cacheable(noncey)
    assert not response_is_cacheable(private)


def test_reader_pages_tell_browsers_to_revalidate_and_shared_caches_to_keep_them(page_cache, client, post):
    response = client.get(post.url)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate", "s-maxage=300"} <= directives
    etag = response["ETag"]
    again = client.get(post.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


# --- Purging --------------------------------------------------------------------------------------


def test_publishing_a_change_purges_the_post_its_index_the_home_page_and_its_topic_page(
    page_cache, client, home, blog, post, django_capture_on_commit_callbacks
):
    pages = [post.url, blog.url, blog.url + "?page=1", home.url, "/en/topics/flow/", blog.url + "feed/atom/"]
    for url in pages:
        client.get(url)
    assert all(client.get(url)["X-Cache"] == "HIT" for url in pages)

    publish_new_title(post, "Waits halved in outpatients", django_capture_on_commit_callbacks)

    for url in pages:
        response, html = get(client, url)
        assert response["X-Cache"] == "MISS", url
        assert "Waits halved in outpatients" in html, url


def test_publishing_leaves_unrelated_pages_in_the_cache(
    page_cache, client, home, blog, post, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(parent=home, title="About Q", slug="about")
    client.get(about.url)
    publish_new_title(post, "Waits halved in outpatients", django_capture_on_commit_callbacks)
    assert client.get(about.url)["X-Cache"] == "HIT"


def test_unpublishing_takes_the_post_off_its_page_and_its_listings(
    page_cache, client, blog, post, django_capture_on_commit_callbacks
):
    client.get(post.url), client.get(blog.url)
    with django_capture_on_commit_callbacks(execute=True):
        BlogPage.objects.get(pk=post.pk).unpublish()
    assert client.get(post.url).status_code == 404
    assert "Shorter waits in outpatients" not in client.get(blog.url).content.decode()


def test_deleting_a_post_purges_its_listing(page_cache, client, blog, post, django_capture_on_commit_callbacks):
    client.get(blog.url)
    with django_capture_on_commit_callbacks(execute=True):
        BlogPage.objects.get(pk=post.pk).delete()
    assert "Shorter waits in outpatients" not in client.get(blog.url).content.decode()


def test_moving_a_post_purges_its_old_and_new_addresses_and_listings(
    page_cache, client, home, blog, post, django_capture_on_commit_callbacks
):
    other = BlogIndexPageFactory(parent=home, title="News", slug="news")
    old_url = post.url
    for url in (old_url, blog.url, other.url):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        BlogPage.objects.get(pk=post.pk).move(other, pos="last-child")
    # Wagtail's redirects app points the old address at the new one; the cached old page is gone.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"].endswith("/en/news/shorter-waits/")
    assert "Shorter waits in outpatients" not in client.get(blog.url).content.decode()
    assert "Shorter waits in outpatients" in client.get(other.url).content.decode()
    assert client.get("/en/news/shorter-waits/").status_code == 200


def test_approving_a_comment_shows_it_to_the_next_reader(page_cache, client, post, django_capture_on_commit_callbacks):
    comment = Comment.objects.create(
        page=post,
        translation_key=post.translation_key,
        language="en",
        author_name="Gwen Guest",
        guest_email="gwen@example.org",
        body="We tried this in our clinic too.",
        status=Status.PENDING,
        fingerprint="cache-test-1",
    )
    assert "We tried this in our clinic too." not in client.get(post.url).content.decode()
    assert client.get(post.url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.moderate([comment], Status.APPROVED, None)
    response, html = get(client, post.url)
    assert response["X-Cache"] == "MISS"
    assert "We tried this in our clinic too." in html


def test_changing_the_footer_settings_purges_every_page(
    page_cache, client, home, post, site, django_capture_on_commit_callbacks
):
    client.get(post.url), client.get(home.url)
    settings_obj = SiteSettings.for_site(site)
    settings_obj.contact_email = "hello@q.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        settings_obj.save()
    for url in (post.url, home.url):
        response, html = get(client, url)
        assert response["X-Cache"] == "MISS" and "hello@q.example.org" in html


def test_a_page_leaves_the_cache_when_it_would_change_on_its_own(page_cache, client, home, settings):
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    index.save_revision().publish()
    start = timezone.now() + datetime.timedelta(hours=3)
    event = EventPage(
        title="Measurement masterclass",
        slug="measurement-masterclass",
        intro="Run charts from scratch.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        event_format="online",
        joining_link="https://meet.example.org/masterclass",
        organiser_name="Q team",
    )
    index.add_child(instance=event)
    event.save_revision().publish()

    response = client.get(event.url)
    shared = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < shared <= 300
    assert client.get(event.url)["X-Cache"] == "HIT"
    if page_cache == "redis":
        # Redis keeps its own clock: read the entry's time to live instead of travelling in time.
        import redis

        server = redis.Redis.from_url(settings.TEST_REDIS_URL)
        prefix = caches["default"].make_key("pagecache:page:")
        ttls = [server.ttl(key) for key in server.scan_iter(match=prefix + "*")]
        assert ttls and all(0 < ttl <= shared for ttl in ttls)
    else:
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=shared + 2)):
            assert client.get(event.url)["X-Cache"] == "MISS"


# --- What shows a page ----------------------------------------------------------------------------


def test_urls_showing_a_post_are_exactly_its_page_listings_feeds_topic_and_author(home, blog, post):
    urls = urls_showing(post)
    root = home.get_site().root_url
    expected = {
        root + post.url,
        root + blog.url,
        root + blog.url + "feed/",
        root + blog.url + "feed/rss/",
        root + blog.url + "feed/atom/",
        root + home.url,
        root + "/sitemap.xml",
        root + "/en/topics/flow/",
        root + "/cy/topics/flow/",
        root + "/en/members/ceri-jones/",
        root + "/cy/members/ceri-jones/",
    }
    assert expected <= urls
    assert not any("/about/" in url for url in urls)


def test_routes_without_arguments_are_purged_with_their_page(blog):
    paths = route_paths(blog.specific)
    assert {"/", "/feed/", "/feed/rss/", "/feed/atom/"} <= set(paths)
    assert not any("<" in path for path in paths)


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A stand-in for a caching proxy (Varnish-style): it records the PURGE requests it receives."""

    received = []

    def do_PURGE(self):
        PurgeRecorder.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_frontend_cache_gets_the_same_purges_over_http(
    home, blog, post, purge_server, django_capture_on_commit_callbacks
):
    backend = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_server}}
    with override_settings(WAGTAILFRONTENDCACHE=backend, PAGE_CACHE_ENABLED=True):
        publish_new_title(post, "Waits halved in outpatients", django_capture_on_commit_callbacks)
    paths = {path for _host, path in PurgeRecorder.received}
    assert {post.url, blog.url, blog.url + "feed/atom/", home.url, "/en/topics/flow/"} <= paths


# --- Fragments every page shows ---------------------------------------------------------------------


def test_the_menu_and_footer_are_built_once_and_renewed_when_a_menu_page_changes(
    page_cache, client, home, post, django_user_model, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    about = StandardPageFactory(parent=home, title="About Q", slug="about", show_in_menus=True)
    user = django_user_model.objects.create_user("reader", "reader@example.org", "a-long-password-1")
    client.force_login(user)  # never served from the page cache, so every request renders
    with CaptureQueriesContext(connection) as first:
        client.get(post.url)
    with CaptureQueriesContext(connection) as second:
        html = client.get(post.url).content.decode()
    # The menu (site root, its translation, children, view restrictions) and the footer settings are not re-read.
    assert len(second) <= len(first) - 3
    assert "About Q" in html

    publish_new_title(about, "About the Q community", django_capture_on_commit_callbacks)
    html = client.get(post.url).content.decode()
    assert "About the Q community" in html and ">About Q<" not in html
