"""The moved tables take updates' own names (updates_getupdatespage, updates_subscriber), and the
case-insensitive email constraint its matching name, so the database reads as the code does.
A table rename keeps every row, and the page row keeps its id (page_ptr)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('updates', '0002_move_content_types'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='getupdatespage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='subscriber',
            table=None,
        ),
        migrations.RemoveConstraint(
            model_name='subscriber',
            name='home_subscriber_email_ci_unique',
        ),
        migrations.AddConstraint(
            model_name='subscriber',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='updates_subscriber_email_ci_unique'),
        ),
    ]
