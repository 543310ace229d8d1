"""Write a provider's drift into its round-trip YAML tree. Editorial fields are never touched."""

from __future__ import annotations

import datetime

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .compare import CAPABILITY_ORDER, usd_block
from .drift import Addition, ProviderDrift
from .identity import canonical_id
from .upstream import Snapshot
from .yamlio import flow_map, flow_seq


def _set(mapping: CommentedMap, key: str, value, after: str | None = None) -> None:
    """Set a key in place; a new key goes right after `after` when given, else at the end."""
    if key in mapping or after not in mapping:
        mapping[key] = value
    else:
        mapping.insert(list(mapping).index(after) + 1, key, value)


def _price_value(price: dict):
    """A price in the files' layout: one flow mapping, tiers as a list of flow mappings."""
    block = flow_map({"currency": "USD"} | {key: value for key, value in price.items() if key != "tiers"})
    if price.get("tiers"):
        _set_tiers(block, price["tiers"])
    return block


def _set_tiers(block: CommentedMap, tiers: list) -> None:
    """Tiers one per line under a block-style price, as the data files write them."""
    block.fa.set_block_style()
    block["tiers"] = CommentedSeq(flow_map(tier) for tier in tiers)


def _set_price(model: CommentedMap, field: str, new) -> None:
    block, key = usd_block(model["price"]), field.partition(".")[2]
    if not key:  # a plan (`unknown`, `unlisted`: it always stands alone) becomes the upstream's dollar price
        model["price"] = _price_value(new)
        return
    if new is None:
        block.pop(key, None)
    elif key == "tiers":
        _set_tiers(block, new)
    else:
        _set(block, key, new, after={"cache_write": "cache_read", "cache_read": "output"}.get(key))


def _set_status(model: CommentedMap, new: str, date: datetime.date, replacement: str | None, ids: set) -> None:
    model["status"] = new
    if new == "retired":
        model.pop("deprecated", None)  # the retirement date replaces the planned one
        _set(model, "retired", date, after="status")
        if replacement in ids:
            _set(model, "replacement", replacement, after="retired")
    else:
        model.pop("retired", None)


def _new_model(addition: Addition, today: datetime.date) -> CommentedMap:
    """A model entry as the files write one. A yuan-priced line gives no dollar price to copy, and an upstream
    without a price says nothing about one: both are `plan: unknown` until someone reads the price page."""
    upstream = addition.model
    entry = CommentedMap(id=upstream.id, name=upstream.name, model=canonical_id(upstream.id, upstream.base_model),
                         vendor=addition.vendor)
    if addition.endpoint:
        entry["endpoint"] = addition.endpoint
    entry.update(context=upstream.context, max_output=upstream.max_output)
    usable = upstream.price and not addition.mainland
    entry["price"] = _price_value(upstream.price) if usable else flow_map({"plan": "unknown"})
    entry["capabilities"] = flow_seq(item for item in CAPABILITY_ORDER if item in upstream.capabilities)
    entry.update(status=upstream.status, source=addition.snapshot.key, verified=today)
    return entry


def _record_sources(tree: CommentedMap, snapshots: list[Snapshot], upstream_ids: dict) -> None:
    """Name each snapshot used under `sources`, keyed as the models' `source:` refer to it."""
    sources = tree.get("sources")
    if not isinstance(sources, dict):
        raise ValueError("`sources` must be a mapping keyed by a short id to record an upstream snapshot")
    for snapshot in snapshots:
        entry = sources.get(snapshot.key)
        if not isinstance(entry, dict):
            entry = sources[snapshot.key] = CommentedMap(title=flow_map(dict(snapshot.title)))
            entry.insert(0, "url", "")
        entry["url"] = snapshot.url_for(upstream_ids.get(snapshot.key))
        _set(entry, "date", snapshot.date)


def apply(tree: CommentedMap, drift: ProviderDrift, today: datetime.date) -> None:
    """Changed fields, retirements, provenance of every compared model, new models appended."""
    models = {(model["id"], model.get("endpoint")): model for model in tree["models"]}
    ids = {model_id for model_id, _ in models}
    for change in drift.changes:
        model = models[change.model_id, change.endpoint]
        if change.field.startswith("price"):
            _set_price(model, change.field, change.new)
        elif change.field == "status":
            _set_status(model, change.new, change.snapshot.date, change.replacement, ids)
        else:
            model[change.field] = flow_seq(change.new) if change.field == "capabilities" else change.new
    for withdrawal in drift.withdrawn:
        _set_status(models[withdrawal.model_id, withdrawal.endpoint], "retired", withdrawal.date, None, ids)
    for key, snapshot in drift.compared.items():
        model = models[key]
        if "source" not in model and "verified" in model:
            model.insert(list(model).index("verified"), "source", snapshot.key)  # provenance reads source, date
        model["source"] = snapshot.key
        model["verified"] = today
    added = [addition for addition in drift.added if not addition.skipped]
    for addition in added:
        tree["models"].append(_new_model(addition, today))
    used = {id(snapshot): snapshot for snapshot in list(drift.compared.values()) + [a.snapshot for a in added]}
    _record_sources(tree, list(used.values()), drift.upstream_ids)
