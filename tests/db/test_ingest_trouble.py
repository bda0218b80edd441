"""When an ingest meets trouble it says what and where, and leaves the archive as it was:
Latin-1 XML, over-long paragraphs, files too large, two folders holding the same name, a second
ingest while one runs. On both engines."""

import os
import sqlite3
import subprocess
import sys
import threading

import pytest
from django.db import connection
from django.test import override_settings

from resolutions.models import Resolution, Source
from resolutions.parsing.document import ParseError
from resolutions.services import sources
from resolutions.services.guards import MAX_PARAGRAPH_CHARS, IngestBusy
from resolutions.services.ingest import ingest_paths
from tests.conftest import REPO, SEEDS
from tests.db.test_ingest import archive_state
from tests.hostile import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

SAMPLE = (REPO / "tests" / "unit" / "akn_samples" / "single_paragraph.xml").read_text("utf-8")
PAGE_7 = (SEEDS / "000_75238d4c9916e17c.txt").read_text("utf-8")


def _refused(paths) -> ParseError:
    before = archive_state()
    with pytest.raises(ParseError) as caught:
        ingest_paths(paths=paths)
    assert archive_state() == before
    return caught.value


def test_latin1_xml_with_its_encoding_declared_is_ingested_and_kept_verbatim(db, tmp_path):
    text = SAMPLE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
        'encoding="utf-8"', 'encoding="ISO-8859-1"'
    )
    assert 'encoding="ISO-8859-1"' in text
    text = text.replace("The Security Council", "The Security Council (Conseil de sécurité)", 1)
    path = tmp_path / "latin1.xml"
    path.write_bytes(text.encode("latin-1"))
    report = ingest_paths(paths=[path])
    assert report.xml_added == 1
    assert Source.objects.get(format="akn").raw_text == text
    assert not ingest_paths(paths=[path]).changed  # read back from the archive the same


def test_a_paragraph_longer_than_the_archive_takes_is_refused_on_every_engine(db, tmp_path):
    words = "trafficking in persons " * (MAX_PARAGRAPH_CHARS // 20)
    page = PAGE_7.replace("24. Requests the Secretary-General", f"24. Requests {words}the")
    (tmp_path / "long.txt").write_text(page, encoding="utf-8")
    error = _refused([tmp_path])
    assert error.file.endswith("long.txt")
    assert error.line == 4
    assert "the archive takes paragraphs of up to 100,000" in error.message


def test_a_file_larger_than_the_archive_takes_is_refused_before_it_is_read(
    db, tmp_path, monkeypatch
):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)
    (tmp_path / "big.json").write_text('{"symbol": "S/RES/1 (1946)"}\n' * 100)
    error = _refused([tmp_path])
    assert error.file.endswith("big.json")
    assert "the archive takes source files of up to" in error.message


def test_files_are_named_by_the_path_given_when_two_folders_hold_the_same_name(db, tmp_path):
    for folder, symbol in (("first", "S/RES/2331 (2016)"), ("second", "S/RES/0 (2017)")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "2017.json").write_text(f'{{"symbol": "{symbol}"}}\n')
    error = _refused([tmp_path / "first", tmp_path / "second"])
    assert error.file == str(tmp_path / "second" / "2017.json")
    assert error.line == 1


def test_an_undecodable_file_is_named(db, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "page.txt").write_bytes(b"S/RES/2388 (2017)\ncaf\xe9\n")
    error = _refused([tmp_path])
    assert error.file == str(tmp_path / "notes" / "page.txt")
    assert "not UTF-8" in error.message


def test_a_second_ingest_while_one_runs_is_refused_with_a_message_postgres(db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite case runs in the test below, against a database file")
    import psycopg

    from resolutions.services.guards import _ADVISORY_KEY

    params = connection.get_connection_params()
    holder = psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})
    try:
        holder.execute("SELECT pg_advisory_lock(%s)", [_ADVISORY_KEY])
        with override_settings(INGEST_LOCK_WAIT=0.5), pytest.raises(IngestBusy) as caught:
            ingest_paths(paths=[SEEDS])
    finally:
        holder.close()
    assert "another ingest is writing to the archive" in str(caught.value)
    assert Resolution.objects.count() == 0
    ingest_paths(paths=[SEEDS])  # and once the other has finished, it runs
    assert Resolution.objects.count() == 2


def _manage(*args, database_url):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env = {**clean, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    env["DJANGO_DB_BUSY_TIMEOUT"] = "1"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_second_ingest_while_one_runs_is_refused_with_a_message_sqlite(tmp_path):
    database = tmp_path / "archive.sqlite3"
    url = f"sqlite:///{database}"
    assert _manage("migrate", "--noinput", database_url=url).returncode == 0
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another ingest, writing
    try:
        done = _manage("ingest", str(SEEDS), database_url=url)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 1
    assert "another ingest is writing to the archive" in done.stderr
    assert "Traceback" not in done.stderr
    assert _manage("ingest", str(SEEDS), database_url=url).returncode == 0


@pytest.mark.django_db(transaction=True)
def test_two_ingests_at_once_give_one_archive():
    """Threads stand in for two processes: each ingest has its own connection."""
    if connection.vendor == "sqlite":
        pytest.skip("in-memory test database: the file case is the test above")
    errors = []

    def run():
        try:
            ingest_paths(paths=[SEEDS])
        except Exception as error:  # noqa: BLE001 - any error is the failure reported
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Resolution.objects.count() == 2


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_text_in_a_record_or_a_page_is_stored_or_refused_by_name(db, tmp_path, text):
    """The shared hostile list through the ingest's two text surfaces: a record's field and a
    page's line. Each is kept as given or refused naming the file; never another error."""
    import json

    (tmp_path / "2017.json").write_text(
        json.dumps({"symbol": "S/RES/2388 (2017)", "agenda_item_name": text}) + "\n",
        encoding="utf-8",
    )
    page = PAGE_7.replace("24. Requests the Secretary-General", f"24. Requests {text} the")
    (tmp_path / "p7.txt").write_text(page, encoding="utf-8", errors="surrogatepass")
    before = archive_state()
    try:
        ingest_paths(paths=[tmp_path])
    except ParseError as error:
        assert error.file.endswith(("2017.json", "p7.txt"))
        assert archive_state() == before
        return
    resolution = Resolution.objects.get(number=2388)
    assert resolution.agenda == " ".join(text.split()).removesuffix(".")
    assert Source.objects.filter(format="page-text").count() == 1
