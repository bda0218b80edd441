"""A statement that runs past the time limit is stopped on both engines and the person gets
a clear page, never a worker tied up; ingest is not limited."""

import time

import pytest
from django.db import connection, connections
from django.test import override_settings

from resolutions.health import limits
from resolutions.views import search

pytestmark = pytest.mark.django_db

# A statement that runs for seconds on either engine, whatever the archive holds.
SLOW = {
    "postgresql": "SELECT pg_sleep(3)",
    "sqlite": (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000000) "
        "SELECT count(*) FROM n"
    ),
}


@pytest.fixture
def slow_search(monkeypatch):
    def slow(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute(SLOW[connection.vendor])
        raise AssertionError("the slow statement was not stopped")

    monkeypatch.setattr(search, "search_paragraphs", slow)


def test_a_statement_past_the_limit_gives_a_clear_page_in_time(client, slow_search):
    with override_settings(STATEMENT_TIMEOUT_MS=300):
        if connection.vendor == "postgresql":  # what a new connection sets, for this one
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 300")
        started = time.monotonic()
        response = client.get("/search/", {"q": "a* OR b* OR c*"})
        elapsed = time.monotonic() - started
    assert elapsed < 2.5
    assert response.status_code == 503
    html = response.content.decode()
    assert "<h1>This took too long</h1>" in html
    assert "fewer prefixes (*)" in html
    assert response["Retry-After"] == "30"


def test_json_clients_get_a_json_error(client, slow_search):
    with override_settings(STATEMENT_TIMEOUT_MS=300):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 300")
        response = client.get("/search.json", {"q": "a* OR b*"})
    assert response.status_code == 503
    assert response.json()["error"] == "too long"


def test_a_new_connection_carries_the_limit():
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            if other.vendor == "postgresql":
                cursor.execute("SHOW statement_timeout")
                assert cursor.fetchone()[0] == "5s"
            else:
                limits._local.deadline = time.monotonic() - 1  # a request whose time is up
                try:
                    with pytest.raises(Exception, match="interrupted"):
                        cursor.execute(SLOW["sqlite"])
                finally:
                    limits._local.deadline = None
    finally:
        other.close()


def test_outside_a_request_nothing_is_interrupted():
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
            "SELECT count(*) FROM n"
        )
        assert cursor.fetchone()[0] == 200000
