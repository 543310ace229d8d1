"""Scalars that YAML 1.1 (PyYAML) and YAML 1.2 (editors, JSON Schema) read differently, refused.

PyYAML reads `190:20:30` as 685230 (base 60), `017` as 15, `0x1F`, `1_000`, `yes` and `off` as
numbers and booleans; the YAML language server in editors reads most of them as text. A contributor
cannot see which reading the build takes, so only the forms both agree on are accepted.
"""

from __future__ import annotations

import re

import yaml

INT_TAG, FLOAT_TAG, BOOL_TAG = (f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool"))
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_MAX_DIGITS = 30  # far beyond any real count or price; Python refuses int("9" * 4301) anyway


def refusal(node: yaml.ScalarNode) -> tuple[str, str] | None:
    """(message, hint) for a number or boolean written in a form only YAML 1.1 reads, else None."""
    written = node.value
    if node.tag not in (INT_TAG, FLOAT_TAG, BOOL_TAG):
        return None  # quoted text, or a plain value that is not a number or boolean
    if node.tag == BOOL_TAG:
        if written in ("true", "false"):
            return None
        return f"{written!r} is read as a boolean", "write true or false, or quote it if you mean text"
    pattern = _DECIMAL_INT if node.tag == INT_TAG else _DECIMAL_FLOAT
    if not pattern.fullmatch(written):
        return (f"number {written!r} is not in plain decimal form",
                "write it in decimal digits, e.g. 131072 or 0.59 (no 0x, 0o, 1_000, 1:30, .inf or .nan)")
    if len(re.sub(r"[^0-9]", "", written.split("e")[0].split("E")[0])) > _MAX_DIGITS:
        return f"number has more than {_MAX_DIGITS} digits", "write the real value, e.g. 131072"
    return None


def hint_for(node: yaml.ScalarNode) -> str:
    """What to write instead of a value YAML could not construct (a date such as 2026-02-30)."""
    if node.tag in (INT_TAG, FLOAT_TAG):
        return "write the full number in decimal digits, e.g. 131072"
    return "write a real date as YYYY-MM-DD, e.g. 2026-11-28"
