"""Subscribers in the Wagtail admin, for editors: filter by interest and status, export confirmed ones as CSV."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Interest, Subscriber, SubscriberStatus


def spreadsheet_safe(value):
    """A name like '=HYPERLINK(...)' must stay text when an editor opens the CSV in a spreadsheet."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Subscribers come only from the sign-up form, with their own consent: nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SubscriberStatus.choices, empty_label=_("Any status")
    )
    interest = django_filters.ChoiceFilter(
        label=_("Interest"), choices=Interest.choices, empty_label=_("Any interest"), method="filter_interest"
    )

    class Meta:
        model = Subscriber
        fields = []

    def filter_interest(self, queryset, name, value):
        return queryset.interested_in(value) if value in Interest.values else queryset


class SubscriberIndexView(IndexView):
    custom_field_preprocess = {
        field: {"csv": spreadsheet_safe, "xlsx": spreadsheet_safe} for field in ("email", "name", "consent_text")
    }

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.is_export:
            # The status filter is ignored: an export is always of confirmed subscribers.
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"].pop("status", None)
        return kwargs

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            # The export is the mailing list: confirmed people only, whatever the status filter says.
            queryset = queryset.confirmed()
        return queryset


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    filterset_class = SubscriberFilterSet
    list_display = ["email", "name", "status", "interest_labels", "created_at", "confirmed_at"]
    list_export = ["email", "name", "language", "interest_labels", "confirmed_at", "consent_text"]
    export_headings = {"interest_labels": _("Interests"), "language": _("Language")}
    export_filename = "confirmed-subscribers"
    search_fields = ["email", "name"]
    # Editors may correct a name or interests, or delete someone; the status only changes through the person's
    # own confirmation and unsubscribe links, so nobody is subscribed without their consent.
    form_fields = ["name", "wants_blog", "wants_events", "wants_insights", "wants_community"]
    inspect_view_enabled = True


subscriber_viewset = SubscriberViewSet("subscribers")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset
