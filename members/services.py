"""Small pieces of member logic used by the views, the admin and load_demo."""

import json

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import personal_data
from .models import MemberProfile

# Where members may write, named by string so members never imports a content app.
WRITE_LINKS = [
    (_("Write a blog post"), "blog.BlogIndexPage", "blog.BlogPage"),
    (_("Tell your new member story"), "blog.MemberStoryIndexPage", "blog.MemberStoryPage"),
    (_("Submit an event"), "events.EventIndexPage", "events.EventPage"),
]


def write_links(locale=None):
    """(label, admin 'add' URL) for each content type a member can write, where its index exists."""
    links = []
    for label, index_label, page_label in WRITE_LINKS:
        try:
            index_model = apps.get_model(index_label)
            page_model = apps.get_model(page_label)
        except LookupError:
            continue
        indexes = index_model.objects.all()
        if locale is not None:
            indexes = indexes.filter(locale=locale)
        index = indexes.first()
        if index is None:
            continue
        url = reverse(
            "wagtailadmin_pages:add", args=(page_model._meta.app_label, page_model._meta.model_name, index.pk)
        )
        links.append((label, url))
    return links


def member_photos_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name="Member photos").first() or root.add_child(name="Member photos")


@transaction.atomic
def set_photo(profile, upload):
    """Store an uploaded (already validated) photo as a Wagtail image and replace the old one."""
    image_model = get_image_model()
    image = image_model(
        title=f"Photo of {profile.display_name}",
        description=f"{profile.display_name}",
        collection=member_photos_collection(),
    )
    image.file = ImageFile(upload, name=f"member-{profile.pk}.{upload.name.rsplit('.', 1)[-1][:5].lower()}")
    image.save()
    old = profile.photo
    profile.photo = image
    profile.save(update_fields=["photo"])
    if old is not None:
        old.delete()
    return image


def remove_photo(profile):
    if profile.photo_id:
        photo = profile.photo
        profile.photo = None
        profile.save(update_fields=["photo"])
        photo.delete()


def export_data(user):
    """Everything the site holds about a user, as JSON-ready data."""
    profile = MemberProfile.objects.filter(user=user).first()
    application = getattr(user, "application", None)
    data = {
        "exported_at": timezone.now(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary} for a in user.emailaddress_set.all()
            ],
            "groups": [g.name for g in user.groups.all()],
        },
        "profile": None,
        "application": None,
    }
    if profile:
        data["profile"] = {
            "display_name": profile.display_name,
            "slug": profile.slug,
            "job_title": profile.job_title,
            "organisation": profile.organisation,
            "region": profile.region.name if profile.region else None,
            "bio": profile.bio,
            "interests": [t.name for t in profile.interests.all()],
            "website": profile.website,
            "linkedin": profile.linkedin,
            "other_link": profile.other_link,
            "listed_in_directory": profile.listed_in_directory,
            "visibility": profile.visibility,
            "member_since": profile.member_since,
            "photo": profile.photo.file.url if profile.photo else None,
        }
    if application:
        data["application"] = {
            "display_name": application.display_name,
            "role": application.role,
            "organisation": application.organisation,
            "region": application.region.name if application.region else None,
            "interests": application.interests,
            "why_join": application.why_join,
            "status": application.status,
            "created_at": application.created_at,
            "decided_at": application.decided_at,
        }
    for entry in personal_data.entries():
        data[entry.name] = entry.export(user)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@transaction.atomic
def delete_account(user):
    """Delete the account; published pages stay credited to 'Former member'."""
    for entry in personal_data.entries():
        entry.erase(user)
    profile = MemberProfile.objects.filter(user=user).first()
    if profile:
        profile.anonymise()
    user.delete()
