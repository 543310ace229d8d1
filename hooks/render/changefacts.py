"""The facts of a recorded change as plain text in one language; each destination escapes it (text.py)."""

from __future__ import annotations

from catalog.entities import Catalog, Change, FactChange

from .text import money, short_tokens, tokens


def _tiers(catalog: Catalog, text: str, currency: str, lang: str) -> str:
    """`200000:3/15 *:6/22.5` as `up to 200K: $3 / $15, above 200K: $6 / $22.50`."""
    shown, previous = [], None
    for tier in text.split():
        bound, _, amounts = tier.partition(":")
        low, _, high = amounts.partition("/")
        if bound == "*":
            name = catalog.label("price_above", lang).format(tokens=short_tokens(int(previous or 0)))
        else:
            name = catalog.label("price_up_to", lang).format(tokens=short_tokens(int(bound)))
        previous = bound
        shown.append(catalog.label("changes_tier", lang).format(
            tier=name, input=money(float(low), currency), output=money(float(high), currency)))
    return catalog.label("list_separator", lang).join(shown)


def value(catalog: Catalog, fact: FactChange, text: str | None, lang: str) -> str:
    """One recorded value as a reader sees it: prices with their sign, counts with separators, names translated."""
    if text is None:
        return catalog.label("changes_no_value", lang)
    if fact.fact == "capabilities":
        return catalog.label("list_separator", lang).join(
            catalog.label("cap_" + item.replace("-", "_"), lang) for item in text.split())
    if fact.fact in ("status", "plan"):
        return catalog.label(f"{fact.fact}_{text}", lang)
    if fact.fact == "vendor" and text in catalog.vendors:
        return catalog.vendors[text].name(lang)
    if fact.fact in ("context", "max_output"):
        return tokens(int(text))
    if fact.fact == "tiers":
        return _tiers(catalog, text, fact.currency, lang)
    if fact.currency:
        return money(float(text), fact.currency)
    return text


def describe(catalog: Catalog, fact: FactChange, lang: str, added: bool = False) -> str:
    """`input price $0.59 → $0.65`; for a new model only its value: `context window 131,072`."""
    name = catalog.label("diff_field_" + fact.fact, lang)
    if added:
        return f"{name} {value(catalog, fact, fact.after, lang)}"
    return f"{name} {value(catalog, fact, fact.before, lang)} → {value(catalog, fact, fact.after, lang)}"


def summary(catalog: Catalog, change: Change, lang: str) -> str:
    """All facts of one entry, separated as the language separates list items."""
    return catalog.label("changes_fact_separator", lang).join(describe(catalog, fact, lang, change.event == "added")
                                                                   for fact in change.facts)


def event(catalog: Catalog, change: Change, lang: str) -> str:
    """The event's name, with the date for a retirement or deprecation the catalog records."""
    name = catalog.label("changes_event_" + change.event, lang)
    model = change.model()
    day = (model.retired if change.event == "retired" else model.deprecated) if model else None
    if day is None or change.event not in ("retired", "deprecated"):
        return name
    return catalog.label("changes_event_dated", lang).format(event=name, date=day.isoformat())
