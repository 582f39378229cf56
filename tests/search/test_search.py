"""Site search: what matches, in what order, how it is filtered and counted, and that no input breaks it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.backends import get_search_backend

from members.models import MemberProfile
from search.query import did_you_mean, highlight, query_terms, snippet
from tests.events.conftest import make_event
from tests.factories import MemberStoryPageFactory, UserFactory
from tests.search.conftest import search

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [result["page"].title for result in response.context["results"]]


# --- Backend ---------------------------------------------------------------------------------


def test_backend_is_postgres_full_text_search_on_postgresql_and_sqlite_fts_on_sqlite():
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        assert isinstance(backend, PostgresSearchBackend)
        assert type(backend).__name__ == "TitleWeightedPostgresSearchBackend"
    else:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        assert connection.vendor == "sqlite"
        assert isinstance(backend, SQLiteSearchBackend)
        assert type(backend).__name__ == "TitleWeightedSQLiteSearchBackend"


# --- Relevance -------------------------------------------------------------------------------


def test_a_title_match_ranks_above_a_body_match(client, post):
    # Created first, so an ordering by age or id would put the body match on top.
    post("Notes from the spring meeting", body="Kaizen at length: kaizen boards, kaizen huddles, kaizen all day.")
    post("Kaizen for busy teams", body="A short note.")
    assert result_titles(search(client, q="kaizen")) == ["Kaizen for busy teams", "Notes from the spring meeting"]


def test_every_word_must_match(client, post):
    post("Falls at night", body="A small test.")
    post("Falls in the day", body="Nothing else.")
    assert result_titles(search(client, q="falls night")) == ["Falls at night"]


def test_drafts_private_pages_and_other_languages_are_not_found(client, post, sections):
    from wagtail.models import PageViewRestriction

    post("Visible gemba walk")
    draft = post("Draft gemba walk")
    draft.unpublish()
    private = post("Private gemba walk")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert result_titles(search(client, q="gemba")) == ["Visible gemba walk"]


# --- Types, counts and filters ---------------------------------------------------------------


@pytest.fixture
def mixed(post, standard, sections):
    post("Flow in theatres", topics=["Patient flow"])
    post("Flow and discharge", topics=["Discharge"])
    MemberStoryPageFactory(parent=sections["stories"], title="Why I care about flow", topics=["Patient flow"])
    make_event(sections["events"], title="Flow workshop", topics=["Patient flow"], publish=True)
    standard("About flow")


def test_counts_per_type_cover_every_type(client, mixed):
    response = search(client, q="flow")
    counts = {link["key"]: link["count"] for link in response.context["type_links"]}
    assert counts == {"": 5, "blog": 2, "story": 1, "event": 1, "insight": 0, "page": 1}


def test_type_filter_narrows_results_but_keeps_the_other_counts(client, mixed):
    response = search(client, q="flow", type="blog")
    assert sorted(result_titles(response)) == ["Flow and discharge", "Flow in theatres"]
    counts = {link["key"]: link["count"] for link in response.context["type_links"]}
    assert counts["event"] == 1


def test_topic_filter_keeps_only_pages_with_that_topic(client, mixed):
    response = search(client, q="flow", topic="patient-flow")
    assert sorted(result_titles(response)) == ["Flow in theatres", "Flow workshop", "Why I care about flow"]


def test_date_filter_keeps_only_recently_published_pages(client, post):
    old = post("Flow a long time ago")
    old.first_published_at = timezone.now() - datetime.timedelta(days=400)
    old.save(update_fields=["first_published_at"])
    post("Flow this week")
    assert result_titles(search(client, q="flow", date="year")) == ["Flow this week"]
    assert len(result_titles(search(client, q="flow"))) == 2


def test_results_show_type_date_snippet_and_image(client, sections):
    from demo.images import get_or_create_image
    from tests.factories import BlogPageFactory

    image = get_or_create_image("Card", seed=3, width=320, height=180)
    BlogPageFactory(
        parent=sections["blog"],
        title="Huddles that work",
        intro="Daily huddles on a busy ward.",
        hero_image=image,
        date=datetime.date(2026, 3, 4),
    )
    html = search(client, q="huddles").content.decode()
    assert '<p class="search-result__type">Blog post' in html
    assert '<time datetime="2026-03-04">4 March 2026</time>' in html
    assert "Daily <mark>huddles</mark> on a busy ward." in html
    assert '<div class="search-result__media">' in html and "<img" in html


def test_a_search_with_no_matches_runs_no_result_query(client, post, django_assert_max_num_queries):
    post("Flow in theatres")
    search(client, q="xylophone")  # warm the vocabulary and popular-topic caches
    response = search(client, q="xylophone")
    assert response.context["page_obj"].object_list == []
    assert response.context["total"] == 0


def test_results_are_paginated(client, post):
    for n in range(12):
        post(f"Coaching note {n}")
    first = search(client, q="coaching")
    assert len(first.context["results"]) == 10
    second = search(client, q="coaching", page=2)
    assert len(second.context["results"]) == 2
    assert 'href="?q=coaching&amp;page=2"' in first.content.decode()


# --- Highlighting ----------------------------------------------------------------------------


def test_highlight_escapes_text_before_marking_matches():
    html = highlight('<script>alert("care")</script> care', ["care"])
    assert "<script>" not in html
    assert html == "&lt;script&gt;alert(&quot;<mark>care</mark>&quot;)&lt;/script&gt; <mark>care</mark>"


def test_highlight_treats_regex_metacharacters_literally():
    assert highlight("costs (£) rose by 25*2", query_terms("(£) rose 25*2 .*")) == (
        "costs (£) <mark>rose</mark> by <mark>25</mark>*2"
    )
    assert highlight("a.b.c", [".*"]) == "a.b.c"


def test_highlight_cannot_be_used_to_inject_markup_through_the_query():
    assert highlight("mark my words", ["<mark>", "mark"]) == "<mark>mark</mark> my words"


def test_snippet_shows_the_part_of_a_long_text_around_the_match():
    text = "Opening words. " * 30 + "The phrase about kaizen is here." + " Closing." * 10
    result = str(snippet(text, ["kaizen"]))
    assert result.startswith("…")
    assert "<mark>kaizen</mark>" in result


def test_query_in_the_page_is_escaped(client, post):
    post("Safety huddles")
    html = search(client, q="<script>alert(1)</script> huddles").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "' OR 1=1 --",
        "'; DROP TABLE wagtailcore_page; --",
        "flow & | ! ( ) : * <-> ' \"",
        ".*[(?<=\\",
        "%_%",
        "ffŵrdd gwaith ❤️ 改善",
        "\u200b\u200f",
        "AND OR NOT",
        '"unterminated',
        "-",
    ],
)
def test_hostile_queries_answer_with_results_or_a_message_never_an_error(client, post, q):
    post("Flow in theatres")
    response = search(client, q=q)
    assert response.status_code == 200


def test_a_query_of_only_punctuation_finds_nothing_and_offers_help(client, post):
    post("Flow in theatres", topics=["Patient flow"])
    response = search(client, q="&&& ((( *** ")
    assert response.context["total"] == 0
    assert "Popular topics" in response.content.decode()


def test_search_operators_are_read_as_plain_words(client, post):
    post("Flow in theatres")
    post("Theatres without it")
    # As syntax, "-theatres" would exclude the page and "|" would widen the search to both pages.
    assert result_titles(search(client, q="-theatres flow")) == ["Flow in theatres"]
    assert result_titles(search(client, q="flow | without")) == []
    assert result_titles(search(client, q="flow*")) == ["Flow in theatres"]


def test_sql_like_query_does_not_match_everything(client, post):
    post("Flow in theatres")
    assert result_titles(search(client, q="' OR 1=1 --")) == []


def test_empty_query_asks_for_words(client, post):
    response = search(client, q="   ")
    assert response.status_code == 200
    assert "Type a word or two to search for" in response.content.decode()
    assert "results" not in response.context


def test_search_page_without_a_query_shows_the_form(client, site):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()


def test_a_query_of_a_thousand_characters_gets_a_clear_message_and_is_kept(client, post):
    q = "flow " * 200
    response = search(client, q=q)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Search for at most 200 characters (you typed 999)." in html
    assert 'aria-invalid="true"' in html


def test_null_bytes_get_a_clear_message(client, site):
    response = search(client, q="flow\x00")
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "flow", "type": "spaceship"}, "Select a valid choice. spaceship is not one of the available choices."),
        ({"q": "flow", "topic": "no-such-topic"}, "There is no topic called “no-such-topic”."),
        ({"q": "flow", "topic": "<b>bad</b>"}, "Enter a valid “slug”"),
        ({"q": "flow", "date": "1999-01-01"}, "Select a valid choice."),
    ],
)
def test_bad_filters_get_a_clear_message(client, post, params, message):
    post("Flow in theatres")
    response = search(client, **params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1e3", "\x00"])
def test_a_bad_page_number_still_shows_results(client, post, page):
    post("Flow in theatres")
    response = search(client, q="flow", page=page)
    assert response.status_code == 200
    assert result_titles(response) == ["Flow in theatres"]


def test_posting_to_search_is_not_allowed(client, site):
    assert client.post("/en/search/", {"q": "flow"}).status_code == 405


# --- No results: did you mean, popular topics -------------------------------------------------


def test_no_results_suggests_a_spelling_from_titles(client, post):
    post("Huddles on the ward")
    response = search(client, q="hudles")
    assert response.context["suggestion"] == "huddles"
    assert 'href="/en/search/?q=huddles"' in response.content.decode()


def test_no_suggestion_when_nothing_is_close(client, post):
    post("Huddles on the ward")
    assert did_you_mean("zzzzqqq", post("Another").locale) == ""


def test_no_results_lists_popular_topics_most_used_first(client, post):
    post("One", topics=["Patient flow", "Safety"])
    post("Two", topics=["Patient flow"])
    response = search(client, q="xylophone")
    assert [tag.name for tag in response.context["popular_topics"]] == ["Patient flow", "Safety"]
    assert 'href="/en/topics/patient-flow/"' in response.content.decode()


# --- Editors' picks --------------------------------------------------------------------------


def test_editors_picks_are_shown_above_results(client, post, standard):
    post("Flow in theatres")
    about = standard("Joining Q", search_description="How to become a member.")
    SearchPromotion.objects.create(query=Query.get("Flow"), page=about, sort_order=0)
    response = search(client, q="flow ")
    assert [page.title for page in response.context["picks"]] == ["Joining Q"]
    html = response.content.decode()
    assert html.index("Joining Q") < html.index("</mark> in theatres")


def test_unpublished_picks_are_not_shown(client, post, standard):
    post("Flow in theatres")
    about = standard("Joining Q")
    about.unpublish()
    SearchPromotion.objects.create(query=Query.get("flow"), page=about, sort_order=0)
    assert search(client, q="flow").context["picks"] == []


def test_searching_records_nothing(client, post):
    post("Flow in theatres")
    search(client, q="flow")
    assert not Query.objects.exists()


def test_members_cannot_reach_search_promotions_in_the_admin(client, member_user):
    client.force_login(member_user)
    response = client.get("/admin/searchpicks/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/searchpicks/" not in response["Location"]


def test_editors_can_manage_search_promotions(client, sections):
    from members.roles import EDITORS_GROUP

    editor = UserFactory(username="eddie")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    assert client.get("/admin/searchpicks/").status_code == 200


# --- Member profiles -------------------------------------------------------------------------


@pytest.fixture
def people(sections):
    visible = MemberProfile.objects.create(
        display_name="Dana Flowers", slug="dana", organisation="Riverside Trust", bio="I coach teams on kaizen."
    )
    hidden_work = MemberProfile.objects.create(
        display_name="Eli Stone",
        slug="eli",
        organisation="Riverside Trust",
        visibility={
            "work": "nobody",
            "region": "everyone",
            "bio": "nobody",
            "interests": "members",
            "links": "members",
        },
        bio="Kaizen every day.",
    )
    unlisted = MemberProfile.objects.create(
        display_name="Riverside Hidden", slug="hidden", listed_in_directory=False, organisation="Riverside Trust"
    )
    return {"visible": visible, "hidden_work": hidden_work, "unlisted": unlisted}


def test_readers_who_are_not_members_never_see_profiles(client, people):
    response = search(client, q="Dana")
    assert response.context["people"] == []
    assert "Dana Flowers" not in response.content.decode()
    assert "member" not in [link["key"] for link in response.context["type_links"]]


def test_members_find_profiles_by_name_and_visible_parts(client, member_user, people):
    client.force_login(member_user)
    response = search(client, q="Riverside")
    names = [profile.display_name for profile, _visible in response.context["people"]]
    # Eli hides their work from everyone, and the unlisted profile is never shown.
    assert names == ["Dana Flowers"]
    counts = {link["key"]: link["count"] for link in response.context["type_links"]}
    assert counts["member"] == 1


def test_parts_set_to_nobody_are_never_searchable(client, member_user, people):
    client.force_login(member_user)
    response = search(client, q="kaizen", type="member")
    names = [profile.display_name for profile, _visible in response.context["people"]]
    assert names == ["Dana Flowers"]


def test_a_type_of_member_from_a_reader_who_is_not_a_member_is_an_error(client, people):
    response = search(client, q="Dana", type="member")
    assert "Select a valid choice" in response.content.decode()
    assert "Dana Flowers" not in response.content.decode()


# --- Queries ---------------------------------------------------------------------------------


def _count(client, **params):
    search(client, **params)  # warm: renditions made, caches filled
    with CaptureQueriesContext(connection) as context:
        response = search(client, **params)
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["results"])


@pytest.mark.parametrize("n", [5, 60])
def test_results_page_query_count_is_fixed(client, sections, n):
    from demo.images import get_or_create_image
    from tests.factories import BlogPageFactory

    image = get_or_create_image("Card", seed=3, width=320, height=180)
    author = MemberProfile.objects.create(display_name="Asha Author", slug="asha")
    for i in range(n):
        BlogPageFactory(
            parent=sections["blog"],
            title=f"Coaching {i}",
            hero_image=image,
            authors=[author],
            topics=[f"Topic {i % 3}"],
            revision=False,
        )
    queries, shown = _count(client, q="coaching")
    assert shown == min(10, n)
    assert queries == EXPECTED_RESULTS_QUERIES


# Search: 1 active locale + 1 view restrictions (public()) + 1 counts per type (facet, which also gives the
# paginator its count) + 1 result rows + 1 blog posts with their card fields + 2 card images and renditions
# + 1 authors + 1 topics + 1 editors' picks.
# Frame: 1 topics for the filter + 1 site + 1 site settings + 3 main nav (locale, view restrictions,
# menu pages) + 1 locale for the language switcher.
# Member profiles are not searched for anonymous readers. The same for 5 and 60 matches: the page shows 10,
# fetched per type, never per item.
EXPECTED_RESULTS_QUERIES = 17
