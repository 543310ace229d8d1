"""Reading built pages: links, assets and visible text, with the standard library's HTML parser."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ASSET_TAGS = {"script": "src", "link": "href", "img": "src", "source": "src", "iframe": "src", "video": "src",
              "audio": "src"}


class Page(HTMLParser):
    """Collects what a test asks about a built HTML page."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.assets: list[str] = []
        self.links: list[dict] = []
        self.ids: set[str] = set()
        self._text: list[str] = []
        self._skip = 0
        self.source = path.read_text(encoding="utf-8")
        self.feed(self.source)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in ASSET_TAGS and attributes.get(ASSET_TAGS[tag]):
            if not (tag == "link" and attributes.get("rel") in ("alternate", "canonical", "prev", "next")):
                self.assets.append(attributes[ASSET_TAGS[tag]])
        if tag == "a":
            self.links.append(attributes)
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self._text))

    def switcher(self) -> dict[str, str]:
        """The language menu: hreflang -> href."""
        return {link["hreflang"]: link["href"] for link in self.links
                if "md-select__link" in (link.get("class") or "")}


def resolve(site: Path, page_path: Path, href: str) -> Path:
    """The file a relative link on a page leads to (directory URLs end in index.html)."""
    base = "/" + page_path.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, href)).path
    candidate = site / target.lstrip("/")
    return candidate / "index.html" if target.endswith("/") else candidate


def is_external(url: str) -> bool:
    return bool(urlsplit(url).netloc) or url.startswith("//")


def unescape(text: str) -> str:
    return html.unescape(text)


def search_index(site: Path, lang: str) -> dict:
    """The search index a reader of `lang` downloads: search/ for English, zh/search/ for Chinese."""
    folder = "" if lang == "en" else f"{lang}/"
    return json.loads((site / folder / "search/search_index.json").read_text(encoding="utf-8"))
