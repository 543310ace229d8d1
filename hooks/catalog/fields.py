"""Field types for data files: each checks a located value and describes itself as JSON Schema.

The validator and the published JSON Schema are both made from these objects, so the two cannot
disagree on structure. This module holds single values; `shapes.py` the containers (records, lists,
texts in both languages). Rules that span several fields live in `rules.py`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

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
    if value is None:
        return "nothing (null)"
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


MAX_TOKENS = 100_000_000  # ten times the largest context window offered in 2026 (10M tokens)


@dataclass
class Integer(Field):
    minimum: int = 1
    example: int = 131072
    maximum: int = MAX_TOKENS

    def check(self, value, spot):
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            kind = "a positive integer" if self.minimum == 1 else f"an integer ≥ {self.minimum}"
            return [spot.problem(f"expected {kind}, got {shown(value)}", f"write the full number, e.g. {self.example}")]
        if value > self.maximum and self.maximum == MAX_TOKENS:
            return [spot.problem(f"{value:,} is more than any model offers",
                                 f"at most {self.maximum:,}; write the number in tokens, e.g. {self.example}")]
        if value > self.maximum:
            return [spot.problem(f"{value:,} is more than {self.maximum:,}",
                                 f"at most {self.maximum:,}, e.g. {self.example}")]
        return []

    def schema(self):
        return self.described({"type": "integer", "minimum": self.minimum, "maximum": self.maximum,
                               "examples": [self.example]})


MAX_PRICE = 10_000  # per million tokens: the dearest model of 2026 charges a few hundred
MIN_PRICE = 0.0001  # per million tokens; far smaller prices are typos (1e-7 would print as $0)


@dataclass
class Price(Field):
    def check(self, value, spot):
        hint = f"a price per million tokens, e.g. 0.59: 0, or from {MIN_PRICE} to {MAX_PRICE:,}"
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            return [spot.problem(f"expected a number, got {shown(value)}", hint)]
        if value < 0 or math.copysign(1, value) < 0:
            return [spot.problem(f"price cannot be negative, got {value}", hint)]
        if value > MAX_PRICE:
            return [spot.problem(f"price {value} is above what any model costs", hint)]
        if 0 < value < MIN_PRICE:
            return [spot.problem(f"price {value} is too small to show (it would read as 0)", hint)]
        return []

    def schema(self):
        # -0.0 is refused too; JSON Schema cannot tell it from 0.
        return self.described({"type": "number", "anyOf": [{"const": 0}, {"minimum": MIN_PRICE,
                               "maximum": MAX_PRICE}], "examples": [0.59]})


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


# URL and date fields live in their own modules; importable from here like every other field type.
from .days import Day, as_date, today  # noqa: E402,F401
from .urls import URL_PATTERN, Url  # noqa: E402,F401
