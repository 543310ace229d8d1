"""Hand-written pages and their twins in the other language (suffix layout: page.md beside page.zh.md).

A Chinese page records which English text it translates: `source_hash:` in its front matter is a
short hash of the English file as it was when the translation was made. When the English file
changes, the hashes differ and the Chinese page is stale. `scripts/check translations` lists missing
twins and stale pages; `--stamp` records the hash after a translation is brought up to date.
Generated provider pages have no files in docs/ and are complete in both languages by construction.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

TRANSLATION = "zh"  # the suffix of translated pages; mkdocs.yml's non-default language
FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?\n)---\n", re.S)
HASH_LINE = re.compile(r"^source_hash:[ \t]*(?P<hash>\S*)[ \t]*$", re.M)


@dataclass(frozen=True)
class Twins:
    """One page in both languages, by docs-relative path; a missing side is None."""

    english: str | None
    chinese: str | None


def english_path_of(chinese: str) -> str:
    """page.zh.md → page.md, for any docs-relative path."""
    return chinese.removesuffix(f".{TRANSLATION}.md") + ".md"


def chinese_path_of(english: str) -> str:
    """page.md → page.zh.md, for any docs-relative path."""
    return english.removesuffix(".md") + f".{TRANSLATION}.md"


def pages(docs_dir: Path) -> list[Twins]:
    """Every hand-written page under docs/, paired with its twin."""
    found = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    chinese = {path for path in found if path.endswith(f".{TRANSLATION}.md")}
    english = found - chinese
    keys = sorted(english | {english_path_of(path) for path in chinese})
    return [Twins(key if key in english else None, chinese_path_of(key) if chinese_path_of(key) in chinese else None)
            for key in keys]


def source_hash(english_text: str) -> str:
    """Short hash of an English page; line endings and trailing spaces do not count as changes."""
    normalized = "\n".join(line.rstrip() for line in english_text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def recorded_hash(chinese_text: str) -> str | None:
    """The `source_hash:` in a Chinese page's front matter, or None when it has none."""
    front = FRONT_MATTER.match(chinese_text)
    found = HASH_LINE.search(front["body"]) if front else None
    return found["hash"] if found else None


def is_stale(docs_dir: Path, twins: Twins) -> bool:
    """True when the Chinese page records a hash and the English page no longer has it."""
    if twins.english is None or twins.chinese is None:
        return False
    recorded = recorded_hash((docs_dir / twins.chinese).read_text(encoding="utf-8"))
    return recorded is not None and recorded != source_hash((docs_dir / twins.english).read_text(encoding="utf-8"))


def stamped(chinese_text: str, new_hash: str) -> str:
    """The Chinese page with `source_hash: new_hash` in its front matter (added when missing)."""
    line = f"source_hash: {new_hash}"
    front = FRONT_MATTER.match(chinese_text)
    if front is None:
        return f"---\n{line}\n---\n\n{chinese_text}"
    body = HASH_LINE.sub(line, front["body"]) if HASH_LINE.search(front["body"]) else front["body"] + line + "\n"
    return f"---\n{body}---\n" + chinese_text[front.end():]


def stamp(docs_dir: Path, chinese: str) -> str:
    """Record the current English text's hash in a Chinese page; return the hash."""
    path = docs_dir / chinese
    new_hash = source_hash((docs_dir / english_path_of(chinese)).read_text(encoding="utf-8"))
    path.write_text(stamped(path.read_text(encoding="utf-8"), new_hash), encoding="utf-8")
    return new_hash
