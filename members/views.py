from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from qsite.pages import pages_by_author

from .models import MemberProfile


def profile(request, slug):
    """A member's public profile: who they are and what they have written here."""
    member = get_object_or_404(MemberProfile.objects.select_related("photo", "region"), slug=slug)
    pages = pages_by_author(member).filter(locale__language_code=request.LANGUAGE_CODE)
    page_obj = Paginator(pages.order_by("-first_published_at", "-pk"), 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/profile.html",
        {
            "member": member,
            "page_obj": page_obj,
            "crumbs": [{"title": _("Members"), "url": None}, {"title": member.display_name, "url": None}],
        },
    )
