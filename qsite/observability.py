"""Logs a machine can read: JSON lines on stdout, each carrying the request's ID, and the error-reporting hook.

The load balancer (or the first proxy) usually sets X-Request-ID; the same ID then appears in its
logs, gunicorn's access log (qsite/gunicorn.conf.py), every Django log line and the response, so
one slow or failed request can be followed across hosts.
"""

from __future__ import annotations

import contextvars
import datetime
import json
import logging
import re
import traceback
import uuid

from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_finished

REQUEST_ID_HEADER = "X-Request-ID"
# Accept only what an ID generator would produce: anything else (too long, spaces, quotes, control
# characters) could forge or break log lines, so a fresh ID is used instead.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def incoming_request_id(value: str | None) -> str:
    if value and SANE_REQUEST_ID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIDMiddleware:
    """Give every request an ID (the caller's, when sane), put it on log records and the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        # Not reset on the way out: Django logs 4xx/5xx responses after the middleware has returned.
        # The ID is cleared when the request finishes (below).
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def _forget_request_id(**kwargs):
    request_id_var.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="qsite.observability.forget_request_id")


class RequestIDFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request, e.g. in the task worker)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id"}


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, extra fields, exception."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str, ensure_ascii=False)


def logging_config(level: str, fmt: str) -> dict:
    """LOGGING for settings: everything to stdout, JSON or plain, with request IDs."""
    if fmt not in {"json", "plain"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'plain', not {fmt!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "qsite.observability.RequestIDFilter"}},
        "formatters": {
            "json": {"()": "qsite.observability.JSONFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": fmt,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # One line per background task is noise at INFO; failures still show.
            "django_tasks": {"level": "WARNING"},
        },
    }


def init_error_reporting(dsn: str, environment: str) -> bool:
    """Send unhandled errors to Sentry (or any Sentry-protocol service) when SENTRY_DSN is set.

    sentry-sdk is not a dependency: install it on the hosts that report. A DSN without the package
    is a configuration mistake that would silently lose every error report, so it refuses to start.
    """
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError:
        message = "SENTRY_DSN is set but sentry-sdk is not installed (pip install sentry-sdk)."
        raise ImproperlyConfigured(message) from None
    # Members' personal data stays out of error reports: no cookies, bodies or user details.
    sentry_sdk.init(dsn=dsn, environment=environment, send_default_pii=False, traces_sample_rate=0.0)
    return True
