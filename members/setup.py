"""Groups, permissions and the editorial workflow, created idempotently by the `setup_site` hook (members/apps.py).

Members: write drafts of blog posts, stories and events under their index pages,
edit pages they own, upload and choose images; never publish, never moderate.
Editors: publish anywhere on the site, review applications and member profiles.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .roles import EDITORS_GROUP, MEMBERS_GROUP

WORKFLOW_NAME = "Editorial review"
# Index pages under which members may add pages, by string so members imports no content app.
MEMBER_WRITABLE_INDEXES = ["blog.BlogIndexPage", "blog.MemberStoryIndexPage", "events.EventIndexPage"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _submit_translation_permission():
    """wagtail-localize's "Translate" permission. Its data migration makes it, but a flushed database (browser
    tests) loses it while Django's post_migrate only restores model permissions; so it is made again here."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission


def _grant_page(group, page, codename):
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_permission("wagtailcore", codename))


def _grant_collection(group, collection, app_label, codename):
    GroupCollectionPermission.objects.get_or_create(
        group=group, collection=collection, permission=_permission(app_label, codename)
    )


def writable_indexes():
    pages = []
    for label in MEMBER_WRITABLE_INDEXES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        pages.extend(model.objects.all())
    return pages


@transaction.atomic
def ensure_groups_and_workflow(home):
    admin_access = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    members.permissions.add(admin_access)
    for index in writable_indexes():
        _grant_page(members, index, "add_page")
    for codename in ("add_image", "choose_image"):
        _grant_collection(members, root_collection, "wagtailimages", codename)

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(
        admin_access,
        _permission("members", "review_application"),
        _permission("members", "view_membershipapplication"),
        _permission("members", "change_memberprofile"),
        _permission("members", "view_memberprofile"),
        # wagtail-localize's "Translate" action on pages and snippets (editors only, never members).
        _submit_translation_permission(),
        # Editors' picks for site search (wagtail.contrib.search_promotions).
        *(
            _permission("wagtailsearchpromotions", f"{action}_searchpromotion")
            for action in ("add", "change", "delete", "view")
        ),
        _permission("members", "run_coffee_trials"),
    )
    for page in [home, *home.get_translations()]:
        for codename in EDITOR_PAGE_PERMISSIONS:
            _grant_page(editors, page, codename)
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose", "delete"):
            _grant_collection(editors, root_collection, app_label, f"{action}_{model}")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Editors approve").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Editors approve")
        task.groups.set([editors])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    # On the home page, so every page on the site goes through review when a member submits it.
    for page in [home, *home.get_translations()]:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return members, editors, workflow


def home_translation_created(sender, instance, created, raw=False, **kwargs):
    """A new home page in another language (an editor translating the home page into Welsh) gets the
    Editors' page permissions and the Editorial review workflow at once, as the English home has them;
    otherwise nobody but administrators could edit the Welsh tree until setup_site ran again."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE or not Group.objects.filter(name=EDITORS_GROUP).exists():
        return
    ensure_groups_and_workflow(instance)
