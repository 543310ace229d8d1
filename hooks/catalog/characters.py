"""Which characters data files may hold: printable text, with what Chinese and emoji need, and none of
the invisible ones that hide what a reviewer reads (control, bidi override, zero-width, private use).

One rule, applied twice: to the raw file before YAML reads it (a raw NUL is a PyYAML traceback) and to
every parsed string (an escaped "\\x00" or "\\u202e" in double quotes only exists after parsing).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Invisible characters that are letters or marks to Unicode, so the category test below misses them.
_INVISIBLE_LETTERS = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0}
# Format characters that real text needs: the zero-width joiner holds emoji sequences (👩‍💻) together,
# tag characters spell subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Variation selectors (U+FE0F) are marks, not format.
_NEEDED_FORMAT = {0x200D, *range(0xE0020, 0xE0080)}
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}
_UNUSUAL = re.compile(r"[^\t\n\r\x20-\x7e]")

ALLOWED_TEXT = ("printable text: no control characters, no bidi overrides, no zero-width or other invisible "
                "characters, no private-use or non-characters")


def _is_noncharacter(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


@functools.lru_cache(maxsize=8192)  # Chinese text repeats its characters; each is judged once
def refused(char: str) -> bool:
    """True for a character no data file may contain."""
    point = ord(char)
    category = unicodedata.category(char)
    if category == "Cc":
        return char not in _ALLOWED_CONTROLS
    if category == "Cf":
        return point not in _NEEDED_FORMAT
    return category in ("Co", "Cs", "Zl", "Zp") or _is_noncharacter(point) or point in _INVISIBLE_LETTERS


def first_refused(text: str) -> int | None:
    """Index of the first refused character in text, or None."""
    # Only characters outside printable ASCII need the Unicode lookup; the scan itself runs in C.
    return next((match.start() for match in _UNUSUAL.finditer(text) if refused(match.group())), None)


def describe(char: str) -> str:
    """A refused character as the contributor can find it: U+202E (RIGHT-TO-LEFT OVERRIDE)."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed ' + unicodedata.category(char))})"


def position_in(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index]."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
