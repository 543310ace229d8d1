"""`scripts/sync`: report how the catalog differs from models.dev and Cline's catalog; `--write` applies it."""

from __future__ import annotations

import argparse
import datetime
import shutil
import sys
import tempfile
from pathlib import Path

import catalog
from checks import record

from . import report, snapshots
from .apply import apply
from .drift import MappingError, Upstreams, provider_drift
from .upstream import UpstreamError
from .yamlio import YamlError, load, write_back

REPOSITORY = Path(__file__).resolve().parents[2]  # hooks/sync/__main__.py -> the repository


class InputError(Exception):
    """Bad input: the message says what was wrong and what would be valid."""


def parser() -> argparse.ArgumentParser:
    """The command line."""
    cli = argparse.ArgumentParser(prog="scripts/sync", description=__doc__)
    cli.add_argument("--models-dev", type=Path, metavar="PATH",
                     help="models.dev checkout (providers/, models/) or its api.json")
    cli.add_argument("--cline", type=Path, metavar="PATH", help="Cline's catalog.generated.ts")
    for name in ("models-dev", "cline"):
        cli.add_argument(f"--{name}-commit", metavar="SHA", help=f"commit of the {name} snapshot, for its source URL")
        cli.add_argument(f"--{name}-date", type=_day, metavar="YYYY-MM-DD", help=f"date of that {name} commit")
    cli.add_argument("--write", action="store_true", help="apply the drift to data/providers/*.yaml")
    cli.add_argument("--check", action="store_true", help="exit 1 when there is drift")
    cli.add_argument("--markdown", type=Path, metavar="FILE", help="also write the report as Markdown (a PR body)")
    cli.add_argument("--provider", action="append", metavar="ID", help="only this provider (repeatable)")
    cli.add_argument("--today", type=_day, default=datetime.date.today(), metavar="YYYY-MM-DD",
                     help="date written as `verified` (default: today)")
    cli.add_argument("--root", type=Path, default=REPOSITORY, help="repository whose data/ is synced")
    return cli


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _snapshots(options) -> tuple:
    """Both snapshots: from the two paths, or live when neither is given."""
    if options.models_dev is None and options.cline is None:
        return snapshots.live(options.today)
    if options.models_dev is None or options.cline is None:
        raise InputError("give both --models-dev PATH and --cline PATH, or neither to read the live upstreams")
    for name, path, date in (("models-dev", options.models_dev, options.models_dev_date),
                             ("cline", options.cline, options.cline_date)):
        if not path.exists():
            raise InputError(f"--{name} {path}: no such file or folder")
        if date is None:
            raise InputError(f"--{name} {path}: also give --{name}-date YYYY-MM-DD, the snapshot's commit date; "
                             "`verified` dates are checked against it")
    return (snapshots.models_dev(options.models_dev, options.models_dev_commit, options.models_dev_date),
            snapshots.cline_catalog(options.cline, options.cline_commit, options.cline_date))


def _vendor_lookup(root: Path) -> dict:
    """{upstream lab, namespace or family prefix: vendor id} from the `upstream:` lists of data/vendors.yaml."""
    vendors, lookup = load(root / "data/vendors.yaml", "data/vendors.yaml") or {}, {}
    for vendor_id, item in vendors.items():
        for name in item.get("upstream") or []:
            if lookup.setdefault(name.lower(), vendor_id) != vendor_id:
                raise InputError(f"data/vendors.yaml: upstream name {name!r} is listed by both "
                                 f"{lookup[name.lower()]} and {vendor_id}; keep it under one vendor")
    return lookup


def _validate(root: Path, problem: str = "the catalog is not valid; fix it first (scripts/check data)"
              ) -> catalog.Catalog:
    try:
        return catalog.load(root / "data", root)
    except catalog.CatalogError as error:
        raise InputError(f"{problem}:\n{error}") from None


def _provider_files(root: Path, chosen: list | None) -> list[Path]:
    """data/providers/*.yaml, or the ones `--provider` names (each must exist)."""
    files = sorted((root / "data/providers").glob("*.yaml"))
    unknown = sorted(set(chosen or []) - {path.stem for path in files})
    if unknown:
        raise InputError(f"--provider {', '.join(unknown)}: no such file under data/providers/")
    return [path for path in files if not chosen or path.stem in chosen]


def _write(root: Path, texts: dict, before: catalog.Catalog, today: datetime.date) -> None:
    """Write the changed provider files and their change record, only once the result is known to be valid.

    The new files are laid into a copy of data/ first; if that copy does not load, nothing in data/ changes
    and the message names the problem in the copy (its paths are the same as the real ones).
    """
    invalid = "the sync's changes would leave an invalid catalog, so nothing was written (please report it)"
    with tempfile.TemporaryDirectory(prefix="sync-") as work:
        staged = Path(work)
        shutil.copytree(root / "data", staged / "data")
        for path, text in texts.items():
            (staged / path.relative_to(root)).write_text(text, encoding="utf-8")
        after = _validate(staged, invalid)
        record.write(staged / "data/changes.yaml", record.entries(before, after, today))
        _validate(staged, invalid)
        for path in [*texts, root / "data/changes.yaml"]:
            shutil.copyfile(staged / path.relative_to(root), path)


def run(options) -> int:
    """Compare every mapped provider; write when asked; the exit code says whether there was drift."""
    root = options.root.resolve()
    before = _validate(root)
    files = _provider_files(root, options.provider)
    models_dev, cline = _snapshots(options)
    if options.today < max(models_dev.date, cline.date):
        raise InputError(f"--today {options.today} is before a snapshot's date: `verified` never precedes its source")
    upstreams = Upstreams(models_dev, cline, _vendor_lookup(root))
    drifts, texts = [], {}
    for path in files:
        shown = path.relative_to(root).as_posix()
        tree = load(path, shown)
        drift = provider_drift(path.stem, shown, tree, upstreams)
        if drift is None:
            continue
        drifts.append(drift)
        if options.write:
            apply(tree, drift, options.today)
            texts[path] = write_back(path.read_text(encoding="utf-8"), tree)
    print(report.text(drifts), end="")
    if options.markdown:
        options.markdown.write_text(report.markdown(drifts, [models_dev, cline]), encoding="utf-8")
    if options.write:
        _write(root, texts, before, options.today)
    return 1 if options.check and any(drift.found for drift in drifts) else 0


def main(argv: list[str]) -> int:
    """Run; bad input is one clear message and exit code 2."""
    options = parser().parse_args(argv)
    try:
        return run(options)
    except (InputError, MappingError, UpstreamError, YamlError, ValueError) as error:
        print(f"scripts/sync: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
