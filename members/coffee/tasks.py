"""Coffee trial introductions, one email per person, sent as a background task."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import CoffeeGroup


@task()
def send_round_emails(round_id, resend=False):
    """Introduce everyone in the round to their match. Groups already emailed are skipped unless this is a re-send,
    so a retried task never mails anyone twice."""
    groups = CoffeeGroup.objects.filter(round_id=round_id).prefetch_related(
        "memberships__profile__user", "memberships__region"
    )
    if not resend:
        groups = groups.filter(emailed_at__isnull=True)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        preferences_url = settings.SITE_BASE_URL + reverse("members:coffee")
        for group in groups:
            members = list(group.memberships.all())
            for membership in members:
                user = membership.profile.user
                if user is None or not user.email:
                    continue
                context = {
                    "person": membership.profile,
                    "matches": [m for m in members if m.pk != membership.pk],
                    "group": group,
                    "round": group.round,
                    "preferences_url": preferences_url,
                    "site_url": settings.SITE_BASE_URL,
                }
                subject = " ".join(render_to_string("members/email/coffee_match_subject.txt", context).split())
                message = EmailMultiAlternatives(
                    subject,
                    render_to_string("members/email/coffee_match.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    [user.email],
                )
                message.attach_alternative(render_to_string("members/email/coffee_match.html", context), "text/html")
                sent += message.send()
            CoffeeGroup.objects.filter(pk=group.pk).update(emailed_at=timezone.now())
    return sent
