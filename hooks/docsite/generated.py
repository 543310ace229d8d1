"""Provider pages and model pages that exist only in the catalog.

Such a page is added to MkDocs' files as if `docs/providers/<id>.md` and `<id>.zh.md` (or
`docs/models/<slug>.md`, and `models/index.md` for the models index) existed, before static-i18n
sorts files by language, so the plugin gives it alternates, a language switcher and a sitemap entry
exactly as for a hand-written page. Its Markdown is supplied by the `on_page_read_source` hook
instead of being read from disk; nothing is written into docs/.
(`File.generated` cannot be used here: static-i18n rebuilds every File from `src_path` and crashes on
the missing `abs_src_path`, its issue #263.)
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from catalog.entities import Catalog
from render.served import with_pages


def provider_page_paths(provider_id: str, languages: list[str], default: str) -> list[str]:
    """docs-relative source paths of one provider page, one per language (suffix layout)."""
    return [f"providers/{provider_id}.md" if lang == default else f"providers/{provider_id}.{lang}.md"
            for lang in languages]


def hand_written_ids(docs_dir: Path) -> set[str]:
    """Provider ids with a page under docs/providers/ in any language."""
    return {path.name.split(".")[0] for path in (docs_dir / "providers").glob("*.md")} - {"index"}


def add_generated_pages(files: Files, catalog: Catalog, config, languages: list[str], default: str) -> dict:
    """Add a virtual file per language for each provider without a hand-written page.

    Returns {src_uri: (provider id, lang)} so the source hook knows what to render.
    """
    existing = hand_written_ids(Path(config.docs_dir))
    generated = {}
    for provider in catalog.providers:
        if provider.id in existing:
            continue
        for lang, src_path in zip(languages, provider_page_paths(provider.id, languages, default)):
            files.append(File(src_path, config.docs_dir, config.site_dir, config.use_directory_urls))
            generated[src_path] = (provider.id, lang)
    return generated


def model_page_paths(slug: str, languages: list[str], default: str) -> list[str]:
    """docs-relative source paths of one model page (or of the index, slug "index"), one per language."""
    return [f"models/{slug}.md" if lang == default else f"models/{slug}.{lang}.md" for lang in languages]


def add_model_pages(files: Files, catalog: Catalog, config, languages: list[str], default: str) -> dict:
    """Add the models index and a page per model served by two or more providers, in every language.

    Returns {src_uri: (slug, lang)}; the slug is "index" for the index page.
    """
    pages = {}
    for slug in ["index", *(served.slug for served in with_pages(catalog))]:
        for lang, src_path in zip(languages, model_page_paths(slug, languages, default)):
            files.append(File(src_path, config.docs_dir, config.site_dir, config.use_directory_urls))
            pages[src_path] = (slug, lang)
    return pages
