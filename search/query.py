"""Site search: which pages and people match, counted by type, with highlighting and help when nothing matches.

Pages are searched with Wagtail's search backend (PostgreSQL full-text search on PostgreSQL, SQLite FTS5 on
SQLite); member profiles are not pages, so they are matched with the ORM, and only on the parts of a profile
the viewer is allowed to see.
"""

import difflib
import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from members.models import MemberProfile
from qsite.pages import pages_with_topic, topic_page_models

from .forms import PAGE_TYPES

SNIPPET_LENGTH = 240
MAX_TERMS = 10
VOCABULARY_CACHE_SECONDS = 600
POPULAR_TOPICS = 8

_WORD = re.compile(r"\w+", re.UNICODE)


# --- Pages ---------------------------------------------------------------------------------


def content_types():
    """{type key: ContentType} for the page types readers can search, in the order they are offered."""
    by_model = ContentType.objects.get_for_models(*(apps.get_model(label) for label, _name in PAGE_TYPES.values()))
    return {key: by_model[apps.get_model(label)] for key, (label, _name) in PAGE_TYPES.items()}


def searchable_pages(locale, types, topic=None, since=None):
    """Live, public pages of the searchable types in one language, narrowed by topic and publication date."""
    pages = Page.objects.live().public().filter(locale=locale, content_type__in=list(types.values()))
    if topic is not None:
        pages = pages.filter(pk__in=pages_with_topic(topic, locale).values("pk"))
    if since is not None:
        pages = pages.filter(first_published_at__gte=since)
    return pages


def search_words(query):
    """The query as plain lower-case words. Punctuation, quotes and operators (AND, OR, NOT, NEAR, "&", "*")
    are dropped, so nothing a reader types is read as search-engine syntax by FTS5 or tsquery."""
    return " ".join(_WORD.findall(query.lower()))


def search_pages(pages, words):
    """Pages matching every word (so a longer query narrows the results), most relevant first."""
    if not words:
        return pages.none()
    return pages.search(words, operator="and")


def counts_by_type(results, types):
    """{type key: number of matches}, from one grouped query over the unnarrowed results."""
    if not hasattr(results, "facet"):  # no words to search for: an empty queryset
        return dict.fromkeys(types, 0)
    by_id = results.facet("content_type_id")
    return {key: by_id.get(content_type.pk, 0) for key, content_type in types.items()}


def editors_picks(query, locale):
    """Pages editors promoted for this exact query (Wagtail's search promotions), live ones in this language."""
    return [
        pick.page.specific
        for pick in SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query),
            page__live=True,
            page__locale=locale,
        )
        .select_related("page")
        .order_by("sort_order")
        if pick.page_id
    ]


# --- People --------------------------------------------------------------------------------


def search_profiles(query, levels):
    """Listed member profiles matching the query on their name or on parts they show to these viewer levels."""
    levels = [str(level) for level in levels]
    visible = MemberProfile.objects.listed()
    condition = Q(display_name__icontains=query)
    condition |= Q(pk__in=visible.visible_part("work", levels).filter(organisation__icontains=query).values("pk"))
    condition |= Q(pk__in=visible.visible_part("work", levels).filter(job_title__icontains=query).values("pk"))
    condition |= Q(pk__in=visible.visible_part("bio", levels).filter(bio__icontains=query).values("pk"))
    condition |= Q(
        pk__in=visible.visible_part("interests", levels).filter(interests__name__icontains=query).values("pk")
    )
    return (
        visible.filter(condition)
        .select_related("region")
        .prefetch_related(Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions()))
        .order_by("display_name", "pk")
    )


# --- Showing results -----------------------------------------------------------------------


def query_terms(query):
    """The words of the query worth highlighting: at most MAX_TERMS, longest first (so "care" wins over "car")."""
    words = {word.lower() for word in _WORD.findall(query) if len(word) > 1}
    return sorted(words, key=lambda w: (-len(w), w))[:MAX_TERMS]


def _terms_pattern(terms):
    # Terms are matched literally: re.escape makes "(", "*", "\\" and friends plain characters.
    return re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE) if terms else None


def highlight(text, terms):
    """`text` escaped, with each match of a term wrapped in <mark>. Nothing in `text` or `terms` can inject markup."""
    text = text or ""
    pattern = _terms_pattern(terms)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part was escaped above


def snippet(text, terms, length=SNIPPET_LENGTH):
    """Up to `length` characters of `text` around its first match, highlighted."""
    text = " ".join((text or "").split())
    pattern = _terms_pattern(terms)
    start = 0
    if pattern is not None and len(text) > length:
        match = pattern.search(text)
        if match and match.end() > length:
            start = max(0, match.start() - length // 3)
    piece = text[start : start + length]
    prefix = "…" if start else ""
    suffix = "…" if start + length < len(text) else ""
    return format_html("{}{}{}", prefix, highlight(piece, terms), suffix)


def page_summary(page):
    return page.search_description or getattr(page, "card_summary", "") or getattr(page, "intro", "") or ""


def page_date(page):
    """The date a reader cares about: an event's start, a post's date, otherwise when it was first published."""
    for name in ("start", "date", "first_published_at"):
        value = getattr(page, name, None)
        if value:
            return value
    return None


# --- Help when nothing matches ------------------------------------------------------------


def _vocabulary(locale):
    key = f"search:vocabulary:{locale.pk}"
    words = cache.get(key)
    if words is None:
        titles = Page.objects.live().public().filter(locale=locale, depth__gt=2).values_list("title", flat=True)
        words = {word.lower() for title in titles for word in _WORD.findall(title) if len(word) > 3}
        words |= {name.lower() for name in Tag.objects.values_list("name", flat=True)}
        words = sorted(words)
        cache.set(key, words, VOCABULARY_CACHE_SECONDS)
    return words


def did_you_mean(query, locale):
    """A respelling of the query from words in page titles and topic names, or "" if nothing is close enough."""
    words = _WORD.findall(query.lower())
    if not words or len(words) > MAX_TERMS:
        return ""
    vocabulary = _vocabulary(locale)
    known = set(vocabulary)
    suggestion, changed = [], False
    for word in words:
        if word in known or len(word) < 3:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            suggestion.append(close[0])
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else ""


def popular_topics(limit=POPULAR_TOPICS):
    """The topics with the most live pages, most used first."""
    key = "search:popular-topics"
    ids = cache.get(key)
    if ids is None:
        totals = {}
        for model in topic_page_models():
            rows = (
                model.topics.through.objects.filter(content_object__live=True).values("tag_id").annotate(n=Count("pk"))
            )
            for row in rows:
                totals[row["tag_id"]] = totals.get(row["tag_id"], 0) + row["n"]
        ids = [tag_id for tag_id, _n in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]]
        cache.set(key, ids, VOCABULARY_CACHE_SECONDS)
    tags = Tag.objects.in_bulk(ids)
    return [tags[pk] for pk in ids if pk in tags]
