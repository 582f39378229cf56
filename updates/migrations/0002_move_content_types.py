"""The content types of the moved models follow them: app_label "home" becomes "updates".

Wagtail finds a page's class through its content type (Page.content_type, revisions, log entries), and
permissions hang off content types too, so renaming the rows in place makes the existing Get updates page
an updates.GetUpdatesPage and keeps editors' subscriber permissions, without touching any of those rows.

It runs inside `migrate`; Django's post_migrate signal creates content types for new models only
afterwards, and then finds these already there. If something did create the new rows earlier (a data
migration asking for the model's content type), those are new and unused: they give way to the old ones.
"""

from django.db import migrations

MOVED_MODELS = ("getupdatespage", "subscriber")


def _move(apps, schema_editor, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for model in MOVED_MODELS:
        old = ContentType.objects.using(db).filter(app_label=old_label, model=model).first()
        if old is None:
            # A fresh database: post_migrate will create the new content type.
            continue
        early = ContentType.objects.using(db).filter(app_label=new_label, model=model).first()
        if early is not None:
            # Only made during this migrate run, so nothing but its own permissions points at it.
            Permission.objects.using(db).filter(content_type=early).delete()
            early.delete()
        old.app_label = new_label
        old.save(using=db, update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _move(apps, schema_editor, "home", "updates")


def backwards(apps, schema_editor):
    _move(apps, schema_editor, "updates", "home")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('updates', '0001_initial'),
        ('home', '0006_get_updates_moved_to_updates'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
