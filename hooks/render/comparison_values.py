"""Raw values behind the comparison's sorting and filtering (see comparison_columns.py).

Prices are plain digits per million tokens, empty when unknown, so the script sorts numbers as
numbers; `search_text` is what the free-text filter matches, in both languages.
"""

from __future__ import annotations

from catalog.entities import Model, Price, Provider

STATUS_ORDER = ("active", "preview", "deprecated", "retired")


def number(value: float | None) -> str:
    """A price for a data attribute: plain digits the script can parse, empty when unknown."""
    return "" if value is None else repr(float(value))


def base_price(price: Price):
    """The amounts a price sorts and filters by: a tiered price's first tier, shown first and paid for the
    smallest prompts (the top-level amounts of a tiered price may be another tier's)."""
    return price.tiers[0] if price.tiers else price


def price_values(price: Price) -> dict:
    """Raw sort values of the four price columns; free is 0, a plan without prices is unknown (empty)."""
    if price.plan == "free":
        return {"input": "0", "output": "0", "cache-read": "", "cache-write": ""}
    base = base_price(price)
    return {"input": number(base.input), "output": number(base.output),
            "cache-read": number(base.cache_read), "cache-write": number(base.cache_write)}


def words(*names: str) -> str:
    """Names as the free-text filter matches them: case-folded, each once."""
    return " ".join(dict.fromkeys(name.casefold() for name in names))


def provider_terms(provider: Provider) -> str:
    """A provider's words for the free-text filter, in both languages so a reader may type either."""
    return words(provider.id, provider.title("en"), provider.title("zh"))


def vendor_terms(vendor) -> str:
    return words(vendor.name("en"), vendor.name("zh"))


def model_terms(model: Model) -> str:
    """A model's own words; its provider's and vendor's are listed once in the data, not on every row."""
    names = [model.id, model.name]
    if model.base_vendor:
        names += [model.base_vendor.name("en"), model.base_vendor.name("zh")]
    return words(*names)
