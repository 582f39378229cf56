"""Spam and abuse defences for the public comment form, as small functions the form and view call.

Limits are settings so an operator can tune them without a release; the defaults suit a community
site where a real person posts a handful of comments a day.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from qsite.clients import RateWindow, any_full, client_ip

from .models import BlockedTerm

TOKEN_SALT = "qsite.comments.form"  # noqa: S105 (a signing namespace, not a secret)


def setting(name, default):
    return getattr(settings, f"COMMENTS_{name}", default)


def max_length():
    return setting("MAX_LENGTH", 3000)


def max_links():
    return setting("MAX_LINKS", 2)


# --- IP addresses ---------------------------------------------------------------------


def hash_ip(ip):
    """A keyed hash (HMAC with the secret key): rate limits and moderators can link comments
    from one address without the address itself ever being stored."""
    return salted_hmac("qsite.comments.ip", ip, algorithm="sha256").hexdigest() if ip else ""


# --- Minimum time to fill in the form -------------------------------------------------


def make_token(page_id, issued_at=None):
    """A signed note of which page's form this is and when it was shown."""
    return signing.dumps({"p": page_id, "t": int(issued_at if issued_at is not None else time.time())}, salt=TOKEN_SALT)


class TokenProblem(Exception):
    pass


def check_token(token, page_id, now=None):
    """Raise TokenProblem with a reader-facing reason unless the form was shown for this page,
    at least MIN_FILL_SECONDS and at most TOKEN_MAX_AGE ago."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
        issued, token_page = int(data["t"]), int(data["p"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise TokenProblem("invalid") from None
    if token_page != page_id:
        raise TokenProblem("invalid")
    age = (now or time.time()) - issued
    if age < setting("MIN_FILL_SECONDS", 3):
        raise TokenProblem("too_fast")
    if age > setting("TOKEN_MAX_AGE", 60 * 60 * 24):
        raise TokenProblem("expired")


# --- Rate limits ----------------------------------------------------------------------


def windows_for(request):
    """(window, identity) pairs: one limit per client address and one per account (guests have only the first).
    The address is read by qsite.clients, so TRUSTED_PROXY_COUNT tells guests behind a load balancer apart."""
    seconds = setting("RATE_WINDOW_SECONDS", 600)
    found = [(RateWindow("comments-ip", setting("RATE_PER_IP", 5), seconds), client_ip(request))]
    if request.user.is_authenticated:
        found.append((RateWindow("comments-user", setting("RATE_PER_USER", 10), seconds), request.user.pk))
    return found


def rate_limited(request):
    """True when this sender has posted as many comments as the window allows."""
    return any_full(windows_for(request))


def reserve_post(request):
    """Take a place for one post in every window; False when any is full. Counting first and comparing the
    answer is atomic on the shared cache, so a burst of posts from one sender cannot slip past the limit."""
    granted = [window.reserve(identity) for window, identity in windows_for(request)]
    return all(granted)


# --- Duplicates -----------------------------------------------------------------------


def fingerprint(translation_key, author_identity, body):
    """Same thread + same author + same words (ignoring spacing and capitals) = same comment."""
    words = " ".join(body.split()).casefold()
    return hashlib.sha256(f"{translation_key}\x1f{author_identity}\x1f{words}".encode()).hexdigest()


# --- Blocked words and emails ---------------------------------------------------------


def blocked_reason(body, name="", email=""):
    """Why the editors' block list holds this comment, or '' if it does not."""
    email = (email or "").strip().casefold()
    domain = email.rpartition("@")[2]
    text = f"{name}\n{body}".casefold()
    for term in BlockedTerm.objects.only("kind", "value"):
        value = term.value.casefold()
        if not value:
            continue
        if term.kind == BlockedTerm.Kind.EMAIL and email and email == value:
            return "Blocked email address"
        if term.kind == BlockedTerm.Kind.DOMAIN and domain and domain == value:
            return f"Blocked email domain: {value}"
        if term.kind == BlockedTerm.Kind.PHRASE and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            return f"Blocked word: {term.value}"
    return ""
