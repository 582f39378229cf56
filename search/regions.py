"""Region pages: the events, stories and other pages about one nation or region, and the members there.

A nation takes in the regions inside it (England lists what is filed under London too); a region lists only
itself. This lives in `search`, beside the other discovery views, because it lists members: the shared layer
`qsite` imports no app.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from members.models import MemberProfile, audience_of
from members.roles import is_member
from qsite.models import Region, SiteSettings
from qsite.pages import (
    asks_for_all_languages,
    other_language_names,
    pages_in_region,
    specific_for_cards,
    with_listing_date,
)

PER_PAGE = 12
MEMBERS_SHOWN = 12


def _region(slug, locale):
    """The region in the reader's language, else in the default language (regions may be untranslated)."""
    region = Region.objects.filter(slug=slug, locale=locale).first()
    if region is None:
        region = Region.objects.filter(slug=slug).order_by("pk").first()
    if region is None:
        raise Http404
    return region


def region_detail(request, slug):
    locale = Locale.get_active()
    region = _region(slug, locale)
    all_languages = asks_for_all_languages(request)
    pages = with_listing_date(pages_in_region(slug, locale, all_languages=all_languages))
    page_obj = Paginator(pages, PER_PAGE).get_page(request.GET.get("page"))
    levels = audience_of(request.user)
    # People are shown to whoever may see the member directory, and only those who list themselves
    # and show their region to this viewer.
    show_members = is_member(request.user) or SiteSettings.for_request_or_defaults(request).directory_is_public
    members = (
        MemberProfile.objects.listed()
        .visible_part("region", levels)
        .filter(region__in=Region.objects.within(slug))
        .select_related("region")
        .prefetch_related(Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions()))
        .order_by("display_name", "pk")
    )
    members_shown = [(p, p.visible_to(request.user, levels)) for p in members[:MEMBERS_SHOWN]] if show_members else []
    return TemplateResponse(
        request,
        "regions/region.html",
        {
            "region": region,
            "page_obj": page_obj,
            "items": specific_for_cards(list(page_obj.object_list)),
            "all_languages": all_languages,
            "other_languages": other_language_names(),
            "members": members_shown,
            "members_count": members.count() if show_members else 0,
            "show_members": show_members,
            # A nation's members include its regions' (England's, London's): then each card names its region.
            "members_span_regions": any(p.region and p.region.slug != slug for p, _visible in members_shown),
            "meta_title": region.name,
            "meta_description": _("Events, member stories and other pages from %(region)s.") % {"region": region.name},
            "crumbs": [{"title": _("Regions"), "url": None}, {"title": region.name, "url": None}],
        },
    )
