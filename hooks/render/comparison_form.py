"""The comparison's filter form and live count, as HTML for docs/javascripts/compare.js.

The form is rendered `hidden`: without the script it could not do anything, so only the script shows
it. Every control's `name` is its URL parameter, which is how a filtered view is shared. Strings the
script writes at run time travel in data attributes, so the script itself holds no language.
"""

from __future__ import annotations

from catalog.entities import Catalog
from catalog.specs import CAPABILITIES, CURRENCIES, PROVIDER_KINDS

from .comparison_choices import task_fields
from .text import CURRENCY_SIGNS, attr, collation_key, fill, inline, short_tokens, substitute

# Choices of the minimum-context filter: round numbers, so 131,072 passes "at least 128K".
CONTEXT_STEPS = (32_000, 64_000, 128_000, 200_000, 256_000, 1_000_000)


def option(value: str, text: str) -> str:
    return f'<option value="{attr(value)}">{inline(text)}</option>'


def select(catalog: Catalog, lang: str, name: str, control_id: str, label: str, options: list[str]) -> str:
    """A labelled <select> whose first choice, "any", is the empty value that filters nothing."""
    choices = "".join([option("", catalog.label("cmp_any", lang)), *options])
    return (f'<div class="cmp-field"><label for="{control_id}">{inline(catalog.label(label, lang))}</label>'
            f'<select id="{control_id}" name="{name}">{choices}</select></div>')


def vendor_options(catalog: Catalog, lang: str) -> list[str]:
    """Only vendors that have a model in the catalog, by their name in this language."""
    vendors = {model.vendor.id: model.vendor for provider in catalog.providers for model in provider.models}
    ordered = sorted(vendors.values(), key=lambda vendor: collation_key(vendor.name(lang)))
    return [option(vendor.id, vendor.name(lang)) for vendor in ordered]


def kind_options(catalog: Catalog, lang: str) -> list[str]:
    present = {provider.kind for provider in catalog.providers if provider.models}
    return [option(kind, catalog.label("kind_" + kind.replace("-", "_") + "_plural", lang))
            for kind in PROVIDER_KINDS if kind in present]


def context_options(catalog: Catalog, lang: str) -> list[str]:
    template = catalog.label("cmp_at_least", lang)
    return [option(str(step), substitute(template, {"tokens": short_tokens(step)})) for step in CONTEXT_STEPS]


def search_field(catalog: Catalog, lang: str) -> str:
    """The free-text filter. Its parameter is `find`: Material opens its own search for a `?q=` address."""
    hint = attr(catalog.label("cmp_search_hint", lang))
    return (f'<div class="cmp-field cmp-field--search"><label for="cmp-q">{inline(catalog.label("cmp_search", lang))}'
            f'</label><input type="search" id="cmp-q" name="find" placeholder="{hint}" autocomplete="off"></div>')


def price_fields(catalog: Catalog, lang: str) -> str:
    """A maximum input price counts only in the chosen currency: prices are never converted."""
    currencies = "".join(f'<option value="{code}">{code} ({CURRENCY_SIGNS[code]})</option>' for code in CURRENCIES)
    return (f'<div class="cmp-field"><label for="cmp-max-input">{inline(catalog.label("cmp_max_input", lang))}</label>'
            f'<input type="number" id="cmp-max-input" name="maxin" min="0" step="any" inputmode="decimal"></div>'
            f'<div class="cmp-field"><label for="cmp-currency">{inline(catalog.label("cmp_currency", lang))}</label>'
            f'<select id="cmp-currency" name="cur">{currencies}</select></div>')


def capability_fields(catalog: Catalog, lang: str) -> str:
    name = lambda capability: inline(catalog.label("cap_" + capability.replace("-", "_"), lang))  # noqa: E731
    boxes = "".join(f'<label class="cmp-check"><input type="checkbox" id="cmp-cap-{capability}" name="cap" '
                    f'value="{capability}"> {name(capability)}</label>' for capability in CAPABILITIES)
    return (f'<fieldset id="cmp-capabilities" class="cmp-field cmp-capabilities">'
            f'<legend>{inline(catalog.label("cmp_capabilities", lang))}</legend>{boxes}</fieldset>')


def render_filter_form(catalog: Catalog, lang: str) -> str:
    """The form (hidden until the script runs) and the count of models shown, which the script updates."""
    label = attr(catalog.label("cmp_filters", lang))
    total = sum(len(provider.models) for provider in catalog.providers)
    reset = inline(catalog.label("cmp_reset", lang))
    fields = [search_field(catalog, lang),
              select(catalog, lang, "vendor", "cmp-vendor", "cmp_vendor", vendor_options(catalog, lang)),
              select(catalog, lang, "kind", "cmp-kind", "cmp_kind", kind_options(catalog, lang)),
              select(catalog, lang, "ctx", "cmp-context", "cmp_min_context", context_options(catalog, lang)),
              price_fields(catalog, lang), task_fields(catalog, lang), capability_fields(catalog, lang),
              f'<button type="reset" id="cmp-reset" class="cmp-button">{reset}</button>']
    form = (f'<form id="cmp-filters" class="cmp-filters" role="search" aria-label="{label}" hidden>'
            f'{"".join(fields)}</form>')
    template = attr(catalog.label("cmp_count", lang))
    count = (f'<p id="cmp-count" class="cmp-count" role="status" data-template="{template}">'
             f'{fill(catalog.label("cmp_total", lang), {"total": str(total)})}</p>')
    return f"{form}\n\n{count}"


def render_empty(catalog: Catalog, lang: str) -> str:
    """Shown by the script when the filters leave no row."""
    return f'<p id="cmp-empty" class="cmp-empty" hidden>{inline(catalog.label("cmp_empty", lang))}</p>'
