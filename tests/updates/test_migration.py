"""Moving "Get updates" from home to updates loses nothing: a site that already has subscribers and a
Get updates page keeps them, the page is an updates.GetUpdatesPage, and editors keep their permissions."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from updates.models import GetUpdatesPage, Subscriber

# Home's last migration before the move, with the updates app not yet there.
BEFORE_THE_MOVE = [("home", "0005_social_fields"), ("updates", None)]
WHEN = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    # The models as they are at the targets: every other app at its latest, updates absent if so asked.
    nodes = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in {t[0] for t in targets}]
    nodes += [target for target in targets if target[1] is not None]
    return executor.loader.project_state(nodes).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _old_rows(old):
    """Rows as the old code made them, written with the historical (home) models."""
    subscriber = old.get_model("home", "Subscriber").objects.create(
        email="rhian@example.org",
        name="Rhian",
        wants_events=True,
        wants_community=True,
        language="cy",
        status="confirmed",
        consent_text="Yes, Q may email me.",
        consented_at=WHEN,
        requested_at=WHEN,
        confirmed_at=WHEN,
        token_nonce="kept-nonce",
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="home", model="getupdatespage"
    )[0]
    locale = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")[0]
    page = old.get_model("home", "GetUpdatesPage").objects.create(
        title="Get updates",
        draft_title="Get updates",
        slug="get-updates-moved",
        path="9999",
        depth=1,
        url_path="/get-updates-moved/",
        content_type=content_type,
        locale=locale,
        intro="A monthly round-up.",
        consent_text="Editors' wording.",
    )
    view = old.get_model("auth", "Permission").objects.get(content_type__app_label="home", codename="view_subscriber")
    editors = old.get_model("auth", "Group").objects.create(name="Migration editors")
    editors.permissions.add(view)
    return subscriber.pk, page.pk, editors.pk


@pytest.mark.django_db(transaction=True)
def test_moving_get_updates_to_its_own_app_keeps_subscribers_pages_and_permissions():
    try:
        old = _migrate(BEFORE_THE_MOVE)
        tables = connection.introspection.table_names()
        assert "home_subscriber" in tables and "updates_subscriber" not in tables
        subscriber_pk, page_pk, editors_pk = _old_rows(old)

        _migrate(_latest())
        # A deploy migrates in its own process; this test shares one with the cache of content types.
        ContentType.objects.clear_cache()

        subscriber = Subscriber.objects.get(pk=subscriber_pk)
        assert (subscriber.email, subscriber.name, subscriber.language) == ("rhian@example.org", "Rhian", "cy")
        assert (subscriber.status, subscriber.token_nonce, subscriber.confirmed_at) == ("confirmed", "kept-nonce", WHEN)
        assert [str(i.label) for i in subscriber.interests] == [
            "Events",
            "Community news: groups, coffee trials and calls for members",
        ]

        page = Page.objects.get(pk=page_pk).specific
        assert isinstance(page, GetUpdatesPage)
        assert (page.intro, page.consent) == ("A monthly round-up.", "Editors' wording.")

        permission = Group.objects.get(pk=editors_pk).permissions.get()
        assert (permission.content_type.app_label, permission.codename) == ("updates", "view_subscriber")
        assert not ContentType.objects.filter(app_label="home", model__in=["subscriber", "getupdatespage"]).exists()

        tables = connection.introspection.table_names()
        assert {"updates_subscriber", "updates_getupdatespage"} <= set(tables)
        assert not {"home_subscriber", "home_getupdatespage"} & set(tables)
    finally:
        _migrate(_latest())
        ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_the_case_insensitive_email_rule_survives_the_move():
    """The unique index on lower(email) is dropped and made again under updates' name: it still bites."""
    from django.db import IntegrityError, transaction

    Subscriber.objects.create(email="a@example.org", consent_text="x", consented_at=WHEN, requested_at=WHEN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="A@example.org", consent_text="x", consented_at=WHEN, requested_at=WHEN)
