"""The comparison's columns as data: what each one sorts by and what each cell says, as plain text.

A cell is a list of lines; a line is its text, or its text and a note after a tab (shown smaller, as
in "$2.00 up to 200K"). Both the first page rendered at build time (comparison.py) and the page's
script (docs/javascripts/compare.js) turn these lines into the same HTML, so a new column is one
entry in COLUMNS: its sort value and its lines, nothing to write in HTML or JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from catalog.entities import Catalog, Model, Price, Provider, TaskProfile

from .comparison_values import STATUS_ORDER, price_values
from .cost import PRICED, TOO_LARGE, task_costs
from .text import cost, money, plain, short_tokens, tokens

Lines = list[str]


@dataclass(frozen=True)
class Column:
    key: str    # the sort key in the address (?sort=context) and the heading's data-sort
    label: str  # label key in data/labels
    sort: str   # text (collated), number, price (free first, unknown last, per currency), count, rank
    cell: str   # how the first line is shown: provider (link), model (link and copy button), status, text
    # None: sorts by the text its cell shows first. Never depends on the language: both languages' rows
    # share the values (comparison_data.sort_values).
    value: Callable[[Catalog, Provider, Model, str], object]
    lines: Callable[[Catalog, Provider, Model, str], Lines]


def label(catalog: Catalog, key: str, lang: str, **values: str) -> str:
    """A UI label as plain text, its {placeholders} filled with already plain values."""
    return plain(catalog.label(key, lang)).format(**values)


def provider_lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
    """Provider name, and the endpoint when the provider has several."""
    if not model.endpoint:
        return [plain(provider.title(lang))]
    endpoint = provider.endpoint(model.endpoint)
    name = endpoint.label(lang) if endpoint.label else catalog.label("region_" + endpoint.region, lang)
    return [plain(provider.title(lang)), "\t" + plain(name)]


def vendor_lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
    base = f" / {model.base_vendor.name(lang)}" if model.base_vendor else ""
    return [plain(model.vendor.name(lang) + base)]


def tier_names(catalog: Catalog, price: Price, lang: str) -> list[str]:
    """Each tier named by the prompt sizes it covers: up to 200K, above 200K."""
    names, previous = [], None
    for tier in price.tiers:
        if tier.up_to is not None:
            names.append(label(catalog, "price_up_to", lang, tokens=short_tokens(tier.up_to)))
        else:
            names.append(label(catalog, "price_above", lang, tokens=short_tokens(previous)))
        previous = tier.up_to
    return names


def block_lines(catalog: Catalog, price: Price, field: str, lang: str) -> Lines:
    """One price block's lines in one column: a plan names itself in input and output, a tier has a line."""
    if price.plan != "per-token":
        return [label(catalog, "plan_" + price.plan, lang) if field in ("input", "output") else "—"]
    amounts = [getattr(tier, field) for tier in price.tiers] if price.tiers else [getattr(price, field)]
    if all(amount is None for amount in amounts):
        return ["—"]
    shown = [money(amount, price.currency) if amount is not None else "—" for amount in amounts]
    if not price.tiers:
        return shown
    return [f"{amount}\t{name}" for amount, name in zip(shown, tier_names(catalog, price, lang))]


def price_lines(field: str) -> Callable[[Catalog, Provider, Model, str], Lines]:
    """Lines of one price column: each block the provider bills in (USD above CNY, never converted)."""
    def lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
        blocks = [line for price in model.prices for line in block_lines(catalog, price, field, lang)]
        return ["—"] if all(line == "—" for line in blocks) else blocks
    return lines


def capability_lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
    names = [label(catalog, "cap_" + capability.replace("-", "_"), lang) for capability in model.capabilities]
    return [" · ".join(names) or "—"]


def status_lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
    """The status, and the day a model retires or was withdrawn (the check date is added as a link)."""
    lines = [label(catalog, "status_" + model.status, lang)]
    day = model.deprecated or model.retired
    if day:
        lines.append("\t" + label(catalog, f"cmp_{model.status}_on", lang, date=day.isoformat()))
    return lines


def shown_first(catalog: Catalog, provider: Provider, model: Model, lang: str) -> None:
    """Text columns sort by what their cell shows first: the script reads it there (not sent twice)."""
    return None


def price_value(field: str) -> Callable[[Catalog, Provider, Model, str], object]:
    """A price column's sort value: the first tier's amount, 0 when free, None when unknown."""
    key = field.replace("_", "-")

    def value(catalog: Catalog, provider: Provider, model: Model, lang: str):
        raw = price_values(model.price)[key]
        return float(raw) if raw else None
    return value


def profile_cost_lines(catalog: Catalog, model: Model, profile: TaskProfile, lang: str) -> Lines:
    """A task's cost, a line per price block; the long-context price as a note (the script writes the same for
    the profile or counts the reader chooses: docs/javascripts/taskcost.js)."""
    lines = []
    for value in task_costs(model, profile):
        if value.kind == PRICED:
            note = "\t" + label(catalog, "task_long_context", lang) if value.tier else ""
            lines.append(cost(value.amount, value.currency) + note)
        else:
            key = "task_too_large" if value.kind == TOO_LARGE else "plan_" + value.kind
            lines.append(label(catalog, key, lang))
    return lines


def task_cost_lines(catalog: Catalog, provider: Provider, model: Model, lang: str) -> Lines:
    """The default task's cost: the column as the page opens."""
    return profile_cost_lines(catalog, model, catalog.default_profile, lang)


def task_cost_value(catalog: Catalog, provider: Provider, model: Model, lang: str):
    """Sorts by the main block's cost (its currency is the row's); free first, no number last."""
    first = task_costs(model, catalog.default_profile)[0]
    return first.amount if first.kind == PRICED else (0.0 if first.kind == "free" else None)


COLUMNS = (
    Column("provider", "col_provider", "text", "provider", shown_first, provider_lines),
    Column("model", "cmp_col_model", "text", "model", shown_first, lambda c, p, m, lang: [m.id, "\t" + plain(m.name)]),
    Column("vendor-name", "col_vendor", "text", "text", shown_first, vendor_lines),
    Column("context", "col_context", "number", "text", lambda c, p, m, lang: m.context,
           lambda c, p, m, lang: [tokens(m.context)]),
    Column("max-output", "col_max_output", "number", "text", lambda c, p, m, lang: m.max_output,
           lambda c, p, m, lang: [tokens(m.max_output)]),
    Column("input", "col_input", "price", "text", price_value("input"), price_lines("input")),
    Column("output", "col_output", "price", "text", price_value("output"), price_lines("output")),
    Column("cache-read", "col_cache_read", "price", "text", price_value("cache_read"), price_lines("cache_read")),
    Column("cache-write", "cmp_col_cache_write", "price", "text", price_value("cache_write"),
           price_lines("cache_write")),
    Column("task-cost", "col_task_cost", "price", "text", task_cost_value, task_cost_lines),
    Column("capabilities", "col_capabilities", "count", "text", lambda c, p, m, lang: len(m.capabilities),
           capability_lines),
    Column("status-rank", "cmp_col_status", "rank", "status", lambda c, p, m, lang: STATUS_ORDER.index(m.status),
           status_lines),
)
NUMERIC = {"number", "price"}


def heading(catalog: Catalog, column: Column, lang: str) -> str:
    """A column's heading as plain text; the cost column's names the profile it prices."""
    if column.key == "task-cost":
        return label(catalog, column.label, lang, profile=plain(catalog.default_profile.name(lang)))
    return label(catalog, column.label, lang)
