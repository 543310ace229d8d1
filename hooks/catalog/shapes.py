"""Field types that hold other fields: texts in both languages, lists, records and id-keyed maps.

Like the scalar types in `fields.py`, each checks a located value and describes itself as JSON Schema.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .fields import LANGS, Field, Text, shown
from .problems import Problem


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
        text = {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": r"\S"}
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
            return [spot.problem(f"needs at least {self.min_items} item(s), got {len(value)}",
                                 f"add {self.min_items - len(value)} more, each starting with `- `")]
        problems = []
        for index, item in enumerate(value):
            problems += self.item.check(item, spot.at(index, value.marks[index]))
        return problems

    def schema(self):
        return self.described({"type": "array", "items": self.item.schema(), "minItems": self.min_items})


@dataclass(frozen=True)
class Variant:
    """One accepted shape of a record: the fields it needs and the only fields it may hold."""

    name: str
    required: tuple
    allowed: tuple

    def fits(self, keys: set) -> bool:
        """True when a record with these fields has this shape."""
        return set(self.required) <= keys <= set(self.allowed)


@dataclass
class Record(Field):
    """A mapping with known fields; unknown keys are errors with a suggestion.

    With `variants`, the record must have exactly one of several shapes (a price is a plan or
    per-token prices); the schema says the same with `oneOf`.
    """

    fields: dict = field(default_factory=dict)
    required: tuple = ()
    example: str = ""
    variants: tuple = ()

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
                # Named by its own path, at the record that lacks it: `models[0].context: … is missing`.
                missing = spot.at(key, (spot.line, spot.column))
                problems.append(missing.problem("required field is missing", "add it: " + self.fields[key].doc))
        for key, kind in self.fields.items():
            if key in value:
                problems += kind.check(value[key], spot.at(key, value.marks[key]))
        return problems + self._check_variant(value, spot)

    def _check_variant(self, value, spot) -> list[Problem]:
        """One problem when the record has none of its allowed shapes, saying what to add or drop."""
        keys = set(value) & set(self.fields)
        if not self.variants or any(variant.fits(keys) for variant in self.variants):
            return []
        # The shape the contributor most likely meant is the one sharing the most fields with theirs.
        meant = max(self.variants, key=lambda variant: len(keys & set(variant.allowed)))
        if not keys & set(meant.allowed):
            return [spot.problem("needs " + " or ".join(variant.name for variant in self.variants), self.example)]
        extra = [f"`{key}`" for key in value if key in keys and key not in meant.allowed]
        if extra:
            return [spot.problem(f"{meant.name} cannot also have {', '.join(extra)}", self.example)]
        missing = [f"`{key}`" for key in meant.required if key not in value]
        return [spot.problem(f"{meant.name} also needs {', '.join(missing)}", self.example)]

    def schema(self):
        schema = {
            "type": "object",
            "properties": {key: kind.schema() for key, kind in self.fields.items()},
            "required": list(self.required),
            "additionalProperties": False,
        }
        if self.variants:
            schema["oneOf"] = [{"title": variant.name, "required": list(variant.required),
                                "propertyNames": {"enum": list(variant.allowed)}} for variant in self.variants]
        return self.described(schema)


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


@dataclass
class OneOrList(Field):
    """One item, or a list of them: a price is one block, or one block per currency the provider bills in."""

    item: Field = None

    def check(self, value, spot):
        if not isinstance(value, list):
            return self.item.check(value, spot)
        return ListOf(self.doc, item=self.item, min_items=1).check(value, spot)

    def schema(self):
        return self.described({"oneOf": [self.item.schema(), {"type": "array", "items": self.item.schema(),
                                                                "minItems": 1}]})
