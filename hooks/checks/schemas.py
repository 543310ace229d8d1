"""The JSON Schemas in schemas/: they must be what hooks/catalog/specs.py produces (--write updates them)."""

from __future__ import annotations

import sys

from catalog import schema


def options(cli):
    """--write regenerates instead of checking."""
    cli.add_argument("--write", action="store_true", help="rewrite the schemas that drifted")
    return cli


def run(root, options) -> int:
    """Fail when a published schema differs from what the specs produce."""
    if options.write:
        changed = schema.write(root)
        print("schemas: wrote " + ", ".join(changed) if changed else "schemas: already up to date")
        return 0
    drifted = schema.drift(root)
    if drifted:
        print("schemas: out of date with hooks/catalog/specs.py: " + ", ".join(drifted)
              + " — run `scripts/check schemas --write` and commit the result", file=sys.stderr)
        return 1
    print(f"schemas: {len(schema.DATA_FILES)} JSON Schemas match the specs")
    return 0
