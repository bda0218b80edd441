"""What a person does: search from the home page, follow a hit to its paragraph, copy the
paragraph's link and open it; the same with the keyboard alone; read on a phone; read
without JavaScript."""

from __future__ import annotations

import re

import pytest

from tests.pages_data import TEXT_2331_OP23, TEXT_2388_PP_1, add_nested_resolution

pytestmark = pytest.mark.browser

PHRASE = "procurement and supply chains"
OP23_PATH = "/resolutions/2331/op23/"


def marked_words(page) -> list[str]:
    return page.locator(".context__current mark").all_inner_texts()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_search_open_hit_copy_link_and_open_it(page, archive, live_server):
    page.goto("/")
    page.get_by_label("Search paragraphs").fill(PHRASE)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?"))
    hit = page.locator(f'a[href^="{OP23_PATH}"]').first
    hit.click()
    page.wait_for_url(re.compile(re.escape(OP23_PATH) + r"\?q="))
    assert page.locator("h1").inner_text() == "Operative paragraph 23"
    assert marked_words(page) == ["procurement", "supply", "chains"]

    copy_link = page.get_by_role("button", name="Copy link")
    assert copy_link.get_attribute("data-copy") == f"{live_server.url}{OP23_PATH}"
    copy_link.click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    link = clipboard(page)
    assert link == f"{live_server.url}{OP23_PATH}"

    shared = page.context.new_page()
    shared.goto(link)
    assert shared.locator("h1").inner_text() == "Operative paragraph 23"
    assert shared.locator(".context__current .para__body").inner_text() == TEXT_2331_OP23
    assert marked_words(shared) == []  # the shared link carries no search


def _tab_to(page, predicate: str, limit: int = 60) -> None:
    """Press Tab until ``predicate`` (a JS expression on ``el``) holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"never reached an element where {predicate}")


def test_the_same_path_with_the_keyboard_alone(page, archive, live_server):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    _tab_to(page, "el.id === 'site-search'")
    page.keyboard.type(PHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))
    _tab_to(page, f"(el.getAttribute('href') || '').startsWith('{OP23_PATH}')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(OP23_PATH) + r"\?q="))
    assert marked_words(page) == ["procurement", "supply", "chains"]

    _tab_to(page, "el.textContent.trim() === 'Copy link'")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    link = clipboard(page)
    assert link == f"{live_server.url}{OP23_PATH}"
    shared = page.context.new_page()
    shared.goto(link)
    assert shared.locator("h1").inner_text() == "Operative paragraph 23"


def test_focus_is_visible(page, archive):
    page.goto("/resolutions/2388/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the site name, a link on the dark header
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.backgroundColor, s.boxShadow]; })()"
    )
    assert style[0] == "rgb(255, 221, 0)"
    assert "rgb(11, 12, 12)" in style[1]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/resolutions/",
        "/resolutions/2388/",
        "/resolutions/2331/op23/?q=procurement",
        "/resolutions/2388/op99/",
        "/about/",
        "/resolutions/2231/",  # provisions nested twelve levels deep
        "/resolutions/2231/annex1-4/",
    ],
)
def test_no_horizontal_scrolling_at_phone_width(phone_context, archive, path):
    add_nested_resolution()
    page = phone_context.new_page()
    response = page.goto(path)
    assert response.status in (200, 404)
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{path}: content {widths[0]}px wide in a {widths[1]}px screen"


def test_on_a_phone_the_text_comes_before_the_record(phone_context, archive):
    page = phone_context.new_page()
    page.goto("/resolutions/2388/")
    first = page.locator("#pp-1 .para__body")
    assert first.inner_text() == TEXT_2388_PP_1
    text_top = first.bounding_box()["y"]
    assert text_top < 812, f"the text starts {text_top}px down, below the first screen"
    assert text_top < page.locator("#record-heading").bounding_box()["y"]
    page.get_by_role("link", name="Record", exact=True).click()
    page.wait_for_url(re.compile(r"#record-heading$"))
    assert page.locator("#record-heading").is_visible()


def test_on_a_wide_screen_the_record_sits_beside_the_text(page, archive):
    page.goto("/resolutions/2388/")
    record = page.locator("#record-heading").bounding_box()
    text = page.locator("#pp-1 .para__body").bounding_box()
    assert record["x"] + record["width"] <= text["x"]
    assert not page.locator(".doc-jump").is_visible()


def test_without_javascript_citations_are_visible_and_buttons_hidden(browser, archive, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/resolutions/2388/op31/")
        assert page.get_by_text("S/RES/2388 (2017), para. 31", exact=True).is_visible()
        assert page.get_by_text(f"{live_server.url}/resolutions/2388/op31/").is_visible()
        assert page.locator("button.copy-button").count() == 4
        assert not page.locator("button.copy-button").first.is_visible()
    finally:
        context.close()
