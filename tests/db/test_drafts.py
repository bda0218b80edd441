"""Checking a draft, page and JSON, on the seed archive (S/RES/2331 (2016) and S/RES/2388 (2017)
as `make run` serves them): the closest agreed language with its citation and exactly the
drafter's changes; every kind of bad input answered with a clear message, never a 500; and
nothing of the draft stored or logged. Runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

import io
import json
import logging
import zipfile

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from resolutions.drafts import MAX_CHARS, MAX_PARAGRAPHS
from resolutions.drafts.selectors import IndexNotReady, draft_index_get, draft_report_get
from resolutions.models import Paragraph, Resolution, Source
from resolutions.views.drafts import MAX_BODY_BYTES, draft_check_page
from tests.db.exports_helpers import validate_response

pytestmark = pytest.mark.django_db

# S/RES/2388 (2017) op 31 as the seed pages hold it (its page ends mid-sentence).
OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen"
)
# The drafter changed two words.
EDITED = OP31.replace("transparency", "openness").replace("supply chains", "delivery chains")
DRAFT = (
    "The Security Council,\n"
    f"31. {EDITED}\n"
    "32. Decides to paint the headquarters building purple in every season;"
)
API = "/api/draft-check"


def _docx(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return buffer.getvalue()


def _upload(name: str, data: bytes):
    file = io.BytesIO(data)
    file.name = name
    return file


def _assert_op31_with_two_changes(paragraph: dict) -> None:
    assert paragraph["status"] == "matched"
    match = paragraph["match"]
    assert match["citation"] == "S/RES/2388 (2017), para. 31"
    assert match["url"] == "http://testserver/resolutions/2388/op31/"
    changed = [(c["op"], c["text"]) for c in match["changes"] if c["op"] != "equal"]
    assert changed == [
        ("delete", "transparency"),
        ("insert", "openness"),
        ("delete", "supply"),
        ("insert", "delivery"),
    ]
    assert (match["words_removed"], match["words_added"]) == (2, 2)
    assert 0.9 <= match["share"] < 1 and match["percent"] == int(match["share"] * 100)
    assert match["reuse"] == "close"


# --- the page ------------------------------------------------------------------------------


def test_the_page_offers_a_labelled_form_and_is_in_the_navigation(client, seed_archive):
    page = client.get("/draft-check/").content.decode()
    assert '<label for="draft-text">Draft text</label>' in page
    assert '<label for="draft-file">' in page and 'name="file" type="file"' in page
    assert 'enctype="multipart/form-data"' in page
    assert 'href="/draft-check/" aria-current="page">Check a draft</a>' in page
    assert 'href="/draft-check/"' in client.get("/").content.decode()


def test_pasting_a_draft_shows_the_closest_agreed_language_with_track_changes(client, seed_archive):
    response = client.post("/draft-check/", {"text": DRAFT})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "1 of 3 paragraphs found in agreed language" in page
    assert '<a href="/resolutions/2388/op31/">S/RES/2388 (2017), para. 31</a>' in page
    assert "2 words removed, 2 added" in page
    assert '<del><span class="visually-hidden">[removed: </span>transparency' in page
    assert '<ins><span class="visually-hidden">[added: </span>openness' in page
    assert page.count("<del>") == 2 + 1  # the two changes, and the key that explains them
    assert "No agreed language found:" in page  # paragraph 32
    assert "Too short to compare" in page  # "The Security Council,"
    assert EDITED in page  # the draft is given back in the form, to edit and check again


def test_uploading_a_docx_on_the_page(client, seed_archive):
    response = client.post(
        "/draft-check/", {"file": _upload("draft.docx", _docx("The Security Council,", EDITED))}
    )
    assert response.status_code == 200
    assert "S/RES/2388 (2017), para. 31" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "status", "says"),
    [
        ({"text": ""}, 400, "The draft is empty"),
        ({"text": "   \n\n "}, 400, "The draft is empty"),
        ({"text": "x" * (MAX_CHARS + 1)}, 413, f"up to {MAX_CHARS:,}"),
        ({"text": "Decides;\n\n" * (MAX_PARAGRAPHS + 1)}, 413, f"up to {MAX_PARAGRAPHS}"),
        ({"text": "abc\x01def"}, 400, "does not look like text"),
    ],
    ids=["empty", "blank", "too long", "too many paragraphs", "binary"],
)
def test_bad_input_on_the_page_gets_a_clear_message(client, seed_archive, data, status, says):
    response = client.post("/draft-check/", data)
    assert response.status_code == status
    page = response.content.decode()
    assert 'role="alert"' in page and says in page
    assert '<textarea id="draft-text"' in page  # the form is there to try again


def test_a_body_past_the_limit_is_refused_before_it_is_read(client, seed_archive):
    response = client.post(
        "/draft-check/",
        data="text=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(MAX_BODY_BYTES + 1),
    )
    assert response.status_code == 413
    assert "The draft is too large" in response.content.decode()


# --- the JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["form", "json", "txt file", "docx file"])
def test_the_api_answers_the_same_however_the_draft_is_sent(client, seed_archive, how):
    if how == "form":
        response = client.post(API, {"text": DRAFT})
    elif how == "json":
        response = client.post(API, json.dumps({"text": DRAFT}), content_type="application/json")
    elif how == "txt file":
        response = client.post(API, {"file": _upload("draft.txt", DRAFT.encode())})
    else:
        data = _docx("The Security Council,", f"31. {EDITED}", "32. Decides to paint it;")
        response = client.post(API, {"file": _upload("draft.docx", data)})
    assert response.status_code == 200, response.content
    validate_response(API, response, "post")
    report = response.json()
    assert report["summary"]["paragraphs"] == 3 and report["summary"]["matched"] == 1
    first, op31, last = report["paragraphs"]
    assert first["status"] == "too short"
    assert op31["label"] == "31." and op31["text"] == EDITED
    _assert_op31_with_two_changes(op31)
    assert last["status"] == "no agreed language found" and last["match"] is None
    assert response["Cache-Control"] == "no-store"


def test_a_word_for_word_paragraph_is_identical(client, seed_archive):
    report = client.post(API, {"text": OP31}).json()
    match = report["paragraphs"][0]["match"]
    assert (match["share"], match["percent"], match["reuse"]) == (1.0, 100, "identical")
    assert [c["op"] for c in match["changes"]] == ["equal"]
    assert report["summary"]["identical"] == 1


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(50):
                part.write(b"\x00" * 1_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("send", "status", "says"),
    [
        ({"text": ""}, 400, "empty"),
        ({"text": "x" * (MAX_CHARS + 1)}, 413, "characters"),
        ({"file": ("draft.txt", b"")}, 400, "empty"),
        ({"file": ("draft.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}, 400, "control"),
        ({"file": ("draft.txt", "Côte d’Ivoire".encode("cp1252"))}, 400, "not UTF-8"),
        ({"file": ("draft.docx", b"PK\x03\x04broken")}, 400, "damaged"),
        ({"file": ("bomb.docx", _zip_bomb())}, 413, "unpacks to more than"),
        ({"file": ("draft.doc", b"\xd0\xcf\x11\xe0")}, 400, ".doc file"),
        ({"text": "Decides to act now;", "file": ("a.txt", b"Decides;")}, 400, "not both"),
        ("not json", 400, "not JSON"),
        ('["a list"]', 400, '"text"'),
        ('{"text": 5}', 400, '"text"'),
        (b'{"text": "\xff\xfe"}', 400, "not JSON"),
    ],
    ids=[
        "empty",
        "too long",
        "empty file",
        "binary file",
        "cp1252 file",
        "corrupt docx",
        "zip bomb",
        "old word",
        "both",
        "not json",
        "json list",
        "json number",
        "json bad utf-8",
    ],
)
def test_bad_input_to_the_api_gets_a_clear_json_error(client, seed_archive, send, status, says):
    if isinstance(send, dict):
        data = {
            key: _upload(*value) if isinstance(value, tuple) else value
            for key, value in send.items()
        }
        response = client.post(API, data)
    else:
        response = client.post(API, send, content_type="application/json")
    assert response.status_code == status, response.content
    validate_response(API, response, "post")
    body = response.json()
    assert says in body["detail"] and body["status"] == status


def test_the_api_answers_a_get_with_405_and_how_to_post(client):
    response = client.get(API)
    assert response.status_code == 405 and response["Allow"] == "POST"
    validate_response(API, response, "post")
    assert "POST the draft" in response.json()["detail"]


def test_the_api_needs_no_csrf_token(seed_archive):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(API, {"text": OP31}).status_code == 200
    assert strict.post("/draft-check/", {"text": OP31}).status_code == 200


# --- nothing kept --------------------------------------------------------------------------

SECRET = "Zanzibarquolith"  # a word that is nowhere in the archive


@pytest.mark.parametrize("path", [API, "/draft-check/"])
@pytest.mark.parametrize(
    "text",
    [f"31. {EDITED} {SECRET}", f"{SECRET}\x01 binary", ("Decides;\n\n" * 201) + SECRET],
    ids=["checked", "refused", "too many"],
)
def test_nothing_pasted_is_stored_or_logged(client, seed_archive, caplog, settings, path, text):
    settings.DEBUG = True  # the database backends log every query when debugging
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")  # Django's own loggers stop at INFO
    counts = (Resolution.objects.count(), Paragraph.objects.count(), Source.objects.count())
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, {"text": text})
    assert response.status_code in (200, 400, 413)
    assert SECRET not in caplog.text
    assert any(r.name == "django.db.backends" for r in caplog.records)  # the log was on
    assert not any(SECRET in q["sql"] for q in queries.captured_queries)
    writes = ("INSERT", "UPDATE", "DELETE", "CREATE")
    assert not [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(writes)]
    assert (Resolution.objects.count(), Paragraph.objects.count(), Source.objects.count()) == counts
    assert "Set-Cookie" not in response


def test_error_reports_hide_the_posted_draft(seed_archive):
    request = RequestFactory().post("/draft-check/", {"text": SECRET})
    draft_check_page(request)
    assert request.sensitive_post_parameters == "__ALL__"


# --- the index ----------------------------------------------------------------------------


def test_the_index_follows_the_archive(seed_archive):
    text = "Decides to establish a new observatory on the moon for every season"
    assert draft_report_get(text=text).paragraphs[0].match is None
    resolution = Resolution.objects.create(number=2999, year=2030, symbol="S/RES/2999 (2030)")
    Paragraph.objects.create(
        resolution=resolution, pid="op1", kind="operative", number=1, position=1, text=text
    )
    # An ingest saves the resolution whose paragraphs change; the archive's state moved.
    match = draft_report_get(text=text).paragraphs[0].match
    assert match is not None and match.citation == "S/RES/2999 (2030), para. 1"
    with CaptureQueriesContext(connection) as queries:
        draft_report_get(text=text)
    assert len(queries) == 2  # the archive's state and the cited paragraphs: no rebuild


def test_while_the_index_is_built_the_answer_is_503_with_retry_after(client, monkeypatch):
    def not_ready(**kwargs):
        raise IndexNotReady

    monkeypatch.setattr("resolutions.views.drafts.draft_report_get", not_ready)
    response = client.post(API, {"text": OP31})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    validate_response(API, response, "post")
    assert "half a minute" in response.json()["detail"]
    page = client.post("/draft-check/", {"text": OP31})
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert "preparing its index" in page.content.decode()
    assert OP31 in page.content.decode()  # the draft is given back, to send again


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_index_is_built_in_a_thread_of_its_own(monkeypatch):
    from resolutions.drafts import selectors
    from resolutions.services.ingest import ingest_paths
    from tests.conftest import SEEDS

    monkeypatch.setattr(selectors, "_built", {})  # a process that has checked no draft yet
    monkeypatch.setattr(selectors, "_building", {})
    ingest_paths(paths=[SEEDS])
    index = draft_index_get(wait=None)
    assert selectors._building["default"].name == "draft-check-index"
    assert index.paragraph_count == Paragraph.objects.exclude(kind="heading").count() - sum(
        1 for t in Paragraph.objects.values_list("text", flat=True) if len(t.split()) < 4
    )
    assert draft_index_get(wait=0) is index  # the archive unchanged: the same index
    resolution = Resolution.objects.create(number=2999, year=2030, symbol="S/RES/2999 (2030)")
    Paragraph.objects.create(
        resolution=resolution, pid="op1", kind="operative", number=1, position=1, text=OP31
    )
    # After a change, never the stale index: the new one, once built.
    rebuilt = draft_index_get(wait=None)
    assert rebuilt is not index and rebuilt.paragraph_count == index.paragraph_count + 1


def test_an_upload_never_goes_to_a_temporary_file(client, seed_archive, settings, monkeypatch):
    """Django writes uploads past FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file; the draft
    check keeps them in memory whatever that setting says."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1_000

    def no_temporary_file(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(
        "django.core.files.uploadedfile.TemporaryUploadedFile.__init__", no_temporary_file
    )
    text = (f"31. {EDITED}\n\n" * 40).encode()
    assert len(text) > 5_000
    response = client.post(API, {"file": _upload("draft.txt", text)})
    assert response.status_code == 200
    assert response.json()["summary"]["matched"] == 40
