"""Read a data file's text: a regular file under the size limit, UTF-8, printable, indented with spaces.

Everything here happens before YAML sees the text, so a link to a system file, a pipe, a 2 GiB sparse
file or a raw control byte is refused with a line number instead of being followed, hanging, read
whole or turned into a PyYAML traceback.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from . import characters
from .problems import Problem, SourceError

MAX_FILE_BYTES = 512 * 1024


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


def refuse_characters(text: str, shown: str, field: str, start: tuple[int, int] | None = None) -> None:
    """SourceError at the first character the data files may not hold (characters.py); `start` is where
    a parsed value begins (an escaped character has no place of its own), None for a whole file."""
    index = characters.first_refused(text)
    if index is None:
        return
    line, column = characters.position_in(text, index) if start is None else start
    raise SourceError(Problem(shown, line, column, field, f"character {characters.describe(text[index])} is not "
                              "allowed", f"delete it; data files hold {characters.ALLOWED_TEXT}"))


def read_text(path: Path, shown: str) -> str:
    """Bytes to text, refusing what is too large, not UTF-8 or indented with tabs (characters: source.py)."""
    raw = read_bytes(path, shown)
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark some editors add is dropped, not refused
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(Problem(shown, line, 1, "", "file is not valid UTF-8",
                                  "save it as UTF-8 (no BOM needed)")) from None
    for number, line in enumerate(text.splitlines(), start=1):
        indent = re.match(r"[ \t]*", line).group()
        if "\t" in indent:
            raise SourceError(Problem(shown, number, indent.index("\t") + 1, "",
                                      "tab used for indentation", "indent with spaces"))
    return text
