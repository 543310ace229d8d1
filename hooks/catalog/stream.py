"""Which field a walk over a file's YAML events is at, so that every problem names one, even a syntax
error or a character refused before YAML read the text (located.py walks the events; this follows it).
"""

from __future__ import annotations

import re

import yaml


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


def field_of(path: FieldPath) -> str:
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
                field = field_of(path)  # a value: the path of its key
            path.step(event)
            if is_key:
                field = field_of(path)  # a key: the path it names
    except yaml.YAMLError:
        pass
    return field
