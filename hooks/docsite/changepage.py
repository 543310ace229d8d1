"""MkDocs glue for the change record: the generated "What changed" page, the radar notice on provider
pages, the feed links in each page's head and the Atom files themselves.

The page is added to MkDocs' files the way docsite/generated.py adds provider pages (before static-i18n
sorts files by language, so it gets alternates, a language switcher and a sitemap entry); its Markdown
comes from render/changes.py through the `on_page_read_source` hook. The feeds are written once every
language is built, into each language's folder beside the page: changes/feed.xml, changes/feeds/<id>.xml.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import File, Files

from catalog.entities import Catalog
from render import changes, feed, radar
from render.memo import per_catalog

from . import languages
from .exports import Urls
from .pages import data_file_edit_url, provider_id_of


def add_pages(files: Files, config, langs: list[str], default: str) -> dict:
    """A virtual changes.md per language; returns {src_uri: lang} for the source hook."""
    added = {}
    for lang in langs:
        src = changes.PAGE if lang == default else changes.PAGE.replace(".md", f".{lang}.md")
        files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
        added[src] = lang
    return added


def with_radar_notice(markdown: str, catalog: Catalog, provider_id: str | None, lang: str, today) -> str:
    """A provider page with its radar notice under the title, when it has models on the radar."""
    if provider_id is None:
        return markdown
    notice = radar.provider_notice(catalog, catalog.provider(provider_id), lang, today)
    if not notice:
        return markdown
    lines = markdown.split("\n")
    title = next((index for index, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join(lines[:title + 1] + ["", notice] + lines[title + 1:])


def dress(page, markdown: str, state: dict, lang: str, default: str, config) -> str:
    """Feed links for the page's head, the radar notice on a provider page, the record as the change page's
    source to edit."""
    provider_id = provider_id_of(page.file.src_uri)
    page.meta["feeds"] = head_feeds(state["catalog"], page.url, lang, default, provider_id)
    if page.file.src_uri in state["change_pages"]:
        page.edit_url = data_file_edit_url(config, changes.RECORD)
    return with_radar_notice(markdown, state["catalog"], provider_id, lang, state["today"])


def _feed_paths(provider_id: str | None) -> list[str]:
    """Feeds of a page, from the language root: the whole catalog's, and its provider's when it has changes."""
    folder = posixpath.dirname(changes.PAGE.removesuffix(".md") + "/")
    paths = [f"{folder}/{changes.FEED}"]
    return paths + ([f"{folder}/{changes.provider_feed(provider_id)}"] if provider_id else [])


def head_feeds(catalog: Catalog, page_url: str, lang: str, default: str, provider_id: str | None) -> list[dict]:
    """[{title, href}] for the page's <link rel="alternate" type="application/atom+xml">, relative to the page."""
    if provider_id not in with_changes(catalog):
        provider_id = None
    root = languages.folder(lang, default)
    titles = [catalog.label("changes_feed_all", lang)]
    if provider_id:
        titles.append(catalog.label("changes_feed_of", lang).format(provider=catalog.provider(provider_id).title(lang)))
    # Directory URLs: a page's folder is its own address (providers/groq/); index.html has none.
    page_dir = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    return [{"title": title, "href": posixpath.relpath(root + path, page_dir or ".")}
            for title, path in zip(titles, _feed_paths(provider_id))]


@per_catalog
def with_changes(catalog: Catalog) -> frozenset:
    """Ids of the providers with recorded changes."""
    return frozenset(change.provider.id for change in catalog.changes)


def write_feeds(catalog: Catalog, site_text: dict, config, built: list[str], default: str) -> None:
    """The whole catalog's feed and one per provider with changes, for each built language."""
    urls, site_dir = Urls(config.site_url or "/", default), Path(config.site_dir)
    for lang in built:
        folder = site_dir / urls.root(lang) / "changes"
        (folder / "feeds").mkdir(parents=True, exist_ok=True)
        site_name = site_text.get(lang, (config.site_name,))[0]
        for name, text in feed_files(catalog, lang, site_name, urls.site_url, default):
            (folder / name).write_text(text, encoding="utf-8")


@per_catalog
def feed_files(catalog: Catalog, lang: str, site_name: str, site_url: str, default: str) -> tuple:
    """((name under changes/, Atom text), ...) of one language: the whole catalog's feed, then each provider's."""
    urls = Urls(site_url, default)
    page_url = urls.page(lang, "changes/")
    everything = feed.FeedPlace(lang, site_name, page_url + changes.FEED, page_url, urls.page(lang, ""))
    title = catalog.label("changes_feed_title", lang).format(site=site_name)
    files = [(changes.FEED, feed.render_feed(catalog, catalog.changes, title, everything))]
    for provider, entries in changes.by_provider(catalog):
        place = feed.FeedPlace(lang, site_name, page_url + changes.provider_feed(provider.id),
                               f"{page_url}#{changes.section_anchor(provider)}", urls.page(lang, ""))
        title = catalog.label("changes_feed_title_provider", lang).format(site=site_name,
                                                                           provider=provider.title(lang))
        files.append((changes.provider_feed(provider.id), feed.render_feed(catalog, entries, title, place)))
    return tuple(files)
