"""The "Get updates" sign-up rules: signed links, double opt-in, rate limits, unsubscribing.

Views call these functions; emails go out through updates/tasks.py. Decisions are in docs/decisions.md
("Get updates: double opt-in without a CSRF token in cached pages").
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from qsite.clients import RateWindow, client_ip

from .models import Interest, Subscriber, SubscriberStatus, new_token_nonce

CONFIRM_SALT = "qsite.updates.confirm"
UNSUBSCRIBE_SALT = "qsite.updates.unsubscribe"
# One confirmation email per address per window, however often the form is posted.
CONFIRM_MAIL_SECONDS = 10 * 60
# "You are already subscribed" goes to an address at most once a day: the form must not become a way to pester.
ALREADY_MAIL_SECONDS = 24 * 60 * 60
SIGNUPS_PER_IP = 10
SIGNUPS_PER_IP_SECONDS = 60 * 60


def confirm_days():
    return settings.UPDATES_CONFIRM_DAYS


def _digest(value, purpose):
    return salted_hmac(f"qsite.updates.{purpose}", value, algorithm="sha256").hexdigest()


# --- Signed links -------------------------------------------------------------------------------


class LinkProblem(Exception):
    """A confirmation or unsubscribe link that cannot be used. `code` picks the message the reader sees."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def confirm_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "n": subscriber.token_nonce}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber):
    # Tied to the address, so a link keeps working for years but never for someone else's row.
    return signing.dumps({"s": subscriber.pk, "e": _digest(subscriber.email, "address")[:20]}, salt=UNSUBSCRIBE_SALT)


def absolute_url(name, token, language):
    with translation.override(language):
        return settings.SITE_BASE_URL + reverse(name, kwargs={"token": token})


def subscriber_for_confirmation(token):
    """The subscriber a confirmation link is for, or LinkProblem: invalid, expired or used."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=confirm_days()))
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkProblem("invalid") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("n"), str):
        raise LinkProblem("invalid")
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    if subscriber is None:
        # Purged after expiry, or never existed.
        raise LinkProblem("expired")
    if subscriber.status == SubscriberStatus.CONFIRMED:
        raise LinkProblem("used")
    if subscriber.status != SubscriberStatus.PENDING or not constant_time_compare(data["n"], subscriber.token_nonce):
        # A newer confirmation email replaced this one, or the person unsubscribed since.
        raise LinkProblem("replaced")
    return subscriber


def subscriber_for_unsubscribe(token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkProblem("invalid") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("e"), str):
        raise LinkProblem("invalid")
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    if subscriber is None or not constant_time_compare(data["e"], _digest(subscriber.email, "address")[:20]):
        raise LinkProblem("invalid")
    return subscriber


@transaction.atomic
def confirm(subscriber):
    """Confirm a pending sign-up. Returns False if someone else's click got there first."""
    locked = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if locked.status != SubscriberStatus.PENDING:
        return False
    locked.status = SubscriberStatus.CONFIRMED
    locked.confirmed_at = timezone.now()
    locked.token_nonce = new_token_nonce()
    locked.save(update_fields=["status", "confirmed_at", "token_nonce"])
    return True


@transaction.atomic
def unsubscribe(subscriber):
    """Stop all emails to this address. Returns False if it was already unsubscribed (a repeat click)."""
    locked = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if locked.status == SubscriberStatus.UNSUBSCRIBED:
        return False
    locked.status = SubscriberStatus.UNSUBSCRIBED
    locked.unsubscribed_at = timezone.now()
    # Old confirmation links must not re-subscribe someone who has just said no.
    locked.token_nonce = new_token_nonce()
    locked.save(update_fields=["status", "unsubscribed_at", "token_nonce"])
    return True


# --- Signing up ---------------------------------------------------------------------------------


@dataclass
class SignUp:
    subscriber: Subscriber
    # Which email to send, if any: "confirm", "already" or "" (rate-limited: nothing sent).
    mail: str


def _apply(subscriber, *, name, interests, consent_text, language, now):
    subscriber.name = name
    for choice in Interest:
        setattr(subscriber, f"wants_{choice.value}", choice.value in interests)
    subscriber.consent_text = consent_text
    subscriber.consented_at = now
    subscriber.language = language


def sign_up(*, email, name, interests, consent_text, language):
    """Record a sign-up and say which email to send. The caller shows the same message whatever happens,
    so the form never reveals whether an address is already subscribed."""
    email = email.strip().lower()
    now = timezone.now()
    for _attempt in range(2):
        try:
            return _sign_up(email, name, interests, consent_text, language, now)
        except IntegrityError:
            # Two posts for a new address at once: the second finds the row the first created.
            continue
    raise RuntimeError("Could not record the sign-up")  # pragma: no cover - two lost races in a row


@transaction.atomic
def _sign_up(email, name, interests, consent_text, language, now):
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    address = _digest(email, "address")
    if subscriber is not None and subscriber.status == SubscriberStatus.CONFIRMED:
        # Nothing changes on the confirmed record: only the owner of the address may change it.
        mail = "already" if cache.add(f"updates:mail:already:{address}", 1, ALREADY_MAIL_SECONDS) else ""
        return SignUp(subscriber, mail)
    with transaction.atomic():
        if subscriber is None:
            subscriber = Subscriber(email=email, status=SubscriberStatus.PENDING, requested_at=now)
        may_mail = cache.add(f"updates:mail:confirm:{address}", 1, CONFIRM_MAIL_SECONDS)
        _apply(subscriber, name=name, interests=interests, consent_text=consent_text, language=language, now=now)
        if may_mail or subscriber.status != SubscriberStatus.PENDING:
            # A fresh link replaces older ones; without an email there is no new link, so keep the old one valid.
            subscriber.token_nonce = new_token_nonce()
            subscriber.requested_at = now
        subscriber.status = SubscriberStatus.PENDING
        subscriber.unsubscribed_at = None
        subscriber.save()
    return SignUp(subscriber, "confirm" if may_mail else "")


def purge_unconfirmed(now=None):
    """Delete sign-ups whose confirmation link has expired. Returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=confirm_days())
    deleted, _by_model = Subscriber.objects.expired(cutoff).delete()
    return deleted


# --- Defences for the cache-friendly, CSRF-exempt form ------------------------------------------


# Ten sign-ups an hour from one address: a household or an office signing up together is fine, a script is not.
SIGNUPS_PER_ADDRESS = RateWindow("updates-signup", allowed=SIGNUPS_PER_IP, seconds=SIGNUPS_PER_IP_SECONDS)


def ip_over_limit(request):
    """Count this sign-up against the sender's address (read by qsite.clients, so TRUSTED_PROXY_COUNT governs
    it as it does every other limit); True once it is over the hourly limit."""
    return SIGNUPS_PER_ADDRESS.hit(client_ip(request)) > SIGNUPS_PER_ADDRESS.allowed


def _same_site(url, request):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return False
    if parts.netloc == request.get_host():
        return True
    return f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS


def from_this_site(request):
    """A browser posting from another site says so in Origin (or Referer); refuse those.
    A request with neither (some privacy tools strip both) is let through: double opt-in protects it."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin:
        return _same_site(origin, request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return _same_site(referer, request)
    return True
