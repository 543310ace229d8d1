"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's loaders lose positions, keep the last of two duplicate keys and expand aliases without a
bound. We walk the events first (`stream.py`: anchors, aliases, nesting, syntax), then compose the
node graph with the safe loader (libyaml's when present), refuse custom tags and duplicate keys, and
turn nodes into plain values that remember where they came from.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from pathlib import Path

import yaml

from . import characters, numbers
from .problems import Problem, SourceError
from .stream import MAX_DEPTH, check_events, position

try:  # libyaml is about five times faster; fall back to pure Python where it is missing
    SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

MAX_FILE_BYTES = 512 * 1024
STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_scalars = yaml.constructor.SafeConstructor()

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


class Located:
    """Mixin: the position of the container and of each of its items (1-based line, column)."""

    mark: tuple[int, int]
    marks: dict


class LocatedMap(dict, Located):
    pass


class LocatedList(list, Located):
    pass


def _open_regular(path: Path, shown: str) -> int:
    """A descriptor of a regular file; a symlink, folder, FIFO or device is refused before it is read."""
    try:
        # O_NOFOLLOW: a link to /etc/passwd is never opened; O_NONBLOCK: a FIFO cannot hang the build.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise SourceError(Problem(shown, 1, 1, "", "file is missing", "restore it from the repository")) from None
    except OSError:
        kind = "a symbolic link" if path.is_symlink() else "unreadable"
        raise SourceError(Problem(shown, 1, 1, "", f"file is {kind}",
                                  "data files are regular files in the repository; copy the content in")) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise SourceError(Problem(shown, 1, 1, "", "not a regular file (a folder, pipe or device)",
                                  "data files are plain text files"))
    return descriptor


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a regular file under the size limit; the size is checked before anything is read."""
    descriptor = _open_regular(path, shown)
    with os.fdopen(descriptor, "rb") as handle:
        size = os.fstat(descriptor).st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(Problem(shown, 1, 1, "", f"file is {size:,} bytes",
                                      f"data files must stay under {MAX_FILE_BYTES:,} bytes"))
        raw = handle.read(MAX_FILE_BYTES + 1)  # a file that grew since fstat is still cut at the limit
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(Problem(shown, 1, 1, "", "file grew past the size limit while read",
                                  f"data files must stay under {MAX_FILE_BYTES:,} bytes"))
    return raw


def _refuse_characters(text: str, shown: str, field: str, start: tuple[int, int] = (1, 1)) -> None:
    """SourceError at the first character the data files may not hold (characters.py)."""
    index = characters.first_refused(text)
    if index is None:
        return
    line, column = characters.position_in(text, index) if start == (1, 1) else start
    raise SourceError(Problem(shown, line, column, field, f"character {characters.describe(text[index])} is not "
                              "allowed", f"delete it; data files hold {characters.ALLOWED_TEXT}"))


def read_text(path: Path, shown: str) -> str:
    """Bytes to text, refusing what is too large, not UTF-8, invisible or control, or indented with tabs."""
    raw = read_bytes(path, shown)
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark some editors add is dropped, not refused
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(Problem(shown, line, 1, "", "file is not valid UTF-8",
                                  "save it as UTF-8 (no BOM needed)")) from None
    _refuse_characters(text, shown, "")
    for number, line in enumerate(text.splitlines(), start=1):
        indent = re.match(r"[ \t]*", line).group()
        if "\t" in indent:
            raise SourceError(Problem(shown, number, indent.index("\t") + 1, "",
                                      "tab used for indentation", "indent with spaces"))
    return text


def _scalar(node: yaml.ScalarNode, shown: str, field: str):
    """A plain value; a timestamp becomes a date, an impossible one (2026-02-30) an error."""
    line, column = position(node.start_mark)
    refusal = numbers.refusal(node)
    if refusal:
        raise SourceError(Problem(shown, line, column, field, *refusal))
    try:
        value = _scalars.construct_object(node)
    except (ValueError, OverflowError) as error:
        raise SourceError(Problem(shown, line, column, field, f"{node.value!r} cannot be read: {error}",
                                  numbers.hint_for(node))) from None
    if isinstance(value, str):
        _refuse_characters(value, shown, field, (line, column))
    return value.date() if isinstance(value, datetime.datetime) else value


def _to_value(node: yaml.Node, shown: str, field: str = ""):
    if node.tag not in STANDARD_TAGS:
        line, column = position(node.start_mark)
        raise SourceError(Problem(shown, line, column, field, f"custom tag {node.tag!r} is not allowed",
                                  "use plain YAML values (text, numbers, lists, mappings)"))
    if isinstance(node, yaml.MappingNode):
        return _to_map(node, shown, field)
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_to_value(item, shown, f"{field}[{index}]") for index, item in enumerate(node.value))
        items.mark = position(node.start_mark)
        items.marks = {index: position(item.start_mark) for index, item in enumerate(node.value)}
        return items
    return _scalar(node, shown, field)


def _to_map(node: yaml.MappingNode, shown: str, field: str) -> LocatedMap:
    mapping = LocatedMap()
    mapping.mark = position(node.start_mark)
    mapping.marks = {}
    for key_node, value_node in node.value:
        key = _to_value(key_node, shown, field)
        line, column = position(key_node.start_mark)
        if not isinstance(key, str):
            raise SourceError(Problem(shown, line, column, field, f"key {key!r} is not text",
                                      "keys are field names such as `context`"))
        where = f"{field}.{key}" if field else key
        if key in mapping:
            first = mapping.marks[key][0]
            raise SourceError(Problem(shown, line, column, where, f"duplicate key (first set on line {first})",
                                      "keep one of the two; YAML would silently drop the first"))
        mapping[key] = _to_value(value_node, shown, where)
        mapping.marks[key] = (line, column)
    return mapping


def load_file(path: Path, shown: str):
    """Parse one data file into located values; raise SourceError with the first fatal problem."""
    text = read_text(path, shown)
    check_events(text, shown, SafeLoader)
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:  # check_events has read the same stream, so this is unexpected
        raise SourceError(Problem(shown, 1, 1, "", f"YAML error: {error}",
                                  "check the file is plain YAML text")) from None
    if node is None:
        raise SourceError(Problem(shown, 1, 1, "", "file is empty",
                                  "start from templates/provider.yaml or a file of the same kind"))
    try:
        return _to_value(node, shown)
    except yaml.constructor.ConstructorError as error:
        line, column = position(error.problem_mark) if error.problem_mark else (1, 1)
        raise SourceError(Problem(shown, line, column, "", f"unreadable value: {error.problem}",
                                  "use plain YAML values (text, numbers, lists, mappings)")) from None
