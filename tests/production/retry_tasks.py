"""Tasks used by test_tasks.py; module-level so the database worker can import them by path."""

import datetime
from pathlib import Path

from qsite.task_retry import retrying_task


@retrying_task(attempts=3, delay=datetime.timedelta(0))
def always_fails(marker):
    with Path(marker).open("a") as f:
        f.write("run\n")
    raise RuntimeError("the mail server said no")


@retrying_task(attempts=3, delay=datetime.timedelta(0))
def fails_once(marker):
    path = Path(marker)
    runs = path.read_text().count("run") if path.exists() else 0
    with path.open("a") as f:
        f.write("run\n")
    if runs == 0:
        raise ConnectionError("temporary failure")
    return "sent"


@retrying_task(attempts=2, delay=datetime.timedelta(minutes=5))
def fails_with_delay(marker):
    raise RuntimeError("later")
