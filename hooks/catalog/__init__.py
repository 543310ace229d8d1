"""Load the catalog: read every data file, validate all of it, and build frozen objects.

`load(data_dir, root)` raises CatalogError listing every problem in every file, or returns a Catalog.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import build, cache, changelog, rules, template_rules
from .entities import Catalog
from .fields import Spot
from .problems import CatalogError, Problem, SourceError
from .source import load_file
from .specs import CHANGES, GLOSSARY, GUIDES, LABELS, PROVIDER, TASK_PROFILES, VENDORS
from .task_rules import check_task_profiles

__all__ = ["Catalog", "CatalogError", "Problem", "load", "load_cached", "saved_name", "stats"]

PROVIDER_FILE = re.compile(r"[a-z0-9][a-z0-9-]*\.yaml")
stats = {"parses": 0}
_cache: dict = {}


def _read(path: Path, root: Path, spec, problems: list):
    """Parse and check one file; None (with problems recorded) when it cannot be used."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    try:
        tree = load_file(path, shown)
    except SourceError as error:
        problems.append(error.problem)
        return None, shown
    # A file holding a bare value (`null`, a number) has no position of its own: report its first line.
    found = spec.check(tree, Spot(shown, "", *getattr(tree, "mark", (1, 1))))
    problems += found
    return (None if found else tree), shown


def _provider_files(data_dir: Path, root: Path, problems: list) -> list[Path]:
    files = sorted((data_dir / "providers").glob("*"))
    for path in files:
        if not PROVIDER_FILE.fullmatch(path.name):
            problems.append(Problem(path.relative_to(root).as_posix(), 1, 1, "", "file name is not a provider id",
                                    "name provider files like `groq.yaml` or `lm-studio.yaml` (a-z, 0-9, -)"))
    return [path for path in files if PROVIDER_FILE.fullmatch(path.name)]


def _read_labels(folder: Path, root: Path, problems: list) -> dict | None:
    """Merge data/labels/*.yaml; one file per area of the site, a key defined twice is an error.
    Then every label the site uses must be there, with only the placeholders it receives."""
    merged, origin = {}, {}
    for path in sorted(folder.glob("*.yaml")):
        tree, shown = _read(path, root, LABELS, problems)
        for key in tree or {}:
            if key in merged:
                line, column = tree.marks[key]
                problems.append(Problem(shown, line, column, key, f"label already defined in {origin[key]}",
                                        "use a new key or edit the existing label"))
            merged[key], origin[key] = tree[key], shown
    problems += template_rules.check_labels(merged, origin, folder.relative_to(root).as_posix())
    return merged


def load(data_dir: Path, root: Path) -> Catalog:
    stats["parses"] += 1
    problems: list[Problem] = []
    vendors, _ = _read(data_dir / "vendors.yaml", root, VENDORS, problems)
    labels = _read_labels(data_dir / "labels", root, problems)
    glossary, _ = _read(data_dir / "glossary.yaml", root, GLOSSARY, problems)
    guides, guides_path = _read(data_dir / "guides.yaml", root, GUIDES, problems)
    if guides is not None:
        problems += template_rules.check_guides(guides, guides_path)
    task_profiles, profiles_path = _read(data_dir / "task-profiles.yaml", root, TASK_PROFILES, problems)
    if task_profiles is not None:
        problems += check_task_profiles(task_profiles, profiles_path)
    vendor_map = build.vendors(vendors) if vendors is not None else {}
    providers, trees = [], []
    for path in _provider_files(data_dir, root, problems):
        tree, shown = _read(path, root, PROVIDER, problems)
        if tree is None or vendors is None:
            continue
        found = rules.check_models(tree, shown, vendors) + rules.check_sources(tree, shown)
        found += template_rules.check_guide_fields(tree, shown, guides) if guides is not None else []
        problems += found
        if not found:
            providers.append(build.provider(path.stem, shown, tree, vendor_map))
            trees.append((tree, shown))
    problems += rules.check_served_models(trees)
    if not providers and not problems:
        problems.append(Problem((data_dir / "providers").relative_to(root).as_posix(), 1, 1, "",
                                "no provider files", "add data/providers/<id>.yaml"))
    changes = _read_changes(data_dir, root, providers, problems)
    if problems:
        raise CatalogError(problems)
    return build.catalog(providers, vendor_map, labels, glossary, guides, task_profiles, changes)


def _read_changes(data_dir: Path, root: Path, providers: list, problems: list) -> tuple:
    """data/changes.yaml, checked against the providers; a catalog without the file has no recorded changes."""
    if not (data_dir / "changes.yaml").is_file():
        return ()
    tree, shown = _read(data_dir / "changes.yaml", root, CHANGES, problems)
    if tree is None:
        return ()
    by_id = {provider.id: provider for provider in providers}
    ids = {path.stem for path in (data_dir / "providers").glob("*.yaml")}
    problems += changelog.check(tree, shown, by_id, ids)
    # Built only from a wholly valid catalog: an entry may name a provider whose own file failed.
    return () if problems else changelog.build(tree, by_id)


def _signature(data_dir: Path) -> tuple:
    return tuple((path.as_posix(), path.stat().st_mtime_ns, path.stat().st_size)
                 for path in sorted(data_dir.rglob("*")) if path.is_file())


def load_cached(data_dir: Path, root: Path) -> Catalog:
    """Load once per change of the data files: both language builds and `mkdocs serve` reuse it."""
    key = (data_dir.resolve(), _signature(data_dir))
    if _cache.get("key") != key:
        _cache.clear()
        _cache.update(key=key, catalog=_load_saved(data_dir, root))
    return _cache["catalog"]


def _load_saved(data_dir: Path, root: Path) -> Catalog:
    """The copy saved by an earlier build of the same data and code (cache.py), else a full load."""
    name = cache.key(data_dir)
    _cache["name"] = name
    saved = cache.read(root, name) if name else None
    if isinstance(saved, Catalog):
        return saved
    loaded = load(data_dir, root)
    if name:
        cache.write(root, name, loaded)
    return loaded


def saved_name(catalog: Catalog) -> str | None:
    """The name of the catalog's saved copy (data, code and day: cache.py) if it is the loaded one, else None."""
    return _cache.get("name") if _cache.get("catalog") is catalog else None
