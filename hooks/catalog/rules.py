"""Rules that span several fields or files, run on the located tree after the field checks passed."""

from __future__ import annotations


from .changelog import RULES as CHANGE_RULES
from .fields import Spot, as_date, today
from .problems import Problem
from .task_rules import RULES as TASK_PROFILE_RULES
from .templates import GUIDE_PLACEHOLDERS

# What these rules check, by kind of data file, in the words the JSON Schemas show contributors.
VALIDATOR_ONLY = {
    "provider": (
        "a model's `max_output` is at most its `context`",
        "a `cache_read` price is at most the `input` price (also in each tier)",
        "price tiers are in increasing `up_to` order; only the last may leave `up_to` out",
        "a deprecated model has a `deprecated:` date, a retired one a `retired:` date; `replacement` only on "
        "deprecated or retired models",
        "a `replacement` is another model listed in this file, and not a deprecated or retired one",
        "a list of price blocks has one block per currency and no `plan` block",
        "`upstream.endpoints` names endpoints of this file",
        "`models_source` and each model's `source` are keys of `sources`; a model's `verified` date is not "
        "before the date of the snapshot it names",
        "model ids are unique within the file (per endpoint)",
        "`vendor` and `base_vendor` are ids from data/vendors.yaml; `endpoint` is one of this file's `endpoints`",
        "`cline.default_model` is one of the listed models",
        "either every model names its `endpoint` or none does",
        "every entry of one `model` has the same `vendor`, in every provider file; two `model` ids may not differ "
        "only in `.` against `-` (gpt-5.5, gpt-5-5): they share a page address",
        "the setup guide of the provider's `kind` (data/guides.yaml) finds every field it needs",
        "the provider's own `key_steps` and `setup_steps` use only the setup guides' {placeholders}, and the "
        "fields those need are set",
        "the file name is the provider id: a-z, 0-9 and -",
        "whole numbers are written without a decimal point (131072, not 131072.0)",
        "an `input` price is never 0 (a model that costs nothing is `plan: free`); no price is written -0.0",
        "a `verified` date is not in the future",
    ),
    "labels": ("a label key is defined in one label file only",
               "every label the site uses is defined, in the file named in hooks/catalog/templates.py",
               "a label uses only the {placeholders} it receives (most receive none); other braces are text"),
    "changes": CHANGE_RULES,
    "task-profiles": TASK_PROFILE_RULES,
    "guides": ("steps use only the known {placeholders}: " + ", ".join("{%s}" % name for name in GUIDE_PLACEHOLDERS),
               "a heading uses no {placeholders}"),
}


def field_spot(path: str, mapping, key, parent: str = "") -> Spot:
    """Where a field of a located mapping sits; the mapping itself when the field is absent."""
    return Spot(path, parent, *mapping.mark).at(key, mapping.marks[key]) if key in mapping else Spot(
        path, parent, *mapping.mark)


def _check_cache_read(price, spot: Spot) -> list[Problem]:
    # Reading a cached prompt is the discount; a higher cache-read price is a typo or a swapped column.
    if "cache_read" not in price or price["cache_read"] <= price["input"]:
        return []
    return [field_spot(spot.path, price, "cache_read", spot.field).problem(
        f"cache-read price {price['cache_read']} is above the input price {price['input']}",
        "reading from the cache costs at most the input price")]


def _check_input(price, spot: Spot) -> list[Problem]:
    # A model that costs nothing is `plan: free`; an input price of 0 is a missing number.
    if price["input"] != 0:
        return []
    return [field_spot(spot.path, price, "input", spot.field).problem(
        "input price is 0", "write the real price, or `price: {plan: free}` for a model that costs nothing")]


def check_price(price, spot: Spot) -> list[Problem]:
    """Per-token prices that contradict each other (the plan/per-token shape is checked by PRICE)."""
    if "plan" in price:
        return []
    problems = _check_cache_read(price, spot) + _check_input(price, spot)
    tiers = price.get("tiers", [])
    for index, tier in enumerate(tiers):
        tier_spot = spot.at("tiers", price.marks["tiers"]).at(index, tiers.marks[index])
        problems += _check_cache_read(tier, tier_spot) + _check_input(tier, tier_spot)
        if "up_to" not in tier and index != len(tiers) - 1:
            problems.append(tier_spot.problem("only the last tier may leave out `up_to`", "add `up_to: <tokens>`"))
        if index and "up_to" in tier and "up_to" in tiers[index - 1] and tier["up_to"] <= tiers[index - 1]["up_to"]:
            problems.append(tier_spot.problem("tiers must be in increasing `up_to` order", "smallest first"))
    return problems


def check_model(model, spot: Spot, vendors: dict, endpoints: dict) -> list[Problem]:
    problems = []
    if model["max_output"] > model["context"]:
        problems.append(field_spot(spot.path, model, "max_output", spot.field).problem(
            f"max output {model['max_output']:,} is larger than the context window {model['context']:,}",
            "max_output ≤ context"))
    for key in ("vendor", "base_vendor"):
        if key in model and model[key] not in vendors:
            problems.append(field_spot(spot.path, model, key, spot.field).problem(
                f"unknown vendor {model[key]!r}",
                "add it to data/vendors.yaml or use one of: " + ", ".join(sorted(vendors))))
    if "endpoint" in model and model["endpoint"] not in endpoints:
        problems.append(field_spot(spot.path, model, "endpoint", spot.field).problem(
            f"unknown endpoint {model['endpoint']!r}",
            "one of this file's `endpoints`: " + ", ".join(endpoints) if endpoints else "declare `endpoints` first"))
    problems += _check_status(model, spot)
    return problems + check_prices(model["price"], field_spot(spot.path, model, "price", spot.field))


# Which date field each status that needs one requires, and what the date means.
STATUS_DATES = {"deprecated": "deprecated", "retired": "retired"}
STATUS_DATE_MEANING = {"deprecated": "the date it is retired", "retired": "the date it was withdrawn"}


def _check_status(model, spot: Spot) -> list[Problem]:
    """A deprecated or retired model says when; dates and replacements only on such models."""
    problems, status = [], model["status"]
    needed = STATUS_DATES.get(status)
    if needed and needed not in model:
        problems.append(field_spot(spot.path, model, "status", spot.field).problem(
            f"a {status} model needs {STATUS_DATE_MEANING[status]}",
            f"add `{needed}: YYYY-MM-DD` and, where there is one, `replacement: <model id>`"))
    for key in STATUS_DATES.values():
        if key in model and key != needed:
            problems.append(field_spot(spot.path, model, key, spot.field).problem(
                f"`{key}` only applies to {key} models", f"set `status: {key}` or remove it"))
    if "replacement" in model and not needed:
        problems.append(field_spot(spot.path, model, "replacement", spot.field).problem(
            "`replacement` only applies to deprecated or retired models", "set the status or remove it"))
    return problems


def check_prices(value, spot: Spot) -> list[Problem]:
    """One price block, or several with one currency each; a plan stands alone."""
    if not isinstance(value, list):
        return check_price(value, spot)
    problems, seen = [], set()
    for index, block in enumerate(value):
        block_spot = spot.at(index, value.marks[index])
        if "plan" in block:
            problems.append(block_spot.problem("a `plan` price cannot be one of several blocks",
                                               "write `price: {plan: …}` on its own"))
        elif block["currency"] in seen:
            problems.append(block_spot.problem(f"a second {block['currency']} block",
                                               "one block per currency; use `tiers` for prices by prompt size"))
        else:
            seen.add(block["currency"])
            problems += check_price(block, block_spot)
    return problems


def check_sources(provider, path: str) -> list[Problem]:
    """Models and the provider name sources that exist, and are not checked before a snapshot was taken."""
    sources, problems = provider["sources"], []
    default = provider["models_source"]
    if default not in sources:
        problems.append(field_spot(path, provider, "models_source").problem(
            f"{default!r} is not a key of `sources`", "one of: " + ", ".join(sources)))
    upstream = provider.get("upstream", {}).get("endpoints", {})
    for endpoint in upstream:
        if endpoint not in provider.get("endpoints", {}):
            problems.append(Spot(path, "upstream", *provider["upstream"].mark).at("endpoints", upstream.mark).at(
                endpoint, upstream.marks[endpoint]).problem(f"unknown endpoint {endpoint!r}",
                                                            "one of this file's `endpoints`"))
    models = provider["models"]
    for index, model in enumerate(models):
        spot = Spot(path, "models", *models.mark).at(index, models.marks[index])
        key = model.get("source", default)
        if key not in sources:
            if "source" in model:
                problems.append(field_spot(path, model, "source", spot.field).problem(
                    f"{key!r} is not a key of `sources`", "one of: " + ", ".join(sources)))
            continue
        blocks = model["price"] if isinstance(model["price"], list) else [model["price"]]
        for block in blocks:
            if "source" in block and block["source"] not in sources:
                problems.append(Spot(path, spot.field, *block.mark).at("source", block.marks["source"]).problem(
                    f"{block['source']!r} is not a key of `sources`", "one of: " + ", ".join(sources)))
        taken = sources[key].get("date")
        if taken is not None and as_date(model["verified"]) < as_date(taken):
            problems.append(field_spot(path, model, "verified", spot.field).problem(
                f"checked on {model['verified']}, before the snapshot {key!r} of {taken} existed",
                "the day you compared the numbers with that snapshot"))
    return problems


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
    if status[target] in STATUS_DATES:
        return [spot.problem(f"replacement {target!r} is {status[target]} too",
                             "name the model readers should end up on")]
    return []


def check_verified(provider, path: str) -> list[Problem]:
    """A check date in the future is a typo (or a promise): `verified` is when facts were checked."""
    problems, last = [], today()
    records = [(provider, "")] + [(model, f"models[{index}]") for index, model in enumerate(provider["models"])]
    for record, field in records:
        if "verified" in record and as_date(record["verified"]) > last:
            problems.append(field_spot(path, record, "verified", field).problem(
                f"{as_date(record['verified']).isoformat()} is in the future",
                f"the day you checked the facts, today ({last.isoformat()}) at the latest"))
    return problems


def check_models(provider, path: str, vendors: dict) -> list[Problem]:
    models, problems, seen = provider["models"], [], {}
    endpoints = provider.get("endpoints", {})
    ids = {model["id"] for model in models}
    for index, model in enumerate(models):
        spot = Spot(path, "models", *models.mark).at(index, models.marks[index])
        key = (model["id"], model.get("endpoint"))
        if key in seen:
            problems.append(field_spot(path, model, "id", spot.field).problem(
                f"model id {model['id']!r} is listed twice (first at line {seen[key]})", "keep one entry per id"))
        seen.setdefault(key, models.marks[index][0])
        problems += check_model(model, spot, vendors, endpoints)
        problems += check_replacement(model, field_spot(path, model, "replacement", spot.field), models)
    problems += _check_endpoints_named(models, path)
    problems += check_verified(provider, path)
    default = provider["cline"].get("default_model")
    if models and default and default not in ids:
        problems.append(field_spot(path, provider["cline"], "default_model", "cline").problem(
            f"default model {default!r} is not in `models`", "use one of the ids listed in `models`"))
    return problems


def _check_endpoints_named(models, path: str) -> list[Problem]:
    """Either every model names its endpoint or none does: the page groups models by endpoint, and a model
    without one would fall out of every group."""
    named = [model for model in models if "endpoint" in model]
    if not named or len(named) == len(models):
        return []
    index = next(index for index, model in enumerate(models) if "endpoint" not in model)
    spot = Spot(path, "models", *models.mark).at(index, models.marks[index])
    return [spot.problem("names no `endpoint`, while other models of this file do",
                         f"add `endpoint: {named[0]['endpoint']}` (or whichever serves it), or remove "
                         "`endpoint` from every model")]

def model_slug(model: str) -> str:
    """The page name of a canonical model id: dots become dashes (a dot would read as a language suffix)."""
    return model.replace(".", "-")


def check_served_models(trees: list) -> list[Problem]:
    """Across files: one vendor per canonical model, and no two canonical ids with the same page address."""
    first, slugs, problems = {}, {}, []
    for tree, path in trees:
        for index, model in enumerate(tree["models"]):
            spot = field_spot(path, model, "model", Spot(path, "models", *tree["models"].mark).at(
                index, tree["models"].marks[index]).field)
            served, vendor = model["model"], model["vendor"]
            where = f"{path}:{model.marks['model'][0]}"
            seen = first.setdefault(served, (vendor, where))
            if seen[0] != vendor:
                problems.append(spot.problem(
                    f"model {served!r} is made by {vendor!r} here but by {seen[0]!r} at {seen[1]}",
                    "use the same `vendor` for every entry of one model, or another `model` id if the weights differ"))
            other = slugs.setdefault(model_slug(served), (served, where))
            if other[0] != served:
                problems.append(spot.problem(f"model {served!r} and {other[0]!r} (at {other[1]}) share a page address",
                                             f"write the same id as at {other[1]}"))
    return problems
