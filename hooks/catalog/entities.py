"""The validated catalog as frozen objects. Code past validation trusts these types."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Tier:
    up_to: Optional[int]
    input: float
    output: float
    cache_read: Optional[float]
    cache_write: Optional[float]


@dataclass(frozen=True)
class Price:
    """Per-token prices in `currency`, or a `plan` (free, subscription, unlisted, unknown) with no prices."""

    plan: str  # "per-token" when the prices below apply
    currency: Optional[str] = None
    input: Optional[float] = None
    output: Optional[float] = None
    cache_read: Optional[float] = None
    cache_write: Optional[float] = None
    tiers: tuple[Tier, ...] = ()
    source: Optional["Source"] = None  # a block taken from another page than the model's source


@dataclass(frozen=True)
class Vendor:
    id: str
    name: Text
    website: str


@dataclass(frozen=True)
class Source:
    """A page or upstream snapshot that facts were taken from; `date` is a snapshot's commit date."""

    id: str
    url: str
    title: Text
    date: Optional[datetime.date]


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    serves: str  # the canonical model id (`model:` in the data), shared by every provider's entry for it
    vendor: Vendor
    base_vendor: Optional[Vendor]
    endpoint: Optional[str]
    context: int
    max_output: int
    price: Price  # the first block: the currency the provider's main line bills in
    other_prices: tuple[Price, ...]  # further blocks, one per other currency billed (CNY for mainland China)
    capabilities: tuple[str, ...]
    status: str
    deprecated: Optional[datetime.date]
    retired: Optional[datetime.date]
    replacement: Optional[str]
    description: Optional[Text]
    upstream_id: Optional[str]
    source: Source
    verified: datetime.date
    line: int

    def can(self, capability: str) -> bool:
        return capability in self.capabilities

    @property
    def prices(self) -> tuple[Price, ...]:
        """Every price block, the main one first."""
        return (self.price, *self.other_prices)


@dataclass(frozen=True)
class Endpoint:
    id: str
    url: str
    region: str
    label: Optional[Text]
    console: Optional[str]
    api_key_url: Optional[str]


@dataclass(frozen=True)
class Link:
    title: Text
    url: str
    url_zh: Optional[str] = None  # the publisher's Chinese edition of the page, if any

    def url_for(self, lang: str) -> str:
        return self.url_zh if lang == "zh" and self.url_zh else self.url


@dataclass(frozen=True)
class Upstream:
    """Where the sync command finds this provider in machine-readable upstream catalogs."""

    models_dev: Optional[str]
    cline: Optional[str]
    endpoints: dict  # endpoint id -> Upstream, for the models of that endpoint

    def of(self, endpoint: Optional[str]) -> "Upstream":
        """The upstream ids that apply to a model of this endpoint."""
        return self.endpoints.get(endpoint, self)


@dataclass(frozen=True)
class ClineSettings:
    provider: str
    key_field: Optional[str]
    base_url_field: Optional[str]
    model_field: str
    settings: tuple[str, ...]
    env: tuple[str, ...]
    default_model: Optional[str]
    live_models: Optional[str]
    live_models_note: Optional[Text]


@dataclass(frozen=True)
class Provider:
    id: str
    file: str  # path from the repository root, e.g. data/providers/groq.yaml
    name: str
    local_name: Optional[Text]
    kind: str
    summary: Text
    website: str
    console_url: Optional[str]
    api_key_url: Optional[str]
    pricing_url: Optional[str]
    models_url: Optional[str]
    docs_url: Optional[str]
    endpoints: tuple[Endpoint, ...]
    openai_compatible: Optional[bool]
    cline: ClineSettings
    key_steps: tuple[Text, ...]
    setup_steps: tuple[Text, ...]
    links: tuple[Link, ...]
    tips: tuple[Text, ...]
    notes: tuple[Text, ...]
    upstream: Upstream
    sources: tuple[Source, ...]
    verified: datetime.date
    models: tuple[Model, ...]
    aliases: tuple[str, ...] = ()  # other names readers search for: 通义千问, DashScope

    def title(self, lang: str) -> str:
        return self.local_name(lang) if self.local_name else self.name

    def endpoint(self, endpoint_id: str) -> Endpoint:
        return next(endpoint for endpoint in self.endpoints if endpoint.id == endpoint_id)

    def listed(self, model_id: str, endpoint: Optional[str]) -> Optional[Model]:
        """The model listed under this id and endpoint, if any (each recorded change asks, on every page and feed)."""
        return self._by_id.get((model_id, endpoint))

    @functools.cached_property  # a frozen dataclass keeps a __dict__; not a field, so eq and repr ignore it
    def _by_id(self) -> dict:
        found: dict = {}
        for model in self.models:
            found.setdefault((model.id, model.endpoint), model)  # the first, as a search in order would find
        return found

    def models_checked(self) -> Optional[datetime.date]:
        """The oldest check among the models: the date the whole table can be trusted from."""
        return min((model.verified for model in self.models), default=None)


@dataclass(frozen=True)
class Guide:
    heading: Text
    key_steps: tuple[Text, ...]
    setup_steps: tuple[Text, ...]


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    note: Text
    # For the Chinese copy check only, not part of the export: words the site does not use for this
    # concept, and phrases where such a word is right (AWS 账户).
    avoid: tuple[str, ...] = field(default=(), compare=False)
    keep: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class FactChange:
    """One fact of a model before and after, as recorded in data/changes.yaml (None: no value)."""

    fact: str
    currency: Optional[str]
    before: Optional[str]
    after: Optional[str]


@dataclass(frozen=True)
class Change:
    """What happened to one model on one day (an entry of data/changes.yaml)."""

    date: datetime.date
    provider: Provider
    model_id: str
    endpoint: Optional[str]
    event: str  # added, changed, deprecated, retired, removed
    source: Source
    facts: tuple[FactChange, ...]

    def model(self) -> Optional[Model]:
        """The model as the catalog lists it now, if it still does."""
        return self.provider.listed(self.model_id, self.endpoint)


@dataclass(frozen=True)
class TaskProfile:
    """A typical Cline task: `requests` alike, each with these token counts (see data/task-profiles.yaml)."""

    id: str
    name: Text
    description: Text
    requests: int
    prompt_tokens: int  # sent per request, the cached part included
    cache_read_percent: int
    cache_write_tokens: int
    output_tokens: int
    basis: Text

    @property
    def cache_read_tokens(self) -> int:
        """Tokens of each prompt served from the cache (whole tokens, rounded down)."""
        return self.prompt_tokens * self.cache_read_percent // 100


@dataclass(frozen=True)
class Catalog:
    providers: tuple[Provider, ...]
    vendors: dict  # id -> Vendor
    labels: dict  # key -> Text
    glossary: tuple[Term, ...]
    guides: dict  # provider kind -> Guide
    task_profiles: tuple[TaskProfile, ...]
    default_profile: TaskProfile  # the one the provider pages' cost column prices
    changes: tuple[Change, ...] = ()  # newest first

    def provider(self, provider_id: str) -> Provider:
        """The provider of this id (KeyError for none): asked on every provider page, row and change."""
        return self._providers_by_id[provider_id]

    def has_provider(self, provider_id: str) -> bool:
        return provider_id in self._providers_by_id

    @functools.cached_property  # as Provider._by_id: not a field, so eq and repr ignore it
    def _providers_by_id(self) -> dict:
        return {provider.id: provider for provider in self.providers}

    def label(self, key: str, lang: str) -> str:
        return self.labels[key](lang)
