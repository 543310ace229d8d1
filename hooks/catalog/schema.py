"""The published JSON Schemas (schemas/<name>.schema.json), made from the specs the validator uses.

Editors with the YAML language server read them to complete field names and flag mistakes while
the contributor types. Structure comes from `specs.py` through each field's `schema()`; what a JSON
Schema cannot say (cross-field and file-level rules) is listed in each schema's description, taken
from `rules.py` and `source.py`, so the editor's hover tells the contributor what the check adds.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from . import rules, source
from .fields import Field
from .specs import CHANGES, GLOSSARY, GUIDES, LABELS, PROVIDER, TASK_PROFILES, VENDORS

DIALECT = "http://json-schema.org/draft-07/schema#"  # the draft the YAML language server knows best
GENERATED_BY = "Generated from hooks/catalog/specs.py by `scripts/check schemas --write`; do not edit by hand."


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: its spec, which files it covers, and its schema's name."""

    name: str
    spec: Field
    files: str  # glob from the repository root, as editors and the VS Code setting use it
    title: str


DATA_FILES = (
    DataFile("provider", PROVIDER, "data/providers/*.yaml", "Provider file (data/providers/<id>.yaml)"),
    DataFile("vendors", VENDORS, "data/vendors.yaml", "Model vendors (data/vendors.yaml)"),
    DataFile("labels", LABELS, "data/labels/*.yaml", "UI labels (data/labels/*.yaml)"),
    DataFile("glossary", GLOSSARY, "data/glossary.yaml", "Glossary (data/glossary.yaml)"),
    DataFile("guides", GUIDES, "data/guides.yaml", "Setup guides (data/guides.yaml)"),
    DataFile("changes", CHANGES, "data/changes.yaml", "Catalog changes (data/changes.yaml)"),
    DataFile("task-profiles", TASK_PROFILES, "data/task-profiles.yaml", "Task profiles (data/task-profiles.yaml)"),
)


def schema_path(name: str) -> str:
    """Where a schema is published, from the repository root."""
    return f"schemas/{name}.schema.json"


def _rules_text(data_file: DataFile) -> str:
    """The rules a schema cannot express, as a list its description ends with."""
    lines = [*rules.VALIDATOR_ONLY.get(data_file.name, ()), *source.FILE_RULES]
    return "Also checked by `scripts/check data` and the build, not by this schema:\n" + "\n".join(
        f"- {line}" for line in lines)


def document(data_file: DataFile) -> dict:
    """The JSON Schema of one kind of data file."""
    body = data_file.spec.schema()
    description = body.pop("description")
    return {
        "$schema": DIALECT,
        "$comment": GENERATED_BY,
        "title": data_file.title,
        "description": f"{description}\n\n{_rules_text(data_file)}",
        **body,
    }


def rendered(data_file: DataFile) -> str:
    """The schema as it is written to disk: stable key order, two-space indent, UTF-8."""
    return json.dumps(document(data_file), indent=2, ensure_ascii=False) + "\n"


def drift(root: Path) -> list[str]:
    """Schema files that are missing or differ from what the specs produce."""
    return [schema_path(item.name) for item in DATA_FILES
            if not (root / schema_path(item.name)).is_file()
            or (root / schema_path(item.name)).read_text(encoding="utf-8") != rendered(item)]


def write(root: Path) -> list[str]:
    """Write every schema that drifted; return their paths."""
    changed = drift(root)
    for item in DATA_FILES:
        if schema_path(item.name) in changed:
            target = root / schema_path(item.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rendered(item), encoding="utf-8")
    return changed


def as_json(value):
    """A loaded data tree as JSON sees it (dates become YYYY-MM-DD text), to validate with a schema."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value
