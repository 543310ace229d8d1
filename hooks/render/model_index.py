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
    return (f'<div class="model-compare" id="compare" data-source="models.json" {labels}></div>\n\n'
            + inline(catalog.label("mp_cmp_intro", lang)))


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
    blocks = ["---\nscripts: [javascripts/models.js]\n---", f"# {inline(catalog.label('nav_models', lang))}", inline(catalog.label("mp_index_intro", lang)),
              f"## {inline(catalog.label('mp_h_compare', lang))}", compare_view(catalog, lang),
              f"## {inline(catalog.label('mp_index_shared', lang))}", shared_table(catalog, lang),
              f"## {inline(catalog.label('mp_index_single', lang))}", single_list(catalog, lang)]
    return "\n\n".join(blocks) + "\n"


def _fact(catalog: Catalog, key: str, lang: str, value: str) -> list[str]:
    return [catalog.label(key, lang), value]


def compare_data(catalog: Catalog, lang: str) -> dict:
    """Per model: its name, vendor, page and facts as display text (the script shows them as text, never HTML)."""
    models = {}
    for served in sorted(served_models(catalog).values(), key=lambda item: (item.vendor.id, item.name.casefold())):
        live = served.live() or served.entries
        capabilities = [key for key in ("vision", "prompt-cache", "reasoning", "tools")
                        if any(model.can(key) for _, model in live)]
        outputs = {}
        for _, model in live:
            for price in model.prices:
                if price.plan == "per-token" and price.output < outputs.get(price.currency, float("inf")):
                    outputs[price.currency] = price.output
        separator = catalog.label("list_separator", lang)
        facts = [
            _fact(catalog, "col_vendor", lang, served.vendor.name(lang)),
            _fact(catalog, "mp_col_providers", lang, separator.join(p.title(lang) for p in served.providers)),
            _fact(catalog, "col_max_context", lang, tokens(largest_context(served))),
            _fact(catalog, "mp_cmp_output", lang, tokens(max(model.max_output for _, model in live))),
            _fact(catalog, "col_lowest_input", lang, _lowest_text(served)),
            _fact(catalog, "mp_cmp_lowest_output", lang,
                  " · ".join(money(amount, currency) for currency, amount in outputs.items()) or "—"),
            _fact(catalog, "col_capabilities", lang, " · ".join(
                catalog.label("cap_" + key.replace("-", "_"), lang) for key in capabilities) or "—"),
        ]
        provider, model = served.entries[0]
        url = f"{served.slug}/" if served.has_page else row_url(provider, model, "../")
        models[served.slug] = {"name": served.name, "vendor": served.vendor.name(lang), "url": url, "facts": facts}
    return {"models": models}
