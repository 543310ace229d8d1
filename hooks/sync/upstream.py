"""What an upstream snapshot says about a model, in the catalog's own units and names."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional

# models.dev lists these mainland-China providers in USD converted from yuan: the figures are not the
# price a mainland customer pays, so they are never compared with or written into our prices.
MAINLAND_IDS = frozenset({"alibaba-cn", "zhipuai", "moonshotai-cn", "minimax-cn"})


class UpstreamError(Exception):
    """A snapshot that cannot be read; the message names the file and what was expected."""


@dataclass(frozen=True)
class UpstreamModel:
    """One model of one upstream provider: limits, USD prices per million tokens, capabilities, status."""

    id: str
    name: str
    context: Optional[int]
    max_output: Optional[int]
    price: Optional[dict]  # {input, output[, cache_read, cache_write, tiers]} or None when not published
    capabilities: frozenset
    status: str  # active | preview | retired
    family: Optional[str] = None
    lab: Optional[str] = None  # the lab folder of a models.dev base_model, e.g. "openai"
    text_io: bool = True  # reads and writes text: a model to code with, not speech, image or video only
    replacement: Optional[str] = None
    base_model: Optional[str] = None  # models.dev's `base_model`, e.g. "openai/gpt-oss-120b": the weights served

    @property
    def namespace(self) -> Optional[str]:
        """The part of the id before the first slash (`openai` in `openai/gpt-oss-120b`)."""
        return self.id.split("/", 1)[0] if "/" in self.id else None


@dataclass(frozen=True)
class Snapshot:
    """One upstream at one point in time: key into a provider's `sources`, where and when it was taken."""

    key: str  # e.g. `models-dev`, the key under a provider's `sources`
    label: str  # e.g. `models.dev`, in reports
    title: dict  # {en, zh} for the `sources` entry
    url: str  # may hold `{provider}`: the upstream provider's own page or folder in the snapshot
    date: datetime.date
    providers: dict = field(default_factory=dict)  # upstream provider id -> {model id -> UpstreamModel}

    def url_for(self, provider_id: Optional[str]) -> str:
        """The snapshot's address for one upstream provider (the whole snapshot when several are mapped)."""
        if "{provider}" not in self.url:
            return self.url
        return self.url.format(provider=provider_id) if provider_id else self.url.split("{provider}")[0].rstrip("/")

    def models(self, provider_id: Optional[str]) -> dict:
        """The models of one upstream provider ({} when unmapped or unknown)."""
        return self.providers.get(provider_id, {}) if provider_id else {}


def text_io(modalities) -> bool:
    """Text in and text out, where the upstream lists modalities at all."""
    modalities = modalities or {}
    return all("text" in modalities.get(side, ["text"]) for side in ("input", "output"))


def number(value):
    """An int when the value is whole (the data files write `1`, not `1.0`), else a rounded float."""
    if value is None:
        return None
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def is_mainland(provider_id: Optional[str]) -> bool:
    """Whether an upstream provider id is a mainland-China line priced by conversion from yuan."""
    return bool(provider_id) and (provider_id in MAINLAND_IDS or provider_id.endswith("-cn"))
