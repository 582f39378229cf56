"""GetUpdatesPage and Subscriber now belong to the updates app (updates.0001), with their rows: they leave
home's state only. Nothing happens in the database here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_social_fields'),
        # The models exist in updates' state first, so anything pointing at them always resolves.
        ('updates', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Subscriber'),
                migrations.DeleteModel(name='GetUpdatesPage'),
            ],
            database_operations=[],
        ),
    ]
