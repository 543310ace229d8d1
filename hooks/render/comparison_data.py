"""The comparison as compact JSON, one document per language (compare/models.json beside the page).

The page's script fetches it and renders only the rows the reader can see, so the page no longer
carries every model as HTML. A row is an array whose positions FIELDS names (the document repeats
them, so the script reads by name); providers, vendors and source addresses are listed once and
rows point at them. A text column sorts by what its cell shows first, so its sort value is not
repeated (null). `billing` carries each price block's rates, so the script prices a task profile the
reader chooses, or counts of their own, with the same formula as render/cost.py (tests compare the two).
Every catalog string in it has been through render/text.py (`plain`), and the script only ever puts
it into the page as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.entities import Catalog, Model, Provider

from .comparison_columns import COLUMNS
from .comparison_values import base_price, model_terms, provider_terms, vendor_terms
from .memo import per_catalog
from .models import model_anchor
from .served import served_of
from .text import collation_key, plain, script_json

FORMAT_VERSION = 1
FIELDS = ("anchor", "provider", "model", "vendor", "plan", "currency", "inputs", "capabilities", "status",
          "terms", "source", "verified", "sort", "cells", "page", "serves", "billing", "price_sources")


@dataclass(frozen=True)
class Record:
    """One row: the fields the script filters on, a sort value and the lines of each column."""

    anchor: str  # the model anchor without "model-": the row is cmp-<anchor>, its provider row model-<anchor>
    provider: int
    model: str
    vendor: str
    plan: str
    currency: str  # of the main price block, which the price columns sort by
    inputs: tuple  # (currency, input price) of every per-token block, for the maximum-price filter
    capabilities: str
    status: str
    terms: str
    source: str
    verified: str
    sort: tuple
    cells: tuple  # per column, its lines joined by newlines
    page: object = 0  # [slug, number of providers] of the model's page (models/<slug>/), 0 when it has none
    serves: object = 0  # the served model's slug, which models/?compare= takes; 0 when it is page[0]
    billing: object = 0  # per price block: its plan, or [currency, [[up_to, input, output, read, write], ...]];
    # 0 for the common case, one block without tiers whose rates are the row's price sort values
    price_sources: object = 0  # [[currency, address, title], ...] of blocks from another page, 0 when none

    @property
    def served_slug(self) -> str:
        """The slug the side-by-side view takes for this row's model."""
        return self.serves or self.page[0]


def ordered_rows(catalog: Catalog, lang: str) -> list[tuple[Provider, Model]]:
    """The order without the script: provider name, then model id, as a reader scans a printed list."""
    rows = [(provider, model) for provider in catalog.providers for model in provider.models]
    return sorted(rows, key=lambda row: (collation_key(row[0].title(lang)), row[1].id.casefold(),
                                         row[1].endpoint or ""))


def inputs(model: Model) -> tuple:
    """Each per-token block's currency and input price (a tiered block's first tier)."""
    return tuple((price.currency, base_price(price).input) for price in model.prices if price.plan == "per-token")


def billing(model: Model) -> tuple:
    """Each block's rates as render/cost.py reads them: a plan, or its currency and tiers (one when untiered)."""
    blocks = []
    for price in model.prices:
        if price.plan != "per-token":
            blocks.append(price.plan)
            continue
        tiers = price.tiers or (price,)
        blocks.append([price.currency, [[getattr(tier, "up_to", None), tier.input, tier.output, tier.cache_read,
                                         tier.cache_write] for tier in tiers]])
    return tuple(blocks)


def compact_billing(model: Model):
    """`billing`, or 0 when the row's sort values of the four price columns already say it (most rows):
    every model then costs a few bytes instead of a few dozen."""
    blocks = billing(model)
    single = len(blocks) == 1 and not isinstance(blocks[0], str) and len(blocks[0][1]) == 1
    return 0 if single and blocks[0][1][0][0] is None else blocks


def price_sources(model: Model, lang: str):
    """Blocks taken from another page than the row's source (yuan from a Chinese price list), as provider tables
    name them; 0 when there is none, which is most rows."""
    found = [[price.currency, price.source.url, plain(price.source.title(lang))] for price in model.prices
             if price.source is not None and price.source != model.source]
    return found or 0


def record(catalog: Catalog, provider: Provider, provider_index: int, model: Model, lang: str) -> Record:
    served = served_of(catalog, model)
    return Record(
        anchor=model_anchor(provider, model).removeprefix("model-"), provider=provider_index, model=model.id,
        vendor=model.vendor.id, plan=model.price.plan, currency=model.price.currency or "", inputs=inputs(model),
        capabilities=" ".join(model.capabilities), status=model.status, terms=plain(model_terms(model)),
        source=model.source.url, verified=model.verified.isoformat(),
        sort=sort_values(catalog, provider, model),
        cells=tuple("\n".join(column.lines(catalog, provider, model, lang)) for column in COLUMNS),
        page=model_page_of(catalog, model), serves=0 if served.has_page else served.slug,
        billing=compact_billing(model), price_sources=price_sources(model, lang))


def sort_values(catalog: Catalog, provider: Provider, model: Model) -> tuple:
    """A row's sort values: numbers and None, the same in every language, so the second language reuses them."""
    known = _sort_values(catalog).get(id(model))
    if known is not None and known[0] is provider and known[1] is model:
        return known[2]
    return tuple(column.value(catalog, provider, model, "") for column in COLUMNS)  # a row from elsewhere (tests)


@per_catalog
def _sort_values(catalog: Catalog) -> dict[int, tuple]:
    """{id(model): (provider, model, sort values)} for every row of the catalog, which holds the models alive."""
    return {id(model): (provider, model, tuple(column.value(catalog, provider, model, "") for column in COLUMNS))
            for provider in catalog.providers for model in provider.models}


def model_page_of(catalog: Catalog, model: Model):
    """Where the model's own page is, and how many providers it lists: [slug, count], or 0 without a page."""
    served = served_of(catalog, model)
    return [served.slug, len(served.providers)] if served.has_page else 0


def records(catalog: Catalog, lang: str) -> list[Record]:
    """Every model as a record, in the order without the script."""
    index = {provider.id: number for number, provider in enumerate(catalog.providers)}
    return [record(catalog, provider, index[provider.id], model, lang)
            for provider, model in ordered_rows(catalog, lang)]


def document(catalog: Catalog, every: list[Record], lang: str) -> dict:
    """The whole JSON document of one language, from `records`."""
    providers = [[provider.id, plain(provider.title(lang)), provider.kind, plain(provider_terms(provider))]
                 for provider in catalog.providers]
    vendors = {entry.vendor: None for entry in every}
    for provider in catalog.providers:
        for model in provider.models:
            vendors[model.vendor.id] = plain(vendor_terms(model.vendor))
    # Most models of a provider share a source page: each address is written once, rows point at it.
    sources = list(dict.fromkeys(entry.source for entry in every))
    number = {source: index for index, source in enumerate(sources)}
    rows = [[number[entry.source] if field == "source" else getattr(entry, field) for field in FIELDS]
            for entry in every]
    return {"version": FORMAT_VERSION, "lang": lang, "columns": [column.key for column in COLUMNS],
            "fields": list(FIELDS), "providers": providers, "vendors": vendors, "sources": sources,
            "rows": rows}


def render_json(catalog: Catalog, every: list[Record], lang: str) -> str:
    return script_json(document(catalog, every, lang))
