"""Venue addresses saved from a browser kept its \r\n line endings; store them with \n alone.

Only the page rows are fixed: revisions keep what the editor saved then, and the next publish of
an event tidies its address anyway (EventPage.save).
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace


def newlines_only(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    address = Replace(Replace("venue_address", Value("\r\n"), Value("\n")), Value("\r"), Value("\n"))
    EventPage.objects.filter(venue_address__contains="\r").update(venue_address=address)


class Migration(migrations.Migration):
    dependencies = [("events", "0004_merge_0003_eventpage_groups_0003_search_seo_fields")]

    operations = [migrations.RunPython(newlines_only, migrations.RunPython.noop)]
