"""Special interest groups: the index, the group page, who is in each group and which emails went out.

Memberships belong to the group in the site's default language, so joining the English page or its
Welsh translation is the same thing. Blog posts and events name groups through their own `groups`
field (`ParentalManyToManyField("groups.GroupPage")`); this app reaches them through the reverse
relations `blog_posts` and `events` and never imports those apps.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from members.models import MemberProfile
from members.roles import is_editor
from qsite.blocks import BodyBlock
from qsite.pages import SocialFieldsMixin, TopicsMixin, image_field, page_search_fields, region_field

from . import feeds

PER_PAGE = 12
# How many of the latest posts and upcoming events a group page shows.
LATEST_POSTS = 3
UPCOMING_EVENTS = 3


class GroupStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    RESTING = "resting", _("Resting")


class GroupPageTag(TaggedItemBase):
    content_object = ParentalKey("groups.GroupPage", on_delete=models.CASCADE, related_name="tagged_items")


class GroupPageQuerySet(PageQuerySet):
    def for_cards(self):
        """What a group card shows (image, region), in a fixed number of queries."""
        return self.select_related("region").prefetch_related(
            models.Prefetch("listing_image", queryset=get_image_model().objects.prefetch_renditions())
        )


GroupPageManager = PageManager.from_queryset(GroupPageQuerySet)


class OrganiserPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, plus: a group's organisers may edit its page (never publish or delete).

    Their changes are saved as drafts and go to Editors through the "Editorial review" workflow,
    exactly like a member's own blog post.
    """

    def can_edit(self):
        if super().can_edit():
            return True
        return self.user.is_active and self.page.is_organiser(self.user)


class GroupPage(RoutablePageMixin, SocialFieldsMixin, TopicsMixin, Page):
    purpose = models.TextField(
        max_length=500,
        help_text=_("What the group is for, in one or two sentences. Shown under the title and on cards."),
    )
    who_for = models.TextField(
        _("who it is for"),
        max_length=1000,
        help_text=_("The people the group hopes to bring together, e.g. 'analysts and clinicians using SPC charts'."),
    )
    region = region_field(_("The nation or region the group is based in. Leave empty for a UK-wide group."))
    organisers = ParentalManyToManyField(
        "members.MemberProfile",
        blank=True,
        related_name="organised_groups",
        help_text=_("Members who run the group. They may edit this page; their changes go to editors for review."),
    )
    how_to_take_part = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text=_("How often the group meets, where it talks between meetings, how to contribute."),
    )
    status = models.CharField(
        max_length=20,
        choices=GroupStatus.choices,
        default=GroupStatus.ACTIVE,
        help_text=_("Members can join forming and active groups. A resting group keeps its page but takes no one new."),
    )
    listing_image = image_field(
        _("The picture on the group's card. Its alt text is not used: cards treat it as decoration.")
    )
    topics = ClusterTaggableManager(
        through=GroupPageTag,
        blank=True,
        help_text=_("Topics are shared with posts, events and insights, so a topic page lists its groups too."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("Anything else: what the group has done, resources."))

    parent_page_types = ["groups.GroupIndexPage"]
    subpage_types = []

    objects = GroupPageManager()

    promote_panels = SocialFieldsMixin.promote_panels
    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("who_for"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("region"), FieldPanel("organisers")], heading=_("About the group")
        ),
        FieldPanel("how_to_take_part"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("listing_image"),
    ]
    search_fields = page_search_fields(
        index.SearchField("purpose", boost=2),
        index.SearchField("who_for"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name", boost=2)]),
    )

    class Meta:
        verbose_name = _("special interest group")

    def __str__(self):
        return self.title

    # --- Cards ---------------------------------------------------------------------------

    @property
    def card_image(self):
        return self.listing_image

    @property
    def card_summary(self):
        return self.purpose

    @property
    def intro(self):
        # Feeds and search snippets read `intro`.
        return self.purpose

    @property
    def where(self):
        return self.region.name if self.region_id else _("UK-wide")

    @property
    def card_meta(self):
        return f"{self.get_status_display()} · {self.where}"

    @property
    def is_open(self):
        return self.status != GroupStatus.RESTING

    # --- People --------------------------------------------------------------------------

    @cached_property
    def membership_group(self):
        """The group memberships belong to: this page in the default language (itself, usually)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def memberships(self):
        return GroupMembership.objects.filter(group_id=self.membership_group.pk)

    def is_organiser(self, user):
        if not (user and user.is_authenticated):
            return False
        # Asked several times per request (the page, the edit link, Wagtail's user bar): one query per user.
        cache = self.__dict__.setdefault("_organiser_cache", {})
        if user.pk not in cache:
            groups = {self.pk, self.membership_group.pk}
            cache[user.pk] = MemberProfile.objects.filter(user=user, organised_groups__in=groups).exists()
        return cache[user.pk]

    def can_manage(self, user):
        """Organisers and editors may download the member list."""
        return is_editor(user) or self.is_organiser(user)

    def permissions_for_user(self, user):
        return OrganiserPermissionTester(user, self)

    # --- Content -------------------------------------------------------------------------

    def _in_own_language(self, related):
        """The pages of a reverse relation (`blog_posts`, `events`) chosen for this group in any of its
        languages, kept to this page's language: a translated post may still name the English group,
        and a Welsh group page lists Welsh posts only."""
        model = related.model
        chosen = model.objects.filter(groups__translation_key=self.translation_key).values("pk")
        return model.objects.live().public().filter(locale_id=self.locale_id, pk__in=chosen)

    def posts(self):
        """Live blog posts chosen for this group, in the page's language, newest first."""
        return self._in_own_language(self.blog_posts).latest()

    def upcoming_events(self):
        """Upcoming events chosen for this group, in the page's language, soonest first."""
        return self._in_own_language(self.events).upcoming()

    # --- Serving -------------------------------------------------------------------------

    # The form-handling views live in groups/views.py, which imports these models; they are named by
    # dotted path (as a URLconf names views) so that models never import views.
    @staticmethod
    def _view(name):
        return import_string(f"groups.views.{name}")

    @path("")
    def group_route(self, request):
        return self._view("group_page")(request, self)

    @path("join/", name="join")
    def join_route(self, request):
        return self._view("join")(request, self)

    @path("leave/", name="leave")
    def leave_route(self, request):
        return self._view("leave")(request, self)

    @path("preferences/", name="preferences")
    def preferences_route(self, request):
        return self._view("preferences")(request, self)

    @path("members/csv/", name="members_csv")
    def members_csv_route(self, request):
        return self._view("members_csv")(request, self)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        return feeds.posts_feed(request, self, "atom")

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return feeds.posts_feed(request, self, "rss")

    @path("ical/", name="ical")
    def ical_route(self, request):
        return feeds.events_calendar(request, self)


class GroupIndexPage(SocialFieldsMixin, Page):
    intro = models.TextField(max_length=500, blank=True, help_text=_("Shown under the title."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.GroupPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialFieldsMixin.promote_panels

    class Meta:
        verbose_name = _("special interest groups index")

    def groups(self):
        return GroupPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = self.groups().for_cards().order_by("title", "pk")
        page_obj = Paginator(groups, PER_PAGE).get_page(request.GET.get("page"))
        context.update(page_obj=page_obj, groups=page_obj.object_list)
        return context


class GroupMembershipQuerySet(models.QuerySet):
    def active(self):
        """Memberships of people whose account still works (a deleted account leaves no membership)."""
        return self.filter(profile__user__is_active=True, profile__is_former_member=False)

    def shown(self):
        """Who appears on the group page and the profile: they said yes here and list themselves in the directory."""
        return self.active().filter(listed=True, profile__listed_in_directory=True)

    def notified(self):
        return self.active().filter(notify=True).exclude(profile__user__email="")


class GroupMembership(models.Model):
    group = models.ForeignKey(GroupPage, on_delete=models.CASCADE, related_name="group_memberships")
    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="group_memberships")
    joined_at = models.DateTimeField(auto_now_add=True)
    listed = models.BooleanField(
        _("list me on the group page"),
        default=True,
        help_text=_("Your name appears on the group page and your profile shows the group."),
    )
    notify = models.BooleanField(
        _("email me about new posts and events"),
        default=False,
        help_text=_("One email when a post or event is published for this group."),
    )
    contact_ok = models.BooleanField(
        _("organisers may email me"),
        default=False,
        help_text=_("Your email address is included in the member list the organisers can download."),
    )

    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("group membership")
        constraints = [models.UniqueConstraint(fields=["group", "profile"], name="one_membership_per_group")]

    def __str__(self):
        return f"{self.profile} in {self.group}"


class GroupNotification(models.Model):
    """One row per page and group once members have been told about it: the guard against a second email."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(GroupPage, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0, help_text=_("How many members were emailed."))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "group"], name="one_notification_per_page_and_group")]

    def __str__(self):
        return f"page {self.page_id} to group {self.group_id}"
