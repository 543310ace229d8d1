"""A provider's drift: models changed, added and withdrawn upstream, found through its `upstream:` mapping."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional

from catalog.fields import as_date

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
    # Models whose numbers come from a source newer than the snapshot (a provider's own page, checked after
    # the snapshot was taken): (our model id, endpoint, source key, as-of date, findings left unapplied).
    explained: list = field(default_factory=list)
    upstream_ids: dict = field(default_factory=dict)  # snapshot key -> the one upstream provider id, or None
    left_out: list = field(default_factory=list)  # (upstream id, reason): listed upstream, left out on purpose

    @property
    def found(self) -> bool:
        return bool(self.changes or self.withdrawn or self.added)


@dataclass(frozen=True)
class Upstreams:
    """The snapshots consulted and the vendor lookup for new models."""

    models_dev: Snapshot
    cline: Snapshot
    vendors: dict  # upstream lab, namespace or family prefix -> our vendor id


@dataclass(frozen=True)
class Line:
    """One endpoint's upstream ids (endpoint None: the provider's own ids, for models without an own line)."""

    endpoint: Optional[str]
    models_dev: Optional[str]
    cline: Optional[str]


def lines(tree: dict) -> dict:
    """{endpoint id or None: Line} from `upstream:` and its `endpoints:`; an endpoint inherits what it omits."""
    upstream = tree["upstream"]
    default_endpoint = None
    # New models on the provider's own line name an endpoint only where the file's models do (a provider
    # whose models serve every endpoint, such as Moonshot's, lists each model once, without one).
    if len(tree.get("endpoints") or {}) > 1 and any("endpoint" in model for model in tree.get("models") or ()):
        default_endpoint = next((key for key in tree["endpoints"] if key not in (upstream.get("endpoints") or {})),
                                None)
    found = {None: Line(default_endpoint, upstream.get("models_dev"), upstream.get("cline"))}
    for endpoint, ids in (upstream.get("endpoints") or {}).items():
        found[endpoint] = Line(endpoint, ids.get("models_dev") or upstream.get("models_dev"),
                               ids.get("cline") or upstream.get("cline"))
    return found


class MappingError(Exception):
    """A provider's `upstream:` names a provider that the snapshot does not have."""


def _check_mapping(shown: str, by_endpoint: dict, sources: Upstreams) -> None:
    for line in by_endpoint.values():
        for snapshot, name, provider_id in ((sources.models_dev, "models_dev", line.models_dev),
                                            (sources.cline, "cline", line.cline)):
            if provider_id and provider_id not in snapshot.providers:
                where = f"upstream.endpoints.{line.endpoint}" if line.endpoint in by_endpoint else "upstream"
                raise MappingError(f"{shown}: {where}.{name}: {provider_id!r} is not a provider in the "
                                   f"{snapshot.label} snapshot of {snapshot.date}; use its provider id there")


def resolve_vendor(model: UpstreamModel, vendors: dict) -> Optional[str]:
    """Our vendor for an upstream model: its lab, then its id's namespace, then the longest family prefix."""
    for name in (model.lab, model.namespace):
        if name and name.lower() in vendors:
            return vendors[name.lower()]
    family = (model.family or "").lower()
    prefixes = sorted((prefix for prefix in vendors if family.startswith(prefix)), key=len, reverse=True)
    return vendors[prefixes[0]] if family and prefixes else None


def as_of(model: dict, tree: dict) -> tuple[Optional[str], Optional[datetime.date]]:
    """The source a person named for this model's numbers, and the day they hold for (a snapshot's own date,
    or for a live page the day they were compared with it); (None, None) when the model names none itself."""
    key = model.get("source")
    if key is None:
        return None, None
    taken = (tree.get("sources") or {}).get(key, {}).get("date")
    return key, as_date(taken if taken is not None else model["verified"])


def _check_model(drift: ProviderDrift, model: dict, line: Line, sources: Upstreams, tree: dict) -> None:
    upstream_id = model.get("upstream_id") or model["id"]
    key, day = as_of(model, tree)
    consulted = ((sources.models_dev, line.models_dev), (sources.cline, line.cline))
    for snapshot, provider_id in consulted:
        found = snapshot.models(provider_id).get(upstream_id)
        if found:
            mainland = is_mainland(provider_id)
            changes = compare(model, found, snapshot, mainland)
            if changes and day and day > snapshot.date and not mainland:  # read from a newer source: report only
                drift.explained.append((model["id"], model.get("endpoint"), key, day, len(changes)))
                return
            drift.changes += changes
            if not mainland:  # a yuan price was not compared: its source and date stay as a person set them
                drift.compared[model["id"], model.get("endpoint")] = snapshot
            return
    dates = [snapshot.date for snapshot, provider_id in consulted if snapshot.providers.get(provider_id)]
    if dates and model.get("status") != "retired":
        if day and day > max(dates):
            drift.explained.append((model["id"], model.get("endpoint"), key, day, 1))
            return
        drift.withdrawn.append(Withdrawal(model["id"], model.get("endpoint"), upstream_id, min(dates)))


def _addition(upstream_id: str, offered: UpstreamModel, line: Line, sources: Upstreams) -> Addition:
    """Numbers from models.dev where the line's models.dev provider lists the model, else Cline's."""
    found = sources.models_dev.models(line.models_dev).get(upstream_id)
    model, snapshot, provider_id = (found, sources.models_dev, line.models_dev) if found else \
        (offered, sources.cline, line.cline)
    vendor = resolve_vendor(model, sources.vendors)
    skipped = None
    if not (model.context and model.max_output):
        skipped = "upstream states no context window or output limit"
    elif model.max_output > model.context:
        skipped = "upstream's output limit is larger than its context window"
    elif vendor is None:
        skipped = f"no vendor in data/vendors.yaml lists `upstream:` {model.lab or model.namespace or model.family!r}"
    return Addition(model, snapshot, line.endpoint, is_mainland(provider_id), vendor, skipped)


def provider_drift(provider_id: str, shown: str, tree: dict, sources: Upstreams) -> Optional[ProviderDrift]:
    """The drift of one provider file, or None when it has no `upstream:` mapping."""
    if not isinstance(tree.get("upstream"), dict):
        return None
    by_endpoint = lines(tree)
    _check_mapping(shown, by_endpoint, sources)
    drift = ProviderDrift(provider_id, shown, upstream_ids={
        sources.models_dev.key: by_endpoint[None].models_dev if len(by_endpoint) == 1 else None,
        sources.cline.key: by_endpoint[None].cline if len(by_endpoint) == 1 else None})
    models = tree.get("models") or []
    left_out = tree["upstream"].get("left_out") or {}
    for model in models:
        _check_model(drift, model, by_endpoint.get(model.get("endpoint"), by_endpoint[None]), sources, tree)
    # An empty list means the page lists no models on purpose (Cline reads the provider's list live): nothing to add
    for line in by_endpoint.values() if models else ():
        on_line = [model for model in models if by_endpoint.get(model.get("endpoint"), by_endpoint[None]) is line]
        known = {name for model in on_line for name in (model["id"], model.get("upstream_id"))}
        for upstream_id, offered in sources.cline.models(line.cline).items():
            if upstream_id not in known and offered.text_io and offered.status != "retired":
                if upstream_id in left_out:
                    drift.left_out.append((upstream_id, left_out[upstream_id]))
                    continue
                addition = _addition(upstream_id, offered, line, sources)
                if addition.model.status != "retired":
                    drift.added.append(addition)
    return drift
