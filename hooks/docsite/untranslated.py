"""Tell readers when a page is not (or no longer) in their language, with a link to the original.

static-i18n's `fallback_to_default` serves an English-only page in the Chinese build; the page file
then keeps its English locale, which is how we spot it. The plugin has no fallback the other way, so
a Chinese-only page gets a virtual English file here (like the generated provider pages) whose
Markdown is the Chinese text. A Chinese page whose recorded `source_hash` no longer matches its
English source says the translation may lag behind.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from catalog.entities import Catalog
from render.text import attr, fill, inline

from . import twins


def add_english_mirrors(files: Files, config) -> dict:
    """A virtual English file for each Chinese-only page; returns {English src_uri: Chinese src_uri}."""
    docs_dir = Path(config.docs_dir)
    mirrors = {}
    for page in twins.pages(docs_dir):
        if page.english is None:
            english = twins.english_path_of(page.chinese)
            files.append(File(english, config.docs_dir, config.site_dir, config.use_directory_urls))
            mirrors[english] = page.chinese
    return mirrors


def _other_language(lang: str, default: str) -> str:
    # Two languages: the other one of a page is the translation's, or the default's.
    return twins.TRANSLATION if lang == default else default


def _other_url(url: str, lang: str, default: str) -> str:
    """The same page's URL in the other language (suffix layout: the default at /, others at /<lang>/)."""
    other = _other_language(lang, default)
    return url.removeprefix(f"{lang}/") if other == default else f"{other}/{url}"


def _admonition(catalog: Catalog, kind: str, lang: str, default: str, link: str) -> str:
    """The notice as an admonition; the link is raw HTML so MkDocs' link validation leaves it alone."""
    title = inline(catalog.label(f"notice_{kind}_title", lang))
    original = (f'<a href="{attr(link)}" hreflang="{_other_language(lang, default)}">'
                f'{inline(catalog.label("notice_original", lang))}</a>')
    text = fill(catalog.label(f"notice_{kind}", lang), {"original": original})
    return f'!!! info "{title}"\n\n    {text}\n\n'


def notice_kind(page, lang: str, docs_dir: Path, mirrors: dict) -> str | None:
    """`untranslated`, `outdated` or None for a hand-written page in the build of `lang`."""
    src = page.file.src_uri
    if src in mirrors or getattr(page.file, "locale", lang) != lang:
        return "untranslated"
    if src.endswith(f".{twins.TRANSLATION}.md") and (docs_dir / twins.english_path_of(src)).is_file():
        return "outdated" if twins.is_stale(docs_dir, twins.Twins(twins.english_path_of(src), src)) else None
    return None


def with_notice(markdown: str, page, catalog: Catalog, lang: str, default: str, docs_dir: Path,
                mirrors: dict) -> str:
    """The page's Markdown with the notice its reader needs in front, if any."""
    kind = notice_kind(page, lang, docs_dir, mirrors)
    if kind is None:
        return markdown
    link = get_relative_url(_other_url(page.file.url, lang, default), page.file.url)
    return _after_title(markdown, _admonition(catalog, kind, lang, default, link))


def _after_title(markdown: str, block: str) -> str:
    # Under the page's `# Title` when it starts with one, so the notice does not sit above the heading.
    first, _, rest = markdown.lstrip("\n").partition("\n")
    return f"{first}\n\n{block}{rest}" if first.startswith("# ") else block + markdown
