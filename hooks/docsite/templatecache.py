"""Compiled theme templates kept between builds in `.cache/jinja/` (git-ignored, safe to delete).

Each language build, and every `mkdocs serve` rebuild, starts a new Jinja environment that compiles
Material's templates again: about half a second of each on the real site. Jinja's own bytecode cache
stores the compiled code under the template's name and reuses it only when the template's source (by
checksum), Jinja and Python are the same, so an upgraded theme or an edited override compiles anew.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

FOLDER = ".cache/jinja"


def use(env: jinja2.Environment, root: Path) -> None:
    """Give the environment the project's bytecode cache; a read-only checkout compiles as before."""
    folder = root / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
