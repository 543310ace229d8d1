"""Build into a temporary folder next to the output and move the result in only when the whole build
succeeded: pages in every language, exports and search entries.

`mkdocs build -d site` empties `site/` first and writes as it goes, so a build that fails half-way
(in the Chinese build, or in an export written by `on_post_build`) leaves a site that looks complete
but is not. Here the output folder is left as it was until the end; a failed build only removes the
temporary folder. `mkdocs serve` and `--dirty` builds write in place as before (serve has its own
temporary folder, and a dirty build wants the old files).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

STAGE_COMMANDS = ("build", "gh-deploy")


def plan(state: dict, command: str, dirty: bool) -> None:
    """Remember whether this run builds into a temporary folder (called from on_startup)."""
    state["stage"] = command in STAGE_COMMANDS and not dirty
    state["serving"] = command == "serve"  # the preview skips what no one previews (docsite/exports.py)


def stage(state: dict, config) -> None:
    """Point the build at a fresh temporary folder beside the output, once per run (not per language)."""
    if not state.get("stage") or "staged" in state:
        return
    target = Path(config.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the output, so that publishing is usually a rename per entry.
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    state["staged"] = (target, building)
    config.site_dir = str(building)


def publish(state: dict, config) -> None:
    """Replace the output's content with the finished build (dot files stay, as `mkdocs build` keeps them)."""
    if "staged" not in state:
        return
    target, building = state.pop("staged")
    target.mkdir(exist_ok=True)
    for entry in target.iterdir():
        if not entry.name.startswith("."):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in building.iterdir():
        shutil.move(entry, target / entry.name)  # a rename, or a copy when the output is another mount
    building.rmdir()
    config.site_dir = str(target)


def discard(state: dict) -> None:
    """After a failed build: remove the temporary folder; the output stays as the last good build left it."""
    if "staged" in state:
        _, building = state.pop("staged")
        shutil.rmtree(building, ignore_errors=True)
