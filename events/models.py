"""Events: the index (listings, past events, month calendar, feeds) and the event page."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.dispatch import receiver
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.signals import page_published

from qsite.blocks import BodyBlock
from qsite.listings import CalendarIndexMixin, FilteredIndexPage, ListedPageMixin, ListingQuerySet, image_prefetch
from qsite.pages import (
    SUMMARY_BOOST,
    CommentableMixin,
    ListingFieldsMixin,
    SocialFieldsMixin,
    TopicsMixin,
    page_search_fields,
    region_field,
)

from . import ical, rules
from .calendar import MonthCalendar
from .choices import EventFormat, EventStatus, EventType, JoiningLinkVisibility
from .display import EventDisplayMixin
from .feeds import feed_description
from .joining import JoiningLinkMixin
from .seo import event_data
from .timing import month_bounds, normalise_newlines, today_starts

# --- Queries ----------------------------------------------------------------------------


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


def _is_past(now=None):
    """The one rule: an event is past once it ended before today began (London)."""
    return Q(end__lte=today_starts(now))


class EventPageQuerySet(ListingQuerySet):
    def upcoming(self, now=None):
        """Future, today's and ongoing events, soonest first."""
        return self.exclude(_is_past(now)).order_by("start", "pk")

    def past(self, now=None):
        """Events that ended before today, most recent first."""
        return self.filter(_is_past(now)).order_by("-start", "-pk")

    def ongoing(self, now=None):
        """Started and not yet past: a subset of upcoming()."""
        return self.upcoming(now).filter(start__lte=now or timezone.now())

    def of_type(self, event_type):
        return self.filter(event_type=event_type)

    def in_format(self, event_format):
        """Hybrid events can be attended either way, so they match "online" and "in person" too."""
        if event_format == EventFormat.HYBRID:
            return self.filter(event_format=EventFormat.HYBRID)
        return self.filter(event_format__in=[event_format, EventFormat.HYBRID])

    def in_month(self, year, month):
        """Events taking place at any time in a London calendar month, multi-day ones included."""
        first, following = month_bounds(year, month)
        return self.filter(start__lt=following, end__gte=first)

    def for_cards(self):
        """What a card shows (image, region), fetched in a fixed number of queries."""
        return self.select_related("region").prefetch_related(image_prefetch("listing_image"))


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


# --- The event ---------------------------------------------------------------------------


class EventPage(
    ListedPageMixin,
    EventDisplayMixin,
    JoiningLinkMixin,
    RoutablePageMixin,
    ListingFieldsMixin,
    SocialFieldsMixin,
    TopicsMixin,
    CommentableMixin,
    Page,
):
    event_type = models.CharField(
        max_length=20,
        choices=EventType.choices,
        default=EventType.COMMUNITY,
        help_text=_("Readers can filter the events list by type."),
    )
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Cancelled and postponed events stay listed with a prominent notice, and calendar apps that "
            "subscribed are told."
        ),
    )
    status_note = models.CharField(
        max_length=240,
        blank=True,
        help_text=_("Shown with a cancelled or postponed notice, e.g. 'We will announce a new date in January.'"),
    )
    start = models.DateTimeField(
        help_text=_("UK time (Europe/London). For all-day events only the date counts."),
    )
    end = models.DateTimeField(
        help_text=_("UK time. May be on a later day for events that run over several days."),
    )
    all_day = models.BooleanField(
        default=False,
        help_text=_("Tick for events without set times; the times above are then ignored and only dates shown."),
    )
    event_format = models.CharField(
        _("format"),
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
        help_text=_("In-person and hybrid events need a venue; online and hybrid events need a joining link."),
    )
    venue_name = models.CharField(max_length=150, blank=True, help_text=_("e.g. 'Riverside Community Centre'."))
    venue_address = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("Full address with postcode, one part per line."),
    )
    region = region_field(
        _("Where the event is, or the region an online event is for. Readers filter and subscribe by it.")
    )
    venue_accessibility = RichTextField(
        _("accessibility information"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_(
            "Step-free access, hearing loops, quiet rooms, toilets, parking, captions for online sessions: "
            "whatever helps someone decide whether they can come."
        ),
    )
    joining_link = models.URLField(
        max_length=500,
        blank=True,
        help_text=_("The video call address for online and hybrid events. Never put it in the body text."),
    )
    joining_link_visibility = models.CharField(
        max_length=20,
        choices=JoiningLinkVisibility.choices,
        default=JoiningLinkVisibility.NEAR,
        help_text=_("Who sees the joining link on the page. It never appears in calendar files or feeds."),
    )
    booking_url = models.URLField(
        max_length=500,
        blank=True,
        help_text=_("Where people book a place, e.g. an Eventbrite page. Leave empty if no booking is needed."),
    )
    registration_closed = models.BooleanField(
        default=False,
        help_text=_("Shows 'Registration closed' instead of the booking button."),
    )
    capacity_note = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("e.g. '30 places' or 'Open to all; no limit'."),
    )
    organiser_profile = models.ForeignKey(
        "members.MemberProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member who organises the event. Leave empty for a partner organisation."),
    )
    organiser_name = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("A partner organisation's name, when a member is not the organiser."),
    )
    organiser_url = models.URLField(max_length=500, blank=True, help_text=_("The partner's website. Optional."))
    body = StreamField(BodyBlock(), blank=True, help_text=_("The programme, speakers and anything else to know."))
    topics = ClusterTaggableManager(
        through=EventPageTag,
        blank=True,
        help_text=_("Topics are shared with posts, stories and insights, so one topic page lists them all."),
    )
    groups = ParentalManyToManyField(
        "groups.GroupPage",
        blank=True,
        related_name="events",
        help_text=_(
            "Special interest groups running or recommending this event. It appears on their pages and "
            "calendars, and members who asked are emailed when it is first published."
        ),
    )
    # Counted on every publish; the iCalendar SEQUENCE is this minus one, so it starts at 0 and
    # rises with each publish, telling calendar apps to replace their copy.
    publish_count = models.PositiveIntegerField(default=0, editable=False)

    parent_page_types = ["events.EventIndexPage"]
    credited_profile_field = "organiser_profile"  # listed on the organiser's profile page
    subpage_types = []

    objects = EventPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region"),
                FieldPanel("venue_accessibility"),
                FieldPanel("joining_link"),
                FieldPanel("joining_link_visibility"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("booking_url"), FieldPanel("registration_closed"), FieldPanel("capacity_note")],
            heading=_("Booking"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser_profile"), FieldPanel("organiser_name"), FieldPanel("organiser_url")],
            heading=_("Organiser"),
        ),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(ListingFieldsMixin.listing_panels, heading=_("Cards")),
    ]
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.RelatedFields("topics", [index.SearchField("name", boost=SUMMARY_BOOST)]),
    )
    # A copied event is a new event: a new iCalendar UID (translation_key) and a fresh SEQUENCE.
    exclude_fields_in_copy = ["publish_count"]

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    # --- Editing rules ---------------------------------------------------------------

    def clean(self):
        super().clean()
        rules.tidy(self)
        errors = rules.errors_in(self)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.venue_address = normalise_newlines(self.venue_address)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Publishing an older revision must not wind the sequence back.
        obj = super().with_content_json(content)
        obj.publish_count = self.publish_count
        return obj

    @property
    def ical_sequence(self):
        return max(self.publish_count - 1, 0)

    def ical_uid(self, host):
        """Stable across edits and shared by translations: the page's translation key and the site's host."""
        return f"{self.translation_key}@{host}"

    def structured_data(self):
        return event_data(self)

    def feed_description(self):
        return feed_description(self)

    # --- Serving ----------------------------------------------------------------------

    def more_events(self, limit=3):
        """Other upcoming events from the same list, soonest first."""
        return list(EventPage.objects.live().public().sibling_of(self, inclusive=False).upcoming().for_cards()[:limit])

    @path("")
    def event_route(self, request):
        now = timezone.now()
        show_link = self.joining_link_visible(request.user, now)
        response = self.render(
            request,
            context_overrides={
                "show_joining_link": show_link,
                "more_events": self.more_events(),
                "now": now,
                "is_past": self.is_past(now),
                "is_ongoing": self.is_ongoing(now),
            },
        )
        if show_link and self.joining_link_visibility == JoiningLinkVisibility.MEMBERS:
            # A members-only link must never sit in a shared cache.
            patch_cache_control(response, private=True, no_store=True)
        else:
            change = self.next_change(now)
            if change is not None:
                seconds = int((change - now).total_seconds()) + 1
                # Shared caches (ours, a CDN) drop the page the moment it would change; browsers always revalidate.
                patch_cache_control(response, s_maxage=min(seconds, settings.PAGE_CACHE_SECONDS))
        return response

    @path("ical/", name="ical")
    def ical_route(self, request):
        return ical.calendar_response(
            request, [self], filename=self.slug, private=self.get_view_restrictions().exists()
        )

    @staticmethod
    def calendar_response(request, events, **kwargs):
        """An .ics response for any list of events; how other apps (groups) build calendars without importing events."""
        return ical.calendar_response(request, events, **kwargs)


@receiver(page_published, sender=EventPage)
def count_publish(sender, instance, **kwargs):
    # An UPDATE with F() so two publishes at once cannot both write the same number.
    EventPage.objects.filter(pk=instance.pk).update(publish_count=F("publish_count") + 1)
    instance.publish_count = EventPage.objects.filter(pk=instance.pk).values_list("publish_count", flat=True).first()


# --- The index ---------------------------------------------------------------------------


class EventIndexPage(CalendarIndexMixin, FilteredIndexPage):
    child_model = "events.EventPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = [child_model]
    filter_form_class = "events.forms.EventFilterForm"
    ordering = "upcoming"
    context_name = "events"

    class Meta:
        verbose_name = _("events index")

    def listing_labels(self, view=None):
        if view == "past":
            return {
                "empty": _("No past events match these filters."),
                "empty_invalid": _("No events to show, because some filters could not be used."),
                "see_all": _("See all past events"),
                "pagination": _("Pages of events"),
            }
        return {
            "empty": _("No upcoming events match these filters."),
            "empty_invalid": _("No events to show, because some filters could not be used."),
            "see_all": _("See all upcoming events"),
            "more": _("Browse past events"),
            "more_url": self.url + self.reverse_subpage("past"),
            "pagination": _("Pages of events"),
        }

    def results_heading(self, count, view=None):
        if view == "past":
            return ngettext("%(counter)s past event", "%(counter)s past events", count) % {"counter": count}
        return ngettext("%(counter)s upcoming event", "%(counter)s upcoming events", count) % {"counter": count}

    def event_listing(self, request, view):
        now = timezone.now()
        events = self.children().upcoming(now) if view == "upcoming" else self.children().past(now)
        return self.listing_response(
            request, children=events, view=view, form_kwargs={"months_newest_first": view == "past"}, now=now
        )

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return self.event_listing(request, "upcoming")

    @path("past/", name="past")
    def past_route(self, request):
        return self.event_listing(request, "past")

    @path("calendar/", name="calendar_now")
    def calendar_now_route(self, request):
        today = timezone.localdate()
        return self.calendar_route(request, today.year, today.month)

    @path("calendar/<int:year>/<int:month>/", name="calendar")
    def calendar_route(self, request, year, month):
        try:
            month_view = MonthCalendar(year, month)
        except ValueError as error:
            raise Http404(str(error)) from error
        form = self.filter_form(request, with_month=False)
        events = form.filter(self.children()).in_month(year, month).order_by("start", "pk").select_related("region")
        month_view.fill(events)
        return self.render(
            request,
            template="events/event_calendar_page.html",
            context_overrides={"view": "calendar", "form": form, "month": month_view},
        )

    def calendar_response(self, request, items):
        """The index's subscribable calendar (ical/): upcoming events with the list's filters."""
        return EventPage.calendar_response(
            request,
            items.select_related("region"),
            filename="events",
            title=self.title,
            private=self.get_view_restrictions().exists(),
        )
