"""The model comparison: every model of every provider in one table, for `<!-- catalog:comparison -->`.

The table is HTML rather than a Markdown table because each row carries its raw values in data-*
attributes (context as an integer, prices as plain numbers, empty when unknown), which is what
docs/javascripts/compare.js sorts and filters on; the page stays complete without the script.

The marker leaves only a slot in the Markdown; `fill_slot` puts the table into the built page (the
`on_post_page` hook), after Markdown conversion and search indexing. Neither needs the table, and on a
1,000-model catalog they spent about half a second per language re-reading its HTML.
"""

from __future__ import annotations

from catalog.entities import Catalog, Model, Price, Provider
from catalog.specs import CURRENCIES

from .comparison_form import render_empty, render_filter_form
from .comparison_values import base_price, row_values
from .models import block_cells, capability_text, comparison_anchor, model_anchor, vendor_text
from .text import attr, code, collation_key, fill, inline, money, tokens

# The table lives on docs/compare.md (provider pages link to compare/), so with directory URLs a provider
# page is one level up from it, in the same language. MkDocs never sees these links: tests follow them.
PROVIDER_PAGE = "../providers/{id}/"
SLOT = '<div class="cmp-slot"></div>'

# Columns in reading order: (sort key read from each row's data-<key>, label key, sort type).
# Sort types: text (collated), number, price (free counts as 0, unknown last), count (of words), and
# rank (a number that stands for an order of words, so it is not aligned as a number).
COLUMNS = (
    ("provider", "col_provider", "text"),
    ("model", "cmp_col_model", "text"),
    ("vendor-name", "col_vendor", "text"),
    ("context", "col_context", "number"),
    ("max-output", "col_max_output", "number"),
    ("input", "col_input", "price"),
    ("output", "col_output", "price"),
    ("cache-read", "col_cache_read", "price"),
    ("cache-write", "cmp_col_cache_write", "price"),
    ("capabilities", "col_capabilities", "count"),
    ("status-rank", "cmp_col_status", "rank"),
)
NUMERIC = {"number", "price"}


def ordered_rows(catalog: Catalog, lang: str) -> list[tuple[Provider, Model]]:
    """The order without the script: provider name, then model id, as a reader scans a printed list."""
    rows = [(provider, model) for provider in catalog.providers for model in provider.models]
    return sorted(rows, key=lambda row: (collation_key(row[0].title(lang)), row[1].id.casefold(),
                                         row[1].endpoint or ""))


def price_columns(catalog: Catalog, price: Price, lang: str) -> list[str]:
    """Input, output, cache read and cache write; a plan names itself where input and output go."""
    if price.plan != "per-token":
        plan = inline(catalog.label("plan_" + price.plan, lang))
        return [plan, plan, "—", "—"]
    cache_write = base_price(price).cache_write
    write = money(cache_write, price.currency) if cache_write is not None else "—"
    return [*block_cells(catalog, price, lang), write]


def provider_cell(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    """Provider name linking to its page, with the endpoint when the provider has several."""
    cell = f'<a href="{PROVIDER_PAGE.format(id=provider.id)}">{inline(provider.title(lang))}</a>'
    if model.endpoint:
        endpoint = provider.endpoint(model.endpoint)
        name = endpoint.label(lang) if endpoint.label else catalog.label("region_" + endpoint.region, lang)
        cell += f"<br><small>{inline(name)}</small>"
    return cell


def model_cell(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    """The id links back to the model's row on its provider page; the copy button is Material's."""
    copy = catalog.label("copy_id", lang)
    page = PROVIDER_PAGE.format(id=provider.id)
    return (f'<a href="{page}#{model_anchor(provider, model)}">{code(model.id)}</a>'
            f'<button class="md-clipboard md-icon copy-id" type="button" data-clipboard-text="{attr(model.id)}" '
            f'title="{attr(copy)}" aria-label="{attr(copy)}: {attr(model.id)}"></button>'
            f"<br><small>{inline(model.name)}</small>")


def status_cell(catalog: Catalog, model: Model, lang: str) -> str:
    text = inline(catalog.label("status_" + model.status, lang))
    day = model.deprecated or model.retired
    if day:
        retired = fill(catalog.label(f"cmp_{model.status}_on", lang), {"date": day.isoformat()})
        text += f"<br><small>{retired}</small>"
    return text


def render_row(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    values = " ".join(f'data-{key}="{attr(value)}"' for key, value in row_values(provider, model, lang).items())
    plain = [vendor_text(model, lang), tokens(model.context), tokens(model.max_output),
             *price_columns(catalog, model.price, lang), capability_text(catalog, model, lang),
             status_cell(catalog, model, lang)]
    cells = [f"<td>{provider_cell(catalog, provider, model, lang)}</td>",
             f"<td>{model_cell(catalog, provider, model, lang)}</td>"]
    cells += [f'<td class="cmp-num">{cell}</td>' if COLUMNS[index][2] in NUMERIC else f"<td>{cell}</td>"
              for index, cell in enumerate(plain, start=2)]
    return f'<tr id="{comparison_anchor(provider, model)}" {values}>{"".join(cells)}</tr>'


def render_header(catalog: Catalog, lang: str) -> str:
    """Column headings; the script turns each into a sort button, so without it they stay plain text."""
    cells = []
    for key, label, sort in COLUMNS:
        numeric = ' class="cmp-num"' if sort in NUMERIC else ""
        cells.append(f'<th scope="col"{numeric} data-sort="{key}" data-type="{sort}">'
                     f"{inline(catalog.label(label, lang))}</th>")
    return f'<thead><tr>{"".join(cells)}</tr></thead>'


def render_comparison(catalog: Catalog, lang: str) -> str:
    """The filter form, a live count, and the table of every model, as blocks of HTML."""
    rows = "\n".join(render_row(catalog, provider, model, lang) for provider, model in ordered_rows(catalog, lang))
    region = attr(catalog.label("cmp_table_region", lang))
    table = "\n".join([
        f'<div class="cmp-scroll" tabindex="0" role="region" aria-label="{region}">',
        f'<table id="cmp-table" class="cmp-table" aria-describedby="cmp-caption" '
        f'data-currencies="{" ".join(CURRENCIES)}">',
        render_header(catalog, lang),
        f"<tbody>\n{rows}\n</tbody>",
        "</table>",
        "</div>",
    ])
    caption = f'<p id="cmp-caption" class="cmp-caption">{inline(catalog.label("cmp_caption", lang))}</p>'
    return "\n\n".join([render_filter_form(catalog, lang), caption, table, render_empty(catalog, lang)])


def render_slot(catalog: Catalog, lang: str) -> str:
    """What the marker becomes in the Markdown: a placeholder that Markdown passes through untouched."""
    return SLOT


def fill_slot(html: str, catalog: Catalog, lang: str) -> str:
    """A built page with the comparison in place of its slot; pages without one come back unchanged."""
    return html.replace(SLOT, render_comparison(catalog, lang), 1) if SLOT in html else html
