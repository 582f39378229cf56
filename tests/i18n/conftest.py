"""An English site with a Welsh translation of one page of every type, made as editors make them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from insights.models import InsightIndexPage, InsightPage, Project
from qsite.models import Region
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberProfileFactory,
    MemberStoryIndexPageFactory,
    MemberStoryPageFactory,
    StandardPageFactory,
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Pictures made by the factories go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def welsh(site):
    return Locale.objects.get(language_code="cy")


def translate(page, locale, **fields):
    """A linked, published translation of `page` (its parent must already be translated)."""
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _event(index, **fields):
    start = timezone.now().replace(month=11, day=18, hour=10, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=365)
    event = EventPage(
        title="Run charts without fear",
        slug="run-charts",
        intro="A masterclass.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name="Aire Street Learning Centre",
        venue_address="14 Aire Street\nLeeds\nLS1 4PR",
        organiser_name="A partner organisation",
        locale=index.locale,
        **fields,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


@pytest.fixture
def pages(home, welsh):
    """{name: (english page, welsh page)} for every public page type, plus one English page left untranslated."""
    wales = Region.objects.get(slug="wales", locale=home.locale)
    welsh_wales = wales.copy_for_translation(welsh)
    welsh_wales.name = "Cymru"
    welsh_wales.save()
    author = MemberProfileFactory(display_name="Priya Raman", slug="priya-raman")

    english = {"home": home}
    english["about"] = StandardPageFactory(parent=home, title="About Q", slug="about", intro="Who we are.")
    english["blog"] = BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
    english["post"] = BlogPageFactory(
        parent=english["blog"],
        title="Huddles that help",
        slug="huddles",
        date=datetime.date(2026, 11, 20),
        region=wales,
        authors=[author],
    )
    english["untranslated"] = BlogPageFactory(parent=english["blog"], title="Only in English", slug="only-english")
    english["stories"] = MemberStoryIndexPageFactory(parent=home, title="New member stories", slug="stories")
    english["story"] = MemberStoryPageFactory(parent=english["stories"], title="Why I joined", slug="why-i-joined")
    english["events"] = EventIndexPage(title="Events", slug="events", intro="Things to come to.")
    home.add_child(instance=english["events"])
    english["events"].save_revision().publish()
    english["event"] = _event(english["events"], region=wales)
    english["insights"] = InsightIndexPage(title="Insights", slug="insights", intro="What we learned.")
    home.add_child(instance=english["insights"])
    english["insights"].save_revision().publish()
    project = Project.objects.create(
        locale=home.locale, slug="waiting-well", name="Waiting Well", kind="insight", start_year=2023, summary="Why."
    )
    english["insight"] = InsightPage(
        title="What waiting taught us",
        slug="waiting",
        output_type="report",
        project=project,
        date=datetime.date(2025, 6, 1),
        intro="Summary.",
        key_findings=[("finding", "People want to know how long.")],
    )
    english["insights"].add_child(instance=english["insight"])
    english["insight"].save_revision().publish()
    welsh_project = project.copy_for_translation(welsh)
    welsh_project.name = "Aros yn Dda"
    welsh_project.save()

    cy = {"home": translate(home, welsh, title="Hafan", hero_heading="Croeso")}
    cy["about"] = translate(english["about"], welsh, title="Am Q", intro="Pwy ydym ni.")
    cy["blog"] = translate(english["blog"], welsh, title="Blog", show_in_menus=True)
    cy["post"] = translate(english["post"], welsh, title="Cyfarfodydd byr sy'n helpu", region=welsh_wales)
    cy["stories"] = translate(english["stories"], welsh, title="Straeon aelodau newydd")
    cy["story"] = translate(english["story"], welsh, title="Pam ymunais i")
    cy["events"] = translate(english["events"], welsh, title="Digwyddiadau", show_in_menus=True)
    cy["event"] = translate(english["event"], welsh, title="Siartiau rhediad heb ofn", region=welsh_wales)
    cy["insights"] = translate(english["insights"], welsh, title="Mewnwelediadau", show_in_menus=True)
    cy["insight"] = translate(english["insight"], welsh, title="Beth ddysgodd aros i ni", project=welsh_project)
    return {name: (page, cy.get(name)) for name, page in english.items()}
