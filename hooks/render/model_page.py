"""A page per model that two or more providers serve: where to run it, under which id, with what limits and
at what price, the lowest price and the largest context window marked in words."""

from __future__ import annotations

import re

from catalog.entities import Catalog, Model, Provider

from .models import copyable_id, model_anchor, price_cells, provenance
from . import price_history
from .memo import per_catalog
from .served import Served, by_slug, remembered
from .text import attr, fill, inline, money, tokens

SETUP_ANCHOR = "cline-setup"  # set on the first setup step of every provider page (render/provider.py)
UP = "../../"  # from models/<slug>/ to the root of the language's site


def row_url(provider: Provider, model: Model, up: str = UP) -> str:
    """The model's row on its provider's page."""
    return f"{up}providers/{provider.id}/#{model_anchor(provider, model)}"


@remembered
def lowest_inputs(served: Served) -> dict[str, float]:
    """The lowest input price per currency among the entries still served (a plan has none)."""
    lowest: dict[str, float] = {}
    for _, model in served.live():
        for price in model.prices:
            if price.plan == "per-token" and price.input < lowest.get(price.currency, float("inf")):
                lowest[price.currency] = price.input
    return lowest


@remembered
def largest_context(served: Served) -> int:
    return max((model.context for _, model in served.live()), default=0)


def _where(catalog: Catalog, entries, lang: str, up: str = UP) -> str:
    links = [f'<a href="{attr(row_url(provider, model, up))}">{inline(provider.title(lang))}</a>'
             for provider, model in entries]
    return catalog.label("list_separator", lang).join(dict.fromkeys(links))


def facts(catalog: Catalog, served: Served, lang: str) -> str:
    """Vendor, how many providers, the lowest input price per currency and the largest context, with where."""
    line = lambda key, value: "- " + fill(catalog.label("fact_line", lang),  # noqa: E731
                                          {"label": inline(catalog.label(key, lang)), "value": value})
    count = fill(catalog.label("mp_provider_count", lang), {"count": str(len(served.providers))})
    lines = [line("col_vendor", inline(served.vendor.name(lang))), line("mp_fact_providers", count)]
    for currency, amount in lowest_inputs(served).items():
        cheapest = [(p, m) for p, m in served.live() if any(
            price.currency == currency and price.plan == "per-token" and price.input == amount for price in m.prices)]
        lines.append(line("col_lowest_input", fill(catalog.label("mp_at", lang), {
            "value": money(amount, currency), "where": _where(catalog, cheapest, lang)})))
    context = largest_context(served)
    if context:
        widest = [(p, m) for p, m in served.live() if m.context == context]
        lines.append(line("col_max_context", fill(catalog.label("mp_at", lang), {
            "value": tokens(context), "where": _where(catalog, widest, lang)})))
    return "\n".join(lines)


def _mark(catalog: Catalog, key: str, lang: str) -> str:
    return f' <strong class="model-pick">{inline(catalog.label(key, lang))}</strong>'


def endpoint_text(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    """The endpoint the entry is served from; a mainland-China one says so in words."""
    endpoint = provider.endpoint(model.endpoint) if model.endpoint else (
        provider.endpoints[0] if len(provider.endpoints) == 1 else None)
    if endpoint is None:
        return "—"
    region = catalog.label("region_" + endpoint.region, lang)
    if not endpoint.label:
        return inline(region)
    china = f"<br><small>{inline(region)}</small>" if endpoint.region == "china" else ""
    return inline(endpoint.label(lang)) + china


def status_text(catalog: Catalog, model: Model, lang: str) -> str:
    day = model.retired or model.deprecated
    status = inline(catalog.label("status_" + model.status, lang))
    return f"{status}<br><small>{day.isoformat()}</small>" if day else status


def entry_cells(catalog: Catalog, served: Served, provider: Provider, model: Model, lang: str) -> list[str]:
    """One provider's entry: links to its row and setup steps, its numbers, and the marks it earns."""
    setup = (f'<small><a href="{UP}providers/{provider.id}/#{SETUP_ANCHOR}">'
             f'{inline(catalog.label("mp_setup", lang))}</a></small>')
    name = f'<a href="{attr(row_url(provider, model))}">{inline(provider.title(lang))}</a><br>{setup}'
    prices = price_cells(catalog, model, lang)
    live = model.status != "retired"
    lowest = lowest_inputs(served)
    if live and any(p.plan == "per-token" and lowest.get(p.currency) == p.input for p in model.prices):
        prices[0] += _mark(catalog, "mp_mark_cheapest", lang)
    context = tokens(model.context)
    if live and model.context == largest_context(served):
        context += _mark(catalog, "mp_mark_largest", lang)
    cache = prices[2] if prices[2] != "—" else inline(catalog.label("yes", lang)) if model.can("prompt-cache") else "—"
    return [name, copyable_id(catalog, model, lang), context, tokens(model.max_output), prices[0], prices[1], cache,
            endpoint_text(catalog, provider, model, lang), status_text(catalog, model, lang),
            provenance(catalog, model, lang).removeprefix("<br>")]


COLUMNS = ("col_provider", "col_model_id", "col_context", "col_max_output", "col_input", "col_output",
           "mp_col_cache", "mp_col_endpoint", "mp_col_status", "mp_col_source")
NUMERIC = range(2, 7)  # right-aligned, as a Markdown table's `--:` would be


def ordered(served: Served) -> list:
    """Entries still served first, each group in catalog order (sorted() is stable)."""
    return sorted(served.entries, key=lambda entry: entry[1].status == "retired")


def entry_rows(catalog: Catalog, served: Served, lang: str) -> list[list[str]]:
    """Every entry's cells in table order, computed once per language: the page's HTML table and the Markdown
    one of llms-full.txt share them."""
    name = f"_rows_{lang}"
    if name not in served.__dict__:  # kept on the (frozen) Served, made anew for each loaded catalog
        object.__setattr__(served, name, [entry_cells(catalog, served, p, m, lang) for p, m in ordered(served)])
    return served.__dict__[name]


def _cell(tag: str, index: int, content: str) -> str:
    align = ' style="text-align: right;"' if index in NUMERIC else ""
    return f"<{tag}{align}>{content}</{tag}>"


def table(catalog: Catalog, served: Served, lang: str) -> str:
    """The entries as an HTML table (every cell is already HTML-safe: escaped text, entities and our tags)."""
    head = "".join(_cell("th", index, inline(catalog.label(key, lang))) for index, key in enumerate(COLUMNS))
    # Each row carries its provider row's id: search entries and the price history lead to it.
    rows = [f'<tr id="{model_anchor(p, m)}">' + "".join(_cell("td", index, cell) for index, cell in enumerate(cells))
            + "</tr>" for (p, m), cells in zip(ordered(served), entry_rows(catalog, served, lang))]
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def markdown_table(catalog: Catalog, served: Served, lang: str) -> str:
    """The same table in Markdown, for the text files (llms-full.txt), where no hook fills a slot."""
    header = "| " + " | ".join(inline(catalog.label(key, lang)) for key in COLUMNS) + " |"
    align = "| " + " | ".join("--:" if index in NUMERIC else "---" for index in range(len(COLUMNS))) + " |"
    rows = ["| " + " | ".join(cells) + " |" for cells in entry_rows(catalog, served, lang)]
    return "\n".join([header, align, *rows])


HTML_TABLES = {"model-table": table, "price-history": price_history.table}
MARKDOWN_TABLES = {"model-table": markdown_table, "price-history": price_history.markdown_table}


@per_catalog
def slot_table(catalog: Catalog, kind: str, slug: str, lang: str, markdown: bool) -> str:
    """One slot's table ("model-table" or "price-history") for its model, as HTML or as Markdown."""
    return (MARKDOWN_TABLES if markdown else HTML_TABLES)[kind](catalog, by_slug(catalog, slug), lang)


def fill_markdown_slot(markdown: str, catalog: Catalog, lang: str) -> str:
    """Page Markdown with its model's tables, as Markdown, in place of the slots."""
    if '-slot" data-model="' not in markdown:
        return markdown
    return _SLOT.sub(lambda match: slot_table(catalog, match[1], match[2], lang, True), markdown, count=2)


# The tables join the page after Markdown conversion and search indexing (the `on_post_page` hook), as the
# comparison's does: neither needs them, and re-reading ~150 tables of HTML cost about a quarter of the build.
SLOT = '<div class="model-table-slot" data-model="{slug}"></div>'
_SLOT = re.compile(r'<div class="(model-table|price-history)-slot" data-model="([a-z0-9-]+)"></div>')


def slots_in(text: str) -> list[tuple[str, str]]:
    """(kind, slug) of each table slot in a page's Markdown or HTML, in order."""
    return [(match[1], match[2]) for match in _SLOT.finditer(text)]


def fill_slot(html: str, catalog: Catalog, lang: str) -> str:
    """A built page with its model's tables in place of the slots; other pages come back unchanged."""
    if '-slot" data-model="' not in html:
        return html
    return _SLOT.sub(lambda match: slot_table(catalog, match[1], match[2], lang, False), html, count=2)


def render_page(catalog: Catalog, served: Served, lang: str) -> str:
    """The whole page as Markdown."""
    compare = f'<a href="../?compare={attr(served.slug)}#compare">{inline(catalog.label("mp_compare_link", lang))}</a>'
    blocks = [f"# {inline(served.name)}", inline(catalog.label("mp_intro", lang)), facts(catalog, served, lang),
              f"## {inline(catalog.label('mp_h_providers', lang))}", inline(catalog.label("price_unit", lang)),
              SLOT.format(slug=served.slug), price_history.render_history(catalog, served, lang),
              f"## {inline(catalog.label('mp_h_compare', lang))}",
              fill(catalog.label("mp_compare_text", lang), {"link": compare})]
    return "\n\n".join(blocks) + "\n"
