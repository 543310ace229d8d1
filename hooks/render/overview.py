"""Pages about the whole catalog: the providers index, the glossary and headline numbers.

Links start with `/` and are resolved against docs/ (`validation.links.absolute_links:
relative_to_docs`), so a marker renders the same wherever it is placed; static-i18n then picks the
page in the reader's language.
"""

from __future__ import annotations

from catalog.entities import Catalog, Provider, Term
from catalog.specs import CAPABILITIES, PROVIDER_KINDS

from .text import attr, collation_key, fill, inline, money, short_tokens


def provider_link(provider: Provider, lang: str) -> str:
    return f"[{inline(provider.title(lang))}](/providers/{provider.id}.md)"


def lowest_input(catalog: Catalog, provider: Provider, lang: str) -> str:
    priced = [model.price for model in provider.models if model.price.plan == "per-token"]
    if priced:
        cheapest = min(priced, key=lambda price: price.input)
        return money(cheapest.input, cheapest.currency)
    plans = sorted({model.price.plan for model in provider.models})
    return " · ".join(inline(catalog.label("plan_" + plan, lang)) for plan in plans) or "—"


def provider_row(catalog: Catalog, provider: Provider, lang: str) -> str:
    models = provider.models
    count = str(len(models)) if models else inline(catalog.label("models_live", lang))
    context = short_tokens(max(model.context for model in models)) if models else "—"
    offered = [capability for capability in CAPABILITIES if any(model.can(capability) for model in models)]
    capabilities = " · ".join(inline(catalog.label("cap_" + cap.replace("-", "_"), lang)) for cap in offered) or "—"
    return (f"| {provider_link(provider, lang)} | {count} | {context} | {lowest_input(catalog, provider, lang)} "
            f"| {capabilities} |")


def providers_by_kind(catalog: Catalog, lang: str) -> list[tuple[str, list[Provider]]]:
    """Providers grouped by kind (in the catalog's kind order), by title within a group; empty kinds left out.
    The providers index, the navigation and the llms files all list providers in this order."""
    groups = []
    for kind in PROVIDER_KINDS:
        members = sorted((p for p in catalog.providers if p.kind == kind), key=lambda p: collation_key(p.title(lang)))
        if members:
            groups.append((kind, members))
    return groups


def render_providers_index(catalog: Catalog, lang: str) -> str:
    keys = ("col_provider", "col_models", "col_max_context", "col_lowest_input", "col_capabilities")
    header = "| " + " | ".join(inline(catalog.label(key, lang)) for key in keys) + " |\n| --- | --: | --: | --: | --- |"
    blocks = []
    for kind, providers in providers_by_kind(catalog, lang):
        key = kind.replace("-", "_")
        rows = "\n".join(provider_row(catalog, provider, lang) for provider in providers)
        blocks.append(f"## {inline(catalog.label('kind_' + key + '_plural', lang))}\n\n"
                      f"{inline(catalog.label('kind_' + key + '_about', lang))}\n\n{header}\n{rows}")
    return "\n\n".join(blocks)


def render_glossary(catalog: Catalog, lang: str) -> str:
    header = f"| {inline(catalog.label('col_term_en', lang))} | {inline(catalog.label('col_term_zh', lang))} " \
             f"| {inline(catalog.label('col_meaning', lang))} |\n| --- | --- | --- |"
    rows = [f'| <span id="{attr(term_anchor(term))}"></span>{inline(term.en)} | {inline(term.zh)} '
            f'| {inline(term.note(lang))} |' for term in catalog.glossary]
    # Search has an entry per term (docsite/searchlanguages.py); the table itself stays out of the
    # index, where the whole table in one entry matched any query sharing a word with a definition.
    return "\n".join(["<div data-search-exclude markdown>", "", header, *rows, "", "</div>"])


def term_anchor(term: Term) -> str:
    """The id of a term's glossary row, the same in both languages: term-context-window."""
    return "term-" + "-".join("".join(char if char.isalnum() else " " for char in term.en.lower()).split())


def render_stats(catalog: Catalog, lang: str) -> str:
    models = sum(len(provider.models) for provider in catalog.providers)
    return fill(catalog.label("stats", lang), {"providers": str(len(catalog.providers)), "models": str(models)})
