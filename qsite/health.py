"""Health endpoints for the load balancer, outside the language prefixes and never cached.

/healthz: the process answers (no database, no cache), for "restart this host?".
/readyz: the database answers; for "send this host traffic?". The cache is reported but does
not fail readiness: every host shares the same Redis, and the site serves pages without it
(qsite.cache_backends), so failing readiness on a Redis outage would take every host out of
the pool at once and turn a slowdown into an outage.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Readiness: database check failed: %s", error)
        return False


def cache_ok() -> bool:
    key, value = "readyz-probe", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception as error:  # any backend, any failure: the answer is "not reachable"
        logger.warning("Readiness: cache check failed: %s", error)
        return False


@never_cache
@require_safe
def readyz(request):
    checks = {"database": "ok" if database_ok() else "unreachable", "cache": "ok" if cache_ok() else "unreachable"}
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)
