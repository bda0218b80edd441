"""Pages that show one resolution must not read the whole corpus.

Each engine is asked how much work a page's statement did — PostgreSQL the rows its plan
nodes produced (``EXPLAIN ANALYZE``), SQLite the virtual-machine steps it ran — before and
after the archive gains many paragraphs that have nothing to do with the page. A statement
that scans every paragraph or cross-reference grows with them and fails here, rather than
costing 128 ms a request at 100,000 paragraphs.
"""

import json
import sqlite3

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions import selectors
from tests.factories import make_paragraph, make_reference, make_resolution

UNRELATED_PARAGRAPHS = 150


def work(sql: str) -> int:
    """How much the engine did to answer ``sql`` (rows produced, or VM steps)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Planned as at corpus size, where a table is never read whole when an index
            # serves: on the tests' tiny tables a full scan is cheapest.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            [[plan]] = cursor.fetchone()
            cursor.execute("RESET enable_seqscan")
        plan = json.loads(plan) if isinstance(plan, str) else plan

        def rows(node: dict) -> int:
            own = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
            return own + sum(rows(child) for child in node.get("Plans", ()))

        return rows(plan["Plan"])
    raw: sqlite3.Connection = connection.connection
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    raw.set_progress_handler(count, 1)
    try:
        raw.execute(sql).fetchall()
    finally:
        raw.set_progress_handler(None, 1)
    return steps


def statement_of(call) -> str:
    with CaptureQueriesContext(connection) as queries:
        call()
    [query] = queries.captured_queries
    return query["sql"]


def grow_unrelated_corpus() -> None:
    other = make_resolution(1500, 2003)
    cited = make_resolution(1400, 2002)
    for number in range(1, UNRELATED_PARAGRAPHS + 1):
        paragraph = make_paragraph(other, f"Recalls its resolution 1400 ({number});", number=number)
        make_reference(paragraph, 1400, 2002, start=16, end=27)
    assert cited.citations.count() == UNRELATED_PARAGRAPHS
    planner_statistics_refresh()


def planner_statistics_refresh() -> None:
    """As an ingest leaves PostgreSQL (ANALYZE at its end); statistics are not rolled back
    with a test's transaction, so without this a test is planned from what an earlier
    test's ingest left."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@pytest.fixture
def cited_archive(db):
    cited = make_resolution(2331, 2016)
    make_paragraph(cited, "Decides to remain seized of the matter.", number=1)
    for number in range(2380, 2385):
        citing = make_resolution(number, 2017)
        paragraph = make_paragraph(
            citing, "Recalling its resolution 2331 (2016),", kind="preambular"
        )
        make_reference(paragraph, 2331, 2016, start=22, end=33)
    planner_statistics_refresh()
    return cited


@pytest.mark.parametrize(
    "call",
    [lambda: selectors.resolution_last_modified(number=2331)],
    ids=["resolution_last_modified"],
)
def test_a_resolution_pages_statements_do_not_grow_with_the_corpus(cited_archive, call):
    statement = statement_of(call)
    before = work(statement)
    grow_unrelated_corpus()
    after = work(statement)
    # Two more resolutions in the table the statement may read whole; nothing per paragraph.
    assert after <= before * 1.2 + 20, (before, after)


@pytest.mark.parametrize(
    "url",
    [
        "/resolutions/2331/",
        "/resolutions/2331/op1/",
        "/resolutions/2331.json",
        "/resolutions/2331.txt",
    ],
)
def test_no_statement_of_a_resolution_page_grows_with_the_corpus(client, cited_archive, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    statements = [query["sql"] for query in queries.captured_queries]
    before = [work(statement) for statement in statements]
    grow_unrelated_corpus()
    after = [work(statement) for statement in statements]
    grown = [
        (statement, was, now)
        for statement, was, now in zip(statements, before, after, strict=True)
        if now > was * 1.2 + 20
    ]
    assert grown == []
