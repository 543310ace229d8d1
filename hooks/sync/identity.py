"""Which model an entry serves: one canonical id for the same weights under every provider's own id."""

from __future__ import annotations

import re
from typing import Optional

# Bedrock-style ids: a region routing prefix, then the lab, then a version suffix (`us.meta.llama3-3-70b-
# instruct-v1:0`).
_REGION = re.compile(r"^(us|eu|apac|global|jp|au|ca|us-gov)\.")
_LAB = re.compile(r"^(anthropic|meta|amazon|deepseek|mistral|qwen|openai|moonshot|moonshotai|minimax|zai|google|"
                  r"cohere|writer|ai21|nvidia|xai)\.")
# Suffixes that name a route, a serving speed, a context option, a dated alias or a price plan of the same
# weights: Vertex's `@20250929`, Bedrock's `-v1:0`, OpenRouter's `:free`, Anthropic's `-20250929` and `:1m`.
_ALIAS = re.compile(r"(@\d{8}|@latest|@default|:free|:beta|:exacto|:nitro|:1m|\[1m\]|:fast|-maas|-fast|"
                    r"-\d{8}|-v\d+:\d+|-\d+:\d+)$")
_BEDROCK_VERSION = re.compile(r"-v\d+$")
_FIREWORKS_DOT = re.compile(r"(?<=\d)p(?=\d)")  # Fireworks writes kimi-k2.5 as kimi-k2p5
_UNSAFE = re.compile(r"[^a-z0-9.-]+")


def canonical_id(model_id: str, base_model: Optional[str] = None) -> str:
    """The canonical id: the upstream base model's name where known, else the provider's id normalised."""
    return normalise(base_model or model_id)


def normalise(model_id: str) -> str:
    """Lower case, no namespace (`openai/`, `accounts/fireworks/models/`), region, lab or alias suffix."""
    lowered = model_id.lower()
    name = lowered.rsplit("/", 1)[-1]
    if lowered.startswith("accounts/fireworks/"):
        name = _FIREWORKS_DOT.sub(".", name)
    bedrock = _LAB.match(_REGION.sub("", name))
    name = _LAB.sub("", _REGION.sub("", name))
    while _ALIAS.search(name):
        name = _ALIAS.sub("", name)
    if bedrock:
        name = _BEDROCK_VERSION.sub("", name)
    name = _UNSAFE.sub("-", name).strip("-.")
    return name or _UNSAFE.sub("-", lowered).strip("-.")
