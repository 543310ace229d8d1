"""Mutations of the real data files, as a pull request could carry them, for the property test in
test_hostile_input.py. Each mutation says whether the catalog must refuse it or may accept it.

Value mutations load a real file, put a YAML token at one leaf of a chosen kind (text, URL, price,
token count, date) and write the file back; file mutations change its bytes or replace it with
something that is not a plain file. Payloads are written here, not derived from the validator, so the
test does not grade the code with its own rules.
"""

from __future__ import annotations

import datetime
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import yaml
from hypothesis import strategies as st

MUST, MAY = "refuse", "may accept"
URL_KEYS = {"url", "website", "console_url", "api_key_url", "pricing_url", "models_url", "docs_url",
            "live_models", "console", "source"}
PRICE_KEYS = {"input", "output", "cache_read", "cache_write"}
COUNT_KEYS = {"context", "max_output", "up_to"}

# Markup a page, the search index or an llms file must show as text, never run or follow.
MARKUP = ["<hostile-x onhostile=1>x</hostile-x>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
          "[x](javascript:alert(1))", "see https://a.example/)[x](javascript:alert(1))", "&lt;script&gt;",
          "**b** _i_ | cell | `code` ~~s~~ # h", "<!-- c --> ]]> \\", "{{ jinja }}", "{", "}",
          'x" onhostile="1', "x' onhostile='1", "</td></tr><hostile-x>", "&#60;hostile-x&#62;"]
# Text that real Chinese and emoji copy needs: accepted.
REAL_TEXT = ["通义千问，支持 128K 上下文。", "👩‍💻 编程 ❤️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 flag", "A\u00a0B\u3000C"]
# Characters no data file may hold, whether typed raw or written as a YAML escape.
INVISIBLE = ["\u202e", "\u2066", "\u200b", "\u200e", "\u2060", "\ufeff", "\x00", "\x07", "\x1b", "\x7f",
             "\x85", "\ue000", "\U000f0000", "\ufdd0", "\uffff", "\u2028", "\u3164", "\u00ad"]
PLACEHOLDERS = ["{bogus}", "{valu}", "{0}", "{name.__class__}", "{name!r}", "{total:>10}"]
BAD_URLS = ["https://user:pass@a.example/", "https://[::1", "https://a.example:99999/", "https://a.example:0/",
            "https://a.example/)[x](javascript:alert(1))", "https://a.example/\u202ex", "https://a.example/a b",
            "javascript:alert(1)", "http://a.example/", "https:///path", "https://a.example/<x>",
            "https://a.example/`x`", "//a.example/", "https://a..example/", "data:text/html,<script>"]
GOOD_URLS = ["https://a.example/", "https://docs.a-b.example/v1/models?x=1#top", "https://a.example:8443/p"]
BAD_PRICES = ["1.0e+308", "-0.0", "1.0e-7", "-1", ".inf", ".nan", "0x1F", "1_000", "190:20:30", "9" * 40, "yes"]
GOOD_PRICES = ["0.59", "3", "0.0375", "150"]
BAD_COUNTS = ["1" + "0" * 40, "190:20:30", "0o17", "0x20000", "1_000", "0", "-5", "131072.5", "1.0e+3", "on"]
GOOD_COUNTS = ["8192", "131072"]
BAD_DATES = ["9999-12-31", "0001-01-01", "2026-02-30", "1999-01-01", "2026-13-01"]


@dataclass(frozen=True)
class Leaf:
    """One value in a data file: its path of keys and indexes, and the value."""

    path: tuple
    value: object

    @property
    def key(self) -> str:
        named = [part for part in self.path if isinstance(part, str)]
        return named[-1] if named else ""

    def kind(self) -> str:
        if self.key in URL_KEYS and isinstance(self.value, str):
            return "url"
        if self.key in PRICE_KEYS:
            return "price"
        if self.key in COUNT_KEYS:
            return "count"
        if isinstance(self.value, datetime.date):
            return "date"
        return "text" if isinstance(self.value, str) else "other"


def leaves(tree, path: tuple = ()) -> list[Leaf]:
    """Every scalar of a loaded data file."""
    if isinstance(tree, dict):
        return [leaf for key, value in tree.items() for leaf in leaves(value, path + (key,))]
    if isinstance(tree, list):
        return [leaf for index, value in enumerate(tree) for leaf in leaves(value, path + (index,))]
    return [Leaf(path, tree)]


def quoted(text: str, escaped: bool) -> str:
    """A YAML double-quoted scalar: characters escaped (\\u202e) or written raw."""
    if escaped:
        return json.dumps(text, ensure_ascii=True)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def with_token(tree, path: tuple, token: str) -> str:
    """The tree dumped as YAML, with the YAML token `token` written at `path` exactly as given."""
    node = tree
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = "@@HOSTILE@@"
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000)
    return text.replace("'@@HOSTILE@@'", token).replace("@@HOSTILE@@", token)


def _in_template(target: str, leaf: Leaf) -> bool:
    """True where {placeholders} are read: labels, guides and a provider's own steps."""
    return target.startswith("labels/") or target == "guides.yaml" or (
        target.startswith("providers/") and leaf.path[:1] in (("key_steps",), ("setup_steps",)))


@st.composite
def text_token(draw, target: str, leaf: Leaf) -> tuple[str, str, str]:
    """(YAML token, expectation, name) for a text leaf."""
    choice = draw(st.sampled_from(["markup", "real", "invisible", "placeholder", "random", "long"]))
    if choice == "markup":
        return quoted(draw(st.sampled_from(MARKUP)), False), MAY, "markup text"
    if choice == "real":
        return quoted(draw(st.sampled_from(REAL_TEXT)), False), MAY, "Chinese and emoji text"
    if choice == "invisible":
        char, escaped = draw(st.sampled_from(INVISIBLE)), draw(st.booleans())
        return quoted(f"a{char}b", escaped), MUST, f"{'escaped' if escaped else 'raw'} U+{ord(char):04X}"
    if choice == "placeholder":
        return quoted(draw(st.sampled_from(PLACEHOLDERS)), False), (
            MUST if _in_template(target, leaf) else MAY), "unknown placeholder"
    if choice == "long":
        return quoted("x" * draw(st.integers(50, 2500)), False), MAY, "long unbroken text"
    return quoted(draw(st.text(max_size=40)), True), MAY, "random text"


@st.composite
def value_token(draw, target: str, leaf: Leaf) -> tuple[str, str, str]:
    """(YAML token, expectation, name) for a leaf of any kind."""
    kind = leaf.kind()
    if kind == "url":
        bad = draw(st.booleans())
        url = draw(st.sampled_from(BAD_URLS if bad else GOOD_URLS))
        return quoted(url, False), (MUST if bad else MAY), f"URL {url!r}"
    if kind in ("price", "count"):
        bad = draw(st.booleans())
        pool = (BAD_PRICES if bad else GOOD_PRICES) if kind == "price" else (BAD_COUNTS if bad else GOOD_COUNTS)
        token = draw(st.sampled_from(pool))
        return token, (MUST if bad else MAY), f"{kind} {token}"
    if kind == "date":
        future = (datetime.date.today() + datetime.timedelta(days=draw(st.integers(2, 4000)))).isoformat()
        token = draw(st.sampled_from([*BAD_DATES, future]))
        expect = MAY if token == future and leaf.key == "deprecated" else MUST
        return token, expect, f"date {token}"
    if kind == "text":
        return draw(text_token(target, leaf))
    return draw(st.sampled_from(["yes", "off", "0x10", "~"])), MAY, "YAML 1.1 value"


@dataclass
class Mutation:
    """What was done to which file, and what the catalog must make of it."""

    target: str
    name: str
    expect: str


def write_value(draw, data: Path, target: str) -> Mutation:
    """Put a hostile (or harmless) value at one leaf of the target file."""
    tree = yaml.safe_load((data / target).read_text(encoding="utf-8"))
    candidates = [leaf for leaf in leaves(tree) if leaf.path and leaf.kind() != "other"]
    leaf = draw(st.sampled_from(candidates))
    token, expect, name = draw(value_token(target, leaf))
    (data / target).write_text(with_token(tree, leaf.path, token), encoding="utf-8")
    return Mutation(target, f"{name} at {'.'.join(map(str, leaf.path))}", expect)


def replace_file(draw, data: Path, target: str) -> Mutation:
    """Replace the file with something that is not a data file of its kind."""
    path = data / target
    how = draw(st.sampled_from(["null", "scalar", "list", "symlink-system", "symlink-sibling", "folder", "fifo",
                                "sparse", "missing", "control-byte", "random-bytes"]))
    text = path.read_bytes()
    path.unlink()
    if how in ("null", "scalar", "list"):
        path.write_text({"null": "null\n", "scalar": "42\n", "list": "- a\n- b\n"}[how], encoding="utf-8")
    elif how.startswith("symlink"):
        path.symlink_to("/etc/passwd" if how == "symlink-system" else data / "vendors.yaml")
    elif how == "folder":
        path.mkdir()
    elif how == "fifo":
        os.mkfifo(path)
    elif how == "sparse":
        with path.open("wb") as handle:
            handle.truncate(2 * 1024**3)  # 2 GiB of nothing: must be refused without reading it
    elif how == "control-byte":
        at = draw(st.integers(0, len(text)))
        path.write_bytes(text[:at] + draw(st.sampled_from([b"\x00", b"\x07", b"\x1b", b"\x7f", b"\x0c"])) + text[at:])
    elif how == "random-bytes":
        at = draw(st.integers(0, len(text)))
        path.write_bytes(text[:at] + draw(st.binary(min_size=1, max_size=8)) + text[at:])
        return Mutation(target, "random bytes inserted", MAY)
    if how == "missing" and target.startswith("providers/"):
        return Mutation(target, "provider file removed", MAY)
    return Mutation(target, how, MUST)


def edit_lines(draw, data: Path, target: str) -> Mutation:
    """Delete, repeat or swap lines, or cut the file short: mostly broken YAML, sometimes harmless."""
    path = data / target
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    how = draw(st.sampled_from(["delete", "repeat", "swap", "truncate"]))
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    other = draw(st.integers(0, max(0, len(lines) - 1)))
    if how == "delete":
        del lines[at]
    elif how == "repeat":
        lines.insert(at, lines[at])
    elif how == "swap":
        lines[at], lines[other] = lines[other], lines[at]
    else:
        lines = lines[:at]
    path.write_text("".join(lines), encoding="utf-8")
    return Mutation(target, f"line {at + 1}: {how}", MAY)


def own_steps(draw, data: Path, target: str) -> Mutation:
    """Give a provider its own key steps using a placeholder; unknown ones must be refused."""
    tree = yaml.safe_load((data / target).read_text(encoding="utf-8"))
    placeholder = draw(st.sampled_from([*PLACEHOLDERS, "{name}", "{website}", "{{ jinja }}"]))
    tree["key_steps"] = [{"en": f"Open {placeholder}.", "zh": f"打开 {placeholder}。"},
                         {"en": "Copy it.", "zh": "复制。"}]
    (data / target).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
    known = placeholder in ("{name}", "{website}", "{{ jinja }}")
    return Mutation(target, f"own key_steps with {placeholder}", MAY if known else MUST)


def drop_label(draw, data: Path, target: str) -> Mutation:
    """Remove one label the site shows."""
    tree = yaml.safe_load((data / target).read_text(encoding="utf-8"))
    key = draw(st.sampled_from(sorted(tree)))
    del tree[key]
    (data / target).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Mutation(target, f"label {key} removed", MUST)


@st.composite
def mutations(draw, data: Path, targets: list[str]):
    """Apply one mutation to one of the data files in `data`; return what was done."""
    target = draw(st.sampled_from(targets))
    kinds = [write_value, write_value, write_value, replace_file, edit_lines]
    if target.startswith("providers/"):
        kinds.append(own_steps)
    if target.startswith("labels/"):
        kinds.append(drop_label)
    return draw(st.sampled_from(kinds))(draw, data, target)


def shuffled_targets(data: Path, seed: int) -> list[str]:
    """Every data file, as paths under the data folder, in a fixed order."""
    files = sorted(path.relative_to(data).as_posix() for path in data.rglob("*.yaml"))
    random.Random(seed).shuffle(files)
    return files
