"""Group the provider pages in the navigation by provider kind, with titles in the page language."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from catalog.entities import Catalog
from render.overview import providers_by_kind
from render.text import html_text

from .pages import provider_id_of


# Beyond this many providers every page would carry them all in its sidebar (170 KB of HTML at 500, most
# of a phone's time reading the comparison page), so the sidebar shows the open group only: Material's
# `navigation.prune`. The real catalog stays below it and keeps groups that open in place.
PRUNE_ABOVE = 100

# Reading order of the top level: what a reader needs first. Pages not listed keep their place after
# these, in MkDocs' own (alphabetical) order. Names are docs paths without the language suffix.
TOP_LEVEL_ORDER = ("index", "providers", "compare", "models", "task-cost", "changes", "glossary", "exports",
                   "contributing")


def _top_level_name(item) -> str:
    if isinstance(item, Page):
        return item.file.src_uri.split("/")[0].split(".")[0]
    pages = [child for child in getattr(item, "children", []) if isinstance(child, Page)]
    return pages[0].file.src_uri.split("/")[0] if pages else ""


def order_top_level(nav: Navigation) -> Navigation:
    """Put the top-level entries in reading order (sorted() is stable for the rest)."""
    rank = {name: index for index, name in enumerate(TOP_LEVEL_ORDER)}
    nav.items = sorted(nav.items, key=lambda item: rank.get(_top_level_name(item), len(rank)))
    return nav


def _provider_id(item) -> str | None:
    return provider_id_of(item.file.src_uri) if isinstance(item, Page) else None


def group_providers(nav: Navigation, catalog: Catalog, lang: str) -> Navigation:
    """Replace the flat providers section with one subsection per provider kind."""
    section = next((item for item in nav.items if isinstance(item, Section)
                    and any(_provider_id(child) for child in item.children)), None)
    if section is None:
        return nav
    pages = {_provider_id(child): child for child in section.children if _provider_id(child)}
    others = [child for child in section.children if not _provider_id(child)]
    groups = []
    for kind, providers in providers_by_kind(catalog, lang):
        members = [p for p in providers if p.id in pages]
        if not members:
            continue
        # Material prints section titles as HTML, unescaped.
        title = html_text(catalog.label("kind_" + kind.replace("-", "_") + "_plural", lang))
        group = Section(title, [pages[p.id] for p in members])
        for page in group.children:
            page.parent = group
        group.parent = section
        groups.append(group)
    section.children = others + groups
    section.title = html_text(catalog.label("nav_providers", lang))
    return relink(order_top_level(nav))


def relink(nav: Navigation) -> Navigation:
    """Recompute the flat page list and previous/next links after the tree was regrouped."""
    from mkdocs.structure.nav import _add_previous_and_next_links, _get_by_type

    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    return nav


def prune_when_large(config, catalog: Catalog) -> None:
    """Show only the open group of the navigation when the catalog has more than PRUNE_ABOVE providers."""
    features = config.theme.setdefault("features", [])
    if len(catalog.providers) > PRUNE_ABOVE and "navigation.prune" not in features:
        features.append("navigation.prune")
