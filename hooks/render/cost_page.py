"""The task-cost page's catalog sections: the profiles, and worked examples on a provider's model, one in
dollars (its default model) and one in yuan (a model it bills in CNY)."""

from __future__ import annotations

from catalog.entities import Catalog, Model, Price, Provider, TaskProfile

from .cost import rates, request_cost
from .cost_text import cost_cell
from .text import code, cost, fill, inline, money, tokens


class ExampleError(ValueError):
    """A worked example cannot be rendered from the model the marker points at."""


def profile_row(catalog: Catalog, profile: TaskProfile, lang: str) -> str:
    read = fill(catalog.label("share_tokens", lang), {"percent": str(profile.cache_read_percent),
                                                       "tokens": tokens(profile.cache_read_tokens)})
    cells = [f"**{inline(profile.name(lang))}**<br>{inline(profile.description(lang))}", tokens(profile.requests),
             tokens(profile.prompt_tokens), read, tokens(profile.cache_write_tokens), tokens(profile.output_tokens),
             inline(profile.basis(lang))]
    return "| " + " | ".join(cells) + " |"


def render_profiles(catalog: Catalog, lang: str) -> str:
    """Every task profile with its counts per request and what they rest on."""
    keys = ("col_profile", "col_requests", "col_prompt_tokens", "col_cache_read_share", "col_cache_write_tokens",
            "col_output_tokens", "col_basis")
    header = "| " + " | ".join(inline(catalog.label(key, lang)) for key in keys) + " |"
    align = "| " + " | ".join(["---"] + ["--:"] * 5 + ["---"]) + " |"
    return "\n".join([header, align, *(profile_row(catalog, profile, lang) for profile in catalog.task_profiles)])


def _bucket_rows(catalog: Catalog, price: Price, profile: TaskProfile, lang: str) -> list[str]:
    """One row per kind of token a request is billed for: count, price per million, amount."""
    applied = rates(price, profile.prompt_tokens)
    fresh = profile.prompt_tokens - profile.cache_read_tokens - profile.cache_write_tokens
    buckets = (("bucket_fresh", fresh, applied.input), ("bucket_cache_read", profile.cache_read_tokens,
                                                         applied.cache_read),
               ("bucket_cache_write", profile.cache_write_tokens, applied.cache_write),
               ("bucket_output", profile.output_tokens, applied.output))
    return [f"| {inline(catalog.label(key, lang))} | {tokens(count)} | {money(rate, price.currency)} | "
            f"{money(count * rate / 1_000_000, price.currency)} |" for key, count, rate in buckets]


def _example_model(provider: Provider) -> Model:
    model = next((item for item in provider.models if item.id == provider.cline.default_model), None)
    if model is None or model.price.plan != "per-token":
        raise ExampleError(f"the worked example needs a provider whose default model has a per-token price; "
                           f"{provider.id}'s has none")
    return model


def _yuan_model(provider: Provider) -> tuple[Model, Price]:
    """The provider's default model if it bills in yuan, else its first live model that does, and that block."""
    live = [model for model in provider.models if model.status not in ("retired", "deprecated")]
    ordered = sorted(live, key=lambda model: model.id != provider.cline.default_model)
    for model in ordered:
        block = next((price for price in model.prices if price.plan == "per-token" and price.currency == "CNY"), None)
        if block is not None:
            return model, block
    raise ExampleError(f"the worked example in yuan needs a live model of {provider.id} with a per-token CNY "
                       f"price (a `currency: CNY` block); it has none")


def render_example(catalog: Catalog, provider: Provider, lang: str) -> str:
    """The default profile on the provider's default model, bucket by bucket, then every profile's total."""
    model = _example_model(provider)
    return _worked(catalog, provider, model, model.price, lang)


def render_yuan_example(catalog: Catalog, provider: Provider, lang: str) -> str:
    """The same worked example under a price block in yuan, taken from the catalog like the dollar one."""
    model, price = _yuan_model(provider)
    return _worked(catalog, provider, model, price, lang)


def _worked(catalog: Catalog, provider: Provider, model: Model, price: Price, lang: str) -> str:
    """One price block of a model, bucket by bucket for the default profile, then every profile's total."""
    profile = catalog.default_profile
    intro = fill(catalog.label("example_model", lang), {"profile": inline(profile.name(lang)), "model": code(model.id),
                                                        "provider": inline(provider.title(lang)),
                                                        "currency": inline(price.currency)})
    keys = ("col_bucket", "col_tokens", "col_rate", "col_amount")
    header = "| " + " | ".join(inline(catalog.label(key, lang)) for key in keys) + " |"
    per_request = request_cost(rates(price, profile.prompt_tokens), profile)
    total = fill(catalog.label("example_total", lang), {
        "request": money(round(per_request, 6), price.currency), "requests": tokens(profile.requests),
        "total": cost(profile.requests * per_request, price.currency)})
    table = "\n".join([header, "| --- | --: | --: | --: |", *_bucket_rows(catalog, price, profile, lang)])
    return "\n\n".join([intro, table, total, _all_profiles(catalog, model, lang)])


def _all_profiles(catalog: Catalog, model: Model, lang: str) -> str:
    template = catalog.label("example_profile_line", lang)
    lines = ["- " + fill(template, {"profile": inline(profile.name(lang)), "cost": cost_cell(catalog, model, profile,
                                                                                             lang)})
             for profile in catalog.task_profiles]
    return inline(catalog.label("example_all_profiles", lang)) + "\n\n" + "\n".join(lines)
