"""Turn validated data trees into the frozen catalog objects."""

from __future__ import annotations

from .entities import (Catalog, ClineSettings, Endpoint, Guide, Link, Model, Price, Provider, Source,
                       TaskProfile, Term, Text, Tier, Upstream, Vendor)
from .fields import as_date


def text(value) -> Text | None:
    return Text(en=value["en"], zh=value["zh"]) if value is not None else None


def texts(values) -> tuple[Text, ...]:
    return tuple(text(value) for value in values or ())


def price(value, sources: dict | None = None) -> Price:
    if "plan" in value:
        return Price(plan=value["plan"])
    source = sources[value["source"]] if "source" in value else None
    tiers = tuple(Tier(tier.get("up_to"), tier["input"], tier["output"], tier.get("cache_read"),
                       tier.get("cache_write")) for tier in value.get("tiers", ()))
    return Price("per-token", value["currency"], value["input"], value["output"], value.get("cache_read"),
                 value.get("cache_write"), tiers, source)


def optional_date(value, key: str):
    return as_date(value[key]) if key in value else None


def model(value, vendors: dict, sources: dict, default_source: str) -> Model:
    blocks = value["price"] if isinstance(value["price"], list) else [value["price"]]
    return Model(
        id=value["id"], name=value["name"], serves=value["model"], vendor=vendors[value["vendor"]],
        base_vendor=vendors[value["base_vendor"]] if "base_vendor" in value else None, endpoint=value.get("endpoint"),
        context=value["context"], max_output=value["max_output"], price=price(blocks[0], sources),
        other_prices=tuple(price(block, sources) for block in blocks[1:]),
        capabilities=tuple(value["capabilities"]), status=value["status"],
        deprecated=optional_date(value, "deprecated"), retired=optional_date(value, "retired"),
        replacement=value.get("replacement"), description=text(value.get("description")),
        upstream_id=value.get("upstream_id"), source=sources[value.get("source", default_source)],
        verified=as_date(value["verified"]), line=value.mark[0],
    )


def upstream(value) -> Upstream:
    endpoints = {key: upstream(item) for key, item in value.get("endpoints", {}).items()}
    return Upstream(value.get("models_dev"), value.get("cline"), endpoints)


def cline(value) -> ClineSettings:
    return ClineSettings(
        provider=value["provider"], key_field=value.get("key_field"), base_url_field=value.get("base_url_field"),
        model_field=value["model_field"], settings=tuple(value.get("settings", ())), env=tuple(value.get("env", ())),
        default_model=value.get("default_model"), live_models=value.get("live_models"),
        live_models_note=text(value.get("live_models_note")),
    )


def provider(provider_id: str, file: str, value, vendors: dict) -> Provider:
    sources = {key: Source(key, item["url"], text(item["title"]), optional_date(item, "date"))
               for key, item in value["sources"].items()}
    endpoints = tuple(Endpoint(key, item["url"], item["region"], text(item.get("label")), item.get("console"),
                               item.get("api_key_url")) for key, item in value.get("endpoints", {}).items())
    return Provider(
        id=provider_id, file=file, name=value["name"], local_name=text(value.get("local_name")),
        aliases=tuple(value.get("aliases", ())),
        kind=value["kind"], summary=text(value["summary"]), website=value["website"],
        console_url=value.get("console_url"), api_key_url=value.get("api_key_url"),
        pricing_url=value.get("pricing_url"), models_url=value.get("models_url"), docs_url=value.get("docs_url"),
        endpoints=endpoints, openai_compatible=value.get("openai_compatible"), cline=cline(value["cline"]),
        key_steps=texts(value.get("key_steps")), setup_steps=texts(value.get("setup_steps")),
        links=tuple(Link(text(item["title"]), item["url"], item.get("url_zh")) for item in value.get("links", ())),
        tips=texts(value.get("tips")), notes=texts(value.get("notes")), upstream=upstream(value.get("upstream", {})),
        sources=tuple(sources.values()), verified=as_date(value["verified"]),
        models=tuple(model(item, vendors, sources, value["models_source"]) for item in value["models"]),
    )


def vendors(value) -> dict:
    return {key: Vendor(key, text(item["name"]), item["website"]) for key, item in value.items()}


def task_profile(value) -> TaskProfile:
    return TaskProfile(value["id"], text(value["name"]), text(value["description"]), value["requests"],
                       value["prompt_tokens"], value["cache_read_percent"], value["cache_write_tokens"],
                       value["output_tokens"], text(value["basis"]))


def catalog(providers: list, vendor_map: dict, labels, glossary, guides, task_profiles,
            changes: tuple = ()) -> Catalog:
    profiles = tuple(task_profile(item) for item in task_profiles["profiles"])
    return Catalog(
        providers=tuple(providers),
        vendors=vendor_map,
        labels={key: text(item) for key, item in labels.items()},
        glossary=tuple(Term(item["en"], item["zh"], text(item["note"]), tuple(item.get("avoid", ())),
                           tuple(item.get("keep", ()))) for item in glossary),
        guides={kind: Guide(text(item["heading"]), texts(item["key_steps"]), texts(item["setup_steps"]))
                for kind, item in guides.items()},
        task_profiles=profiles,
        default_profile=next(item for item in profiles if item.id == task_profiles["default"]),
        changes=changes,
    )
