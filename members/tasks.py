"""Emails to applicants, sent as background tasks (immediate in dev and tests, queued in production)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from qsite.task_retry import retrying_task

from .models import ApplicationStatus, MembershipApplication


@retrying_task()
def send_application_decision(application_id):
    application = MembershipApplication.objects.select_related("user").filter(pk=application_id).first()
    if application is None or application.status == ApplicationStatus.PENDING or not application.user.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {"application": application, "site_url": settings.SITE_BASE_URL}
        approved = application.status == ApplicationStatus.APPROVED
        template = "members/email/approved" if approved else "members/email/declined"
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [application.user.email])
    return True
