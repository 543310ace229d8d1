"""The models index (models/): the side-by-side view, the models with a page, and the models only one provider
offers, each linked to its row. Also the compact data the side-by-side view reads (models/models.json)."""

from __future__ import annotations

from catalog.entities import Catalog

from .model_page import largest_context, lowest_inputs, row_url
from .served import Served, served_models, with_pages
from .text import attr, collation_key, inline, money, tokens

# The view's labels travel to its script as data attributes, in the page's language.
VIEW_LABELS = {"pick": "mp_cmp_pick", "none": "mp_cmp_none", "fact": "mp_cmp_fact", "empty": "mp_cmp_empty"}


def compare_view(catalog: Catalog, lang: str) -> str:
    """The side-by-side view's slot; docs/javascripts/models.js fills it from models.json."""
    labels = " ".join(f'data-label-{name}="{attr(catalog.label(key, lang))}"' for name, key in VIEW_LABELS.items())
    return (inline(catalog.label("mp_cmp_intro", lang))
            + f'\n\n<div class="model-compare" id="compare" data-source="models.json" {labels}></div>')


def _lowest_text(served: Served) -> str:
    return " · ".join(money(amount, currency) for currency, amount in lowest_inputs(served).items()) or "—"


def shared_table(catalog: Catalog, lang: str) -> str:
    """One row per model with a page: name, vendor, number of providers, largest context, lowest input price."""
    keys = ("mp_col_model", "col_vendor", "mp_col_providers", "col_max_context", "col_lowest_input")
    rows = ["| " + " | ".join(inline(catalog.label(key, lang)) for key in keys) + " |",
            "| --- | --- | --: | --: | --: |"]
    for served in with_pages(catalog):
        rows.append(f"| [{inline(served.name)}]({served.slug}.md) | {inline(served.vendor.name(lang))} | "
                    f"{len(served.providers)} | {tokens(largest_context(served))} | {_lowest_text(served)} |")
    return "\n".join(rows)


def single_list(catalog: Catalog, lang: str) -> str:
    """Models one provider offers, linked to their rows, in a collapsed block (most readers want the others)."""
    singles = sorted((item for item in served_models(catalog).values() if not item.has_page),
                     key=lambda item: collation_key(item.name))
    lines = []
    for served in singles:
        provider, model = served.entries[0]
        lines.append(f'    - <a href="{attr(row_url(provider, model, "../"))}">{inline(served.name)}</a> · '
                     f"{inline(provider.title(lang))}")
    title = f"{catalog.label('mp_index_single', lang)} ({len(singles)})"
    return f'??? note "{attr(title)}"\n\n' + "\n".join(lines)


def render_index(catalog: Catalog, lang: str) -> str:
    # The view's script loads on this page only (front matter `scripts:`, overrides/main.html).
    blocks = ["---\nscripts: [javascripts/models.js]\n---",
              f"# {inline(catalog.label('nav_models', lang))}", inline(catalog.label("mp_index_intro", lang)),
              f"## {inline(catalog.label('mp_h_compare', lang))}", compare_view(catalog, lang),
              f"## {inline(catalog.label('mp_index_shared', lang))}", shared_table(catalog, lang),
              f"## {inline(catalog.label('mp_index_single', lang))}", single_list(catalog, lang)]
    return "\n\n".join(blocks) + "\n"


def _lowest_outputs(served: Served) -> str:
    lowest: dict[str, float] = {}
    for _, model in served.live():
        for price in model.prices:
            if price.plan == "per-token" and price.output < lowest.get(price.currency, float("inf")):
                lowest[price.currency] = price.output
    return " · ".join(money(amount, currency) for currency, amount in lowest.items()) or "—"


def compare_facts(catalog: Catalog, served: Served, lang: str) -> list[list[str]]:
    """[label, value] pairs in the page's language, plain text: the rows of the side-by-side view."""
    live = served.live() or served.entries
    capabilities = [key for key in ("vision", "prompt-cache", "reasoning", "tools")
                    if any(model.can(key) for _, model in live)]
    values = [
        ("col_vendor", served.vendor.name(lang)),
        ("mp_fact_providers", catalog.label("list_separator", lang).join(p.title(lang) for p in served.providers)),
        ("col_max_context", tokens(largest_context(served)) if served.live() else "—"),
        ("mp_cmp_output", tokens(max(model.max_output for _, model in live))),
        ("col_lowest_input", _lowest_text(served)),
        ("mp_cmp_lowest_output", _lowest_outputs(served)),
        ("col_capabilities", " · ".join(catalog.label("cap_" + key.replace("-", "_"), lang)
                                        for key in capabilities) or "—"),
    ]
    return [[catalog.label(key, lang), value] for key, value in values]


def compare_data(catalog: Catalog, lang: str) -> dict:
    """Per model: its name, vendor, page (or its one provider's row) and facts, as display text; the script
    sets them as text, never as HTML."""
    models = {}
    for served in sorted(served_models(catalog).values(), key=lambda item: (item.vendor.id, item.name.casefold())):
        provider, model = served.entries[0]
        url = f"{served.slug}/" if served.has_page else row_url(provider, model, "../")
        models[served.slug] = {"name": served.name, "vendor": served.vendor.name(lang), "url": url,
                               "facts": compare_facts(catalog, served, lang)}
    return {"models": models}
