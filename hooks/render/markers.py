"""Markers are the contract between hand-written Markdown and the catalog.

`<!-- catalog:models groq -->` is invisible on GitHub and replaced at build time by one regex and one
dispatch table. An unknown marker name, a missing or unknown provider id is an error, never passed
through.
"""

from __future__ import annotations

import re

from catalog.entities import Catalog

from . import comparison, cost_page, overview, provider
from .memo import per_catalog

MARKER = re.compile(r"<!--\s*catalog:(?P<name>[^\s>]*)(?:\s+(?P<arg>[^\s>]+))?\s*-->")

# Markers that take no argument and render something about the whole catalog.
CATALOG_MARKERS = {
    "providers-index": overview.render_providers_index,
    "glossary": overview.render_glossary,
    "stats": overview.render_stats,
    "comparison": comparison.render_slot,  # the table itself goes in after conversion: see comparison.py
    "task-profiles": cost_page.render_profiles,
}

# Markers that take a provider id: the sections of a provider page, and a few that use one provider.
PROVIDER_MARKERS = {**provider.RENDERERS, "task-example": cost_page.render_example,
                    "task-example-yuan": cost_page.render_yuan_example}


class MarkerError(ValueError):
    pass


def _render_one(catalog: Catalog, name: str, arg: str | None, lang: str, catalog_markers: dict) -> str:
    if name in PROVIDER_MARKERS:
        if arg is None:
            raise MarkerError(f"marker `catalog:{name}` needs a provider id, e.g. `<!-- catalog:{name} groq -->`")
        if arg not in provider_ids(catalog):
            known = ", ".join(entry.id for entry in catalog.providers)
            raise MarkerError(f"marker `catalog:{name} {arg}` names an unknown provider (known: {known})")
        try:
            return PROVIDER_MARKERS[name](catalog, catalog.provider(arg), lang)
        except cost_page.ExampleError as error:
            raise MarkerError(f"marker `catalog:{name} {arg}`: {error}") from None
    if name in catalog_markers:
        if arg is not None:
            raise MarkerError(f"marker `catalog:{name}` takes no argument, got {arg!r}")
        return catalog_markers[name](catalog, lang)
    known = ", ".join(sorted([*PROVIDER_MARKERS, *CATALOG_MARKERS]))
    raise MarkerError(f"unknown marker `catalog:{name}` (known markers: {known})")


@per_catalog
def provider_ids(catalog: Catalog) -> frozenset:
    return frozenset(entry.id for entry in catalog.providers)


def expand(markdown: str, catalog: Catalog, lang: str, overrides: dict | None = None) -> str:
    """Replace every marker; raise MarkerError naming the first bad one.

    `overrides` swaps the renderers of some whole-catalog markers (llms-full.txt wants a plain comparison).
    """
    if overrides is None:
        return _expand_usual(catalog, markdown, lang)
    return _substitute(markdown, catalog, lang, {**CATALOG_MARKERS, **overrides})


@per_catalog
def _expand_usual(catalog: Catalog, markdown: str, lang: str) -> str:
    """expand() with the usual renderers: a function of the catalog, the page's text and the language only."""
    return _substitute(markdown, catalog, lang, CATALOG_MARKERS)


def _substitute(markdown: str, catalog: Catalog, lang: str, catalog_markers: dict) -> str:
    render = lambda match: _render_one(catalog, match["name"], match["arg"], lang, catalog_markers)  # noqa: E731
    return MARKER.sub(render, markdown)


def providers_drawn_on(markdown: str) -> set[str]:
    """The provider ids a page's markers render, with "*" when one of them renders the whole catalog."""
    return {"*" if match["name"] in CATALOG_MARKERS else match["arg"] or "*" for match in MARKER.finditer(markdown)}


def sections_in(markdown: str) -> set[str]:
    return {match["name"] for match in MARKER.finditer(markdown)}
