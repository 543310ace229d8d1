"""Models as readers name them: every provider entry that serves the same weights (`model:` in the data)."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from catalog.entities import Catalog, Model, Provider, Vendor
from catalog.rules import model_slug

from .memo import per_catalog
from .text import attr, fill

INACTIVE = ("retired",)


def remembered(function):
    """Compute a function of one Served once and keep the result on it: a Served never changes, and every row
    of a model's page asks again (at 100 providers a model has 100 rows: 100 × 100 walks per page)."""
    name = f"_remembered_{function.__name__}"

    @functools.wraps(function)
    def wrapper(served):
        if name not in served.__dict__:
            object.__setattr__(served, name, function(served))  # frozen: not a field, so eq and repr ignore it
        return served.__dict__[name]
    return wrapper


@dataclass(frozen=True)
class Served:
    """One canonical model and the provider entries that serve it, in catalog order."""

    id: str
    slug: str
    name: str
    vendor: Vendor
    entries: tuple[tuple[Provider, Model], ...]

    @functools.cached_property  # asked for every row that may link the page (a frozen dataclass keeps a __dict__)
    def providers(self) -> tuple[Provider, ...]:
        """The providers that serve it, each once."""
        seen, result = set(), []
        for provider, _ in self.entries:  # by id: a Provider holds dicts and cannot be hashed
            if provider.id not in seen:
                seen.add(provider.id)
                result.append(provider)
        return tuple(result)

    @property
    def has_page(self) -> bool:
        """Two or more providers: one provider's entries are its own table's rows, not a page."""
        return len(self.providers) > 1

    @remembered
    def live(self) -> tuple[tuple[Provider, Model], ...]:
        """Entries a reader can still use (not retired)."""
        return tuple(entry for entry in self.entries if entry[1].status not in INACTIVE)


_CACHE: dict = {}


def served_models(catalog: Catalog) -> dict[str, Served]:
    """{canonical id: Served} for the whole catalog, computed once per loaded catalog."""
    cached = _CACHE.get("catalog")
    if cached is not None and cached[0] is catalog:
        return cached[1]
    grouped: dict[str, list] = {}
    for provider in catalog.providers:
        for model in provider.models:
            grouped.setdefault(model.serves, []).append((provider, model))
    result = {key: _served(key, entries) for key, entries in grouped.items()}
    _CACHE["catalog"] = (catalog, result)
    return result


def _served(key: str, entries: list) -> Served:
    # The name most providers use; on a tie, the shortest (it usually lacks a provider's suffix).
    names = Counter(model.name for _, model in entries)
    name = min(names, key=lambda item: (-names[item], len(item), item))
    return Served(key, model_slug(key), name, entries[0][1].vendor, tuple(entries))


@per_catalog
def _slugs(catalog: Catalog) -> dict[str, Served]:
    return {item.slug: item for item in served_models(catalog).values()}


def by_slug(catalog: Catalog, slug: str) -> Served:
    """The model whose page lives at models/<slug>/."""
    return _slugs(catalog)[slug]


def served_of(catalog: Catalog, model: Model) -> Served:
    return served_models(catalog)[model.serves]


def with_pages(catalog: Catalog) -> list[Served]:
    """The models that get a page, by vendor then name."""
    return sorted((item for item in served_models(catalog).values() if item.has_page),
                  key=lambda item: (item.vendor.id, item.name.casefold()))


def page_link(catalog: Catalog, model: Model, lang: str, up: str = "../../") -> str:
    """From a provider's row to the model's page, when it has one; empty for a model only this provider serves."""
    served = served_of(catalog, model)
    if not served.has_page:
        return ""
    text = fill(catalog.label("mp_row_link", lang), {"count": str(len(served.providers))})
    title = attr(catalog.label("mp_row_link_title", lang))
    return f' <small class="model-page-link"><a href="{up}models/{served.slug}/" title="{title}">{text}</a></small>'
