"""Playwright (sync API) driving the system Chromium against pytest-django's live server.

Skips with a message where Playwright or Chromium is missing -- except under ``CI=true``, where
a missing browser fails the run instead of silently skipping what these tests protect.
Chromium is found as ``$CHROMIUM_PATH``, else ``chromium`` or ``chromium-browser`` on the PATH.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses database access from
# a thread with a running loop unless told the access is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: the browser tests must run)")
    pytest.skip(message)


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install playwright")
    path = chromium_path()
    if path is None:
        _unavailable("Chromium not found: install it or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def archive(transactional_db):
    """The seeds' real texts for 2331 and 2388, visible to the live server's thread."""
    from tests.pages_data import build_archive

    return build_archive()


def _context(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser, live_server):
    context = _context(browser, live_server, viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture
def phone_context(browser, live_server):
    context = _context(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
