"""Logs are JSON lines carrying the request's ID, and every response names its ID."""

import io
import json
import logging

import pytest

from qsite.observability import JSONFormatter, RequestIDFilter, incoming_request_id


@pytest.fixture
def json_log():
    """The django.request logger, written through the project's JSON formatter and request-ID filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    handler.addFilter(RequestIDFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def test_a_log_line_inside_a_request_is_json_with_that_requests_id(client, home, json_log):
    response = client.get("/en/no-such-page/", headers={"X-Request-ID": "edge-1b2c3d4e5f"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "edge-1b2c3d4e5f"
    entry = json.loads(json_log.getvalue().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /en/no-such-page/"
    assert entry["request_id"] == "edge-1b2c3d4e5f"
    assert entry["status_code"] == 404


@pytest.mark.parametrize(
    "incoming",
    ["", "short", "has spaces in it", "x" * 200, "line\nbreak-injected", '"quoted";drop', "zoë-unicode-id"],
)
def test_an_unusable_incoming_request_id_is_replaced(incoming):
    generated = incoming_request_id(incoming)
    assert generated != incoming
    assert len(generated) == 32 and generated.isalnum()


def test_a_generated_id_is_sent_when_none_came_in(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_exceptions_are_one_json_line_with_the_traceback():
    record = logging.LogRecord("qsite", logging.ERROR, __file__, 1, "boom %s", ("here",), None)
    try:
        raise ValueError("bad value ☃")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "boom here"
    assert entry["request_id"] == "-"
    assert "ValueError: bad value ☃" in entry["exception"]
