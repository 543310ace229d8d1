"""Field-by-field comparison of one of our model entries with the upstream model it names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .upstream import Snapshot, UpstreamModel

CAPABILITY_ORDER = ("vision", "prompt-cache", "reasoning", "tools")  # the order the data files write them in
PRICE_FIELDS = ("input", "output", "cache_read", "cache_write")
CACHE_FIELDS = ("cache_read", "cache_write")


@dataclass(frozen=True)
class Change:
    """One fact that differs: `field` is e.g. `context`, `price.input`, `status`; values in catalog form."""

    model_id: str
    endpoint: Optional[str]  # the same id may be listed once per endpoint
    upstream_id: str
    field: str
    old: Any
    new: Any
    snapshot: Snapshot
    replacement: Optional[str] = None  # for a status change to retired, where upstream names a successor


def usd_block(price) -> Optional[dict]:
    """Our price block in dollars (a mapping, or the USD item of a list of blocks), or a `plan` block."""
    blocks = price if isinstance(price, list) else [price]
    for block in blocks:
        if isinstance(block, dict) and (block.get("currency") == "USD" or "plan" in block):
            return block
    return None


def _cache_free(band: dict) -> dict:
    """A price band without zero cache prices: upstreams write no cache price and 0 alike."""
    return {key: value for key, value in band.items() if not (key in CACHE_FIELDS and not value)}


def _price_changes(ours, theirs: dict) -> list[tuple[str, Any, Any]]:
    block = usd_block(ours)
    if block is None or block.get("plan") in ("free", "subscription"):
        return []  # a yuan-only price, or a plan the upstreams do not describe
    if "plan" in block:
        return [("price", block["plan"], theirs)]
    # Under tiers on both sides the tiers are the prices; our top-level amounts may repeat any tier's.
    both_tiered = bool(block.get("tiers") and theirs.get("tiers"))
    found = [(f"price.{key}", block.get(key), theirs.get(key)) for key in PRICE_FIELDS
             if not both_tiered and (block.get(key) or None) != (theirs.get(key) or None)]
    our_tiers = [_cache_free(dict(tier)) for tier in block.get("tiers") or []]
    their_tiers = [_cache_free(tier) for tier in theirs.get("tiers") or []]
    if our_tiers != their_tiers:
        found.append(("price.tiers", our_tiers or None, their_tiers or None))
    return found


def status_change(ours: str, theirs: str) -> bool:
    """Whether upstream says more than we do: a model it flags as preview, or one it retired.

    An upstream without a flag is no evidence that a preview became generally available, and ours stands when
    it is `deprecated` (a date upstream does not know) or `retired` (upstream catalogs lag behind)."""
    if ours == "retired" or theirs == "active":
        return False
    return ours != theirs and (ours != "deprecated" or theirs == "retired")


def compare(model: dict, upstream: UpstreamModel, snapshot: Snapshot, mainland: bool) -> list[Change]:
    """Every field of `model` that `upstream` states differently; prices only where upstream bills in USD."""
    found: list[tuple[str, Any, Any]] = []
    for field, theirs in (("context", upstream.context), ("max_output", upstream.max_output)):
        if theirs and model.get(field) != theirs:
            found.append((field, model.get(field), theirs))
    ours_caps = [item for item in CAPABILITY_ORDER if item in (model.get("capabilities") or [])]
    theirs_caps = [item for item in CAPABILITY_ORDER if item in upstream.capabilities]
    if ours_caps != theirs_caps:
        found.append(("capabilities", ours_caps, theirs_caps))
    if status_change(model.get("status", "active"), upstream.status):
        found.append(("status", model.get("status", "active"), upstream.status))
    if upstream.price and not mainland:
        found += _price_changes(model.get("price"), upstream.price)
    replacement = upstream.replacement if upstream.status == "retired" else None
    return [Change(model["id"], model.get("endpoint"), upstream.id, field, old, new, snapshot, replacement)
            for field, old, new in found]
