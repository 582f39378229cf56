"""A failed background task is retried and logged, never silently dropped (database queue + real worker)."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.production import retry_tasks

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(transactional_db):
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_a_failing_task_is_retried_then_given_up_with_an_error_logged(database_queue, tmp_path, caplog):
    marker = tmp_path / "runs.txt"
    retry_tasks.always_fails.enqueue(str(marker))
    with caplog.at_level(logging.WARNING, logger="qsite.task_retry"):
        run_worker()
    assert marker.read_text().count("run") == 3
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.status for r in results] == ["FAILED", "FAILED", "FAILED"]
    records = [r for r in caplog.records if r.name == "qsite.task_retry"]
    assert [r.levelname for r in records] == ["WARNING", "WARNING", "ERROR"]
    assert [r.attempt for r in records] == [1, 2, 3]
    assert records[-1].task_gave_up is True
    assert "the mail server said no" in caplog.text


def test_a_task_that_fails_once_succeeds_on_the_retry(database_queue, tmp_path):
    marker = tmp_path / "runs.txt"
    retry_tasks.fails_once.enqueue(str(marker))
    run_worker()
    statuses = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]
    assert DBTaskResult.objects.get(status="SUCCESSFUL").return_value == "sent"


def test_a_retry_waits_for_its_delay(database_queue, tmp_path):
    before = timezone.now()
    retry_tasks.fails_with_delay.enqueue(str(tmp_path / "m"))
    run_worker()
    retry = DBTaskResult.objects.get(status="READY")
    # Not yet run: the worker leaves it for five minutes on.
    assert retry.run_after >= before + datetime.timedelta(minutes=5)
    assert retry.args_kwargs["kwargs"]["_qsite_attempt"] == 2


def test_site_emails_are_retrying_tasks():
    from comments import tasks as comment_tasks
    from members import tasks as member_tasks

    for task in (
        member_tasks.send_application_decision,
        comment_tasks.send_moderator_digest,
        comment_tasks.notify_approved,
    ):
        assert task.func.__module__ == task.module_path.rsplit(".", 1)[0]
        assert task.func.__wrapped__.__name__ == task.name
        assert task.func.__code__.co_filename.endswith("qsite/task_retry.py")
