"""What a drafter does with the draft check: open it from the navigation, paste a draft, see the
closest agreed language with their changes marked, follow it; upload a .docx and a .txt file."""

from __future__ import annotations

import io
import os
import re
import zipfile

import pytest

pytestmark = [pytest.mark.browser]

OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen"
)
EDITED = OP31.replace("transparency", "openness").replace("supply chains", "delivery chains")
DRAFT = f"The Security Council,\n\n31. {EDITED}\n\n32. Decides to paint the building purple;"


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


def test_paste_a_draft_and_see_the_agreed_language_with_track_changes(page, archive):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Check a draft").click()
    page.wait_for_url(re.compile(r"/draft-check/$"))
    page.get_by_label("Draft text").fill(DRAFT)
    page.get_by_role("button", name="Check the draft").click()
    page.wait_for_load_state()
    heading = page.locator("#report-heading")
    assert heading.inner_text() == "1 of 3 paragraphs found in agreed language"
    item = page.locator("#draft-2")
    assert item.get_by_role("heading").inner_text() == "Your paragraph 31."
    assert re.search(
        r"— 9\d % of the wording shared \(close; 2 words removed, 2 added\)", item.inner_text()
    )
    changes = item.locator(".track-changes")
    assert [t.strip() for t in changes.locator("del").all_text_contents()] == [
        "[removed: transparency]",
        "[removed: supply]",
    ]
    assert [t.strip() for t in changes.locator("ins").all_text_contents()] == [
        "[added: openness]",
        "[added: delivery]",
    ]
    # Struck and underlined: the changes read without colour.
    assert (
        changes.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
        == "line-through"
    )
    assert (
        changes.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
        == "underline"
    )
    assert "No agreed language found" in page.locator("#draft-3").inner_text()
    if os.environ.get("DRAFT_SCREENSHOT"):
        page.screenshot(path=os.environ["DRAFT_SCREENSHOT"], full_page=True)
    # The draft is still in the box, to edit and check again; the citation leads to the text.
    assert EDITED in page.get_by_label("Draft text").input_value()
    item.get_by_role("link", name="S/RES/2388 (2017), para. 31").click()
    page.wait_for_url(re.compile(r"/resolutions/2388/op31/$"))


@pytest.mark.parametrize("kind", ["docx", "txt"])
def test_upload_a_file(page, archive, kind):
    page.goto("/draft-check/")
    if kind == "docx":
        upload = {
            "name": "draft.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": _docx("The Security Council,", f"31. {EDITED}"),
        }
    else:
        upload = {"name": "draft.txt", "mimeType": "text/plain", "buffer": DRAFT.encode()}
    page.get_by_label("Or choose a file (.txt or .docx)").set_input_files(upload)
    page.get_by_role("button", name="Check the draft").click()
    page.wait_for_load_state()
    assert "1 of" in page.locator("#report-heading").inner_text()
    link = page.locator("#draft-2").get_by_role("link", name="S/RES/2388 (2017), para. 31")
    assert link.is_visible()


def test_a_broken_file_gets_a_message_not_an_error_page(page, archive):
    page.goto("/draft-check/")
    upload = {
        "name": "draft.docx",
        "mimeType": "application/octet-stream",
        "buffer": b"PK\x03\x04x",
    }
    page.get_by_label("Or choose a file (.txt or .docx)").set_input_files(upload)
    page.get_by_role("button", name="Check the draft").click()
    page.wait_for_load_state()
    assert "could not be read" in page.get_by_role("alert").inner_text()
