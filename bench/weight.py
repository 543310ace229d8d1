"""Page weight of a first visit, measured in headless Chromium against the built site on localhost.

Every response the page loads (HTML, CSS, JS, fonts, images, the search index) is recorded, its body
gzipped at level 9 (what a static host such as GitHub Pages sends, roughly) and summed by type.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would bury the report
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def kind_of(url: str, content_type: str) -> str:
    path = urlsplit(url).path
    for kind, endings in (("search index", ("search_index.json",)), ("js", (".js",)), ("css", (".css",)),
                          ("font", (".woff", ".woff2", ".ttf")), ("image", (".svg", ".png", ".jpg", ".ico"))):
        if path.endswith(endings):
            return kind
    return "html" if "html" in content_type else "other"


def first_visit(site: Path, path: str) -> dict:
    """Bytes (raw and gzipped) and requests of a first visit to `path`, by resource kind."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    totals, requests, third_party = {}, 0, []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            responses = []
            page.on("request", lambda request: None if request.url.startswith(base) or request.url.startswith("data:")
                    else third_party.append(request.url))
            page.on("response", lambda response: responses.append(response))
            page.goto(base + path, wait_until="networkidle")
            for response in responses:
                if not response.url.startswith(base):
                    continue
                body = response.body()
                kind = kind_of(response.url, response.headers.get("content-type", ""))
                raw, packed = totals.get(kind, (0, 0))
                totals[kind] = (raw + len(body), packed + gzipped(body))
                requests += 1
            browser.close()
    finally:
        server.shutdown()
    return {"by_kind": totals, "requests": requests, "third_party": third_party,
            "gzipped_total": sum(packed for _, packed in totals.values()),
            "gzipped_without_search_index": sum(p for k, (_, p) in totals.items() if k != "search index")}


def search_indexes(site: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzipped bytes of the search index each language's readers download, by language."""
    sizes = {}
    for lang, folder in (("en", ""), ("zh", "zh/")):
        path = site / folder / "search/search_index.json"
        if path.is_file():
            data = path.read_bytes()
            sizes[lang] = (len(data), gzipped(data))
    return sizes
