"""Files for tools and AI assistants, written into the site once every language has been built:
api/catalog.v1.json with its JSON Schema, and llms.txt / llms-full.txt for each language.

Pages are remembered as each language's build renders them (their Markdown with markers still in
it, so the full text can use a plain comparison table). Nothing is written into docs/.
"""

from __future__ import annotations

import datetime
import functools
import logging
import json
import posixpath
from pathlib import Path
from urllib.parse import urljoin

import orjson

from catalog.entities import Catalog
from catalog.fields import today
from render.export import catalog_document
from render.memo import per_catalog

from . import languages, llms_files

SCHEMA_SOURCE = "schemas/catalog-export.schema.json"
CATALOG_PATH, SCHEMA_PATH = "api/catalog.v1.json", "api/catalog.v1.schema.json"


def remember_page(state: dict, page, lang: str, markdown: str, config) -> None:
    """Keep a rendered page (by source path, so `mkdocs serve` rebuilds replace it) and the site's texts."""
    state.setdefault("pages", {}).setdefault(lang, {})[page.file.src_uri] = (page, markdown)
    state.setdefault("site_text", {})[lang] = (config.site_name, config.site_description or "")


def build_day() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH's day, so a reproducible build writes the same file."""
    return today()


class Urls:
    """Absolute addresses of pages and files, per language (directory URLs, `/zh/` for Chinese)."""

    def __init__(self, site_url: str, default: str):
        self.site_url, self.default = site_url.rstrip("/") + "/", default

    def root(self, lang: str) -> str:
        return languages.folder(lang, self.default)

    def page(self, lang: str, path: str) -> str:
        return self.site_url + self.root(lang) + path

    def _relative(self, page_url: str, target: str) -> str:
        """urljoin(site_url + page_url, target) for a plain relative path, without urllib's parsing (the full
        text resolves tens of thousands of row links); anything unusual still goes through urljoin."""
        if not target or target.startswith(("#", "?", "//")) or ":" in target.partition("/")[0]:
            return urljoin(self.site_url + page_url, target)
        path, mark, rest = target.partition("?") if "?" in target.partition("#")[0] else target.partition("#")
        joined = _joined(page_url, path)
        if joined is None:
            return urljoin(self.site_url + page_url, target)  # above the site root: urljoin's rules
        return self.site_url + joined + mark + rest

    def resolve(self, lang: str, page, target: str) -> str:
        """A Markdown link target as written in docs/ (relative, or `/` for the docs root) made absolute."""
        if "://" in target or target.startswith("mailto:"):
            return target
        path, _, fragment = target.partition("#")
        if not path.endswith(".md") and not path.startswith("/"):
            return self._relative(page.url, target)  # an address from HTML, relative to the page
        if not path.startswith("/"):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
        path = path.lstrip("/")
        if path.endswith(".md"):  # directory URLs: a/b.md is a/b/, a/index.md is a/
            stem = path.removesuffix(".md")
            path = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        return self.page(lang, path) + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=1 << 12)
def _joined(page_url: str, path: str) -> str | None:
    """A path relative to a page as a path from the site root, with its trailing slash; None above the root.
    The rows of a page link a handful of paths (../../compare/, ../../models/x/) with different fragments."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(posixpath.join(base, path)) if path else base.rstrip("/")
    if joined.startswith("..") or joined.startswith("/"):
        return None
    joined = "" if joined == "." else joined
    slash = "/" if (not path or path.endswith(("/", "/.", "/..")) or path in (".", "..")) and joined else ""
    return joined + slash


def write_catalog(catalog: Catalog, root: Path, site_dir: Path, urls: Urls) -> None:
    """The JSON export and its schema; the schema's $id becomes its address on this site."""
    schema_text = (root / SCHEMA_SOURCE).read_text(encoding="utf-8")
    schema, document = export_files(catalog, schema_text, urls.site_url, urls.default, build_day().isoformat())
    (site_dir / "api").mkdir(parents=True, exist_ok=True)
    (site_dir / SCHEMA_PATH).write_bytes(schema)
    (site_dir / CATALOG_PATH).write_bytes(document)


@per_catalog
def export_files(catalog: Catalog, schema_text: str, site_url: str, default: str, day: str) -> tuple[bytes, bytes]:
    """(schema, catalog) as written: a function of the catalog, the schema's source, the site's address and the day."""
    urls, schema = Urls(site_url, default), json.loads(schema_text)
    schema["$id"] = urls.site_url + SCHEMA_PATH
    document = catalog_document(catalog, urls.page, schema["$id"], datetime.date.fromisoformat(day))
    # orjson writes UTF-8 directly: the catalog (2.5 MB) in a few milliseconds instead of ~0.1 s per build.
    # The catalog is compact (a quarter smaller); tools read it, and the schema stays indented for people.
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2) + b"\n", orjson.dumps(document) + b"\n"


def write_all(state: dict, config, languages: list[str], default: str) -> None:
    """Every export, once all language builds are done (called from on_post_build)."""
    urls, site_dir = Urls(config.site_url or "/", default), Path(config.site_dir)
    write_catalog(state["catalog"], state["root"], site_dir, urls)
    built = [lang for lang in languages if lang in state.get("pages", {})]  # DOCS_BUILD_ZH=false skips zh
    if state.get("serving"):
        # Half a second of every preview rebuild on the real catalog, for files read by tools, not by people.
        logging.getLogger("mkdocs.hooks.exports").info("Preview: llms.txt and llms-full.txt are written by "
                                                       "`mkdocs build` only")
        return
    data_urls = {"catalog": urls.site_url + CATALOG_PATH, "schema": urls.site_url + SCHEMA_PATH}
    for lang in built:
        files = llms_files.render(state, lang, built, urls, data_urls)
        folder = site_dir / urls.root(lang)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
