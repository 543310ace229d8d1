"""Walk a file's YAML events before any value is built: refuse anchors, aliases and deep nesting,
and name the field where the walk stopped, so even a syntax error points at one.

An alias bomb is refused at its first anchor and a `[[[[…` file at its 21st level, before any node
graph exists, so both cost milliseconds instead of memory or a RecursionError.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem, SourceError

MAX_DEPTH = 20  # the deepest real value (a price tier's field) sits 6 levels down


def position(mark) -> tuple[int, int]:
    """A PyYAML mark as 1-based (line, column)."""
    return (mark.line + 1, mark.column + 1)


class FieldPath:
    """Which field the event stream is at, e.g. models[3].price: one frame per open mapping or list."""

    def __init__(self):
        self.frames: list[list] = []  # [is_mapping, key or index, waiting for a key]

    def step(self, event) -> None:
        """Follow one event: a key, a value, or a mapping or list opening or closing."""
        top = self.frames[-1] if self.frames else None
        if isinstance(event, yaml.ScalarEvent) and top and top[0] and top[2]:
            top[1], top[2] = event.value, False
        elif isinstance(event, yaml.CollectionStartEvent):
            self.frames.append([isinstance(event, yaml.MappingStartEvent), None if isinstance(
                event, yaml.MappingStartEvent) else 0, True])
        elif isinstance(event, yaml.CollectionEndEvent):
            self.frames.pop()
            self._value_done()
        elif isinstance(event, yaml.ScalarEvent):
            self._value_done()

    def _value_done(self) -> None:
        # After a value, a mapping waits for its next key and a list moves to its next item.
        if self.frames:
            top = self.frames[-1]
            top[1:] = [top[1], True] if top[0] else [top[1] + 1, True]

    def at_event(self) -> str:
        """The field of the event just opened: the path including the innermost key or index."""
        parts = [f".{slot}" if is_mapping else f"[{slot}]" for is_mapping, slot, _ in self.frames if slot is not None]
        return "".join(parts).lstrip(".")


def _field(path: FieldPath) -> str:
    """The innermost named field: trailing list indexes (models[0].capabilities[0][0]…) say little."""
    return re.sub(r"(\[\d+\])+$", "", path.at_event())


def field_at(text: str, where: tuple[int, int], loader) -> str:
    """The field holding the character at (line, column), for problems found before YAML read the text.
    Best effort: the walk stops at a syntax error and names the last field it reached."""
    path, field = FieldPath(), ""
    try:
        for event in yaml.parse(text, Loader=loader):
            if position(event.start_mark) > where:
                break
            top = path.frames[-1] if path.frames else None
            is_key = isinstance(event, yaml.ScalarEvent) and top is not None and top[0] and top[2]
            if isinstance(event, yaml.ScalarEvent) and not is_key:
                field = _field(path)  # a value: the path of its key
            path.step(event)
            if is_key:
                field = _field(path)  # a key: the path it names
    except yaml.YAMLError:
        pass
    return field


def _refuse(shown: str, event, field: str, message: str, hint: str) -> SourceError:
    line, column = position(event.start_mark)
    return SourceError(Problem(shown, line, column, field, message, hint))


def check_events(text: str, shown: str, loader) -> None:
    """Raise SourceError at the first anchor, alias, too-deep value or syntax error."""
    path, depth = FieldPath(), 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _refuse(shown, event, path.at_event(), "YAML anchors and aliases are not allowed",
                              "write the value out in full")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refuse(shown, event, _field(path), f"nested more than {MAX_DEPTH} levels deep",
                                  "data files are a few levels deep; check the brackets and indentation")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            path.step(event)
    except yaml.YAMLError as error:  # a MarkedYAMLError, or a ReaderError the character rule should have caught
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = position(mark) if mark else (1, 1)
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(Problem(shown, line, column, _field(path), f"YAML syntax error: {problem}",
                                  "check indentation, colons and quotes near this line")) from None
