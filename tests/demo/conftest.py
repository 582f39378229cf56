"""The demo, built once per test module and shared by the tests that only look at it.

Building it is the slow part (tens of seconds), and most demo tests only read what it made. The build runs
inside a transaction that is rolled back when the module ends, and each test runs in a savepoint within it
(what Django's TestCase.setUpTestData does), so a test may still change things without the next one seeing.
"""

import logging
from dataclasses import dataclass, field
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", "--allow-production", *args, stdout=out)
    return out.getvalue()


@dataclass
class DemoBuild:
    output: str
    emails: list = field(default_factory=list)
    log_records: list = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    handler = _Collect()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            mail.outbox = []
            try:
                output = load_demo()
            finally:
                root.removeHandler(handler)
                root.setLevel(level)
            yield DemoBuild(output, list(mail.outbox), handler.records)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
