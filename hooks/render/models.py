"""Model facts as Markdown: the supported-models table and the per-cell formats it shares."""

from __future__ import annotations

import functools

from catalog.entities import Catalog, Model, Price, Provider

from .cost_text import cost_cell, cost_header
from .text import attr, code, fill, inline, money, short_tokens, tokens
from .served import page_link


def model_anchor(provider: Provider, model: Model) -> str:
    """A stable id for a model row: provider id, then the model id with unsafe characters folded."""
    return _anchor(provider.id, model.endpoint, model.id)


@functools.lru_cache(maxsize=None)
def _anchor(provider_id: str, endpoint: str | None, model_id: str) -> str:
    # Cached: every page that links a model asks again (tables, comparison, search entries).
    suffix = "".join(char if char.isalnum() or char in "-." else "-" for char in model_id.lower())
    return f"model-{provider_id}-{endpoint}-{suffix}" if endpoint else f"model-{provider_id}-{suffix}"


def comparison_anchor(provider: Provider, model: Model) -> str:
    """The id of the model's row in the comparison table: the same suffix, so one maps to the other."""
    return "cmp-" + model_anchor(provider, model).removeprefix("model-")


# From a provider page (providers/<id>/, directory URLs) to the comparison (compare/), same language. An
# address rather than a Markdown link: the comparison's rows join its page after MkDocs has collected the
# page's anchors (see render/comparison.py), so MkDocs could not check them; the site tests do.
COMPARISON_PAGE = "../../compare/"


def comparison_link(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    """A small link from a model's row to its row in the comparison."""
    title = attr(catalog.label("cmp_link_title", lang))
    return (f'<small class="compare-link"><a href="{COMPARISON_PAGE}#{comparison_anchor(provider, model)}" '
            f'title="{title}">{inline(catalog.label("cmp_link", lang))}</a></small>')


def copyable_id(catalog: Catalog, model: Model, lang: str) -> str:
    """The id as code with a copy button (Material's clipboard handler serves data-clipboard-text)."""
    copy = catalog.label("copy_id", lang)
    return (f'{code(model.id)}<button class="md-clipboard md-icon copy-id" type="button" '
            f'data-clipboard-text="{attr(model.id)}" title="{attr(copy)}" aria-label="{attr(copy)}: {attr(model.id)}">'
            '</button>')


def model_id_cell(catalog: Catalog, model: Model, lang: str) -> str:
    """The copyable id, and the status when the model is not simply active."""
    badge = ""
    if model.status != "active":
        status = inline(catalog.label("status_" + model.status, lang))
        badge = f' <span class="status status--{model.status}">{status}</span>'
    return copyable_id(catalog, model, lang) + badge


def price_cells(catalog: Catalog, model: Model, lang: str) -> list[str]:
    """Input, output and cache-read cells, one line per currency billed (USD above CNY, never converted)."""
    blocks = [block_cells(catalog, price, lang) for price in model.prices]
    if len(blocks) == 1:
        return blocks[0]
    return ["<br>".join(cells) for cells in zip(*blocks)]


def block_cells(catalog: Catalog, price: Price, lang: str) -> list[str]:
    """One price block's cells; a plan fills the first cell and dashes the rest."""
    if price.plan != "per-token":
        return [inline(catalog.label("plan_" + price.plan, lang)), "—", "—"]
    if price.tiers:
        return tier_cells(catalog, price, lang)
    return [money(price.input, price.currency), money(price.output, price.currency),
            money(price.cache_read, price.currency) if price.cache_read is not None else "—"]


def tier_cells(catalog: Catalog, price: Price, lang: str) -> list[str]:
    """One line per tier in each price cell, each tier named by the prompt sizes it covers."""
    names = []
    for index, tier in enumerate(price.tiers):
        if tier.up_to is not None:
            names.append(fill(catalog.label("price_up_to", lang), {"tokens": short_tokens(tier.up_to)}))
        else:
            limit = short_tokens(price.tiers[index - 1].up_to)
            names.append(fill(catalog.label("price_above", lang), {"tokens": limit}))

    def column(amounts) -> str:
        if all(amount is None for amount in amounts):
            return "—"
        return "<br>".join(f"{money(amount, price.currency) if amount is not None else '—'} <small>{name}</small>"
                           for amount, name in zip(amounts, names))
    return [column([tier.input for tier in price.tiers]), column([tier.output for tier in price.tiers]),
            column([tier.cache_read for tier in price.tiers])]


def capability_text(catalog: Catalog, model: Model, lang: str) -> str:
    names = [catalog.label("cap_" + capability.replace("-", "_"), lang) for capability in model.capabilities]
    return " · ".join(inline(name) for name in names) or "—"


def vendor_text(model: Model, lang: str) -> str:
    base = f" / {inline(model.base_vendor.name(lang))}" if model.base_vendor else ""
    return inline(model.vendor.name(lang)) + base


def provenance(catalog: Catalog, model: Model, lang: str) -> str:
    """Where the row's numbers come from and the day they were compared with it: a visible link and a
    date, so it reads the same on a touch screen and to a screen reader as with a mouse."""
    source = model.source
    day = model.verified.isoformat()
    checked = fill(catalog.label("row_checked", lang), {"date": f'<time datetime="{day}">{day}</time>'})
    link = f'<a href="{attr(source.url)}">{inline(source.title(lang))}</a>'
    line = fill(catalog.label("row_source", lang), {"source": link, "checked": checked})
    for price in model.prices:
        if price.source is not None and price.source != source:
            # A block from another page (yuan from a Chinese price list) names it beside the currency.
            other = f'<a href="{attr(price.source.url)}">{inline(price.source.title(lang))}</a>'
            line += " · " + fill(catalog.label("row_price_source", lang),
                                 {"currency": inline(price.currency), "source": other})
    return f'<br><small class="provenance">{line}</small>'


def model_row(catalog: Catalog, provider: Provider, model: Model, lang: str) -> str:
    description = f'<br><span class="model-note">{inline(model.description(lang))}</span>' if model.description else ""
    anchor = f'<span id="{model_anchor(provider, model)}"></span>'
    compare = " " + comparison_link(catalog, provider, model, lang) + page_link(catalog, model, lang)
    cells = [anchor + model_id_cell(catalog, model, lang) + compare + description + provenance(catalog, model, lang),
             vendor_text(model, lang), tokens(model.context), tokens(model.max_output),
             *price_cells(catalog, model, lang), capability_text(catalog, model, lang),
             cost_cell(catalog, model, catalog.default_profile, lang)]
    return "| " + " | ".join(cells) + " |"


def model_table(catalog: Catalog, provider: Provider, models, lang: str) -> str:
    keys = ("col_model_id", "col_vendor", "col_context", "col_max_output",
            "col_input", "col_output", "col_cache_read", "col_capabilities")
    headers = [inline(catalog.label(key, lang)) for key in keys] + [cost_header(catalog, catalog.default_profile, lang)]
    header = "| " + " | ".join(headers) + " |"
    align = "| " + " | ".join(["---"] * 2 + ["--:"] * 5 + ["---", "--:"]) + " |"
    rows = [model_row(catalog, provider, model, lang) for model in models]
    return "\n".join([header, align, *rows])
