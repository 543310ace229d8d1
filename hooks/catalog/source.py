"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML's loaders lose positions, keep the last of two duplicate keys and expand aliases without a
bound. We walk the events first (`stream.py`: anchors, aliases, nesting, syntax), then compose the
node graph with the safe loader (libyaml's when present), refuse custom tags and duplicate keys, and
turn nodes into plain values that remember where they came from.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from . import characters, numbers
from .files import MAX_FILE_BYTES, read_text, refuse_characters
from .problems import Problem, SourceError
from .stream import MAX_DEPTH, check_events, field_at, position

try:  # libyaml is about five times faster; fall back to pure Python where it is missing
    SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_scalars = yaml.constructor.SafeConstructor()
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp")}

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


def _scalar(node: yaml.ScalarNode, shown: str, field: str):
    """A plain value; a timestamp becomes a date, an impossible one (2026-02-30) an error."""
    line, column = position(node.start_mark)
    refusal = numbers.refusal(node)
    if refusal:
        raise SourceError(Problem(shown, line, column, field, *refusal))
    try:
        value = _construct(node)
    except (ValueError, OverflowError) as error:
        raise SourceError(Problem(shown, line, column, field, f"{node.value!r} cannot be read: {error}",
                                  numbers.hint_for(node))) from None
    if isinstance(value, str) and node.style == '"':  # only escapes (\u202e) add what the raw text lacked
        refuse_characters(value, shown, field, (line, column))
    return value.date() if isinstance(value, datetime.datetime) else value


def _construct(node: yaml.ScalarNode):
    """The Python value of a scalar: text as written (most values), other plain types by PyYAML's own
    constructor, called directly so that it does not remember every node it has seen."""
    if node.tag == _STR_TAG:
        return node.value
    if node.tag in _SCALAR_TAGS:
        return _scalars.yaml_constructors[node.tag](_scalars, node)
    return _scalars.construct_object(node)  # !!map or !!seq on a scalar: PyYAML's own error


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
    """The located values of a file's text, refusing what source.py's docstring lists."""
    index = characters.first_refused(text)
    if index is not None:  # before YAML, which would stop at a NUL with a traceback of its own
        where = characters.position_in(text, index)
        readable = "".join(" " if characters.refused(char) else char for char in text)
        refuse_characters(text, shown, field_at(readable, where, SafeLoader), where)
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
