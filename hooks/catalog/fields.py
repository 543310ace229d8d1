"""Field types for data files: each checks a located value and describes itself as JSON Schema.

The validator and the published JSON Schema are both made from these objects, so the two cannot
disagree on structure. Rules that span several fields live in `rules.py`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .problems import Problem

LANGS = ("en", "zh")


@dataclass
class Spot:
    """Where a value sits: file, field path and position."""

    path: str
    field: str
    line: int
    column: int

    def at(self, name: str | int, mark: tuple[int, int]) -> "Spot":
        label = f"{self.field}[{name}]" if isinstance(name, int) else (f"{self.field}.{name}" if self.field else name)
        return Spot(self.path, label, *mark)

    def problem(self, message: str, hint: str = "") -> Problem:
        return Problem(self.path, self.line, self.column, self.field, message, hint)


def shown(value) -> str:
    """A value as the contributor typed it, for messages."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


@dataclass
class Field:
    doc: str

    def check(self, value, spot: Spot) -> list[Problem]:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def described(self, schema: dict) -> dict:
        return {"description": self.doc, **schema}


@dataclass
class Text(Field):
    pattern: str = ""
    example: str = "some text"
    max_length: int = 2000

    def check(self, value, spot):
        if not isinstance(value, str) or not value.strip():
            return [spot.problem(f"expected text, got {shown(value)}", f"e.g. {self.example!r}")]
        if self.pattern and not re.fullmatch(self.pattern, value):
            return [spot.problem(f"{value!r} is not allowed here", f"must match {self.pattern}, e.g. {self.example!r}")]
        if len(value) > self.max_length:
            return [spot.problem(f"text is {len(value)} characters long", f"keep it under {self.max_length}")]
        return []

    def schema(self):
        schema = {"type": "string", "minLength": 1, "maxLength": self.max_length, "examples": [self.example]}
        return self.described({**schema, "pattern": f"^(?:{self.pattern})$"} if self.pattern else schema)


@dataclass
class Integer(Field):
    minimum: int = 1
    example: int = 131072

    def check(self, value, spot):
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            kind = "a positive integer" if self.minimum == 1 else f"an integer ≥ {self.minimum}"
            return [spot.problem(f"expected {kind}, got {shown(value)}", f"write the full number, e.g. {self.example}")]
        return []

    def schema(self):
        return self.described({"type": "integer", "minimum": self.minimum, "examples": [self.example]})


@dataclass
class Price(Field):
    def check(self, value, spot):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            return [spot.problem(f"expected a number, got {shown(value)}", "a price per million tokens, e.g. 0.59")]
        if value < 0:
            return [spot.problem(f"price cannot be negative, got {value}", "0 or more, e.g. 0.59")]
        if value == float("inf"):
            return [spot.problem("price cannot be infinite", "a price per million tokens, e.g. 0.59")]
        return []

    def schema(self):
        return self.described({"type": "number", "minimum": 0, "examples": [0.59]})


@dataclass
class Boolean(Field):
    def check(self, value, spot):
        if not isinstance(value, bool):
            return [spot.problem(f"expected true or false, got {shown(value)}", "write true or false")]
        return []

    def schema(self):
        return self.described({"type": "boolean"})


@dataclass
class Choice(Field):
    values: tuple = ()

    def check(self, value, spot):
        if value not in self.values:
            return [spot.problem(f"{shown(value)} is not one of the allowed values",
                                 "one of: " + ", ".join(map(str, self.values)))]
        return []

    def schema(self):
        return self.described({"enum": list(self.values)})


LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
URL_PATTERN = r"https://[^\s/$.?#][^\s<>\"'`]*|http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/[^\s<>\"'`]*)?"


@dataclass
class Url(Field):
    example: str = "https://console.groq.com/keys"

    def check(self, value, spot):
        hint = f"a full https:// address, e.g. {self.example}"
        if not isinstance(value, str):
            return [spot.problem(f"expected a URL, got {shown(value)}", hint)]
        if not re.fullmatch(URL_PATTERN, value):
            return [spot.problem(f"{value!r} is not a well-formed https URL", hint + " (http:// only for localhost)")]
        parts = urlsplit(value)
        if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
            return [spot.problem(f"{value!r} uses http", hint)]
        return []

    def schema(self):
        return self.described({"type": "string", "pattern": f"^(?:{URL_PATTERN})$", "examples": [self.example]})


@dataclass
class Day(Field):
    def check(self, value, spot):
        if not isinstance(value, datetime.date):
            return [spot.problem(f"expected a date, got {shown(value)}", "write it as YYYY-MM-DD, e.g. 2026-11-28")]
        return []

    def schema(self):
        return self.described({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})


@dataclass
class Localized(Field):
    """Text in both languages: `{en: …, zh: …}`."""

    max_length: int = 2000

    def check(self, value, spot):
        if not isinstance(value, dict):
            return [spot.problem(f"expected text in both languages, got {shown(value)}",
                                 "write `{en: …, zh: …}` with both languages")]
        problems = [spot.problem(f"unknown language {key!r}", "only en and zh") for key in value if key not in LANGS]
        for lang in LANGS:
            if lang not in value:
                problems.append(spot.problem(f"the {lang} text is missing",
                                             "every text needs both `en:` and `zh:`"))
            else:
                inner = spot.at(lang, value.marks[lang])
                problems += Text(self.doc, max_length=self.max_length).check(value[lang], inner)
        return problems

    def schema(self):
        text = {"type": "string", "minLength": 1, "maxLength": self.max_length}
        return self.described({"type": "object", "properties": {"en": text, "zh": text},
                               "required": list(LANGS), "additionalProperties": False})


@dataclass
class ListOf(Field):
    item: Field = None
    min_items: int = 0
    unique_by: str = ""

    def check(self, value, spot):
        if not isinstance(value, list):
            return [spot.problem(f"expected a list, got {shown(value)}", "start each item with `- `")]
        if len(value) < self.min_items:
            return [spot.problem(f"needs at least {self.min_items} item(s), got {len(value)}", "")]
        problems = []
        for index, item in enumerate(value):
            problems += self.item.check(item, spot.at(index, value.marks[index]))
        return problems

    def schema(self):
        return self.described({"type": "array", "items": self.item.schema(), "minItems": self.min_items})


@dataclass
class Record(Field):
    """A mapping with known fields; unknown keys are errors with a suggestion."""

    fields: dict = field(default_factory=dict)
    required: tuple = ()
    example: str = ""

    def check(self, value, spot):
        if not isinstance(value, dict):
            return [spot.problem(f"expected a mapping, got {shown(value)}", self.example or "write `key: value` lines")]
        problems = []
        for key in value:
            if key not in self.fields:
                close = difflib.get_close_matches(key, self.fields, n=1)
                hint = f"did you mean `{close[0]}`?" if close else "known fields: " + ", ".join(self.fields)
                problems.append(spot.at(key, value.marks[key]).problem("unknown field", hint))
        for key in self.required:
            if key not in value:
                problems.append(spot.problem(f"required field `{key}` is missing", self.fields[key].doc))
        for key, kind in self.fields.items():
            if key in value:
                problems += kind.check(value[key], spot.at(key, value.marks[key]))
        return problems

    def schema(self):
        return self.described({
            "type": "object",
            "properties": {key: kind.schema() for key, kind in self.fields.items()},
            "required": list(self.required),
            "additionalProperties": False,
        })


@dataclass
class KeyedBy(Field):
    """A mapping whose keys are ids (e.g. vendor ids) and whose values share one type."""

    key_pattern: str = r"[a-z0-9][a-z0-9-]*"
    item: Field = None

    def check(self, value, spot):
        if not isinstance(value, dict):
            return [spot.problem(f"expected a mapping, got {shown(value)}", "write `id: …` entries")]
        problems = []
        for key, item in value.items():
            inner = spot.at(key, value.marks[key])
            if not re.fullmatch(self.key_pattern, key):
                problems.append(inner.problem(f"id {key!r} is not allowed", f"ids match {self.key_pattern}"))
            problems += self.item.check(item, inner)
        return problems

    def schema(self):
        return self.described({"type": "object", "propertyNames": {"pattern": f"^(?:{self.key_pattern})$"},
                               "additionalProperties": self.item.schema()})
