"""One walk over a file's YAML events that checks them and builds the located values as it goes.

PyYAML's loaders lose positions, keep the last of two duplicate keys and expand aliases without a
bound. Here each event is checked as it arrives (no anchors or aliases, no custom tags, at most
MAX_DEPTH levels, no duplicate or non-text keys), then becomes part of a plain value that remembers
where it came from: an alias bomb or a `[[[[…` file is refused at its first anchor or its 21st level,
before anything is built, and no node graph is composed only to be walked again. libyaml parses
the events when present.
"""

from __future__ import annotations

import datetime
import itertools

import yaml

from . import numbers
from .files import refuse_characters
from .problems import Problem, SourceError
from .stream import MAX_DEPTH, FieldPath, field_of, position

try:  # libyaml is about five times faster; fall back to pure Python where it is missing
    SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_scalars = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp")}


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


def build(text: str, shown: str):
    """The located value of a file's text; SourceError at the first problem."""
    frames, documents, count = [], [], 0  # documents: the top-level value of each document
    try:
        for count, event in enumerate(yaml.parse(text, Loader=SafeLoader), 1):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor:
                    raise _refuse(shown, event, _path(text, count - 1).at_event(), *ALIASES)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = _resolve(event.value, event.implicit)
                # Most values are text as written; anything else is checked and constructed.
                value = event.value if tag == _STR_TAG and event.style != '"' else _scalar_event(
                    event, tag, shown, frames)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = frames.pop()[0]
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _check_opening(event, shown, frames, text, count)
                frames.append(_open(event, shown, frames))
                continue
            elif kind is yaml.AliasEvent:
                raise _refuse(shown, event, _path(text, count - 1).at_event(), *ALIASES)
            else:
                continue  # stream and document boundaries
            if frames:
                _place(frames[-1], value, event, shown)
            else:
                documents.append(value)
    except yaml.constructor.ConstructorError as error:  # !!map on a scalar and the like
        line, column = position(error.problem_mark) if error.problem_mark else (1, 1)
        raise SourceError(Problem(shown, line, column, _field(frames), f"unreadable value: {error.problem}",
                                  "use plain YAML values (text, numbers, lists, mappings)")) from None
    except yaml.YAMLError as error:  # a MarkedYAMLError, or a ReaderError the character rule should have caught
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = position(mark) if mark else (1, 1)
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(Problem(shown, line, column, field_of(_path(text, count)), f"YAML syntax error: {problem}",
                                  "check indentation, colons and quotes near this line")) from None
    if len(documents) != 1:
        raise SourceError(Problem(shown, 1, 1, "", "file is empty" if not documents else
                                  f"{len(documents)} YAML documents in one file", "start from templates/provider.yaml "
                                  "or a file of the same kind" if not documents else "remove the `---` lines"))
    return documents[0]


ALIASES = ("YAML anchors and aliases are not allowed", "write the value out in full")
_resolved: dict = {}  # (text, implicit) -> tag: a catalog repeats its keys and values thousands of times


def _resolve(value: str, implicit: tuple) -> str:
    """The tag YAML gives a scalar written without one (str, int, bool…), by PyYAML's own rules."""
    key = (value, implicit)
    tag = _resolved.get(key)
    if tag is None:
        if len(_resolved) >= 100_000:
            _resolved.clear()
        tag = _resolved[key] = _resolver.resolve(yaml.ScalarNode, value, implicit)
    return tag


def _path(text: str, count: int) -> FieldPath:
    """Where the walk was after `count` events, to name the field of a problem (walked again only then)."""
    path = FieldPath()
    for event in itertools.islice(yaml.parse(text, Loader=SafeLoader), count):
        path.step(event)
    return path


def _check_opening(event, shown: str, frames: list, text: str, count: int) -> None:
    """A mapping or list may not carry an anchor nor open a level deeper than MAX_DEPTH."""
    if event.anchor:
        raise _refuse(shown, event, _path(text, count - 1).at_event(), *ALIASES)
    if len(frames) >= MAX_DEPTH:
        raise _refuse(shown, event, field_of(_path(text, count - 1)), f"nested more than {MAX_DEPTH} levels deep",
                      "data files are a few levels deep; check the brackets and indentation")


def _refuse(shown: str, event, field: str, message: str, hint: str) -> SourceError:
    line, column = position(event.start_mark)
    return SourceError(Problem(shown, line, column, field, message, hint))


def _field(frames: list) -> str:
    """The field the next value belongs to: a mapping's current key, or a list's next index."""
    if not frames:
        return ""
    container, field, key, _ = frames[-1]
    if isinstance(container, LocatedList):
        return f"{field}[{len(container)}]"
    if key is None:
        return field  # a key itself is named by its mapping's field
    return f"{field}.{key}" if field else key


def _check_tag(tag: str | None, event, shown: str, frames: list) -> None:
    if tag is not None and tag not in STANDARD_TAGS:
        raise _refuse(shown, event, _field(frames), f"custom tag {tag!r} is not allowed",
                      "use plain YAML values (text, numbers, lists, mappings)")


def _open(event, shown: str, frames: list) -> list:
    """A new mapping or list frame: [container, its field, the key waiting for its value, that key's mark]."""
    _check_tag(event.tag if event.tag != "!" else None, event, shown, frames)
    if frames and isinstance(frames[-1][0], LocatedMap) and frames[-1][2] is None:
        line, column = position(event.start_mark)
        kind = "mapping" if isinstance(event, yaml.MappingStartEvent) else "list"
        raise SourceError(Problem(shown, line, column, frames[-1][1], f"key (a {kind}) is not text",
                                  "keys are field names such as `context`"))
    container = LocatedMap() if isinstance(event, yaml.MappingStartEvent) else LocatedList()
    container.mark, container.marks = position(event.start_mark), {}
    return [container, _field(frames), None, None]


def _scalar_event(event, tag: str, shown: str, frames: list):
    """The value of a scalar other than plain text, constructed as PyYAML's safe constructor would."""
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    _check_tag(tag, event, shown, frames)
    return _scalar(node, shown, _field(frames))


def _place(frame: list, value, event, shown: str) -> None:
    """Put a finished value into the open mapping (as a key, or as the value of the waiting key) or list."""
    container, field, key, _ = frame
    if isinstance(container, LocatedList):
        container.marks[len(container)] = value.mark if isinstance(value, (LocatedMap, LocatedList)) \
            else position(event.start_mark)
        container.append(value)
        return
    if key is None:
        line, column = position(event.start_mark)
        if not isinstance(value, str):
            raise SourceError(Problem(shown, line, column, field, f"key {value!r} is not text",
                                      "keys are field names such as `context`"))
        if value in container:
            first = container.marks[value][0]
            where = f"{field}.{value}" if field else value
            raise SourceError(Problem(shown, line, column, where, f"duplicate key (first set on line {first})",
                                      "keep one of the two; YAML would silently drop the first"))
        frame[2], frame[3] = value, (line, column)
        return
    container[key] = value
    container.marks[key] = frame[3]
    frame[2] = frame[3] = None
