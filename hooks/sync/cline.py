"""Read Cline's generated catalog (catalog.generated.ts): which models Cline offers per provider."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .upstream import UpstreamError, UpstreamModel, number, text_io

ANCHOR = "GENERATED_PROVIDER_MODELS"
CAPABILITIES = {"images": "vision", "reasoning": "reasoning", "tools": "tools", "prompt-cache": "prompt-cache"}
BARE_KEY = re.compile(r"^(\s*)([A-Za-z_$][\w$]*)(\s*:)", re.MULTILINE)
TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def _object_literal(text: str, shown: str) -> str:
    """The `{ ... }` assigned to GENERATED_PROVIDER_MODELS, found by matching braces outside strings."""
    anchor = text.find(ANCHOR)
    start = text.find("= {", anchor) + 2 if anchor >= 0 else -1
    if start < 2:
        raise UpstreamError(f"{shown}: no `{ANCHOR} ... = {{` found; give Cline's catalog.generated.ts")
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            escaped, in_string = (not escaped and char == "\\"), in_string and (escaped or char != '"')
            continue
        if char == '"':
            in_string = True
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return text[start:index + 1]
    raise UpstreamError(f"{shown}: the {ANCHOR} object is not closed")


def read(path: Path) -> dict:
    """{Cline provider id: {model id: UpstreamModel}} from the TypeScript file."""
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UpstreamError(f"{shown}: cannot read ({error})") from error
    literal = TRAILING_COMMA.sub(r"\1", BARE_KEY.sub(r'\1"\2"\3', _object_literal(text, shown)))
    try:
        catalog = json.loads(literal)
    except json.JSONDecodeError as error:
        raise UpstreamError(f"{shown}: line {error.lineno} of the object literal is not JSON-like ({error.msg})") \
            from error
    providers = catalog.get("providers")
    if not isinstance(providers, dict):
        raise UpstreamError(f"{shown}: the catalog has no `providers` object")
    return {provider_id: {model_id: model(model_id, raw) for model_id, raw in models.items()}
            for provider_id, models in providers.items()}


def price(pricing) -> dict | None:
    """Cline's pricing in the catalog's shape; a zero cache price means there is none."""
    if not isinstance(pricing, dict) or not (pricing.get("input") or pricing.get("output")):
        return None
    found = {"input": number(pricing.get("input") or 0), "output": number(pricing.get("output") or 0)}
    for ours, theirs in (("cache_read", "cacheRead"), ("cache_write", "cacheWrite")):
        if pricing.get(theirs):
            found[ours] = number(pricing[theirs])
    return found


def model(model_id: str, raw: dict) -> UpstreamModel:
    """One model of Cline's catalog; Cline lists no status, so a listed model is active."""
    return UpstreamModel(
        id=model_id, name=raw.get("name") or model_id, context=raw.get("contextWindow"),
        max_output=raw.get("maxTokens"), price=price(raw.get("pricing")),
        capabilities=frozenset(CAPABILITIES[item] for item in raw.get("capabilities") or [] if item in CAPABILITIES),
        status="active", family=raw.get("family"), text_io=text_io(raw.get("modalities")))
