"""Record what a change did to the catalog in data/changes.yaml: one entry per model, newest first.

`scripts/sync --write` records what it applied; `scripts/check diff BASE --record` what a hand edit did.
Values are written as text in a plain form the renderers translate (see CHANGES in catalog/specs.py).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import yaml

import catalog

from .catalog_facts import catalog_facts

HEADER = ("# yaml-language-server: $schema=../schemas/changes.schema.json\n"
          "# What changed in the catalog, one entry per model and recorded change, newest first. Written by\n"
          "# `scripts/sync --write` and `scripts/check diff BASE --record`; the site's change page and Atom feeds\n"
          "# are made from it.\n")
SUMMARY_OF_ADDED = ("context", "max_output", "plan", "input:USD", "output:USD", "input:CNY", "output:CNY",
                    "capabilities")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9._/@+-]*( [A-Za-z][A-Za-z0-9._/@+-]*)*")
UNRECORDED = ("source",)  # provenance, not a fact about the model: it is the entry's own `source`


def as_text(key: str, value) -> str | None:
    """A fact's value in the record's plain form; None when there is none."""
    if value is None or value == ():
        return None
    if key.startswith("capabilities"):
        return " ".join(value)
    if key.startswith("tiers"):
        return " ".join(f"{up_to or '*'}:{low}/{high}" for up_to, low, high in value)
    return str(value)


def _fact(key: str, old, new) -> dict:
    field, _, currency = key.partition(":")
    fact = {"fact": field} | ({"currency": currency} if currency else {})
    before, after = as_text(key, old), as_text(key, new)
    return fact | ({"from": before} if before is not None else {}) | ({"to": after} if after is not None else {})


def _event(old: dict | None, new: dict | None) -> str:
    if new is None:
        return "removed"
    if old is None:
        return "added"
    if new["status"] in ("retired", "deprecated") and old["status"] != new["status"]:
        return new["status"]
    return "changed"


def _facts(event: str, old: dict | None, new: dict | None) -> list[dict]:
    if event == "added":
        return [_fact(key, None, new[key]) for key in SUMMARY_OF_ADDED if new.get(key) is not None]
    if event == "removed":
        return []
    keys = list(old) + [key for key in new if key not in old]
    skip = UNRECORDED + (("status",) if event in ("retired", "deprecated") else ())
    return [_fact(key, old.get(key), new.get(key)) for key in keys
            if key not in skip and old.get(key) != new.get(key)]


def entries(before: catalog.Catalog, after: catalog.Catalog, date: datetime.date) -> list[dict]:
    """One entry per model whose recorded facts differ, in catalog order."""
    old_facts, new_facts = catalog_facts(before), catalog_facts(after)
    found = []
    for provider_id, models in new_facts.items():
        old_models = old_facts.get(provider_id, {})
        for key in list(old_models) + [key for key in models if key not in old_models]:
            old, new = old_models.get(key), models.get(key)
            event = _event(old and old[1], new and new[1])
            facts = _facts(event, old and old[1], new and new[1])
            if event == "changed" and not facts:
                continue
            found.append({"date": date, "provider": provider_id, "model": key[0], "endpoint": key[1],
                          "event": event, "source": _source(after.provider(provider_id), (new or old)[0], event),
                          "facts": facts})
    return found


def _source(provider, model, event: str) -> str:
    """Where the news comes from: for a retirement, the snapshot of the retirement date that no longer lists
    the model (when the file has one); otherwise the model's own source."""
    if event == "retired":
        dated = [source.id for source in provider.sources if source.date == model.retired]
        if dated:
            return dated[0]
    return model.source.id


def _scalar(value) -> str:
    """Plain where YAML reads the text back unchanged (also inside a flow mapping), else double-quoted:
    JSON strings are valid YAML, and quoting keeps "0.59" text rather than a number."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if _PLAIN.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def as_yaml(entry: dict) -> str:
    """One entry as YAML lines, each fact on one line."""
    lines = [f"- date: {_scalar(entry['date'])}"]
    for key in ("provider", "model", "endpoint", "event", "source"):
        if entry.get(key) is not None:
            lines.append(f"  {key}: {_scalar(entry[key])}")
    if entry["facts"]:
        lines.append("  facts:")
        lines += ["    - {" + ", ".join(f"{key}: {_scalar(value)}" for key, value in fact.items()) + "}"
                  for fact in entry["facts"]]
    return "\n".join(lines) + "\n"


def write(path: Path, new_entries: list[dict]) -> int:
    """Put the entries at the top of the record (after its comments); returns how many were added."""
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and (lines[head].startswith("#") or not lines[head].strip() or lines[head].strip() == "[]"):
        head += 1
    body = "".join(lines[head:])
    added = "".join(as_yaml(entry) for entry in new_entries)
    path.write_text("".join(line for line in lines[:head] if line.strip() != "[]") + added + body, encoding="utf-8")
    return len(new_entries)
