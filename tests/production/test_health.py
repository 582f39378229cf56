"""Health endpoints for the load balancer: plain paths, no redirects, never cached."""

import pytest


def test_healthz_answers_ok_without_touching_the_database(client):
    # No `db` fixture: pytest-django makes any database access here an error, and
    # "is the process up" must not depend on the database.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_readyz_checks_database_and_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_paths_are_not_sent_to_a_language(client, db, path):
    assert client.get(path).status_code == 200
    assert client.get(path + "/").status_code == 404


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_paths_only_answer_get_and_head(client, db, path):
    assert client.post(path).status_code == 405
    assert client.head(path).status_code == 200
