"""The "Get updates" models move here from home, keeping their rows.

The tables stay where home made them (home_getupdatespage, home_subscriber), so this migration only tells
Django's state that the models now belong to updates: nothing is created in the database. Then 0002
renames their content types (pages and permissions follow) and 0003 gives the tables updates' own names.
home.0006 removes the models from home's state, after this one so references to them always resolve.
"""

import django.db.models.deletion
import django.db.models.functions.text
import updates.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables as home left them (0005 added the page's social fields).
        ('home', '0005_social_fields'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GetUpdatesPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('social_text', models.CharField(blank=True, help_text='Shown under the title when shared. Defaults to the search description or intro.', max_length=200)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two above the form: what we send and how often.', max_length=600)),
                        ('consent_text', models.TextField(blank=True, help_text='The consent statement shown beside the checkbox. It is stored with each sign-up, so change it rather than deleting it. Leave blank for the standard wording.', max_length=600)),
                        ('thanks_text', models.TextField(blank=True, help_text="Shown after someone signs up, under 'Check your email'. Optional.", max_length=600)),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared on social media. Defaults to the card picture.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'verbose_name': 'get updates page',
                        'db_table': 'home_getupdatespage',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='Subscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(help_text='Stored in lower case, so one address is one subscriber.', max_length=254, unique=True)),
                        ('name', models.CharField(blank=True, max_length=120)),
                        ('wants_blog', models.BooleanField(default=False, verbose_name='Blog posts and member stories')),
                        ('wants_events', models.BooleanField(default=False, verbose_name='Events')),
                        ('wants_insights', models.BooleanField(default=False, verbose_name='Insights and research')),
                        ('wants_community', models.BooleanField(default=False, verbose_name='Community news: groups, coffee trials and calls for members')),
                        ('language', models.CharField(default='en', help_text='The language emails are written in.', max_length=8)),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('unsubscribed', 'Unsubscribed')], default='pending', max_length=20)),
                        ('consent_text', models.TextField(help_text='The exact consent wording the person agreed to.')),
                        ('consented_at', models.DateTimeField(help_text='When they ticked the consent box.')),
                        ('requested_at', models.DateTimeField(help_text='When the latest confirmation email was asked for; its link expires from here.')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True)),
                        ('token_nonce', models.CharField(default=updates.models.new_token_nonce, editable=False, max_length=32)),
                    ],
                    options={
                        'verbose_name': 'subscriber',
                        'db_table': 'home_subscriber',
                        'ordering': ['-created_at'],
                        'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='home_subscriber_email_ci_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
