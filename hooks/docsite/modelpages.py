"""MkDocs glue for the model pages: their Markdown, their place in the navigation, and the side-by-side
view's data file, written into each language's folder once every language is built."""

from __future__ import annotations

import html
from pathlib import Path

import orjson

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from catalog.entities import Catalog
from render import model_index, model_page
from render.memo import per_catalog
from render.served import by_slug

from . import languages as site_languages
from . import pages

DATA_FILE = "models/models.json"


@per_catalog
def markdown(catalog: Catalog, entry: tuple[str, str]) -> str:
    """The Markdown of a model page or of the index, {src_uri: (slug, lang)} entry."""
    slug, lang = entry
    if slug == "index":
        return model_index.render_index(catalog, lang)
    served = by_slug(catalog, slug)
    return model_page.render_page(catalog, served, lang)


def describe(page, catalog: Catalog, entry: tuple[str, str]) -> None:
    """The page's meta description (search engines, llms.txt), escaped as Material writes it unescaped."""
    slug, lang = entry
    if slug == "index":
        text = catalog.label("mp_index_description", lang)
    else:
        served = by_slug(catalog, slug)
        text = catalog.label("mp_description", lang).format(name=served.name, vendor=served.vendor.name(lang),
                                                            count=len(served.providers))
    page.meta["description"] = html.escape(text, quote=True)


def edit_url(config, catalog: Catalog, entry: tuple[str, str]) -> str | None:
    """The file to edit from a model page: its first provider's data file (each row's provider page offers its
    own); for the index, the labels it is written in."""
    slug, _ = entry
    if slug == "index":
        return pages.data_file_edit_url(config, "data/labels/models.yaml")
    served = by_slug(catalog, slug)
    return pages.data_edit_url(config, served.providers[0])


def index_only(nav: Navigation, catalog: Catalog, lang: str) -> Navigation:
    """The models section shows its index page only: a few hundred model pages would bury the sidebar."""
    for position, item in enumerate(nav.items):
        if not isinstance(item, Section):
            continue
        pages = [child for child in item.children if isinstance(child, Page)]
        if not pages or not pages[0].file.src_uri.startswith("models/"):
            continue
        index = next((page for page in pages if page.file.src_uri.split("/")[1].startswith("index.")), None)
        if index is None:
            continue
        for page in pages:
            page.parent, page.previous_page, page.next_page = None, None, None
        index.title = catalog.label("nav_models", lang)
        nav.items[position] = index
    return nav


def write_data(catalog: Catalog, site_dir: Path, built: list[str], default: str) -> None:
    """models/models.json in each built language's folder: what the side-by-side view shows."""
    for lang in built:
        path = site_dir / site_languages.folder(lang, default) / DATA_FILE
        if path.parent.is_dir():
            path.write_bytes(compare_file(catalog, lang))


@per_catalog
def compare_file(catalog: Catalog, lang: str) -> bytes:
    """models.json of one language."""
    return orjson.dumps(model_index.compare_data(catalog, lang))
