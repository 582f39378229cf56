"""With the database unreachable, readers get a friendly 503 page, never a traceback or a 500.

A real gunicorn serves the project with DATABASE_URL pointing at a closed port, so every query
fails the way it does in an outage; nothing in the database layer is replaced.
"""

import json

import pytest

from tests.production.conftest import CLOSED_PORT

DB_DOWN = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/qsite", "LOG_FORMAT": "json"}


@pytest.fixture
def server_without_database(gunicorn_server):
    return gunicorn_server(**DB_DOWN)


def test_a_page_is_a_503_with_retry_after_and_a_friendly_message(server_without_database):
    status, headers, body = server_without_database.get("/en/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert headers["Cache-Control"] == "no-store"
    assert "The site is back in a few minutes" in body
    assert "Nothing you have saved is lost" in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_the_503_page_is_in_the_readers_language(server_without_database):
    status, _headers, body = server_without_database.get("/cy/")
    assert status == 503
    assert '<html lang="cy">' in body


def test_a_database_error_outside_the_view_is_also_a_503(server_without_database):
    # A session cookie makes the admin's middleware load the user before any view runs.
    status, headers, body = server_without_database.get("/admin/", headers={"Cookie": "sessionid=abc123"})
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "The site is back in a few minutes" in body


def test_health_says_the_process_is_up_and_readiness_names_the_database(server_without_database):
    status, _headers, body = server_without_database.get("/healthz")
    assert (status, body) == (200, "ok\n")
    status, _headers, body = server_without_database.get("/readyz")
    assert status == 503
    assert json.loads(body) == {"status": "unavailable", "checks": {"database": "unreachable", "cache": "ok"}}


def test_the_outage_is_logged_as_json_with_the_request_id(server_without_database):
    server_without_database.get("/en/", headers={"X-Request-ID": "lb-7f3a9c21-outage"})
    lines = [json.loads(line) for line in server_without_database.log().splitlines() if line.startswith("{")]
    outage = [line for line in lines if line["message"].startswith("Database unavailable")]
    assert outage, server_without_database.log()
    assert outage[0]["level"] == "ERROR"
    assert outage[0]["request_id"] == "lb-7f3a9c21-outage"
    access = [line for line in lines if line["logger"] == "gunicorn.access" and line["path"] == "/en/"]
    assert access[0]["status"] == 503
    assert access[0]["request_id"] == "lb-7f3a9c21-outage"
