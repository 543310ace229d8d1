"""Group the provider pages in the navigation by provider kind, with titles in the page language."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from catalog.entities import Catalog
from catalog.specs import PROVIDER_KINDS


def _provider_id(item) -> str | None:
    if not isinstance(item, Page):
        return None
    parts = item.file.src_uri.split("/")
    if len(parts) == 2 and parts[0] == "providers":
        stem = parts[1].split(".")[0]
        return None if stem == "index" else stem
    return None


def group_providers(nav: Navigation, catalog: Catalog, lang: str) -> Navigation:
    """Replace the flat providers section with one subsection per provider kind."""
    section = next((item for item in nav.items if isinstance(item, Section)
                    and any(_provider_id(child) for child in item.children)), None)
    if section is None:
        return nav
    pages = {_provider_id(child): child for child in section.children if _provider_id(child)}
    others = [child for child in section.children if not _provider_id(child)]
    groups = []
    for kind in PROVIDER_KINDS:
        members = sorted((p for p in catalog.providers if p.kind == kind and p.id in pages),
                         key=lambda p: p.title(lang).lower())
        if not members:
            continue
        title = catalog.label("kind_" + kind.replace("-", "_") + "_plural", lang)
        group = Section(title, [pages[p.id] for p in members])
        for page in group.children:
            page.parent = group
        group.parent = section
        groups.append(group)
    section.children = others + groups
    section.title = catalog.label("nav_providers", lang)
    return relink(nav)


def relink(nav: Navigation) -> Navigation:
    """Recompute the flat page list and previous/next links after the tree was regrouped."""
    from mkdocs.structure.nav import _add_previous_and_next_links, _get_by_type

    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    return nav
