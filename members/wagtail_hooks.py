from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MemberProfile


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = "Member profiles"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["display_name", "job_title", "organisation", "region", "member_since"]
    list_filter = ["region", "is_staff_member"]
    search_fields = ["display_name", "organisation", "job_title"]


register_snippet(MemberProfileViewSet)
