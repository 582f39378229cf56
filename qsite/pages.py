"""Abstract page pieces shared by blog posts, member stories, events and insights.

Mixins with fields bring their own panels; behaviour-only mixins have no
fields. Nothing here imports a content app: related models are named by string.
"""

import math
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable, Page, get_page_models

from .blocks import body_word_count

WORDS_PER_MINUTE = 230

# Search weights: Wagtail boosts the title by 2; a page's intro and topics use SUMMARY_BOOST, below the
# title and above the body (no boost). PostgreSQL maps the distinct boosts to tsvector weights A-D.
SUMMARY_BOOST = 1.5


def page_search_fields(*fields):
    """Page's own search and filter fields (the same objects, as Wagtail's check expects), then `fields`."""
    return [*Page.search_fields, *fields]


def region_field(help_text=""):
    """The optional region a page is filed under (qsite.Region): one definition for every page type."""
    return models.ForeignKey(
        "qsite.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=help_text
    )


def image_field(help_text=""):
    """An optional picture (a Wagtail image), kept if the image is deleted as an empty field."""
    return models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=help_text
    )


class ListingFieldsMixin(models.Model):
    """The standfirst and what cards show: intro, listing image, optional shorter summary."""

    intro = models.TextField(
        max_length=500,
        help_text=_("The standfirst: one or two sentences under the title, also used on cards and in search."),
    )
    listing_image = image_field(_("The picture on cards. Leave empty to use the page's main image."))
    listing_summary = models.CharField(
        max_length=240,
        blank=True,
        help_text=_("A shorter summary for cards. Leave empty to use the intro."),
    )

    listing_panels = [FieldPanel("listing_image"), FieldPanel("listing_summary")]

    class Meta:
        abstract = True

    @property
    def card_image(self):
        return self.listing_image or getattr(self, "hero_image", None)

    @property
    def card_summary(self):
        return self.listing_summary or self.intro


class SocialFieldsMixin(models.Model):
    """What a link preview shows when the page is shared (OpenGraph / Twitter cards)."""

    social_image = image_field(_("Shown when the page is shared on social media. Defaults to the card picture."))
    social_text = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Shown under the title when shared. Defaults to the search description or intro."),
    )

    social_panels = [MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing"))]
    # The promote tab of every page type: Wagtail's slug, search title and description, then sharing.
    promote_panels = [*Page.promote_panels, *social_panels]

    class Meta:
        abstract = True

    @property
    def share_image(self):
        """The page's own picture for link previews; the site default is applied by qsite.seo."""
        return self.social_image or getattr(self, "card_image", None) or getattr(self, "hero_image", None)

    @property
    def share_text(self):
        return self.social_text or self.search_description or getattr(self, "intro", "")


class ReadingTimeMixin(models.Model):
    """Minutes to read the body, worked out on every save so cards need not load the body."""

    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        words = body_word_count(getattr(self, "body", None)) + len((getattr(self, "intro", "") or "").split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        return super().save(*args, **kwargs)


class BaseAuthor(Orderable):
    """One credited author of a page, in order. Each app adds `page = ParentalKey(...)`."""

    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("profile")]

    class Meta(Orderable.Meta):
        abstract = True


def _is_prefetched(instance, name):
    return name in getattr(instance, "_prefetched_objects_cache", {})


class AuthorsMixin:
    """Behaviour for pages with an `authors` inline of BaseAuthor rows."""

    @cached_property
    def author_profiles(self):
        authors = self.authors.all()
        if not _is_prefetched(self, "authors") and hasattr(authors, "select_related"):
            # One query for authors, profiles and photos, read once per request (byline, JSON-LD, feeds).
            authors = authors.select_related("profile__photo")
        return [author.profile for author in authors]


class TopicsMixin:
    """Behaviour for pages with a `topics` ClusterTaggableManager. Topics are shared taggit tags."""

    @cached_property
    def topic_list(self):
        return list(self.topics.all())


def _models_with(mixin):
    return [m for m in get_page_models() if issubclass(m, mixin) and not m._meta.abstract]


def topic_page_models():
    """The page types that carry topics."""
    return _models_with(TopicsMixin)


# The query string that opts a cross-type listing or feed into every language: ?language=all.
ALL_LANGUAGES = "all"


def asks_for_all_languages(request):
    """True when the reader opted in with ?language=all. Any other value keeps the reader's language."""
    return request.GET.get("language") == ALL_LANGUAGES


def other_language_names():
    """The site's other languages, named in the reader's language ("Welsh" on English pages)."""
    current = get_language()
    return get_text_list([str(name) for code, name in settings.LANGUAGES if code != current], _("and"))


def _in_language(pages, locale, all_languages):
    """One language rule for every cross-type listing: the reader's language unless all are asked for."""
    if all_languages:
        return pages
    if locale is None:
        # Joined on the language code rather than fetching the Locale first: no query of its own.
        return pages.filter(locale__language_code=get_language())
    return pages.filter(locale=locale)


def pages_with_topic(tag, locale=None, *, all_languages=False):
    """Live public pages of every type tagged with this topic, in `locale` (default: the active language)."""
    condition = Q(pk__in=[])
    for model in _models_with(TopicsMixin):
        through = model.topics.through
        condition |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    return _in_language(Page.objects.live().public().filter(condition), locale, all_languages)


def topics_in_use(locale=None):
    """Topics with at least one live public page in `locale` (default: the active language), A to Z, each
    with `page_count`. One query: a counting subquery per page type that carries topics, summed."""
    pages = _in_language(Page.objects.live().public(), locale, False).values("pk")
    counts = []
    for model in topic_page_models():
        tagged = (
            model.topics.through.objects.filter(tag=OuterRef("pk"), content_object_id__in=pages)
            .order_by()
            .values("tag")
            .annotate(n=Count("content_object_id", distinct=True))
            .values("n")
        )
        counts.append(Coalesce(Subquery(tagged), 0))
    total = sum(counts[1:], counts[0]) if counts else Value(0)
    return Tag.objects.annotate(page_count=total).filter(page_count__gt=0).order_by(Lower("name"), "pk")


def _region_fields():
    """(page model, its region's model) for every page type filed under a `qsite.Region`.

    The region model is read from the field, so this module needs no import of qsite.models."""
    found = []
    for model in get_page_models():
        if model._meta.abstract:
            continue
        try:
            field = model._meta.get_field("region")
        except FieldDoesNotExist:
            continue
        related = getattr(field, "related_model", None)
        if related is not None and related._meta.label == "qsite.Region":
            found.append((model, related))
    return found


def pages_in_region(slug, locale=None, *, all_languages=False):
    """Live public pages of every type filed under this region or a region inside it (England takes in
    London), in `locale` (default: the active language). Regions are matched by slug, which translations share."""
    condition = Q(pk__in=[])
    for model, region_model in _region_fields():
        regions = region_model.objects.within(slug)
        condition |= Q(pk__in=model.objects.filter(region__in=regions).values("pk"))
    return _in_language(Page.objects.live().public().filter(condition), locale, all_languages)


def pages_by_author(profile, locale=None, *, all_languages=False):
    """Live public pages of every type that credit this member profile, in `locale` (default: the active
    language). Cache purges ask for all languages."""
    condition = Q(pk__in=[])
    for model in _models_with(AuthorsMixin):
        author_model = model._meta.get_field("authors").related_model
        condition |= Q(pk__in=author_model.objects.filter(profile=profile).values("page_id"))
    # Page types that credit one person in a field of their own (a story's member, an event's organiser)
    # name that field in `credited_profile_field`.
    for model in get_page_models():
        field = getattr(model, "credited_profile_field", None)
        if field and not model._meta.abstract:
            condition |= Q(pk__in=model.objects.filter(**{field: profile}).values("pk"))
    return _in_language(Page.objects.live().public().filter(condition), locale, all_languages)


def listing_date_field(model):
    """The field that dates an item of this page type on a mixed listing: `start` (events), else `date`
    (blog posts, stories, insights), else None (the page's first publication stands in)."""
    for name in ("start", "date"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.DateField):  # DateTimeField is a DateField too
            return field
    return None


def with_listing_date(pages):
    """Base pages annotated with `listing_date` (each item's own date, see listing_date_field) and
    `listing_language`, ordered newest first with pk breaking ties, all in the database so that
    paginating stays right across types. One correlated subquery per dated page type, no extra query.

    A plain date becomes midnight UTC, which is the same day in London (UTC+0 or +1)."""
    dates = []
    for model in get_page_models():
        if model._meta.abstract or model is Page:
            continue
        field = listing_date_field(model)
        # Subclasses of a dated page type find the field on their parent; one subquery per table is enough.
        if field is None or field.model is not model:
            continue
        value = Subquery(model.objects.filter(pk=OuterRef("pk")).values(field.name)[:1])
        if not isinstance(field, models.DateTimeField):
            value = Cast(value, models.DateTimeField())
        dates.append(value)
    listing_date = Coalesce(*dates, "first_published_at", output_field=models.DateTimeField())
    return pages.annotate(listing_date=listing_date, listing_language=F("locale__language_code")).order_by(
        F("listing_date").desc(nulls_last=True), "-pk"
    )


def site_root(page):
    """The page's site root URL. Look it up once when making several addresses absolute (JSON-LD)."""
    site = page.get_site()
    return site.root_url if site else ""


def absolute_to(root, url):
    """`url` made absolute against `root`, unless it already is (e.g. media on object storage)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return root + url


def absolute(page, url):
    """`url` made absolute against the page's site (one site lookup per call)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return absolute_to(site_root(page), url)


def image_url(page, image, spec="fill-1200x630|format-jpeg"):
    return absolute(page, image.get_rendition(spec).url) if image else None


LISTING_ANNOTATIONS = ("listing_date", "listing_language")


def specific_for_cards(pages):
    """The specific pages for a list of base Pages, in the same order, each type fetched with its own `for_cards()`.

    One query (plus that type's prefetches) per page type on the list, however long the list is.
    """
    ids_by_model = {}
    for page in pages:
        ids_by_model.setdefault(page.specific_class, []).append(page.pk)
    specific = {}
    for model, ids in ids_by_model.items():
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=ids)
        if hasattr(queryset, "for_cards"):
            queryset = queryset.for_cards()
        specific.update((page.pk, page) for page in queryset)
    items = [specific[page.pk] for page in pages if page.pk in specific]
    # What with_listing_date worked out in the database travels with the specific page to its card.
    for page in pages:
        item = specific.get(page.pk)
        for name in LISTING_ANNOTATIONS:
            if item is not None and hasattr(page, name):
                setattr(item, name, getattr(page, name))
    return items


class CommentableMixin(models.Model):
    """Opts a page type into moderated comments (the `comments` app).

    Adopting it is one base class plus `{% include "includes/comments.html" %}` in the template:
    its fields sit on the Settings tab through `settings_panels`, which page types rarely override.
    """

    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Untick to stop new comments. Comments already published stay visible."),
    )
    comments_closed_message = models.CharField(
        _("message when comments are closed"),
        max_length=250,
        blank=True,
        help_text=_("Shown instead of the form when comments are closed. Leave empty for a standard message."),
    )

    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("comments_open"), FieldPanel("comments_closed_message")], heading=_("Comments")),
    ]

    class Meta:
        abstract = True

    def comments_close_at(self, site_settings):
        """When comments close by themselves (None: never), from the site's 'close after N days' setting."""
        days = getattr(site_settings, "comments_close_after_days", None)
        if not days or not self.first_published_at:
            return None
        return self.first_published_at + timedelta(days=days)

    def comments_are_open(self, site_settings, now=None):
        if not self.comments_open:
            return False
        close_at = self.comments_close_at(site_settings)
        return close_at is None or (now or timezone.now()) < close_at

    @property
    def comments_closed_text(self):
        return self.comments_closed_message or _("Comments are closed on this page.")
