"""Focused rebuilds under `scripts/serve`: a saved provider file rebuilds the pages it feeds, not the site.

`scripts/serve` runs `mkdocs serve --dirty`. MkDocs then keeps the last build's output and rebuilds a
page only when its File says it changed (`File.is_modified`), but its answer compares file times: it
knows nothing of pages made from the catalog (and fails on them, as they have no source file). So
before any page is read, this module gives every page its own answer, from what changed on disk since
the last build that succeeded:

- only files under data/providers/: the pages of those providers, the pages of the models they serve,
  the models index and the pages whose markers draw on them or on the whole catalog (the comparison,
  the overviews);
- only Markdown pages under docs/: those pages;
- anything else (mkdocs.yml, the theme overrides, other data, a page added or removed, in docs/ or
  by the catalog), or the first build: every page, as without `--dirty`.

A focused rebuild says in the log which pages it rebuilt. Pages not rebuilt keep their last output
and their titles (so the navigation reads as before); the search index, the exports and the feeds keep
what the last full rebuild wrote. `mkdocs build`, and CI's strict build, always build everything.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from render.markers import providers_drawn_on
from render.served import with_pages

log = logging.getLogger("mkdocs.hooks.preview")
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' warning for every --dirty build


def plan(state: dict, command: str, dirty: bool) -> None:
    """Under `mkdocs serve --dirty` (how scripts/serve runs it), rebuild only what changed (from on_startup)."""
    if command == "serve" and dirty:
        state["preview"] = {}
        # Replaced by the message below, which names what was rebuilt and what was not.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith(DIRTY_WARNING))


POLL_SECONDS = 0.1  # how often the preview looks at data/ and hooks/ for a saved file


def quicken(state: dict, server) -> None:
    """Look for saved files every POLL_SECONDS rather than MkDocs' half second (from on_serve).

    MkDocs 1.6 polls with watchdog every 0.5 s and has no option for it; a focused rebuild takes about
    as long as that wait. The watches MkDocs adds after on_serve (the `watch:` folders: data/, hooks/)
    take the observer's timeout; polling some 150 files ten times a second costs next to nothing.
    """
    observer = getattr(server, "observer", None)
    if active(state) and isinstance(getattr(observer, "_timeout", None), (int, float)):
        observer._timeout = POLL_SECONDS


def active(state: dict) -> bool:
    return "preview" in state


def decide(state: dict, config) -> None:
    """Compare the project on disk with the last good build, once per rebuild (from on_config)."""
    preview = state["preview"]
    now = _snapshot(Path(config.config_file_path).parent, config)
    preview["now"], preview["chosen"], preview["pages_now"] = now, set(), {}
    preview["rebuild"] = _focus(preview.get("built"), now, preview.get("catalog"), state["catalog"])


def _focus(last: dict | None, now: dict, old_catalog, catalog) -> dict | None:
    """{"pages": docs pages} or {"providers": provider ids} to rebuild, or None for everything."""
    if last is None or last["setup"] != now["setup"] or last["docs"].keys() != now["docs"].keys():
        return None
    data = _changed(last["data"], now["data"])
    docs = _changed(last["docs"], now["docs"])
    if data and docs or any(not path.startswith("providers/") for path in data) \
            or any(not path.endswith(".md") for path in docs):
        return None
    if docs or not data:  # a page saved, or nothing at all (the watcher may fire twice for one save)
        return {"pages": docs}
    return {"providers": {provider.id for provider in (*old_catalog.providers, *catalog.providers)
                          if provider.file.removeprefix("data/") in data}}


def _changed(last: dict, now: dict) -> set[str]:
    return {path for path in last.keys() | now.keys() if last.get(path) != now.get(path)}


def _snapshot(root: Path, config) -> dict:
    """What a rebuild depends on: data by content, docs and theme overrides by time, the config file."""
    setup = [os.stat(config.config_file_path).st_mtime_ns]
    for folder in config.theme.dirs:
        if Path(folder).resolve().is_relative_to(root.resolve()):
            setup.append(sorted(_times(Path(folder)).items()))
    data = {path: hashlib.sha256((root / "data" / path).read_bytes()).hexdigest()
            for path in _times(root / "data")}
    return {"setup": setup, "data": data, "docs": _times(Path(config.docs_dir))}


def _times(folder: Path) -> dict[str, int]:
    """{path relative to the folder: modification time} for every file under it."""
    found = {}
    for current, _, names in os.walk(folder):
        for name in names:
            path = Path(current, name)
            found[path.relative_to(folder).as_posix()] = path.stat().st_mtime_ns
    return found


def mark(state: dict, files, catalog, lang: str) -> None:
    """Tell MkDocs which pages to rebuild this time (from on_nav, after static-i18n has made its Files)."""
    preview = state["preview"]
    pages = {file.src_uri for file in files.documentation_pages()}
    preview.setdefault("pages_now", {})[lang] = pages
    if pages != preview.get("pages", {}).get(lang):
        preview["rebuild"] = None  # a page came or went: every navigation changes
    rebuild = preview["rebuild"]
    chosen = None if rebuild is None else _pages(rebuild, files, (preview["catalog"], catalog),
                                                 preview.get("drawn_on", {}))
    titles = preview.setdefault("titles", {})
    for file in files.documentation_pages():
        fresh = chosen is None or file.src_uri in chosen
        # An instance attribute in front of File.is_modified, which MkDocs asks under --dirty.
        file.is_modified = (lambda: True) if fresh else (lambda: False)
        if not fresh and file.src_uri in titles:
            file.page.title = titles[file.src_uri]  # a page not read again has no title of its own
    if chosen is not None:
        preview["chosen"] |= chosen & pages


def _pages(rebuild: dict, files, catalogs, drawn_on: dict) -> set[str]:
    """Source paths of the changed docs pages, or of the pages the changed providers feed: their own page,
    the models index and the pages of the models they serve (before the change or after it), and every
    page whose markers draw on them or on the whole catalog (the comparison, the overviews)."""
    if "pages" in rebuild:
        return rebuild["pages"]
    providers = rebuild["providers"]
    slugs = {"index"} | {served.slug for catalog in catalogs for served in with_pages(catalog)
                         if any(provider.id in providers for provider in served.providers)}
    return {file.src_uri for file in files.documentation_pages()
            if _stem(file.src_uri, "providers/") in providers or _stem(file.src_uri, "models/") in slugs
            or drawn_on.get(file.src_uri, set()) & (providers | {"*"})}


def _stem(src_uri: str, folder: str) -> str | None:
    """"groq" for providers/groq.zh.md in "providers/"; None for a page outside that folder."""
    return src_uri.removeprefix(folder).split(".")[0] if src_uri.startswith(folder) else None


def remember_markers(state: dict, src_uri: str, markdown: str) -> None:
    """Which providers a page's markers draw on, for later focused rebuilds (from on_page_markdown)."""
    if active(state):
        state["preview"].setdefault("drawn_on", {})[src_uri] = providers_drawn_on(markdown)


def remember_title(state: dict, page) -> None:
    """A rebuilt page's title, for the navigation of later focused rebuilds (from on_page_context)."""
    if active(state):
        state["preview"].setdefault("titles", {})[page.file.src_uri] = page.title


def focused(state: dict) -> bool:
    return active(state) and state["preview"].get("rebuild") is not None


def finish(state: dict, site_dir: Path) -> None:
    """After a build that succeeded: remember it; after a focused one, put back the full search index."""
    preview = state["preview"]
    if preview["rebuild"] is None:
        preview["search"] = {path: path.read_bytes() for path in site_dir.rglob("search/*.json")}
    else:
        for path, content in preview.get("search", {}).items():
            path.write_bytes(content)  # the search plugin has just written an index of the rebuilt pages only
        _say(sorted(preview["chosen"], key=_reading_order))
    preview["built"], preview["catalog"], preview["pages"] = preview["now"], state["catalog"], preview["pages_now"]


def _reading_order(src_uri: str) -> tuple:
    """Provider pages first, then the other hand-written pages, then model pages: what a reader checks first."""
    return (not src_uri.startswith("providers/") or src_uri.startswith("providers/index."),
            src_uri.startswith("models/") and not src_uri.startswith("models/index."), src_uri)


def _say(chosen: list[str]) -> None:
    """What a focused rebuild did, in both languages."""
    if not chosen:
        log.info("Preview: nothing changed since the last build. / 预览：自上次构建以来没有改动。")
        return
    shown = ", ".join(chosen[:8]) + (f" and {len(chosen) - 8} more" if len(chosen) > 8 else "")
    log.info("Preview: rebuilt %d page(s): %s. Other pages, the search index and the exports keep the last full "
             "rebuild (save mkdocs.yml to rebuild everything).", len(chosen), shown)
    log.info("预览：只重建了 %d 个页面。其他页面、搜索索引和导出文件保持上次完整重建的结果（保存 mkdocs.yml "
             "即可全部重建）。", len(chosen))
