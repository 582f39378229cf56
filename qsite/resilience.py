"""What readers see when the database is unreachable: a short 503 page, never a traceback or a 500.

Two hooks, because a database error can surface in two places:
- in a view or its template (most requests): DatabaseUnavailableMiddleware.process_exception;
- anywhere else (another middleware touching the session, say): `server_error`, the handler500,
  which still sees the exception being handled.
Both render templates/503.html without a request context, so no context processor, session or
setting lookup can reach for the database again while the page is built.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # The CDN and browsers must not keep the error in place of the page once the database is back.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception, extra={"path": request.path})
            return database_unavailable_response()
        return None


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: a 503 for database outages, otherwise Django's plain 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response()
    return HttpResponseServerError(loader.get_template(template_name).render())
