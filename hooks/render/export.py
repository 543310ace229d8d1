"""The catalog as JSON-ready data for tools and AI assistants: api/catalog.v1.json.

Pure functions from the frozen catalog to dicts and lists. Every field of every entity is written,
absent values as null, so the shape never depends on the data; texts carry both languages. The
published JSON Schema (schemas/catalog-export.schema.json) describes exactly this shape; bump
FORMAT_VERSION's minor number for added fields, and the file name's v1 for anything that breaks readers.
"""

from __future__ import annotations

import datetime
from typing import Callable

from catalog.entities import Catalog, ClineSettings, Endpoint, Model, Price, Provider, TaskProfile, Text, Upstream
from catalog.specs import CAPABILITIES, PLANS, PROVIDER_KINDS, STATUSES

from .model_page import largest_context, lowest_inputs
from .cost import TaskCost, task_costs
from .models import comparison_anchor, model_anchor
from .served import Served, served_models

FORMAT_VERSION = "1.4"  # 1.2: `aliases`; 1.3: `model` and `served_models`; 1.4: `task_profiles`, `task_costs`
LANGS = ("en", "zh")

# page_url(lang, path inside the language's site, e.g. "providers/groq/") -> absolute URL
PageUrl = Callable[[str, str], str]


def text(value: Text | None) -> dict | None:
    return {"en": value.en, "zh": value.zh} if value is not None else None


def texts(values: tuple[Text, ...]) -> list[dict]:
    return [text(value) for value in values]


def day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def price(value: Price) -> dict:
    tiers = [{"up_to": tier.up_to, "input": tier.input, "output": tier.output, "cache_read": tier.cache_read,
              "cache_write": tier.cache_write} for tier in value.tiers]
    return {"plan": value.plan, "currency": value.currency, "input": value.input, "output": value.output,
            "cache_read": value.cache_read, "cache_write": value.cache_write, "tiers": tiers,
            "source_id": value.source.id if value.source else None}


def endpoint(value: Endpoint) -> dict:
    return {"id": value.id, "url": value.url, "region": value.region, "label": text(value.label),
            "console": value.console, "api_key_url": value.api_key_url}


def cline(value: ClineSettings) -> dict:
    return {"provider": value.provider, "key_field": value.key_field, "base_url_field": value.base_url_field,
            "model_field": value.model_field, "settings": list(value.settings), "env": list(value.env),
            "default_model": value.default_model, "live_models": value.live_models,
            "live_models_note": text(value.live_models_note)}


def upstream(value: Upstream) -> dict:
    return {"models_dev": value.models_dev, "cline": value.cline,
            "endpoints": {key: upstream(item) for key, item in value.endpoints.items()}}


def localized_urls(page_url: PageUrl, path: str) -> dict:
    return {lang: page_url(lang, path) for lang in LANGS}


def provider(value: Provider, page_url: PageUrl) -> dict:
    """A provider without its models, which are listed once, at the top level, naming their provider."""
    return {
        "id": value.id, "file": value.file, "name": value.name, "local_name": text(value.local_name),
        "aliases": list(value.aliases), "kind": value.kind, "summary": text(value.summary), "website": value.website,
        "console_url": value.console_url, "api_key_url": value.api_key_url, "pricing_url": value.pricing_url,
        "models_url": value.models_url, "docs_url": value.docs_url,
        "endpoints": [endpoint(item) for item in value.endpoints], "openai_compatible": value.openai_compatible,
        "cline": cline(value.cline), "key_steps": texts(value.key_steps), "setup_steps": texts(value.setup_steps),
        "links": [{"title": text(link.title), "url": link.url, "url_zh": link.url_zh} for link in value.links],
        "tips": texts(value.tips), "notes": texts(value.notes),
        "upstream": upstream(value.upstream),
        "sources": [{"id": source.id, "url": source.url, "title": source.title.en, "titles": text(source.title),
                     "date": day(source.date)} for source in value.sources],
        "verified": day(value.verified), "page": localized_urls(page_url, f"providers/{value.id}/"),
    }


def task_profile(value: TaskProfile) -> dict:
    return {"id": value.id, "name": text(value.name), "description": text(value.description),
            "requests": value.requests, "prompt_tokens": value.prompt_tokens,
            "cache_read_percent": value.cache_read_percent, "cache_read_tokens": value.cache_read_tokens,
            "cache_write_tokens": value.cache_write_tokens, "output_tokens": value.output_tokens,
            "basis": text(value.basis)}


def task_cost(value: TaskCost) -> dict:
    # Rounded to a millionth of the currency unit: the float sums carry noise below that.
    amount = round(value.amount, 6) if value.amount is not None else None
    return {"kind": value.kind, "currency": value.currency, "amount": amount, "tier": value.tier}


def model_task_costs(catalog: Catalog, value: Model) -> dict:
    """Every profile's cost on the model, by profile id: one entry per price block, in its currency."""
    return {profile.id: [task_cost(item) for item in task_costs(value, profile)] for profile in catalog.task_profiles}


def model(owner: Provider, value: Model, page_url: PageUrl, catalog: Catalog) -> dict:
    page = f"providers/{owner.id}/#{model_anchor(owner, value)}"
    return {
        "provider": owner.id, "id": value.id, "name": value.name, "model": value.serves, "vendor": value.vendor.id,
        "base_vendor": value.base_vendor.id if value.base_vendor else None, "endpoint": value.endpoint,
        "context": value.context, "max_output": value.max_output, "price": price(value.price),
        "prices": [price(block) for block in value.prices],
        "capabilities": list(value.capabilities), "status": value.status, "deprecated": day(value.deprecated),
        "retired": day(value.retired), "replacement": value.replacement, "description": text(value.description),
        "upstream_id": value.upstream_id, "source": value.source.url, "source_id": value.source.id,
        "verified": day(value.verified), "page": localized_urls(page_url, page),
        "comparison": localized_urls(page_url, f"compare/#{comparison_anchor(owner, value)}"),
        "task_costs": model_task_costs(catalog, value),
    }


def served(value: Served, page_url: PageUrl) -> dict:
    """One model as readers name it: every provider entry that serves it, and its page where it has one."""
    page = localized_urls(page_url, f"models/{value.slug}/") if value.has_page else None
    return {"id": value.id, "name": value.name, "vendor": value.vendor.id, "page": page,
            "providers": [provider.id for provider in value.providers],
            "entries": [{"provider": provider.id, "id": model.id, "endpoint": model.endpoint}
                        for provider, model in value.entries],
            "largest_context": largest_context(value) or None,
            "lowest_input": [{"currency": currency, "input": amount}
                             for currency, amount in lowest_inputs(value).items()]}


def vocabulary(catalog: Catalog) -> dict:
    """The site's names for each enumerated value, so a tool can show them in either language."""
    def names(prefix: str, values) -> dict:
        return {value: text(catalog.labels[prefix + value.replace("-", "_")]) for value in values}
    return {"kinds": names("kind_", PROVIDER_KINDS), "capabilities": names("cap_", CAPABILITIES),
            "statuses": names("status_", STATUSES), "plans": names("plan_", PLANS)}


def catalog_document(catalog: Catalog, page_url: PageUrl, schema_url: str, generated: datetime.date) -> dict:
    """The whole export: format version, vendors, providers, models, the models they serve, guides and glossary."""
    return {
        "$schema": schema_url,
        "format_version": FORMAT_VERSION,
        "generated": generated.isoformat(),
        "languages": list(LANGS),
        "vocabulary": vocabulary(catalog),
        "vendors": [{"id": vendor.id, "name": text(vendor.name), "website": vendor.website}
                    for vendor in sorted(catalog.vendors.values(), key=lambda vendor: vendor.id)],
        "providers": [provider(item, page_url) for item in catalog.providers],
        "models": [model(item, entry, page_url, catalog) for item in catalog.providers for entry in item.models],
        "served_models": [served(item, page_url) for item in sorted(served_models(catalog).values(),
                                                                     key=lambda item: item.id)],
        "task_profiles": {"default": catalog.default_profile.id,
                          "profiles": [task_profile(item) for item in catalog.task_profiles]},
        "guides": {kind: {"heading": text(guide.heading), "key_steps": texts(guide.key_steps),
                          "setup_steps": texts(guide.setup_steps)} for kind, guide in catalog.guides.items()},
        "glossary": [{"en": term.en, "zh": term.zh, "note": text(term.note)} for term in catalog.glossary],
    }
