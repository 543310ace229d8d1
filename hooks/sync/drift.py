"""A provider's drift: models changed, added and withdrawn upstream, found through its `upstream:` mapping."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional

from .compare import compare
from .upstream import Snapshot, UpstreamModel, is_mainland


@dataclass(frozen=True)
class Addition:
    """A model Cline offers for the provider that the file lacks, with the numbers to add it with."""

    model: UpstreamModel
    snapshot: Snapshot
    endpoint: Optional[str]
    mainland: bool
    vendor: Optional[str]
    skipped: Optional[str] = None  # why it cannot be added by the sync (then a person adds it)


@dataclass(frozen=True)
class Withdrawal:
    """A model that no consulted upstream lists any more."""

    model_id: str
    endpoint: Optional[str]
    upstream_id: str
    date: datetime.date


@dataclass
class ProviderDrift:
    provider: str
    file: str
    changes: list = field(default_factory=list)
    added: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    compared: dict = field(default_factory=dict)  # (our model id, endpoint) -> the snapshot it was compared with
    upstream_ids: dict = field(default_factory=dict)  # snapshot key -> the one upstream provider id, or None

    @property
    def found(self) -> bool:
        return bool(self.changes or self.withdrawn or self.added)


@dataclass(frozen=True)
class Upstreams:
    """The snapshots consulted and the vendor lookup for new models."""

    models_dev: Snapshot
    cline: Snapshot
    vendors: dict  # upstream lab, namespace or family prefix -> our vendor id


def _models_dev_ids(upstream: dict) -> dict:
    """{endpoint id: models.dev provider id} from `models_dev_by_endpoint`, with `models_dev` under None."""
    ids = dict(upstream.get("models_dev_by_endpoint") or {})
    if upstream.get("models_dev"):
        ids[None] = upstream["models_dev"]
    return ids


def _models_dev_id(ids: dict, endpoint: Optional[str]) -> Optional[str]:
    """The models.dev provider of one model: its endpoint's, else the provider-wide one, else the first."""
    if endpoint in ids:
        return ids[endpoint]
    return ids.get(None) or next(iter(ids.values()), None)


def resolve_vendor(model: UpstreamModel, vendors: dict) -> Optional[str]:
    """Our vendor for an upstream model: its lab, then its id's namespace, then the longest family prefix."""
    for name in (model.lab, model.namespace):
        if name and name.lower() in vendors:
            return vendors[name.lower()]
    family = (model.family or "").lower()
    prefixes = sorted((prefix for prefix in vendors if family.startswith(prefix)), key=len, reverse=True)
    return vendors[prefixes[0]] if family and prefixes else None


def _check_model(drift: ProviderDrift, model: dict, ids: dict, cline_id, sources: Upstreams) -> None:
    upstream_id = model.get("upstream_id") or model["id"]
    md_id = _models_dev_id(ids, model.get("endpoint"))
    for snapshot, provider_id in ((sources.models_dev, md_id), (sources.cline, cline_id)):
        found = snapshot.models(provider_id).get(upstream_id)
        if found:
            mainland = is_mainland(provider_id)
            drift.changes += compare(model, found, snapshot, mainland)
            if not mainland:  # a yuan price was not compared: its source and date stay as a person set them
                drift.compared[model["id"], model.get("endpoint")] = snapshot
            return
    consulted = [snapshot.date for snapshot, provider_id in ((sources.models_dev, md_id), (sources.cline, cline_id))
                 if provider_id and snapshot.providers.get(provider_id)]
    if consulted and model.get("status") != "retired":
        drift.withdrawn.append(Withdrawal(model["id"], model.get("endpoint"), upstream_id, min(consulted)))


def _addition(upstream_id: str, offered: UpstreamModel, ids: dict, cline_id: str, sources: Upstreams) -> Addition:
    """Numbers from models.dev where it lists the model (the first mapped endpoint that does), else Cline's."""
    for endpoint, md_id in ids.items():
        found = sources.models_dev.models(md_id).get(upstream_id)
        if found:
            model, snapshot, provider_id = found, sources.models_dev, md_id
            break
    else:
        endpoint, model, snapshot, provider_id = next(iter(ids), None), offered, sources.cline, cline_id
    vendor = resolve_vendor(model, sources.vendors)
    skipped = None
    if not (model.context and model.max_output):
        skipped = "upstream states no context window or output limit"
    elif vendor is None:
        skipped = f"no vendor in data/vendors.yaml lists `upstream:` {model.lab or model.namespace or model.family!r}"
    return Addition(model, snapshot, endpoint, is_mainland(provider_id), vendor, skipped)


def provider_drift(provider_id: str, shown: str, tree: dict, sources: Upstreams) -> Optional[ProviderDrift]:
    """The drift of one provider file, or None when it has no `upstream:` mapping."""
    upstream = tree.get("upstream")
    if not isinstance(upstream, dict):
        return None
    ids, cline_id = _models_dev_ids(upstream), upstream.get("cline")
    single = set(ids.values())
    drift = ProviderDrift(provider_id, shown, upstream_ids={sources.models_dev.key: single.pop() if len(single) == 1
                                                            else None, sources.cline.key: cline_id})
    models = tree.get("models") or []
    for model in models:
        _check_model(drift, model, ids, cline_id, sources)
    known = {(name, model.get("endpoint")) for model in models for name in (model["id"], model.get("upstream_id"))}
    for upstream_id, offered in sources.cline.models(cline_id).items():
        if offered.text_input and offered.status != "retired":
            addition = _addition(upstream_id, offered, ids, cline_id, sources)
            listed = {(upstream_id, addition.endpoint), (upstream_id, None)} & known
            if not listed and addition.model.status != "retired":
                drift.added.append(addition)
    return drift
