"""Blog posts and new-member stories, with their index pages."""

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from qsite.blocks import BodyBlock
from qsite.listings import FilteredIndexPage, ListedPageMixin, ListingQuerySet
from qsite.pages import (
    SUMMARY_BOOST,
    AuthorsMixin,
    BaseAuthor,
    CommentableMixin,
    ListingFieldsMixin,
    ReadingTimeMixin,
    SocialFieldsMixin,
    TopicsMixin,
    image_field,
    page_search_fields,
    region_field,
)

from .seo import blog_posting


def _image_prefetch(field):
    return models.Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


# --- Blog posts --------------------------------------------------------------------------


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPageAuthor(BaseAuthor):
    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="authors")


class BlogPageQuerySet(ListingQuerySet):
    def latest(self):
        """Newest first: the order of the blog index, feeds and the home page."""
        return self.order_by("-date", "-pk")

    def for_cards(self):
        """Everything a card shows, fetched in a fixed number of queries."""
        return self.select_related("region").prefetch_related(
            _image_prefetch("listing_image"),
            _image_prefetch("hero_image"),
            models.Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("profile__photo")),
            "topics",
        )

    def in_month(self, year, month=None):
        queryset = self.filter(date__year=year)
        return queryset.filter(date__month=month) if month else queryset


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


class BlogPage(
    ListedPageMixin,
    ListingFieldsMixin,
    SocialFieldsMixin,
    ReadingTimeMixin,
    AuthorsMixin,
    TopicsMixin,
    CommentableMixin,
    Page,
):
    date = models.DateField(
        _("post date"),
        default=timezone.localdate,
        help_text=_("The date shown on the post; posts are listed newest first by this date."),
    )
    hero_image = image_field(
        _("The wide picture at the top of the post. Its alt text is read out, so describe it there.")
    )
    body = StreamField(BodyBlock())
    topics = ClusterTaggableManager(
        through=BlogPageTag,
        blank=True,
        help_text=_("Topics are shared with events, stories and insights, so one topic page lists them all."),
    )
    region = region_field(_("The nation or region the post is about, if any."))
    groups = ParentalManyToManyField(
        "groups.GroupPage",
        blank=True,
        related_name="blog_posts",
        help_text=_(
            "Special interest groups this post belongs to. It appears on their pages and feeds, and members "
            "who asked are emailed when it is first published."
        ),
    )

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    objects = BlogPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        InlinePanel("authors", label=_("Author"), min_num=1, heading=_("Authors, in the order to credit them")),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("region")], heading=_("Topics and region")),
        FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(ListingFieldsMixin.listing_panels, heading=_("Cards")),
    ]
    og_type = "article"  # OpenGraph type for link previews (qsite.seo)
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name", boost=SUMMARY_BOOST)]),
    )

    class Meta:
        verbose_name = _("blog post")

    @property
    def card_meta(self):
        return _("%(date)s · %(minutes)s min read") % {
            "date": date_format(self.date, "j F Y"),
            "minutes": self.reading_minutes,
        }

    def structured_data(self):
        return blog_posting(self)

    def _siblings(self):
        return BlogPage.objects.live().public().sibling_of(self, inclusive=False)

    def previous_post(self):
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self._siblings().filter(older).order_by("-date", "-pk").only("title", "url_path", "date").first()

    def next_post(self):
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self._siblings().filter(newer).order_by("date", "pk").only("title", "url_path", "date").first()

    def related_posts(self, limit=3):
        """Other posts sharing the most topics with this one, newest first among equals."""
        topic_ids = [tag.pk for tag in self.topic_list]
        if not topic_ids:
            return []
        # Ranked on ids alone first: grouping whole page rows to count shared topics cost several times
        # more than ranking the ids and fetching the few winners.
        ids = list(
            BlogPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topics__in=topic_ids)
            .exclude(pk=self.pk)
            .values("pk")
            .annotate(shared=Count("topics", distinct=True))
            .order_by("-shared", "-date", "-pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        found = BlogPage.objects.filter(pk__in=ids).for_cards().in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            previous_post=self.previous_post(),
            next_post=self.next_post(),
            related_posts=self.related_posts(),
        )
        return context


class BlogIndexPage(FilteredIndexPage):
    child_model = "blog.BlogPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = [child_model]
    filter_form_class = "blog.forms.BlogFilterForm"
    context_name = "posts"

    class Meta:
        verbose_name = _("blog index")

    def listing_labels(self, view=None):
        return {
            "empty": _("No posts match these filters."),
            "see_all": _("See all posts"),
            "follow": _("Follow these posts in a feed reader:"),
        }

    def results_heading(self, count, view=None):
        return ngettext("%(counter)s post", "%(counter)s posts", count) % {"counter": count}


# --- New-member stories ---------------------------------------------------------------


class MemberStoryPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.MemberStoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class MemberStoryQuerySet(ListingQuerySet):
    def latest(self):
        return self.order_by("-date", "-pk")

    def for_cards(self):
        return self.select_related("region", "member__photo").prefetch_related(
            _image_prefetch("listing_image"), _image_prefetch("hero_image"), "topics"
        )


class MemberStoryPage(ListedPageMixin, ListingFieldsMixin, SocialFieldsMixin, TopicsMixin, CommentableMixin, Page):
    member = models.ForeignKey(
        "members.MemberProfile",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The new member whose story this is."),
    )
    date = models.DateField(_("story date"), default=timezone.localdate)
    role = models.CharField(max_length=120, blank=True, help_text=_("Leave blank to use the profile's job title."))
    organisation = models.CharField(
        max_length=150, blank=True, help_text=_("Leave blank to use the profile's organisation.")
    )
    region = region_field()
    hero_image = image_field(_("A photo of the member or their work. Leave empty to use their profile photo."))
    quote = models.CharField(max_length=300, help_text=_("One line in their own words, shown large."))
    drawn_to = models.TextField(_("what drew them to the community"), max_length=2000)
    want_to_learn = models.TextField(_("what they want to learn"), max_length=2000)
    body = StreamField(BodyBlock(), blank=True, help_text=_("Anything more they want to say. Optional."))
    topics = ClusterTaggableManager(through=MemberStoryPageTag, blank=True)

    parent_page_types = ["blog.MemberStoryIndexPage"]
    subpage_types = []
    credited_profile_field = "member"  # listed on the member's profile page

    objects = PageManager.from_queryset(MemberStoryQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("member"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("region")],
            heading=_("The member"),
        ),
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("quote"),
        FieldPanel("hero_image"),
        FieldPanel("drawn_to"),
        FieldPanel("want_to_learn"),
        FieldPanel("body"),
        FieldPanel("topics"),
        MultiFieldPanel(ListingFieldsMixin.listing_panels, heading=_("Cards")),
    ]
    og_type = "article"  # OpenGraph type for link previews (qsite.seo)
    promote_panels = SocialFieldsMixin.promote_panels
    search_fields = page_search_fields(
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("quote"),
        index.SearchField("drawn_to"),
        index.SearchField("want_to_learn"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name", boost=SUMMARY_BOOST)]),
    )

    class Meta:
        verbose_name = _("member story")

    @property
    def member_role(self):
        return self.role or (self.member.job_title if self.member else "")

    @property
    def member_organisation(self):
        return self.organisation or (self.member.organisation if self.member else "")

    @property
    def card_image(self):
        return self.listing_image or self.hero_image or (self.member.photo if self.member else None)

    @property
    def card_meta(self):
        return ", ".join(p for p in (self.member_role, self.member_organisation) if p)


class MemberStoryIndexPage(FilteredIndexPage):
    child_model = "blog.MemberStoryPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = [child_model]
    filter_form_class = "blog.forms.StoryFilterForm"
    context_name = "stories"

    class Meta:
        verbose_name = _("member story index")

    def listing_labels(self, view=None):
        return {
            "empty": _("No stories match these filters."),
            "see_all": _("See all stories"),
            "follow": _("Follow new stories in a feed reader:"),
        }

    def results_heading(self, count, view=None):
        return ngettext("%(counter)s story", "%(counter)s stories", count) % {"counter": count}
