"""The JSON Schemas and the validator agree: same corpus, same verdicts, and every real file passes both."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

import catalog
from catalog import schema
from catalog.source import load_file
from conftest import ROOT
from corpus import Case, base_data, cases, place

KIND_OF = {item.name: item for item in schema.DATA_FILES}


def validator(kind: str) -> jsonschema.Draft7Validator:
    """A validator for the published schema of one kind, date formats checked."""
    published = json.loads((ROOT / schema.schema_path(kind)).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(published, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def schema_errors(path: Path, kind: str) -> list[str]:
    """What the published schema says about a file, read the way the catalog reads it."""
    tree = schema.as_json(load_file(path, path.name))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator(kind).iter_errors(tree)]


def check_problems(case: Case, tmp_path: Path) -> list[str]:
    """What the validator says about a corpus file, placed in an otherwise valid catalog."""
    data = base_data(tmp_path / "data")
    shown = place(case, data)
    try:
        catalog.load(data, tmp_path)
    except catalog.CatalogError as error:
        return [str(problem)[len(shown) + 1:] for problem in error.problems if problem.path == shown]
    return []


def test_published_schemas_match_the_specs():
    assert schema.drift(ROOT) == [], "run `scripts/check schemas --write`"


@pytest.mark.parametrize("kind", KIND_OF)
def test_schema_is_a_valid_draft_7_schema_with_help_for_contributors(kind):
    published = json.loads((ROOT / schema.schema_path(kind)).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(published)
    assert "scripts/check data" in published["description"]  # says what only the check catches


REAL_FILES = [(path, item.name) for item in schema.DATA_FILES for path in sorted(ROOT.glob(item.files))]


@pytest.mark.parametrize("path, kind", REAL_FILES, ids=[p.relative_to(ROOT).as_posix() for p, _ in REAL_FILES])
def test_every_real_data_file_names_its_schema_and_passes_it(path, kind):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    relative = Path("../" * (len(path.relative_to(ROOT).parts) - 1)) / schema.schema_path(kind)
    assert first_line == f"# yaml-language-server: $schema={relative.as_posix()}"
    assert schema_errors(path, kind) == []


@pytest.mark.parametrize("case", cases("valid"), ids=lambda case: case.path.name)
def test_valid_corpus_passes_both(case, tmp_path):
    assert check_problems(case, tmp_path) == []
    assert schema_errors(case.path, case.kind) == []


@pytest.mark.parametrize("case", cases("invalid"), ids=lambda case: case.path.name)
def test_invalid_corpus_gets_the_expected_messages_and_schema_verdict(case, tmp_path):
    found = check_problems(case, tmp_path)
    assert case.expect, "an invalid corpus file lists what the check must say"
    for expected in case.expect:
        position, _, message = expected.partition(" ")
        assert any(problem.startswith(f"{position}: {message}") for problem in found), (expected, found)
    assert len(found) == len(case.expect), found
    if case.schema == "rejects":
        assert schema_errors(case.path, case.kind), "the schema must reject what the validator rejects"
    elif case.schema == "accepts":
        assert schema_errors(case.path, case.kind) == [], "a validator-only rule; listed in the schema description"
        assert any(rule_words(found[0]) in rule for rule in describe(case.kind)), found[0]
    else:
        assert case.schema == "n/a"
        with pytest.raises(catalog.problems.SourceError):
            load_file(case.path, case.path.name)


def describe(kind: str) -> list[str]:
    """The validator-only rules a schema's description lists."""
    return [*catalog.rules.VALIDATOR_ONLY.get(kind, ()), *catalog.source.FILE_RULES]


# Which listed rule covers a validator-only message: a word that both share.
RULE_WORDS = {"max output": "`max_output`", "cache-read": "`cache_read`", "deprecated model": "deprecated",
              "replacement": "`replacement`", "listed twice": "unique", "unknown vendor": "data/vendors.yaml",
              "placeholder": "{placeholders}", "not a key of `sources`": "keys of `sources`",
              "before the snapshot": "snapshot", "second USD block": "one block per currency",
              "retired model": "retired", "names no `endpoint`": "`endpoint`",
              "unknown provider": "data/providers/", "needs a currency": "`currency`", "lists no model": "`removed`",
              "input price is 0": "`input` price is never 0", "got -0.0": "-0.0",
              "in the future": "`verified` date is not in the future", "your `": "fields those need",
              "not a profile id": "`default`", "written to it exceed": "`cache_write_tokens`"}


def rule_words(message: str) -> str:
    """The words that a validator-only message and its listed rule share."""
    return next(word for key, word in RULE_WORDS.items() if key in message)


def test_provider_template_is_valid(tmp_path):
    template = ROOT / "templates/provider.yaml"
    assert schema_errors(template, "provider") == []
    data = base_data(tmp_path / "data")
    shutil.copy2(template, data / "providers/example-cloud.yaml")
    assert catalog.load(data, tmp_path).provider("example-cloud").models


def test_vs_code_maps_every_schema_to_its_files():
    text = (ROOT / ".vscode/settings.json").read_text(encoding="utf-8")
    settings = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))  # VS Code allows // comments
    mapped = settings["yaml.schemas"]
    for item in schema.DATA_FILES:
        assert item.files in mapped[f"./{schema.schema_path(item.name)}"], item.name
    assert "redhat.vscode-yaml" in (ROOT / ".vscode/extensions.json").read_text(encoding="utf-8")
