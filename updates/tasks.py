""" "Get updates" emails, sent as background tasks (immediate in dev and tests, queued in production).

Every email carries a one-click unsubscribe link in its text and in the RFC 8058 headers
(List-Unsubscribe + List-Unsubscribe-Post), so mail apps can show their own unsubscribe button.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from . import services
from .models import Subscriber, SubscriberStatus


def send_to_subscriber(subscriber, template, extra=None):
    language = subscriber.language if subscriber.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    unsubscribe_url = services.absolute_url("updates:unsubscribe", services.unsubscribe_token(subscriber), language)
    with translation.override(language):
        context = {
            "subscriber": subscriber,
            "unsubscribe_url": unsubscribe_url,
            "site_url": settings.SITE_BASE_URL,
            **(extra or {}),
        }
        subject = " ".join(render_to_string(f"updates/email/{template}_subject.txt", context).split())
        text = render_to_string(f"updates/email/{template}.txt", context)
        html = render_to_string(f"updates/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    return message.send()


@task()
def send_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if subscriber is None:
        return 0
    confirm_url = services.absolute_url("updates:confirm", services.confirm_token(subscriber), subscriber.language)
    return send_to_subscriber(subscriber, "confirm", {"confirm_url": confirm_url, "days": services.confirm_days()})


@task()
def send_already_subscribed(subscriber_id):
    """Someone (perhaps the owner, perhaps not) signed this confirmed address up again: tell the owner."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.CONFIRMED).first()
    if subscriber is None:
        return 0
    return send_to_subscriber(subscriber, "already")
