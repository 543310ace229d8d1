"""Read one YAML data file safely, keeping the line and column of every value.

The text is checked for refused characters first (YAML would stop at a NUL with a traceback of its
own), then located.py walks its YAML events once, checking them and building the values.
"""

from __future__ import annotations

from pathlib import Path

from . import characters
from .files import MAX_FILE_BYTES, read_text, refuse_characters
from .located import SafeLoader, build
from .stream import MAX_DEPTH, field_at

# What reading a file refuses before any field is checked, as the JSON Schemas tell contributors.
FILE_RULES = (
    "no duplicate keys (YAML would silently keep the last one)",
    "no anchors, aliases (&name, *name) or custom tags (!!python/…)",
    f"a regular file (no symbolic link, folder or pipe) of UTF-8 text, indented with spaces (no tabs), under "
    f"{MAX_FILE_BYTES // 1024} KiB, nested at most {MAX_DEPTH} levels",
    "the top level is a mapping (a list for data/glossary.yaml)",
    f"{characters.ALLOWED_TEXT}, raw or escaped",
    "numbers in plain decimal (no 0x, 0o, 1_000 or 1:30 forms, no .inf or .nan); true and false only as "
    "written, not yes, no, on or off",
)


# Located trees of files read before, by name and exact text: a `mkdocs serve` rebuild after saving one
# file parses that file only. The checks only read trees, so sharing them between loads is safe.
_parsed: dict[tuple[str, str], object] = {}
MAX_REMEMBERED = 2000


def load_file(path: Path, shown: str):
    """Parse one data file into located values; raise SourceError with the first fatal problem."""
    text = read_text(path, shown)  # every read still passes the file checks of files.py
    remembered = _parsed.get((shown, text))
    if remembered is None:
        remembered = _parse(text, shown)
        if len(_parsed) >= MAX_REMEMBERED:
            _parsed.clear()
        _parsed[(shown, text)] = remembered
    return remembered


def _parse(text: str, shown: str):
    """The located values of a file's text, refusing what FILE_RULES lists."""
    index = characters.first_refused(text)
    if index is not None:  # before YAML, which would stop at a NUL with a traceback of its own
        where = characters.position_in(text, index)
        readable = "".join(" " if characters.refused(char) else char for char in text)
        refuse_characters(text, shown, field_at(readable, where, SafeLoader), where)
    return build(text, shown)
