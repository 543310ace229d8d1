"""Read models.dev: a checkout (providers/ and models/ TOML trees) or its built api.json."""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path

from .upstream import UpstreamError, UpstreamModel, number, text_io

# models.dev's `deprecated` means "no longer served by the provider's public API": our `retired`.
STATUSES = {None: "active", "alpha": "preview", "beta": "preview", "deprecated": "retired"}
PRICE_KEYS = ("input", "output", "cache_read", "cache_write")


def read(path: Path) -> dict:
    """Every provider's models, {provider id: {model id: UpstreamModel}}, from a directory or api.json."""
    if path.is_dir():
        return _read_tree(path)
    try:
        built = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UpstreamError(f"{path}: not a models.dev checkout or api.json ({error})") from error
    if not isinstance(built, dict) or not all(isinstance(item, dict) for item in built.values()):
        raise UpstreamError(f"{path}: expected models.dev's api.json, an object of providers by id")
    return {provider_id: {model_id: model(model_id, raw) for model_id, raw in (item.get("models") or {}).items()}
            for provider_id, item in built.items()}


def _toml(path: Path, shown: str) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UpstreamError(f"{shown}: cannot read this TOML file ({error})") from error


def _read_tree(root: Path) -> dict:
    """A checkout: models/<lab>/<id>.toml hold shared facts that provider files inherit via base_model."""
    if not (root / "providers").is_dir():
        raise UpstreamError(f"{root}: no providers/ folder; give a models.dev checkout or its api.json")
    providers = {}
    for folder in sorted(path for path in (root / "providers").iterdir() if (path / "models").is_dir()):
        providers[folder.name] = {}
        for file in sorted(path for path in (folder / "models").rglob("*.toml") if path.is_file()):
            # is_file() follows links: models.dev links some files to another provider's, a few dangling
            model_id = file.relative_to(folder / "models").as_posix()[: -len(".toml")]
            raw = _resolve(_toml(file, file.relative_to(root).as_posix()), root, file)
            providers[folder.name][model_id] = model(model_id, raw)
    return providers


def _merge(base: dict, overrides: dict) -> dict:
    """Deep merge as models.dev does: tables merge key by key, anything else is replaced."""
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) \
            else value
    return merged


def _resolve(raw: dict, root: Path, file: Path) -> dict:
    """Apply `base_model = "lab/model"` (models/lab/model.toml) and `base_model_omit` dot paths."""
    base_id = raw.get("base_model")
    if not base_id:
        return raw
    base_file = root / "models" / f"{base_id}.toml"
    if not base_file.is_file():
        raise UpstreamError(f"{file.relative_to(root).as_posix()}: base_model {base_id!r} has no models/{base_id}.toml")
    base = {key: value for key, value in _toml(base_file, f"models/{base_id}.toml").items()
            if key not in ("benchmarks", "license", "links", "weights")}
    merged = _merge(base, {key: value for key, value in raw.items() if key not in ("base_model", "base_model_omit")})
    for dotted in raw.get("base_model_omit") or []:
        *parents, last = dotted.split(".")
        table = merged
        for part in parents:
            table = table.get(part) if isinstance(table, dict) else None
        if isinstance(table, dict):
            table.pop(last, None)
    merged["lab"] = base_id.split("/", 1)[0]
    merged["base_model"] = base_id
    return merged


def price(cost) -> dict | None:
    """USD per million tokens in the catalog's shape; tiers above a prompt size become `up_to` tiers."""
    if not isinstance(cost, dict) or not (cost.get("input") or cost.get("output")):
        return None  # no published price: models.dev writes nothing or zeros
    base = {key: number(cost[key]) for key in PRICE_KEYS if cost.get(key)}
    base.setdefault("input", 0)
    base.setdefault("output", 0)
    upper = [(tier["tier"]["size"], tier) for tier in cost.get("tiers") or []]
    if isinstance(cost.get("context_over_200k"), dict):
        upper.append((200_000, cost["context_over_200k"]))
    if not upper:
        return base
    upper.sort(key=lambda item: item[0])
    bands = [base] + [{key: number(tier[key]) for key in PRICE_KEYS if tier.get(key)} for _, tier in upper]
    sizes = [size for size, _ in upper] + [None]
    tiers = [({"up_to": size} if size else {}) | band for size, band in zip(sizes, bands)]
    return base | {"tiers": tiers}


def capabilities(raw: dict) -> frozenset:
    """The contract's mapping: attachment or image input, reasoning, tool_call, a cache-read price."""
    inputs = (raw.get("modalities") or {}).get("input") or []
    found = {"vision"} if raw.get("attachment") or "image" in inputs else set()
    found |= {"reasoning"} if raw.get("reasoning") else set()
    found |= {"tools"} if raw.get("tool_call") else set()
    found |= {"prompt-cache"} if (raw.get("cost") or {}).get("cache_read") is not None else set()
    return frozenset(found)


def model(model_id: str, raw: dict) -> UpstreamModel:
    """One resolved models.dev model."""
    limit = raw.get("limit") or {}
    return UpstreamModel(
        id=model_id, name=raw.get("name") or model_id, context=limit.get("context"), max_output=limit.get("output"),
        price=price(raw.get("cost")), capabilities=capabilities(raw),
        status=STATUSES.get(raw.get("status"), "active"), family=raw.get("family"), lab=raw.get("lab"),
        text_io=text_io(raw.get("modalities")), replacement=raw.get("replacement"), base_model=raw.get("base_model"))
