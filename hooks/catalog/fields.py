"""Field types for data files: each checks a located value and describes itself as JSON Schema.

The validator and the published JSON Schema are both made from these objects, so the two cannot
disagree on structure. This module holds single values; `shapes.py` the containers (records, lists,
texts in both languages). Rules that span several fields live in `rules.py`.
"""

from __future__ import annotations

import datetime
import math
import os
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
        if value > self.maximum:
            return [spot.problem(f"{value:,} is more than any model offers",
                                 f"at most {self.maximum:,}; write the number in tokens, e.g. {self.example}")]
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


# One pattern for the validator and the JSON Schema: https with a host name (http only for a server on
# this machine), an optional port from 1 to 65535, and a path of printable ASCII without the characters
# that end a Markdown link or an HTML attribute or hide a second link: whitespace < > " ' ` ( ) [ ] { } | \\ ^.
# No `user:pass@` (it disguises the real host): `@` is allowed in the path only.
# A host may start with one `{word}-` for a region the reader fills in (Vertex AI's `{region}-aiplatform…`).
_HOST = r"(?:\{[a-z_]+\}-)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
_LOCAL_HOST = r"(?:localhost|127\.0\.0\.1|\[::1\])"
_PORT = r"(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?"
_PATH = r"(?:[/?#][!#$%&*+,\-./0-9:;=?@A-Z_a-z~]*)?"
URL_PATTERN = f"https://(?:{_HOST}|{_LOCAL_HOST}){_PORT}{_PATH}|http://{_LOCAL_HOST}{_PORT}{_PATH}"
_URL = re.compile(URL_PATTERN)


def url_problem(value: str) -> str:
    """Why a URL that does not match URL_PATTERN is refused, in the contributor's terms."""
    scheme, _, rest = value.partition("://")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if scheme not in ("https", "http"):
        return "is not an https:// address"
    if scheme == "http" and not re.fullmatch(_LOCAL_HOST + r"(?::\d*)?", authority):
        return "uses http (only a server on this machine, such as http://localhost:11434, may)"
    if "@" in authority:
        return "has a user name or password before the host"
    port = re.search(r"(?<!:):(\d*)$", authority)
    if port and not (port[1].isdigit() and 1 <= int(port[1]) <= 65535):
        return "has an impossible port (1 to 65535)"
    if not re.fullmatch(f"(?:{_HOST}|{_LOCAL_HOST}){_PORT}", authority):
        return "has no valid host name"
    bad = next((char for char in value if not (char.isascii() and char.isprintable()) or char in "<>\"'`()[]{}|\\^ "),
               None)
    if bad is not None:
        return f"contains {bad!r}, which no address in a data file needs (percent-encode it)"
    return "is not a well-formed address"


@dataclass
class Url(Field):
    example: str = "https://console.groq.com/keys"

    def check(self, value, spot):
        hint = f"a full https:// address, e.g. {self.example}"
        if not isinstance(value, str):
            return [spot.problem(f"expected a URL, got {shown(value)}", hint)]
        if len(value) > 2000:
            return [spot.problem(f"URL is {len(value)} characters long", "keep it under 2000 characters")]
        if not _URL.fullmatch(value):
            return [spot.problem(f"{value!r} {url_problem(value)}", hint)]
        return []

    def schema(self):
        return self.described({"type": "string", "maxLength": 2000, "pattern": f"^(?:{URL_PATTERN})$",
                               "examples": [self.example]})


def as_date(value) -> datetime.date:
    """A checked date: YAML reads 2026-11-28 as a date, "2026-11-28" (quoted) as text; both are fine."""
    if isinstance(value, datetime.datetime):  # a timestamp; only its day counts
        return value.date()
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _is_iso_date(value: str) -> bool:
    """True for text such as 2026-11-28 that names a real day."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(as_date(value))
    except ValueError:
        return False


EARLIEST_DAY, LATEST_DAY = datetime.date(2020, 1, 1), datetime.date(2099, 12, 31)  # before the first model APIs


def today() -> datetime.date:
    """Today in UTC, or SOURCE_DATE_EPOCH's day, so a reproducible build judges dates the same way."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    utc = datetime.timezone.utc
    now = datetime.datetime.fromtimestamp(int(epoch), utc) if epoch else datetime.datetime.now(utc)
    return now.date()


@dataclass
class Day(Field):
    """A calendar date. Editors read YAML 1.2, where a date is a string, so the schema says string."""

    def check(self, value, spot):
        hint = "write it as YYYY-MM-DD, e.g. 2026-11-28"
        if not (isinstance(value, datetime.date) or (isinstance(value, str) and _is_iso_date(value))):
            return [spot.problem(f"expected a date, got {shown(value)}", hint)]
        day = as_date(value)
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            return [spot.problem(f"{day.isoformat()} is not a plausible date",
                                 f"between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}; {hint}")]
        return []

    def schema(self):
        return self.described({"type": "string", "format": "date", "pattern": r"^20[2-9]\d-\d{2}-\d{2}$"})
