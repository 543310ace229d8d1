"""The render-ahead worker of a first build (hooks/docsite/ahead.py): it changes when results are made, never what
the site holds, and what it makes is what the build then uses."""

from __future__ import annotations

import dataclasses
import filecmp
import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from mkdocs.config import load_config

import catalog
from conftest import ROOT, copy_project
from docsite import ahead, ahead_work, exports, rendercache
from render import memo


def build(project: Path, site: Path, switch: str) -> subprocess.CompletedProcess:
    """A strict first build (nothing saved yet) with the worker forced on ("1") or off ("0"), debug lines shown."""
    for saved in (project / ".cache").rglob("*.marshal"):
        saved.unlink()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", ahead.SWITCH: switch}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "-d", str(site)],
                            capture_output=True, text=True, env=env, cwd=project)
    assert result.returncode == 0, result.stderr[-4000:]
    return result


def worker_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("render-ahead-*"))


def differing(left: Path, right: Path) -> list[str]:
    """Files that differ between two sites, by content."""
    found = []

    def walk(node, prefix=""):
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            walk(child, prefix + name + "/")
    walk(filecmp.dircmp(left, right))
    return found


def saved_keys(project: Path) -> set:
    """The keys of every result a build made (its saved copy holds them all)."""
    copies = list((project / rendercache.FOLDER).glob("*.marshal"))
    assert len(copies) == 1
    return set(marshal.loads(copies[0].read_bytes()))


def test_a_first_build_is_the_same_site_with_or_without_the_worker(tmp_path):
    project = copy_project(tmp_path / "project")
    without = build(project, tmp_path / "without", "0")
    made_alone = saved_keys(project)
    before = worker_folders()
    with_worker = build(project, tmp_path / "with", "1")
    assert "Rendered ahead" not in without.stderr
    taken = [line for line in with_worker.stderr.splitlines() if "Rendered ahead on a second core" in line]
    assert taken and int(taken[0].split(": ")[-1].split()[0]) > 500, with_worker.stderr[-2000:]
    assert differing(tmp_path / "without", tmp_path / "with") == []
    assert saved_keys(project) == made_alone  # the saved copy is whole for the next build, too
    assert worker_folders() <= before  # the worker's files are gone


def worker_keys(project: Path) -> dict[str, set]:
    """What the worker makes for this project, by function, made here in this process."""
    config = load_config(str(project / "mkdocs.yml"))
    memo.results(None)
    catalog._cache.clear()
    loaded = catalog.load(project / "data", project)
    plan = ahead_work.Plan.of({"today": exports.build_day(), "root": project}, config)
    plan = dataclasses.replace(plan, docs_dir=project / "docs")
    table = memo.results(loaded)
    for batch in ahead_work.batches(loaded, plan):
        for make in batch:
            make()
    made = {key for key, value in table.items() if rendercache.is_plain(key) and rendercache.is_plain(value)}
    memo.results(None)
    by_function: dict[str, set] = {}
    for key in made:
        by_function.setdefault(key[0], set()).add(key)
    return by_function


def test_the_worker_makes_what_the_build_uses(tmp_path):
    """Each result the worker makes has the key a real build looks up, and for each function it covers it makes
    every result the build wants, but the llms text of hand-written pages (whose Markdown only the build has)."""
    project = copy_project(tmp_path / "project")
    build(project, tmp_path / "site", "0")
    used = saved_keys(project)
    made = worker_keys(project)
    assert {name.rsplit(".", 1)[-1] for name in made} >= {
        "_expand_usual", "slot_table", "rendered", "provider_table", "markdown", "export_files", "feed_files",
        "compare_file", "plain_text", "_render_page", "_model_entries", "_row_boosts"}
    for name, keys in made.items():
        assert keys <= used, f"{name}: {len(keys - used)} results the build never looks up"
        wanted = {key for key in used if key[0] == name}
        if name.endswith(".plain_text"):  # (name, src_uri, ...): left to the build for hand-written pages only
            left = {key[1] for key in wanted - keys}
            assert left and all((project / "docs" / source.replace(".zh.md", ".md")).is_file() for source in left)
        elif name.endswith("._pinyin_key"):  # a name's sort key, made wherever names are sorted: the llms files
            assert len(wanted - keys) <= 5, wanted - keys  # also sort hand-written pages' titles
        else:
            assert keys == wanted, f"{name}: {len(wanted - keys)} results the build makes alone"


def test_no_process_to_spare_leaves_the_build_to_render_alone(monkeypatch):
    def refuse():
        raise OSError("Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", refuse)
    memo.results(None)
    state = {"ahead_allowed": True, "today": exports.build_day(), "root": ROOT, "catalog": object()}
    before = worker_folders()
    ahead.start(state, load_config(str(ROOT / "mkdocs.yml")), restored=0)
    assert "ahead" not in state and worker_folders() <= before


def test_a_damaged_batch_stops_the_worker_and_the_build_goes_on(tmp_path):
    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    folder = tmp_path / "render-ahead"
    folder.mkdir()
    (folder / "0.marshal").write_bytes(b"\x00 not marshal")
    state = {"catalog": object(), "ahead": {"pid": worker.pid, "folder": folder, "next": 0, "exited": False,
                                            "taken": 0}}
    ahead.collect(state)
    assert "ahead" not in state and not folder.exists()
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left running
        os.kill(worker.pid, 0)
