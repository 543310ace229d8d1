"""What a task costs on a model: the one function that pages, tables and the export all use.

Pure arithmetic over catalog objects. A profile's requests are alike, so a task costs `requests` times
one request. Each request is billed the way providers bill it: its prompt size picks the price tier;
tokens read from the cache pay the cache-read price, tokens written to it the cache-write price, the
rest of the prompt the input price, the answer the output price. A block without a cache price bills
those tokens as plain input (the provider does not cache them, or charges nothing extra to). Prices
are per million tokens, in the block's currency; nothing is converted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from catalog.entities import Model, Price, TaskProfile

PER = 1_000_000
PRICED = "priced"
TOO_LARGE = "too-large"  # the prompt and its answer do not fit the model's context window


@dataclass(frozen=True)
class Rates:
    """The four per-million prices one request pays, after tier choice and cache fallbacks."""

    input: float
    output: float
    cache_read: float
    cache_write: float


@dataclass(frozen=True)
class TaskCost:
    """One profile priced under one price block: an amount, or the reason there is none."""

    kind: str  # PRICED, TOO_LARGE, or the block's plan: free, subscription, unlisted, unknown
    currency: Optional[str] = None
    amount: Optional[float] = None
    tier: Optional[int] = None  # index of the price tier applied, for a block with tiers


def tier_index(price: Price, prompt_tokens: int) -> Optional[int]:
    """The tier a prompt of this size is billed in: the first whose `up_to` holds it, else the last."""
    if not price.tiers:
        return None
    fitting = (index for index, tier in enumerate(price.tiers) if tier.up_to is None or prompt_tokens <= tier.up_to)
    return next(fitting, len(price.tiers) - 1)


def rates(price: Price, prompt_tokens: int) -> Rates:
    """The prices a request of this prompt size pays; a missing cache price falls back to input."""
    index = tier_index(price, prompt_tokens)
    source = price if index is None else price.tiers[index]
    read = source.cache_read if source.cache_read is not None else source.input
    write = source.cache_write if source.cache_write is not None else source.input
    return Rates(source.input, source.output, read, write)


def request_cost(rates: Rates, profile: TaskProfile) -> float:
    """One request of the profile at these rates, in the rates' currency."""
    read, written = profile.cache_read_tokens, profile.cache_write_tokens
    fresh = profile.prompt_tokens - read - written
    return (fresh * rates.input + read * rates.cache_read + written * rates.cache_write
            + profile.output_tokens * rates.output) / PER


def fits(model: Model, profile: TaskProfile) -> bool:
    """Whether a request's prompt and answer fit the model's context window together."""
    return profile.prompt_tokens + profile.output_tokens <= model.context


def block_cost(price: Price, profile: TaskProfile) -> TaskCost:
    """The whole task under one price block."""
    if price.plan != "per-token":
        return TaskCost(price.plan)
    amount = profile.requests * request_cost(rates(price, profile.prompt_tokens), profile)
    return TaskCost(PRICED, price.currency, amount, tier_index(price, profile.prompt_tokens))


def task_costs(model: Model, profile: TaskProfile) -> tuple[TaskCost, ...]:
    """The task on this model, one cost per price block (USD, CNY), or one TOO_LARGE when it cannot run."""
    # Kept on the (frozen, never changing) model, by profile: its provider table, the comparison's sort
    # value and cells in each language and the export all ask (five times per model and profile a build).
    known = model.__dict__.setdefault("_task_costs", {})
    if profile not in known:
        known[profile] = _task_costs(model, profile)
    return known[profile]


def _task_costs(model: Model, profile: TaskProfile) -> tuple[TaskCost, ...]:
    if not fits(model, profile):
        return (TaskCost(TOO_LARGE),)
    return tuple(block_cost(price, profile) for price in model.prices)
