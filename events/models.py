"""Events: the index (listings, past events, month calendar, feeds) and the event page."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import TruncMonth
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.signals import page_published

from members.models import MemberProfile
from qsite.blocks import BodyBlock
from qsite.feeds import feed_response
from qsite.models import Region
from qsite.pages import (
    SUMMARY_BOOST,
    CommentableMixin,
    ListingFieldsMixin,
    SocialFieldsMixin,
    TopicsMixin,
    page_search_fields,
)

from .timing import last_local_day, local_midnight, month_bounds, today_starts

PER_PAGE = 12
# How long before the start a "near the event" joining link appears to everyone.
JOINING_LINK_OPENS = datetime.timedelta(hours=1)
# Sub-routes of the index; an event with one of these slugs could never be reached.
RESERVED_SLUGS = {"past", "calendar", "ical", "feed"}
# Ranges of dates and times are written with an en dash, as in print.
EN_DASH = "\N{EN DASH}"


class EventType(models.TextChoices):
    COMMUNITY = "community", _("Community event")
    WELCOME = "welcome", _("Welcome event")
    SITE_VISIT = "site_visit", _("Site visit")
    MASTERCLASS = "masterclass", _("Masterclass")
    WEBINAR = "webinar", _("Webinar")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Going ahead")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class JoiningLinkVisibility(models.TextChoices):
    NEAR = "near", _("To everyone, from an hour before the start until the end")
    MEMBERS = "members", _("Only to signed-in members, at any time")


def _image_prefetch(field):
    return models.Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


# --- Queries ----------------------------------------------------------------------------


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


def _is_past(now=None):
    """The one rule: an event is past once it ended before today began (London)."""
    return Q(end__lte=today_starts(now))


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Future, today's and ongoing events, soonest first."""
        return self.exclude(_is_past(now)).order_by("start", "pk")

    def past(self, now=None):
        """Events that ended before today, most recent first."""
        return self.filter(_is_past(now)).order_by("-start", "-pk")

    def ongoing(self, now=None):
        """Started and not yet past: a subset of upcoming()."""
        return self.upcoming(now).filter(start__lte=now or timezone.now())

    def in_region(self, slug):
        return self.filter(region__slug=slug)

    def of_type(self, event_type):
        return self.filter(event_type=event_type)

    def in_format(self, event_format):
        """Hybrid events can be attended either way, so they match "online" and "in person" too."""
        if event_format == EventFormat.HYBRID:
            return self.filter(event_format=EventFormat.HYBRID)
        return self.filter(event_format__in=[event_format, EventFormat.HYBRID])

    def by_topic(self, slug):
        return self.filter(topics__slug=slug)

    def in_month(self, year, month):
        """Events taking place at any time in a London calendar month, multi-day ones included."""
        first, following = month_bounds(year, month)
        return self.filter(start__lt=following, end__gte=first)

    def for_cards(self):
        """What a card shows (image, region), fetched in a fixed number of queries."""
        return self.select_related("region").prefetch_related(_image_prefetch("listing_image"))


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


# --- The event ---------------------------------------------------------------------------


class EventPage(RoutablePageMixin, ListingFieldsMixin, SocialFieldsMixin, TopicsMixin, CommentableMixin, Page):
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
    region = models.ForeignKey(
        "qsite.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the event is, or the region an online event is for. Readers filter and subscribe by it."),
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
        errors = {}
        if self.all_day and self.start and self.end:
            # Whole London days: from midnight on the first to the last second of the last.
            first, last = timezone.localdate(self.start), timezone.localdate(self.end)
            self.start = local_midnight(first)
            self.end = local_midnight(last) + datetime.timedelta(days=1, seconds=-1)
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID) and not self.joining_link:
            errors["joining_link"] = _("Online and hybrid events need a joining link.")
        if self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID):
            if not self.venue_name.strip():
                errors["venue_name"] = _("In-person and hybrid events need a venue name.")
            if not self.venue_address.strip():
                errors["venue_address"] = _("In-person and hybrid events need the venue's address.")
        if self.organiser_profile_id and self.organiser_name.strip():
            errors["organiser_name"] = _("Choose a member or a partner as the organiser, not both.")
        elif not self.organiser_profile_id and not self.organiser_name.strip():
            errors["organiser_profile"] = _("Choose the member who organises the event, or give a partner's name.")
        if self.organiser_url and not self.organiser_name.strip():
            errors["organiser_url"] = _("A website is for a partner organiser; give the partner's name too.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("“%(slug)s” is used by the events list itself; choose another slug.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # Publishing an older revision must not wind the sequence back.
        obj = super().with_content_json(content)
        obj.publish_count = self.publish_count
        return obj

    # --- Time -------------------------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def last_day(self):
        return last_local_day(self.start, self.end)

    @property
    def is_multi_day(self):
        return self.last_day > self.local_start.date()

    def is_past(self, now=None):
        return self.end <= today_starts(now)

    def is_ongoing(self, now=None):
        now = now or timezone.now()
        return self.start <= now and not self.is_past(now)

    def days(self):
        """Every London date the event covers."""
        day, last = self.local_start.date(), self.last_day
        while day <= last:
            yield day
            day += datetime.timedelta(days=1)

    @property
    def when(self):
        """The date and time as a reader says it, in London time."""
        start, end = self.local_start, self.local_end
        if self.all_day:
            if not self.is_multi_day:
                return _("%(date)s, all day") % {"date": date_format(start, "l j F Y")}
            return _("%(first)s to %(last)s") % {
                "first": date_format(start, "j F Y"),
                "last": date_format(self.last_day, "j F Y"),
            }
        if not self.is_multi_day:
            return _("%(date)s, %(start)s to %(end)s") % {
                "date": date_format(start, "l j F Y"),
                "start": date_format(start, "H:i"),
                "end": date_format(end, "H:i"),
            }
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "j F Y, H:i"),
            "end": date_format(end, "j F Y, H:i"),
        }

    @property
    def short_when(self):
        start = self.local_start
        if self.all_day or self.is_multi_day:
            if self.is_multi_day:
                return f"{date_format(start, 'D j M')} {EN_DASH} {date_format(self.last_day, 'D j M Y')}"
            return date_format(start, "D j M Y")
        return f"{date_format(start, 'D j M Y, H:i')}{EN_DASH}{date_format(self.local_end, 'H:i')}"

    # --- What readers see ------------------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_online(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self):
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def where(self):
        """'Online', 'Leeds Civic Hall, North East and Yorkshire', or both for hybrid events."""
        place = ", ".join(p for p in (self.venue_name, self.region.name if self.region_id else "") if p)
        if self.event_format == EventFormat.ONLINE:
            return _("Online") + (f" · {self.region.name}" if self.region_id else "")
        if self.event_format == EventFormat.HYBRID:
            return _("%(place)s and online") % {"place": place}
        return place

    @property
    def card_meta(self):
        meta = " · ".join(p for p in (self.short_when, self.where) if p)
        if self.status != EventStatus.SCHEDULED:
            return f"{self.get_status_display()}: {meta}"
        return meta

    @property
    def organiser_display(self):
        return self.organiser_profile.display_name if self.organiser_profile_id else self.organiser_name

    @property
    def booking_open(self):
        return bool(self.booking_url) and not self.registration_closed and self.status == EventStatus.SCHEDULED

    def joining_link_visible(self, user, now=None):
        """Whether this reader may see the joining link now (the editor chooses who and when)."""
        now = now or timezone.now()
        if not self.is_online or not self.joining_link or self.is_cancelled or self.end < now:
            return False
        if self.joining_link_visibility == JoiningLinkVisibility.MEMBERS:
            return bool(user and user.is_authenticated) and (
                user.is_staff or MemberProfile.objects.filter(user=user).exists()
            )
        return now >= self.start - JOINING_LINK_OPENS

    def next_change(self, now=None):
        """When what this page shows next changes on its own (link opens, event starts, turns past)."""
        now = now or timezone.now()
        moments = [self.start - JOINING_LINK_OPENS, self.start, self.end, local_midnight(self.last_day)]
        moments.append(moments[-1] + datetime.timedelta(days=1))
        return min((m for m in moments if m > now), default=None)

    @property
    def ical_sequence(self):
        return max(self.publish_count - 1, 0)

    def ical_uid(self, host):
        """Stable across edits and shared by translations: the page's translation key and the site's host."""
        return f"{self.translation_key}@{host}"

    def structured_data(self):
        """schema.org Event, for search engines (rendered as JSON-LD)."""
        status = {
            EventStatus.SCHEDULED: "EventScheduled",
            EventStatus.POSTPONED: "EventPostponed",
            EventStatus.CANCELLED: "EventCancelled",
        }[self.status]
        mode = {
            EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
            EventFormat.ONLINE: "OnlineEventAttendanceMode",
            EventFormat.HYBRID: "MixedEventAttendanceMode",
        }[self.event_format]
        locations = []
        if self.is_in_person:
            place = {"@type": "Place", "name": self.venue_name}
            address = {"@type": "PostalAddress", "streetAddress": self.venue_address.replace("\n", ", ")}
            address["addressCountry"] = "GB"
            if self.region_id:
                address["addressRegion"] = self.region.name
            place["address"] = address
            locations.append(place)
        if self.is_online:
            # The page, never the joining link itself, which may be for members only.
            locations.append({"@type": "VirtualLocation", "url": self.full_url})
        if self.all_day:
            start, end = self.local_start.date().isoformat(), self.last_day.isoformat()
        else:
            start, end = self.local_start.isoformat(), self.local_end.isoformat()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.intro,
            "url": self.full_url,
            "startDate": start,
            "endDate": end,
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "location": locations[0] if len(locations) == 1 else locations,
            "inLanguage": self.locale.language_code,
        }
        site = self.get_site()
        root = site.root_url if site else ""
        if self.organiser_profile_id:
            data["organizer"] = {
                "@type": "Person",
                "name": self.organiser_profile.display_name,
                "url": root + self.organiser_profile.get_absolute_url(),
            }
        elif self.organiser_name:
            data["organizer"] = {"@type": "Organization", "name": self.organiser_name}
            if self.organiser_url:
                data["organizer"]["url"] = self.organiser_url
        if self.booking_url and not self.is_cancelled:
            data["offers"] = {
                "@type": "Offer",
                "url": self.booking_url,
                "availability": "https://schema.org/" + ("InStock" if self.booking_open else "SoldOut"),
            }
        if self.share_image:
            url = self.share_image.get_rendition("fill-1200x630|format-jpeg").url
            data["image"] = url if url.startswith(("http://", "https://")) else root + url
        return data

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
        from .ical import calendar_response

        return calendar_response(request, [self], filename=self.slug, private=self.get_view_restrictions().exists())

    @staticmethod
    def calendar_response(request, events, **kwargs):
        """An .ics response for any list of events; how other apps (groups) build calendars without importing events."""
        from .ical import calendar_response

        return calendar_response(request, events, **kwargs)


@receiver(page_published, sender=EventPage)
def count_publish(sender, instance, **kwargs):
    # An UPDATE with F() so two publishes at once cannot both write the same number.
    EventPage.objects.filter(pk=instance.pk).update(publish_count=F("publish_count") + 1)
    instance.publish_count = EventPage.objects.filter(pk=instance.pk).values_list("publish_count", flat=True).first()


# --- The index ---------------------------------------------------------------------------


class EventIndexPage(RoutablePageMixin, SocialFieldsMixin, Page):
    intro = models.TextField(max_length=500, blank=True, help_text=_("Shown under the title."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(index.SearchField("intro", boost=SUMMARY_BOOST))

    class Meta:
        verbose_name = _("events index")

    def events(self):
        return self._live_events.all()

    @cached_property
    def _live_events(self):
        # public() reads the view restrictions when called; once per request is enough.
        return EventPage.objects.live().public().child_of(self)

    @cached_property
    def filter_options(self):
        events = self.events()
        return {
            "types": EventType.choices,
            "formats": [
                (EventFormat.IN_PERSON, _("In person or hybrid")),
                (EventFormat.ONLINE, _("Online or hybrid")),
                (EventFormat.HYBRID, _("Hybrid only")),
            ],
            "regions": Region.objects.filter(locale_id=self.locale_id).only("name", "slug"),
            "topics": Tag.objects.filter(events_eventpagetag_items__content_object__in=events)
            .distinct()
            .order_by("name"),
        }

    def month_options(self, events):
        """The London months in which the listed events start, in list order."""
        return [
            row["month"]
            for row in events.annotate(month=TruncMonth("start", tzinfo=timezone.get_default_timezone()))
            .order_by()
            .values("month")
            .distinct()
        ]

    def filtered(self, request, *, with_month=True):
        from .forms import EventFilterForm

        form = EventFilterForm(request.GET or None, with_month=with_month)
        events = form.filter(self.events()) if form.is_bound else self.events()
        return form, events

    def _listing(self, request, view):
        now = timezone.now()
        form, events = self.filtered(request)
        events = events.upcoming(now) if view == "upcoming" else events.past(now)
        page_obj = Paginator(events.for_cards(), PER_PAGE).get_page(request.GET.get("page"))
        base = self.events().upcoming(now) if view == "upcoming" else self.events().past(now)
        months = sorted(self.month_options(base), reverse=view == "past")
        return self.render(
            request,
            context_overrides={
                "view": view,
                "form": form,
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "options": {**self.filter_options, "months": months},
                "feed_query": form.feed_query(),
                "now": now,
            },
        )

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return self._listing(request, "upcoming")

    @path("past/", name="past")
    def past_route(self, request):
        return self._listing(request, "past")

    @path("calendar/", name="calendar_now")
    def calendar_now_route(self, request):
        today = timezone.localdate()
        return self.calendar_route(request, today.year, today.month)

    @path("calendar/<int:year>/<int:month>/", name="calendar")
    def calendar_route(self, request, year, month):
        from .calendar import MonthCalendar

        try:
            month_view = MonthCalendar(year, month)
        except ValueError as error:
            raise Http404(str(error)) from error
        form, events = self.filtered(request, with_month=False)
        month_view.fill(events.in_month(year, month).order_by("start", "pk").select_related("region"))
        return self.render(
            request,
            template="events/event_calendar_page.html",
            context_overrides={
                "view": "calendar",
                "form": form,
                "month": month_view,
                "options": self.filter_options,
            },
        )

    def _feed_events(self, request):
        form, events = self.filtered(request)
        if form.is_bound and not form.is_valid():
            raise Http404("Unknown filter")
        return events.upcoming()

    @path("ical/", name="ical")
    def ical_route(self, request):
        """A subscribable calendar of upcoming events; the index's filters (e.g. ?region=wales) apply."""
        from .ical import calendar_response

        events = self._feed_events(request).select_related("region")
        return calendar_response(
            request, events, filename="events", title=self.title, private=self.get_view_restrictions().exists()
        )

    @path("feed/", name="feed")
    def feed_default(self, request):
        return redirect(self.url + self.reverse_subpage("rss"), permanent=True)

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return feed_response(request, self, self._feed_events(request).for_cards(), "rss")

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        return feed_response(request, self, self._feed_events(request).for_cards(), "atom")
