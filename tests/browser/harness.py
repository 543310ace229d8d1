"""The browser harness: a GitHub-Pages-like server for a built site, Debian's Chromium under Playwright,
and browser contexts that record every request and console message.

Nothing here is a pytest fixture, so `scripts/screenshots` and the mutation tests use the same code
as the suite (fixtures are in conftest.py beside this file).
"""

from __future__ import annotations

import os
import re
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
AXE = ROOT / "node_modules/axe-core/axe.min.js"

# Debian's Chromium: Playwright's own browser download needs a CDN this machine cannot reach.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",                      # CI containers run as root
    "--disable-gpu",
    "--disable-dev-shm-usage",           # small /dev/shm in containers
    "--disable-background-networking",   # no update, safe-browsing or metrics calls of the browser itself
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


# The server ----------------------------------------------------------------------------------------

class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a built site the way GitHub Pages does.

    `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, and any missing path gets the site's
    one `/404.html` with status 404 (GitHub Pages never serves `/zh/404.html` by itself).
    """

    def log_message(self, format, *args):  # noqa: A002 - quiet, the tests report what matters
        pass

    def list_directory(self, path):
        self.send_error(404)  # no directory listings on a static host

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closed a connection early
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yields the base URL (ending in /)."""
    server = QuietServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# The browser ---------------------------------------------------------------------------------------

def launch(playwright):
    """Debian's headless Chromium. Raises with a hint when it is missing or does not start."""
    if not Path(CHROMIUM).is_file():
        raise RuntimeError(f"no Chromium at {CHROMIUM}: run scripts/system-deps (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parts.hostname in LOCAL_HOSTS


@dataclass
class Recorder:
    """Every request, failed response and console message of one browser context."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    bad_responses: list[tuple[int, str]] = field(default_factory=list)
    console: list[tuple[str, str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    expected_missing: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        context.on("request", self._on_request)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        # Nothing may leave the machine; abort such a request at once rather than wait for DNS.
        context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))

    def expect_missing(self, url: str) -> None:
        """A 404 for this URL is what the test wants (the not-found page), not a broken link."""
        self.expected_missing.append(url)

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        if not is_local(request.url):
            self.foreign.append(request.url)

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.bad_responses.append((response.status, response.url))

    def _on_console(self, message) -> None:
        self.console.append((message.type, message.text, (message.location or {}).get("url", "")))

    def _expected(self, status: int, url: str) -> bool:
        return status == 404 and url in self.expected_missing

    def problems(self) -> list[str]:
        """What a reader must never get: third-party requests, broken resources, console errors."""
        found = [f"request to another host: {url}" for url in self.foreign]
        found += [f"HTTP {status}: {url}" for status, url in self.bad_responses if not self._expected(status, url)]
        for kind, text, url in self.console:
            if kind != "error":
                continue
            if re.search(r"status of 404 \(Not Found\)", text) and url in self.expected_missing:
                continue
            found.append(f"console error: {text} ({url})")
        found += [f"uncaught page error: {error}" for error in self.page_errors]
        return found


def new_context(browser, base_url: str, **options):
    """A fresh context (own storage, own permissions) with a Recorder attached."""
    options.setdefault("viewport", DESKTOP)
    options.setdefault("locale", "en-US")
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(10_000)
    recorder = Recorder()
    recorder.attach(context)
    return context, recorder


# Screenshots ---------------------------------------------------------------------------------------

GROQ_SHOTS = [(lang, path, width) for lang, path in (("en", "providers/groq/"), ("zh", "zh/providers/groq/"))
              for width in (DESKTOP["width"], MOBILE["width"])]


def groq_screenshots(browser, base_url: str, folder: Path = ARTIFACTS) -> list[Path]:
    """Full-page PNGs of the Groq page in both languages at desktop and phone width."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, path, width in GROQ_SHOTS:
        viewport = DESKTOP if width == DESKTOP["width"] else MOBILE
        context = browser.new_context(base_url=base_url, viewport=viewport)
        try:
            context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
            page = context.new_page()
            page.goto(path, wait_until="networkidle")
            target = folder / f"groq-{lang}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        finally:
            context.close()
    return written
