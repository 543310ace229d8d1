"""A saved copy of the loaded catalog, so a second build or a `mkdocs serve` rebuild skips reading and
validating files that did not change.

The copy lives in `.cache/catalog/` beside mkdocs.yml (git-ignored; deleting it only costs one full
read). Its name is a SHA-256 of every file under data/ (path and bytes), of this package's source code
and of today's date (the checks judge dates against it), so an edited data file, a changed check or a
new day each give a new name and the copy is never used for anything it was not made from. Only a
catalog that passed every check is saved; a catalog with problems is read in full each time, so its
errors are always reported.

The copy is a pickle: this code writes it into the project's own folder and reads it back only under
the name it computed. Whoever can write there can edit the hooks too, so it grants nothing new; never
point it at a file from elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from pathlib import Path

from .days import today
from .files import MAX_FILE_BYTES

FOLDER = ".cache/catalog"
CODE = Path(__file__).resolve().parent
KEEP = 4  # copies kept: switching branches back and forth still finds its copy


def _add_code(digest) -> None:
    """Hash the package's Python source (not its bytecode, which each Python version writes anew)."""
    for path in sorted(CODE.glob("*.py")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")


def _add_tree(digest, folder: Path) -> bool:
    """Hash every regular file under `folder` (not following links); False at anything else, so that
    a link, pipe or oversized file goes to the reader, which refuses it with a proper message."""
    for current, folders, names in os.walk(folder):
        if any(os.path.islink(os.path.join(current, name)) for name in folders):
            return False
        folders.sort()
        for name in sorted(names):
            path = Path(current, name)
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                return False
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return True


def key(data_dir: Path) -> str | None:
    """The name of the copy for this data, code and day; None when the data cannot be hashed safely."""
    digest = hashlib.sha256(today().isoformat().encode("ascii"))
    _add_code(digest)
    if not _add_tree(digest, data_dir):
        return None
    return digest.hexdigest()


def read(root: Path, name: str):
    """The saved catalog under this name, or None (missing, or written by an older Python or pickle)."""
    try:
        with open(root / FOLDER / f"{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


def write(root: Path, name: str, catalog) -> None:
    """Save the catalog under its name (atomically) and drop all but the newest few copies."""
    keep_copy(root / FOLDER, f"{name}.pickle", pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))


def keep_copy(folder: Path, filename: str, content: bytes) -> bool:
    """Write a saved copy atomically beside its older ones and keep only the newest KEEP with its suffix.
    False when the folder cannot be written: a read-only checkout builds as before, only without copies."""
    suffix = Path(filename).suffix
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{filename}.{os.getpid()}.partial"
        partial.write_bytes(content)
        os.replace(partial, folder / filename)
        copies = sorted(folder.glob(f"*{suffix}"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return False
    return True
