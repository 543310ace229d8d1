"""A saved copy of what the renderers computed from the catalog (render/memo.py), so a repeated build of the
same data and code reads the tables, pages, feeds and llms text it made last time instead of making them again.

The copy lives in `.cache/render/` beside the catalog's saved copy (catalog/cache.py). Its name is a SHA-256
of that copy's name (every file under data/, the catalog code, today's date), of the source of every hook
module, of the pinned requirements and of the Python version, so an edited data file, renderer or check, a
library upgrade or a new day gives a new name and the copy is never used for anything it was not made from.
Every result's key holds the rest of what decides it (language, ids, the page's text or its digest, the
site's address). Only plain values are saved (text, numbers, tuples of them), with `marshal`: reading the
copy builds data, never objects or code.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path

import catalog as catalog_loader
from catalog import cache
from render import memo

FOLDER = ".cache/render"
HOOKS = Path(__file__).resolve().parent.parent
PLAIN = (str, bytes, int, float, bool, type(None))
_state: dict = {"restored": None, "count": 0}  # the catalog whose copy was read, and how many results it held


def _name(catalog, root: Path) -> str | None:
    """The copy's name for this catalog, code and pinned libraries; None when the catalog has no saved copy."""
    saved = catalog_loader.saved_name(catalog)
    if saved is None:
        return None
    digest = hashlib.sha256(f"{saved}\0{sys.version}\0".encode("utf-8"))
    for path in sorted(root.glob("requirements*.txt")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(HOOKS.rglob("*.py")):
        digest.update(path.relative_to(HOOKS).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_plain(value) -> bool:
    """Text, numbers and tuples of them: what marshal writes and reads back as the same value."""
    return isinstance(value, PLAIN) or (type(value) is tuple and all(is_plain(item) for item in value))


def restore(catalog, root: Path) -> int:
    """Take the saved results for this catalog, once per loaded catalog (serve rebuilds keep them in memory);
    how many there were."""
    if _state["restored"] is catalog:
        return _state["count"]
    _state.update(restored=catalog, count=0)
    name = _name(catalog, root)
    if name is None:
        return 0
    try:
        saved = marshal.loads((root / FOLDER / f"{name}.marshal").read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return 0  # missing or unreadable: computed again and saved anew
    if isinstance(saved, dict):
        memo.adopt(catalog, saved)
        _state["count"] = len(saved)
    return _state["count"]


def save(catalog, root: Path, serving: bool = False) -> None:
    """Save the results when this build computed new ones (atomically), keeping the newest few copies.
    Not while serving: its rebuilds keep the results in memory, and writing the copy would slow each one."""
    results = memo.results(catalog)
    if serving or not any(is_plain(key) and is_plain(results[key]) for key in memo.added(catalog)):
        return  # nothing new, or only results that are not saved (objects, kept in memory)
    name = _name(catalog, root)
    if name is None:
        return
    table = {key: value for key, value in results.items() if is_plain(key) and is_plain(value)}
    if not cache.keep_copy(root / FOLDER, f"{name}.marshal", marshal.dumps(table)):
        return
    memo.saved(catalog)
    _state["count"] = len(table)
