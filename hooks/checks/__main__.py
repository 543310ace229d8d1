"""`scripts/check [data|schemas|translations|chinese] [options]`: one check, or all of them in turn."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import chinese, data, diff, schemas, translations

CHECKS = {"data": data, "schemas": schemas, "translations": translations, "chinese": chinese}
REPORTS = {"diff": diff}  # run by name only, never as part of "all checks": they need arguments
REPOSITORY = Path(__file__).resolve().parents[2]  # hooks/checks/__main__.py -> the repository


def parser() -> argparse.ArgumentParser:
    """The command line: a check name with its own options, or nothing for all checks."""
    cli = argparse.ArgumentParser(prog="scripts/check",
                                  description="Check the catalog and the docs without building the site.")
    cli.add_argument("--root", type=Path, default=REPOSITORY, help="repository to check (default: this one)")
    names = cli.add_subparsers(dest="check", metavar="CHECK",
                               help="one of: " + ", ".join(CHECKS | REPORTS) + " (default: all checks)")
    for name, module in (CHECKS | REPORTS).items():
        module.options(names.add_parser(name, help=module.__doc__.splitlines()[0]))
    return cli


def main(argv: list[str]) -> int:
    """Run one check or all of them; the exit code is non-zero when any failed."""
    options = parser().parse_args(argv)
    if options.check:
        return (CHECKS | REPORTS)[options.check].run(options.root.resolve(), options)
    failed = [name for name, module in CHECKS.items()
              if module.run(options.root.resolve(), module.options(argparse.ArgumentParser()).parse_args([]))]
    print(f"failed: {', '.join(failed)}" if failed else "all checks passed", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
