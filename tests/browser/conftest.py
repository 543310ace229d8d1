"""Fixtures of the browser tests: the built site served on localhost, one Chromium per session, a new
context per test that records every request and console message.

A test that passes its own assertions still fails when its pages requested another host, got an
HTTP error or logged a console error (see pytest_runtest_call below). A failing browser test leaves
screenshots of the Groq page (both languages, desktop and phone) and of its own pages in
test-artifacts/browser/.
"""

from __future__ import annotations

import re

import pytest

from . import harness

try:
    from playwright.sync_api import sync_playwright
except ImportError as error:  # a missing browser harness is a failure, never a skip
    sync_playwright = None
    PLAYWRIGHT_IMPORT_ERROR = error


@pytest.fixture(scope="session")
def playwright_driver():
    if sync_playwright is None:
        pytest.fail(f"Playwright is not installed ({PLAYWRIGHT_IMPORT_ERROR}): run scripts/setup --dev", pytrace=False)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver):
    try:
        chromium = harness.launch(playwright_driver)
    except Exception as error:  # noqa: BLE001 - whatever stops the browser, the suite must fail
        pytest.fail(f"Chromium did not start: {error}", pytrace=False)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def server(site):
    """The real site (tests/conftest.py builds it once) on http://127.0.0.1:<free port>/."""
    with harness.serve(site) as url:
        yield url


@pytest.fixture
def browse(browser, server, request):
    """Open a page in a fresh recorded context: browse("zh/providers/groq/", viewport=..., ...)."""
    contexts = []
    recorders = request.node.__dict__.setdefault("browser_recorders", [])
    pages = request.node.__dict__.setdefault("browser_pages", [])

    def open_page(path: str | None = None, *, base_url: str = server, checked: bool = True, **options):
        """checked=False: the test itself inspects page.recorder (a deliberately broken site)."""
        context, recorder = harness.new_context(browser, base_url, **options)
        contexts.append(context)
        if checked:
            recorders.append(recorder)
        page = context.new_page()
        page.recorder = recorder
        pages.append(page)
        if path is not None:
            page.goto(path)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(browse):
    return browse()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    problems = [problem for recorder in item.__dict__.get("browser_recorders", []) for problem in recorder.problems()]
    if problems:
        pytest.fail("the browser saw:\n  " + "\n  ".join(problems), pytrace=False)
    return result


_groq_shots_taken = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and item.get_closest_marker("browser"):
        _save_failure_screenshots(item)
    return report


def _save_failure_screenshots(item) -> None:
    """The failing test's own pages, and once per session the Groq page in four layouts."""
    global _groq_shots_taken
    name = re.sub(r"[^\w.-]+", "_", item.nodeid.split("::", 1)[-1])
    for number, page in enumerate(item.__dict__.get("browser_pages", [])):
        try:
            if not page.is_closed():
                harness.ARTIFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(harness.ARTIFACTS / f"failed-{name}-{number}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - a screenshot must never hide the real failure
            pass
    browser, server = item.funcargs.get("browser"), item.funcargs.get("server")
    if not _groq_shots_taken and browser is not None and server is not None:
        _groq_shots_taken = True
        try:
            harness.groq_screenshots(browser, server)
        except Exception:  # noqa: BLE001
            pass
