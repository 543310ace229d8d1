"""Field types for data files: each checks a located value and describes itself as JSON Schema.

The validator and the published JSON Schema are both made from these objects, so the two cannot
disagree on structure. This module holds single values; `shapes.py` the containers (records, lists,
texts in both languages). Rules that span several fields live in `rules.py`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
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
        # `\S`: the validator refuses text that is only spaces, and so must the schema.
        pattern = f"^(?:{self.pattern})$" if self.pattern else r"\S"
        return self.described({"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": pattern,
                               "examples": [self.example]})


@dataclass
class Integer(Field):
    minimum: int = 1
    example: int = 131072
    maximum: int | None = None

    def check(self, value, spot):
        too_big = self.maximum is not None and isinstance(value, int) and value > self.maximum
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum or too_big:
            kind = "a positive integer" if self.minimum == 1 else f"an integer ≥ {self.minimum}"
            kind += f" up to {self.maximum}" if self.maximum is not None else ""
            return [spot.problem(f"expected {kind}, got {shown(value)}", f"write the full number, e.g. {self.example}")]
        return []

    def schema(self):
        bounds = {"minimum": self.minimum} if self.maximum is None else {"minimum": self.minimum,
                                                                           "maximum": self.maximum}
        return self.described({"type": "integer", **bounds, "examples": [self.example]})


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


def as_date(value) -> datetime.date:
    """A checked date: YAML reads 2026-11-28 as a date, "2026-11-28" (quoted) as text; both are fine."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _is_iso_date(value: str) -> bool:
    """True for text such as 2026-11-28 that names a real day."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(as_date(value))
    except ValueError:
        return False


@dataclass
class Day(Field):
    """A calendar date. Editors read YAML 1.2, where a date is a string, so the schema says string."""

    def check(self, value, spot):
        if isinstance(value, datetime.date) or (isinstance(value, str) and _is_iso_date(value)):
            return []
        return [spot.problem(f"expected a date, got {shown(value)}", "write it as YYYY-MM-DD, e.g. 2026-11-28")]

    def schema(self):
        return self.described({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})
