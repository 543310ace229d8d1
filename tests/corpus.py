"""The data corpus (tests/data_corpus): valid and invalid data files shared by the validator's and the
JSON Schemas' tests, so the two are held to the same files.

Each file starts with the editor's schema line, which also says what kind of file it is; an invalid
file then says what the JSON Schema makes of it and what the check must report:

    # yaml-language-server: $schema=../../../schemas/provider.schema.json
    # schema: rejects        (or `accepts`: a rule only the validator knows; `n/a`: the YAML reader refuses it)
    # expect: 14:3 models[0].context: expected a positive integer, got '131K'
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

CORPUS = ROOT / "tests/data_corpus"
# Groq as it was when the validator tests were written: they change one field of it at a time.
GROQ_FIXTURE = ROOT / "tests/fixtures/groq.yaml"
SCHEMA_LINE = re.compile(rb"\$schema=\S*/schemas/(?P<kind>[a-z-]+)\.schema\.json")
HEADER = re.compile(rb"^# (?P<key>schema|expect): (?P<value>.*)$", re.M)
# Where each kind of file goes in a data folder; {stem} is the corpus file's name.
PLACES = {"provider": "providers/{stem}.yaml", "vendors": "vendors.yaml", "labels": "labels/{stem}.yaml",
          "glossary": "glossary.yaml", "guides": "guides.yaml", "changes": "changes.yaml",
          "task-profiles": "task-profiles.yaml"}


@dataclass(frozen=True)
class Case:
    path: Path
    kind: str
    schema: str  # rejects, accepts or n/a; "valid" for the valid files
    expect: tuple[str, ...]  # "LINE:COL field: message", the start of what the check prints after the path

    @property
    def place(self) -> str:
        """Where the file sits in a data folder, e.g. providers/negative-price.yaml."""
        return PLACES[self.kind].format(stem=self.path.stem)


def read_case(path: Path) -> Case:
    # Bytes, not text: some corpus files are deliberately not UTF-8 past their header.
    raw = path.read_bytes()
    header = {"schema": b"valid", "expect": []}
    for match in HEADER.finditer(raw.split(b"\n# ---", 1)[0]):
        if match["key"] == b"expect":
            header["expect"].append(match["value"].decode())
        else:
            header["schema"] = match["value"]
    return Case(path, SCHEMA_LINE.search(raw)["kind"].decode(), header["schema"].decode(), tuple(header["expect"]))


def cases(folder: str) -> list[Case]:
    """Every corpus file of `valid` or `invalid`, read."""
    return [read_case(path) for path in sorted((CORPUS / folder).glob("*.yaml"))]


def base_data(target: Path) -> Path:
    """The real shared data files and Groq only: a catalog that other providers' edits cannot change."""
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (target / "providers").mkdir()
    shutil.copy2(GROQ_FIXTURE, target / "providers/groq.yaml")
    return target


def place(case: Case, data: Path) -> str:
    """Put a corpus file into a data folder; return its path as the check names it."""
    shutil.copy2(case.path, data / case.place)
    return f"{data.name}/{case.place}"
