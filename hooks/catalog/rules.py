"""Rules that span several fields or files, run on the located tree after the field checks passed."""

from __future__ import annotations

import string

from .fields import Spot
from .problems import Problem

# Placeholders a setup guide may use, and the provider field each one needs.
PLACEHOLDERS = {
    "name": "name",
    "provider": "cline.provider",
    "key_field": "cline.key_field",
    "base_url_field": "cline.base_url_field",
    "model_field": "cline.model_field",
    "api_key_url": "api_key_url",
    "console_url": "console_url",
    "website": "website",
    "base_url": "endpoints",
    "default_model": "cline.default_model",
}

# What these rules check, by kind of data file, in the words the JSON Schemas show contributors.
VALIDATOR_ONLY = {
    "provider": (
        "a model's `max_output` is at most its `context`",
        "a `cache_read` price is at most the `input` price (also in each tier)",
        "price tiers are in increasing `up_to` order; only the last may leave `up_to` out",
        "a deprecated model has a `deprecated:` date; `deprecated` and `replacement` only on deprecated models",
        "a `replacement` is another model listed in this file, and not a deprecated one",
        "model ids are unique within the file (per endpoint)",
        "`vendor` and `base_vendor` are ids from data/vendors.yaml; `endpoint` is one of this file's `endpoints`",
        "`cline.default_model` is one of the listed models",
        "the setup guide of the provider's `kind` (data/guides.yaml) finds every field it needs",
        "the file name is the provider id: a-z, 0-9 and -",
        "whole numbers are written without a decimal point (131072, not 131072.0)",
    ),
    "labels": ("a label key is defined in one label file only",),
    "guides": ("steps use only the known {placeholders}: " + ", ".join("{%s}" % name for name in PLACEHOLDERS),),
}


def placeholders_in(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _spot(path: str, mapping, key, parent: str = "") -> Spot:
    return Spot(path, parent, *mapping.mark).at(key, mapping.marks[key]) if key in mapping else Spot(
        path, parent, *mapping.mark)


def _check_cache_read(price, spot: Spot) -> list[Problem]:
    # Reading a cached prompt is the discount; a higher cache-read price is a typo or a swapped column.
    if "cache_read" not in price or price["cache_read"] <= price["input"]:
        return []
    return [_spot(spot.path, price, "cache_read", spot.field).problem(
        f"cache-read price {price['cache_read']} is above the input price {price['input']}",
        "reading from the cache costs at most the input price")]


def check_price(price, spot: Spot) -> list[Problem]:
    """Per-token prices that contradict each other (the plan/per-token shape is checked by PRICE)."""
    if "plan" in price:
        return []
    problems = _check_cache_read(price, spot)
    tiers = price.get("tiers", [])
    for index, tier in enumerate(tiers):
        tier_spot = spot.at("tiers", price.marks["tiers"]).at(index, tiers.marks[index])
        problems += _check_cache_read(tier, tier_spot)
        if "up_to" not in tier and index != len(tiers) - 1:
            problems.append(tier_spot.problem("only the last tier may leave out `up_to`", "add `up_to: <tokens>`"))
        if index and "up_to" in tier and "up_to" in tiers[index - 1] and tier["up_to"] <= tiers[index - 1]["up_to"]:
            problems.append(tier_spot.problem("tiers must be in increasing `up_to` order", "smallest first"))
    return problems


def check_model(model, spot: Spot, vendors: dict, endpoints: dict) -> list[Problem]:
    problems = []
    if model["max_output"] > model["context"]:
        problems.append(_spot(spot.path, model, "max_output", spot.field).problem(
            f"max output {model['max_output']:,} is larger than the context window {model['context']:,}",
            "max_output ≤ context"))
    for key in ("vendor", "base_vendor"):
        if key in model and model[key] not in vendors:
            problems.append(_spot(spot.path, model, key, spot.field).problem(
                f"unknown vendor {model[key]!r}",
                "add it to data/vendors.yaml or use one of: " + ", ".join(sorted(vendors))))
    if "endpoint" in model and model["endpoint"] not in endpoints:
        problems.append(_spot(spot.path, model, "endpoint", spot.field).problem(
            f"unknown endpoint {model['endpoint']!r}",
            "one of this file's `endpoints`: " + ", ".join(endpoints) if endpoints else "declare `endpoints` first"))
    deprecated = model["status"] == "deprecated"
    if deprecated and "deprecated" not in model:
        problems.append(_spot(spot.path, model, "status", spot.field).problem(
            "a deprecated model needs the date it is retired",
            "add `deprecated: YYYY-MM-DD` and, where there is one, `replacement: <model id>`"))
    for key in ("deprecated", "replacement"):
        if key in model and not deprecated:
            problems.append(_spot(spot.path, model, key, spot.field).problem(
                f"`{key}` only applies to deprecated models", "set `status: deprecated` or remove it"))
    return problems + check_price(model["price"], _spot(spot.path, model, "price", spot.field))


def check_replacement(model, spot: Spot, models) -> list[Problem]:
    """A replacement is another model of the same file, and not one that is on its way out too."""
    target = model.get("replacement")
    if target is None:
        return []
    status = {entry["id"]: entry["status"] for entry in models}
    if target == model["id"]:
        return [spot.problem("a model cannot replace itself", "name the model readers should move to")]
    if target not in status:
        return [spot.problem(f"replacement {target!r} is not a model of this provider",
                             "use an id listed in this file's `models`, or leave `replacement` out")]
    if status[target] == "deprecated":
        return [spot.problem(f"replacement {target!r} is deprecated too",
                             "name the model readers should end up on")]
    return []


def check_models(provider, path: str, vendors: dict) -> list[Problem]:
    models, problems, seen = provider["models"], [], {}
    endpoints = provider.get("endpoints", {})
    ids = {model["id"] for model in models}
    for index, model in enumerate(models):
        spot = Spot(path, "models", *models.mark).at(index, models.marks[index])
        key = (model["id"], model.get("endpoint"))
        if key in seen:
            problems.append(_spot(path, model, "id", spot.field).problem(
                f"model id {model['id']!r} is listed twice (first at line {seen[key]})", "keep one entry per id"))
        seen.setdefault(key, models.marks[index][0])
        problems += check_model(model, spot, vendors, endpoints)
        problems += check_replacement(model, _spot(path, model, "replacement", spot.field), models)
    default = provider["cline"].get("default_model")
    if models and default and default not in ids:
        problems.append(_spot(path, provider["cline"], "default_model", "cline").problem(
            f"default model {default!r} is not in `models`", "use one of the ids listed in `models`"))
    return problems


def provider_value(provider, dotted: str):
    """The value behind a placeholder's field path, or None when the provider leaves it out."""
    node = provider
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_guide_fields(provider, path: str, guides: dict) -> list[Problem]:
    guide = guides.get(provider["kind"])
    if guide is None:
        return [_spot(path, provider, "kind").problem(f"no setup guide for kind {provider['kind']!r}",
                                                      "add it to data/guides.yaml")]
    problems = []
    for part in ("key_steps", "setup_steps"):
        if part in provider:
            continue
        needed = set().union(*(placeholders_in(step[lang]) for step in guide[part] for lang in ("en", "zh")))
        for name in sorted(needed):
            if provider_value(provider, PLACEHOLDERS[name]) in (None, {}, []):
                problems.append(_spot(path, provider, "kind").problem(
                    f"the {provider['kind']} setup guide needs `{PLACEHOLDERS[name]}`",
                    f"add `{PLACEHOLDERS[name]}` or write your own `{part}`"))
    return problems


def check_guides(guides, path: str) -> list[Problem]:
    problems = []
    for kind, guide in guides.items():
        for part in ("key_steps", "setup_steps"):
            for index, step in enumerate(guide[part]):
                # One problem per step, even when both languages use the same unknown placeholder.
                unknown = (placeholders_in(step["en"]) | placeholders_in(step["zh"])) - PLACEHOLDERS.keys()
                if unknown:
                    spot = Spot(path, kind, *guides.marks[kind]).at(part, guide.marks[part]).at(
                        index, guide[part].marks[index])
                    problems.append(spot.problem(f"unknown placeholder {{{sorted(unknown)[0]}}}",
                                                 "one of: " + ", ".join("{%s}" % name for name in PLACEHOLDERS)))
    return problems
