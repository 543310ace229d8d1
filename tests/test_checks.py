"""`scripts/check`: broken data files fail fast with file, line and field, in the check and in the build;
the schema and translation checks catch drift. Everything runs on copies under tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from corpus import CORPUS, base_data, read_case

ACCEPTANCE = ["wrong-type", "unknown-key", "duplicate-key", "syntax-error", "alias-bomb", "python-tag", "bad-url",
              "missing-translation", "negative-price", "output-above-context"]


# A hang guard, not a speed check: a file that made the reader loop (an alias bomb, deep nesting) would
# otherwise stall the suite. Speed is the benchmark's business.
HANG = 120


def check(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run scripts/check against another repository root."""
    return subprocess.run([str(ROOT / "scripts/check"), "--root", str(root), *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL, timeout=HANG)


def broken_project(tmp_path: Path, name: str) -> tuple[Path, str, str]:
    """A project whose catalog holds one broken corpus file; returns it, the file's path and the first expectation."""
    case = read_case(CORPUS / f"invalid/{name}.yaml")
    base_data(tmp_path / "data")
    shutil.copy2(case.path, tmp_path / "data" / case.place)
    position, _, message = case.expect[0].partition(" ")
    return tmp_path, f"data/{case.place}:{position}:", message.split(" — ")[0]


@pytest.mark.parametrize("name", ACCEPTANCE)
def test_broken_file_fails_the_check_with_file_line_and_field(tmp_path, name):
    root, where, message = broken_project(tmp_path, name)
    result = check(root, "data")
    assert result.returncode == 1
    assert f"{where} {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("name", ["wrong-type", "alias-bomb", "duplicate-key"])
def test_broken_file_fails_the_build_the_same_way(tmp_path, name):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    _, where, message = broken_project(project, name)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"{where} {message}" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_oversized_file_is_refused_unread(tmp_path):
    data = base_data(tmp_path / "data")
    (data / "providers/huge.yaml").write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    result = check(tmp_path, "data")
    assert result.returncode == 1
    assert ("data/providers/huge.yaml:1:1: file is 2,000,003 bytes — data files must stay under 524,288 bytes"
            in result.stderr)


def test_valid_catalog_passes_and_says_what_it_checked(tmp_path):
    base_data(tmp_path / "data")
    result = check(tmp_path, "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data: 1 providers, 12 models")


def test_problems_become_pull_request_annotations_on_github(tmp_path):
    root, _, _ = broken_project(tmp_path, "negative-price")
    result = check(root, "data", env={"GITHUB_ACTIONS": "true"})
    line = read_case(CORPUS / "invalid/negative-price.yaml").expect[0].split(":")[0]
    assert (f"::error file=data/providers/negative-price.yaml,line={line},col=26,title=models[0].price.input::"
            "price cannot be negative, got -0.59 — a price per million tokens, e.g. 0.59") in result.stdout


def test_schema_drift_fails_until_rewritten(tmp_path):
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    schema = tmp_path / "schemas/provider.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace("The provider's name", "The name"), encoding="utf-8")
    result = check(tmp_path, "schemas")
    assert result.returncode == 1 and "schemas/provider.schema.json" in result.stderr
    assert "scripts/check schemas --write" in result.stderr
    assert check(tmp_path, "schemas", "--write").returncode == 0
    assert check(tmp_path, "schemas").returncode == 0
    assert schema.read_text(encoding="utf-8") == (ROOT / "schemas/provider.schema.json").read_text(encoding="utf-8")


def docs_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A repository root whose docs/ holds just these pages."""
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_missing_twin_fails_the_translation_check(tmp_path):
    root = docs_with(tmp_path, {"index.md": "# Home\n", "index.zh.md": "# 首页\n", "faq.md": "# FAQ\n",
                                "tips.zh.md": "# 提示\n"})
    result = check(root, "translations")
    assert result.returncode == 1
    assert "error: docs/faq.md: no Chinese twin — add docs/faq.zh.md" in result.stderr
    assert "error: docs/tips.zh.md: no English twin — add docs/tips.md" in result.stderr


def test_stale_translation_is_listed_but_passes(tmp_path):
    root = docs_with(tmp_path, {"index.md": "# Home\n", "index.zh.md": "# 首页\n"})
    result = check(root, "translations")
    assert result.returncode == 0 and "no `source_hash`" in result.stderr
    assert check(root, "translations", "--stamp", "docs/index.zh.md").returncode == 0
    assert (root / "docs/index.zh.md").read_text(encoding="utf-8").startswith("---\nsource_hash: ")
    result = check(root, "translations")
    assert result.returncode == 0 and "warning" not in result.stderr
    (root / "docs/index.md").write_text("# Home\n\nA new paragraph.\n", encoding="utf-8")
    result = check(root, "translations")
    assert result.returncode == 0
    assert "warning: docs/index.zh.md: older than docs/index.md — update the translation" in result.stderr


def test_the_real_docs_have_every_twin():
    result = check(ROOT, "translations")
    assert result.returncode == 0, result.stderr
