"""English and Welsh: every page type in both languages, the switcher, hreflang, 404s, dates, feeds."""

import html
import re
import time
from pathlib import Path

import feedparser
import polib
import pytest
from django.conf import settings
from django.utils import formats, translation

from comments.defences import make_token
from qsite.models import SiteSettings
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db

PO_PATH = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"
PAGE_TYPES = ["home", "about", "blog", "post", "stories", "story", "events", "event", "insights", "insight"]


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return response.content.decode()


def switcher_links(page_html):
    """{hreflang: href} of the links inside the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page_html, re.S)
    assert nav, "no language switcher on the page"
    return {code: html.unescape(href) for href, code in re.findall(r'href="([^"]*)" hreflang="(\w+)"', nav[0])}


def alternates(page_html):
    links = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', page_html)
    return dict(links)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_renders_in_both_languages_with_the_right_html_lang(client, pages, name):
    english, welsh = pages[name]
    assert '<html lang="en"' in get_html(client, english.url)
    welsh_html = get_html(client, welsh.url)
    assert welsh.url.startswith("/cy/")
    assert '<html lang="cy"' in welsh_html
    assert f"<title>{welsh.title} | Cymuned Q</title>" in html.unescape(welsh_html)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_the_switcher_links_each_page_to_its_own_translation(client, pages, name):
    english, welsh = pages[name]
    assert switcher_links(get_html(client, english.url)) == {"cy": welsh.url}
    assert switcher_links(get_html(client, welsh.url)) == {"en": english.url}


def test_hreflang_alternates_are_absolute_both_ways_with_an_english_x_default(client, pages):
    english, welsh = pages["post"]
    for page in (english, welsh):
        links = alternates(get_html(client, page.url))
        assert links == {
            "en": f"http://testserver{english.url}",
            "cy": f"http://testserver{welsh.url}",
            "x-default": f"http://testserver{english.url}",
        }


def test_an_untranslated_page_offers_the_welsh_home_page_with_a_note_and_no_welsh_alternate(client, pages):
    english, _ = pages["untranslated"]
    page_html = get_html(client, english.url)
    assert switcher_links(page_html) == {"cy": pages["home"][1].url}
    assert "nid yw'r dudalen hon wedi'i chyfieithu eto" in html.unescape(page_html)
    assert set(alternates(page_html)) == {"en", "x-default"}


def test_a_routable_sub_page_switches_to_the_same_route_in_the_other_language(client, pages):
    english, welsh = pages["events"]
    page_html = get_html(client, f"{welsh.url}past/")
    assert switcher_links(page_html) == {"en": f"{english.url}past/"}
    assert get_html(client, f"{english.url}past/")


def test_views_that_are_not_pages_switch_to_the_same_route(client, pages):
    page_html = get_html(client, "/cy/accounts/login/")
    assert '<html lang="cy"' in page_html
    assert switcher_links(page_html) == {"en": "/en/accounts/login/"}


def test_the_switcher_keeps_the_filters_of_a_listing(client, pages):
    _, welsh = pages["blog"]
    page_html = get_html(client, f"{welsh.url}?region=wales")
    assert switcher_links(page_html) == {"en": f"{pages['blog'][0].url}?region=wales"}


def test_a_welsh_address_for_an_untranslated_page_is_a_welsh_404_offering_the_english_page(client, pages):
    english, _ = pages["untranslated"]
    response = client.get(english.url.replace("/en/", "/cy/", 1))
    assert response.status_code == 404
    page_html = html.unescape(response.content.decode())
    assert '<html lang="cy"' in page_html
    assert "Heb ddod o hyd i'r dudalen" in page_html
    assert f'<a href="{english.url}" hreflang="en">Mae\'r dudalen hon ar gael yn Saesneg.</a>' in page_html


def test_an_english_404_for_a_page_that_only_exists_in_welsh_offers_the_welsh_page(client, pages, welsh):
    BlogPageFactory(parent=pages["blog"][1], title="Yn Gymraeg yn unig", slug="cymraeg-yn-unig")
    response = client.get("/en/blog/cymraeg-yn-unig/")
    assert response.status_code == 404
    assert 'hreflang="cy">This page is available in Welsh.</a>' in response.content.decode()


def test_a_page_missing_in_every_language_is_a_plain_404_without_a_switcher(client, pages):
    page_html = get_html(client, "/cy/dim-tudalen/", status=404)
    assert "Mae'r dudalen hon ar gael" not in html.unescape(page_html)
    assert 'class="language-switcher"' not in page_html
    assert 'rel="alternate"' not in page_html


@pytest.mark.parametrize(
    "path",
    ["/fr/blog/", "/de/", "/xx/about/", "/cy-GB/blog/", "/en/cy/blog/", "/cy/blog/%00/", "/cy/blog/%F0%9F%8C%8A/"],
)
def test_an_unknown_language_prefix_ends_in_a_404_never_a_500(client, pages, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("cy", "/cy/"),
        ("cy-GB,cy;q=0.9,en;q=0.5", "/cy/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr", "/en/"),
        ("", "/en/"),
    ],
)
def test_the_root_redirects_by_the_browsers_language_with_english_as_fallback(client, pages, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_welsh_pages_show_dates_with_welsh_month_names(client, pages):
    english, welsh = pages["post"]
    welsh_html = get_html(client, welsh.url)
    assert "20 Tachwedd 2026" in welsh_html
    assert "November" not in welsh_html
    assert "20 November 2026" in get_html(client, english.url)


def test_welsh_event_pages_show_the_welsh_month_and_day(client, pages):
    welsh = pages["event"][1]
    with translation.override("cy"):
        expected = formats.date_format(welsh.start.astimezone(), "j F Y")
    welsh_html = get_html(client, welsh.url)
    assert expected in welsh_html
    assert "Tachwedd" in expected


def test_each_language_has_its_own_feeds_listing_only_its_pages(client, pages):
    english, welsh = pages["post"]
    welsh_feed = feedparser.parse(get_html(client, f"{pages['blog'][1].url}feed/rss/"))
    english_feed = feedparser.parse(get_html(client, f"{pages['blog'][0].url}feed/rss/"))
    assert [entry.title for entry in welsh_feed.entries] == [welsh.title]
    assert english.title in [entry.title for entry in english_feed.entries]
    assert welsh.title not in [entry.title for entry in english_feed.entries]
    assert welsh_feed.entries[0].link.endswith(welsh.url)
    assert welsh_feed.feed.language == "cy"


def test_each_language_has_its_own_events_calendar(client, pages):
    welsh_ics = get_html(client, f"{pages['events'][1].url}ical/")
    english_ics = get_html(client, f"{pages['events'][0].url}ical/")
    assert "SUMMARY:Siartiau rhediad heb ofn" in welsh_ics
    assert "SUMMARY:Run charts without fear" in english_ics
    assert "Siartiau" not in english_ics


def test_the_footer_and_comment_form_link_the_comments_policy_in_the_readers_language(client, pages, site):
    english_about, welsh_about = pages["about"]
    site_settings = SiteSettings.for_site(site)
    site_settings.comments_policy_page = english_about
    site_settings.save()
    welsh_html = get_html(client, pages["post"][1].url)
    assert f'<a href="{welsh_about.url}">Polisi sylwadau</a>' in welsh_html
    assert f'<a href="{welsh_about.url}">Darllen ein polisi sylwadau</a>' in welsh_html
    assert f'<a href="{english_about.url}">Comments policy</a>' in get_html(client, pages["post"][0].url)


def test_the_welsh_navigation_lists_the_welsh_section_pages(client, pages):
    welsh_html = get_html(client, pages["home"][1].url)
    nav = re.search(r'<nav class="site-nav".*?</nav>', welsh_html, re.S)[0]
    for name in ("blog", "events", "insights"):
        assert f'href="{pages[name][1].url}"' in nav
        assert f'href="{pages[name][0].url}"' not in nav


def test_welsh_regions_filter_welsh_listings(client, pages):
    welsh_html = get_html(client, f"{pages['blog'][1].url}?region=wales")
    assert "Cyfarfodydd byr sy&#x27;n helpu" in welsh_html or "Cyfarfodydd byr sy'n helpu" in welsh_html
    assert ">Cymru<" in welsh_html


# --- No English interface text on Welsh pages ------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%?s|%d|<[^>]+>|\{\w*\}")


def english_interface_phrases():
    """Every run of four or more words of an English msgid whose Welsh differs (placeholders and tags
    split a msgid into runs). Shorter strings ("Blog", "Log in") are too likely to be content."""
    phrases = set()
    for entry in polib.pofile(str(PO_PATH)):
        if entry.obsolete:
            continue
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural.get(0, "")),
                (entry.msgid_plural, entry.msgstr_plural.get(2, "")),
            ]
        for msgid, msgstr in pairs:
            if msgid == msgstr:
                continue
            for run in PLACEHOLDER.split(msgid):
                run = " ".join(run.split()).strip(" .,:;?!“”()")
                if len(run.split()) >= 4:
                    phrases.add(run)
    return phrases


def visible_text(page_html):
    """The text a reader or a screen reader meets: element text plus labelling attributes."""
    attributes = re.findall(r'(?:aria-label|title|placeholder|alt|data-[\w-]+)="([^"]*)"', page_html)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(" ".join([text, *attributes])).split())


def test_the_phrase_list_is_long_enough_to_mean_something():
    phrases = english_interface_phrases()
    assert len(phrases) > 200
    assert "Skip to main content" in phrases
    assert "No posts match these filters" in phrases
    assert "Your password can’t be entirely numeric" in phrases  # noqa: RUF001 (Django's own apostrophe)


def test_welsh_pages_show_no_english_interface_text(client, pages):
    phrases = english_interface_phrases()
    urls = [welsh.url for english, welsh in pages.values() if welsh is not None]
    events, insights, blog = pages["events"][1].url, pages["insights"][1].url, pages["blog"][1].url
    urls += [
        f"{events}past/",
        f"{events}calendar/2026/11/",
        f"{insights}projects/",
        f"{blog}?topic=no-such-topic",  # the filter error and the empty state
        "/cy/dim-tudalen/",  # the 404 page
        "/cy/accounts/login/",  # allauth's pages, translated through our catalogue (members/account_strings.py)
        "/cy/accounts/signup/",
        "/cy/accounts/password/reset/",
    ]
    leaks = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = visible_text(response.content.decode())
        found = sorted(p for p in phrases if p in text)
        if found:
            leaks[url] = found
    assert leaks == {}


def test_a_welsh_comment_form_with_errors_is_all_in_welsh(client, pages):
    _, welsh = pages["post"]
    data = {"page": str(welsh.pk), "token": make_token(welsh.pk, issued_at=time.time() - 60), "website": ""}
    data.update({"name": "", "email": "nid-cyfeiriad", "body": ""})
    response = client.post("/cy/comments/post/", data, REMOTE_ADDR="203.0.113.50")
    assert response.status_code in (200, 400)
    text = visible_text(response.content.decode())
    assert "Rhowch eich enw." in text
    assert "Rhowch gyfeiriad e-bost yn y fformat cywir" in text
    assert sorted(p for p in english_interface_phrases() if p in text) == []


def test_a_password_reset_asked_for_on_a_welsh_page_is_emailed_in_welsh(client, pages, mailoutbox, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("gwen", "gwen@example.org", "a-long-password-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/cy/accounts/password/reset/", {"email": "gwen@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert "E-bost ailosod cyfrinair" in message.subject
    assert "Cliciwch y ddolen isod i ailosod eich cyfrinair." in message.body
    assert "Helo gan gymuned Q," in message.body
    assert "/cy/accounts/password/reset/key/" in message.body
