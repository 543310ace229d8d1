"""Results that depend only on the loaded catalog and a few plain arguments (a language, an id, a page's
text), kept for as long as that catalog is the current one.

A loaded Catalog never changes, so a result computed from it stays right until another catalog is loaded:
both language builds share these results, and so do `mkdocs serve` rebuilds while the data is unchanged.
The table can also be saved with the catalog's copy and read back (docsite/rendercache.py).
"""

from __future__ import annotations

import functools
import hashlib

_current: dict = {"catalog": None, "results": {}, "added": []}  # added: keys of results new to the saved copy


def results(catalog) -> dict:
    """{(function, *arguments): result} for this catalog; a different catalog starts an empty table."""
    if _current["catalog"] is not catalog:
        _current.update(catalog=catalog, results={}, added=[])
    return _current["results"]


def adopt(catalog, saved: dict, fresh: bool = False) -> None:
    """Take results saved for this very catalog (same data, code and day) as if computed in this process;
    `fresh` ones (made by a worker of this build, docsite/ahead.py) are new to the saved copy too."""
    table = results(catalog)
    for key, value in saved.items():
        if key not in table:
            table[key] = value
            if fresh:
                _current["added"].append(key)


def added(catalog) -> list:
    """The keys of the results this process computed for the catalog since they were last saved."""
    return _current["added"] if _current["catalog"] is catalog else []


def _short(argument):
    """A long text (a page's Markdown) stands in the key as its digest: the saved table stays small."""
    if isinstance(argument, str) and len(argument) > 200:
        return hashlib.blake2b(argument.encode("utf-8"), digest_size=20).digest()
    return argument


def saved(catalog) -> None:
    """The results so far are saved: only those computed from now on count as new."""
    if _current["catalog"] is catalog:
        _current["added"] = []


def per_catalog(function):
    """Compute `function(catalog, *arguments)` once per catalog and arguments; the arguments must be plain
    values (strings, numbers, tuples of them) that, with the catalog, decide the result entirely."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def wrapper(catalog, *arguments):
        table, key = results(catalog), (name, *map(_short, arguments))
        if key not in table:
            table[key] = function(catalog, *arguments)
            _current["added"].append(key)
        return table[key]
    return wrapper


def per_text(function):
    """Compute `function(text)` once, for a function of plain text alone that needs no catalog (a name's sort
    key): kept with the current catalog's results and saved with them, so a repeated build reads the result
    instead of loading what computing it takes (a dictionary of pinyin)."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def wrapper(text):
        table, key = _current["results"], (name, text)
        if key not in table:
            table[key] = function(text)
            _current["added"].append(key)
        return table[key]
    return wrapper
