"""Background tasks that are retried and logged, never silently dropped.

django-tasks 0.12 runs a task once: an exception marks its result FAILED and nothing else
happens. `retrying_task` wraps a task function so a failure is logged (WARNING, with the
traceback) and the task is queued again with the same arguments after a growing delay, up to
`attempts` runs in all; the last failure is logged at ERROR with `task_gave_up`, for alerting.
Each failed run still ends FAILED in the task results table, so nothing is hidden there either.

Use it instead of `django_tasks.task` for anything whose loss a person would notice (emails,
notifications). Task functions must be safe to run twice: a retry may follow a run that failed
after doing part of its work.
"""

from __future__ import annotations

import datetime
import functools
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPT_KWARG = "_qsite_attempt"


def retrying_task(*, attempts: int = 5, delay: datetime.timedelta = datetime.timedelta(minutes=1), **task_options):
    """Like `@task(...)`, plus retries: run n waits `delay * 2**(n-1)` after run n-1 failed."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")

    def decorator(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = int(kwargs.pop(ATTEMPT_KWARG, 1))
            try:
                return func(*args, **kwargs)
            except Exception:
                name = f"{func.__module__}.{func.__qualname__}"
                extra = {"task": name, "attempt": attempt, "attempts": attempts}
                if attempt >= attempts:
                    logger.exception(
                        "Task %s failed on its last attempt (%s of %s); giving up",
                        name,
                        attempt,
                        attempts,
                        extra={**extra, "task_gave_up": True},
                    )
                    raise
                wait = delay * (2 ** (attempt - 1))
                logger.warning(
                    "Task %s failed (attempt %s of %s); retrying in %ss",
                    name,
                    attempt,
                    attempts,
                    int(wait.total_seconds()),
                    exc_info=True,
                    extra=extra,
                )
                again = wrapped
                if wait and again.get_backend().supports_defer:
                    again = again.using(run_after=timezone.now() + wait)
                again.enqueue(*args, **{**kwargs, ATTEMPT_KWARG: attempt + 1})
                raise

        wrapped = task(**task_options)(run)
        return wrapped

    return decorator
