"""The site search page, robots.txt and the sitemap. Views stay thin: the work is in search/query.py."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from taggit.models import Tag
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale

from members.models import audience_of
from members.roles import is_member
from qsite.pages import specific_for_cards, topic_page_models

from . import query as search_query
from .forms import MEMBER_TYPE, PAGE_TYPES, SearchForm
from .sitemaps import AllLanguagesSitemap

PER_PAGE = 10
# How many matching people to show beside page results when no type is chosen.
PEOPLE_PREVIEW = 3


class CountedPaginator(Paginator):
    """A paginator told how many items there are: the per-type counts already say, and asking the search
    backend again would run the full-text query a second time."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def _link(request, **changes):
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    return f"{request.path}?{params.urlencode()}"


@require_GET
@cache_control(private=True)
def search(request):
    # Never cached in a shared cache (nor by the page cache of issue 11): members also see member profiles.
    locale = Locale.get_active()
    viewer_is_member = is_member(request.user)
    form = SearchForm(request.GET or None, include_members=viewer_is_member)
    context = {
        "form": form,
        "meta_title": _("Search"),
        "crumbs": [{"title": _("Search"), "url": None}],
        "topics": Tag.objects.filter(pk__in=_used_topic_ids()).order_by("name").only("name", "slug"),
    }
    if not form.is_bound or not form.is_valid() or not form.cleaned_data["q"]:
        context["empty_query"] = form.is_bound and form.is_valid()
        return TemplateResponse(request, "search/search.html", context)

    data = form.cleaned_data
    q = data["q"]
    topic = Tag.objects.get(slug=data["topic"]) if data["topic"] else None
    since = form.published_since()
    types = search_query.content_types()
    pages = search_query.searchable_pages(locale, types, topic=topic, since=since)
    words = search_query.search_words(q)
    all_results = search_query.search_pages(pages, words)
    counts = search_query.counts_by_type(all_results, types)

    # People have no topic or publication date, so a topic or date filter leaves them out.
    people = None
    if viewer_is_member and not topic and not since:
        people = search_query.search_profiles(q, audience_of(request.user))
    people_count = people.count() if people is not None else 0

    chosen = data["type"]
    levels = audience_of(request.user)
    if chosen == MEMBER_TYPE and people is not None:
        page_obj = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
        items = []
        people_shown = [(p, p.visible_to(request.user, levels)) for p in page_obj.object_list]
    else:
        results, count = all_results, sum(counts.values())
        if chosen in types:
            results = search_query.search_pages(pages.filter(content_type=types[chosen]), words)
            count = counts[chosen]
        page_obj = CountedPaginator(results if count else [], PER_PAGE, count).get_page(request.GET.get("page"))
        items = specific_for_cards(list(page_obj.object_list))
        people_shown = []
        if people_count and not chosen and page_obj.number == 1:
            people_shown = [(p, p.visible_to(request.user, levels)) for p in people[:PEOPLE_PREVIEW]]

    terms = search_query.query_terms(q)
    total = sum(counts.values()) + people_count
    type_links = [{"key": "", "label": _("Everything"), "count": total, "url": _link(request, type="")}]
    type_links += [
        {"key": key, "label": label, "count": counts[key], "url": _link(request, type=key)}
        for key, (_model, label) in PAGE_TYPES.items()
    ]
    if people is not None:
        type_links.append(
            {"key": MEMBER_TYPE, "label": _("Members"), "count": people_count, "url": _link(request, type=MEMBER_TYPE)}
        )
    context.update(
        query=q,
        terms=terms,
        total=total,
        type_links=type_links,
        chosen_type=chosen,
        page_obj=page_obj,
        results=[
            {
                "page": page,
                "title": search_query.highlight(page.title, terms),
                "snippet": search_query.snippet(search_query.page_summary(page), terms),
                "date": search_query.page_date(page),
            }
            for page in items
        ],
        people=people_shown,
        people_count=people_count,
        people_url=_link(request, type=MEMBER_TYPE),
        picks=search_query.editors_picks(q, locale) if page_obj.number == 1 else [],
    )
    if total == 0:
        suggestion = search_query.did_you_mean(q, locale)
        context.update(
            suggestion=suggestion,
            suggestion_url=_link(request, q=suggestion, type="", topic="", date="") if suggestion else "",
            popular_topics=search_query.popular_topics(),
        )
    return TemplateResponse(request, "search/search.html", context)


def _used_topic_ids():
    condition = Q(pk__in=[])
    for model in topic_page_models():
        condition |= Q(pk__in=model.topics.through.objects.values("tag_id"))
    return Tag.objects.filter(condition).values("pk")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawlers may read every public page; not the admin, the search results or the account pages."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/search/", f"Disallow: /{code}/accounts/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap})
