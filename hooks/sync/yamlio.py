"""Round-trip YAML: read a data file and write it back byte for byte, except for the values we set."""

from __future__ import annotations

import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError


TOP_LEVEL_KEY = re.compile(r"^([^\s#-][^:]*):", re.MULTILINE)


class YamlError(Exception):
    """A data file ruamel.yaml cannot read; the message names the file and line."""


def _yaml() -> YAML:
    """The data files' layout: two-space indents, list dashes flush with their key, long lines kept whole."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap a long flow mapping or string
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.representer.ignore_aliases = lambda data: True  # one date object set on many models stays plain text
    return yaml


def load(path: Path, shown: str):
    """The file as ruamel's commented tree."""
    try:
        return _yaml().load(path.read_text(encoding="utf-8"))
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark else shown
        raise YamlError(f"{where}: not valid YAML ({getattr(error, 'problem', None) or error})") from error


def dump(tree) -> str:
    """The tree as text in the same layout it was read in."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def _blocks(text: str) -> dict:
    """The text cut at each top-level key: {key: its lines}, with None for what comes before the first."""
    starts = [(match.start(), match.group(1)) for match in TOP_LEVEL_KEY.finditer(text)]
    bounds = [(0, None)] + starts
    return {key: text[start:(bounds[index + 1][0] if index + 1 < len(bounds) else len(text))]
            for index, (start, key) in enumerate(bounds)}


def write_back(original: str, tree) -> str:
    """The edited tree as text, keeping the original bytes of every top-level key whose value did not change.

    ruamel.yaml keeps comments, order and flow style, but re-joins a flow list that a person wrapped over two
    lines; comparing with a plain round trip finds the keys we changed and leaves the others alone.
    """
    unchanged, edited = _blocks(dump(_yaml().load(original))), _blocks(dump(tree))
    kept = _blocks(original)
    return "".join(kept[key] if key in kept and unchanged.get(key) == block else block
                   for key, block in edited.items())


def flow_map(values: dict) -> CommentedMap:
    """A mapping written on one line, `{currency: USD, input: 0.59}`, as the data files write prices."""
    mapping = CommentedMap(values)
    mapping.fa.set_flow_style()
    return mapping


def flow_seq(values) -> CommentedSeq:
    """A list written on one line, `[vision, tools]`."""
    sequence = CommentedSeq(values)
    sequence.fa.set_flow_style()
    return sequence
