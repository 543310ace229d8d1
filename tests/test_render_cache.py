"""Results computed once per catalog (hooks/render/memo.py) and their saved copy (hooks/docsite/rendercache.py):
reused for the same data and code, never for anything else, and a site built from them is the same site."""

from __future__ import annotations

import filecmp
import marshal
import shutil
from pathlib import Path

import pytest

import catalog
from conftest import ROOT, copy_project, mkdocs_build
from corpus import GROQ_FIXTURE
from docsite import rendercache
from render import markers, memo

PAGE = "# Groq\n\n<!-- catalog:models groq -->\n"


@pytest.fixture
def root(tmp_path) -> Path:
    """A project folder with the shared data files and Groq only, and no results kept from other tests."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (tmp_path / "data/providers").mkdir()
    shutil.copy2(GROQ_FIXTURE, tmp_path / "data/providers/groq.yaml")
    yield tmp_path
    catalog._cache.clear()
    memo.results(None)


def new_process(root: Path):
    """What a new build process starts with: no catalog and no results in memory, then the saved copies."""
    catalog._cache.clear()
    memo.results(None)
    rendercache._state.update(restored=None, count=0)
    loaded = catalog.load_cached(root / "data", root)
    rendercache.restore(loaded, root)
    return loaded


def saved_copies(root: Path) -> list[Path]:
    return list((root / rendercache.FOLDER).glob("*.marshal"))


def test_a_result_is_computed_once_per_catalog():
    calls = []
    twice = memo.per_catalog(lambda catalog, value: calls.append(value) or value * 2)
    first, second = object(), object()
    assert [twice(first, 2), twice(first, 2), twice(second, 2)] == [4, 4, 4]
    assert calls == [2, 2]  # once for each catalog
    memo.results(None)


def test_a_repeated_build_reads_the_saved_results(root, monkeypatch):
    loaded = new_process(root)
    expanded = markers.expand(PAGE, loaded, "zh")
    rendercache.save(loaded, root)
    assert len(saved_copies(root)) == 1
    again = new_process(root)
    assert again is not loaded
    monkeypatch.setattr(markers, "_render_one", lambda *args: pytest.fail("rendered again"))
    assert markers.expand(PAGE, again, "zh") == expanded


def test_an_edited_data_file_is_rendered_again(root):
    loaded = new_process(root)
    assert "Balanced performance for everyday coding" in markers.expand(PAGE, loaded, "en")
    rendercache.save(loaded, root)
    groq = root / "data/providers/groq.yaml"
    text = groq.read_text(encoding="utf-8")
    groq.write_text(text.replace("Balanced performance for", "Steady performance for", 1), encoding="utf-8")
    expanded = markers.expand(PAGE, new_process(root), "en")
    assert "Steady performance for everyday coding" in expanded and "Balanced" not in expanded


def test_changed_hook_code_gives_another_name(root, tmp_path, monkeypatch):
    loaded = new_process(root)
    hooks = tmp_path / "hooks"
    shutil.copytree(rendercache.HOOKS, hooks, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rendercache, "HOOKS", hooks)
    original = rendercache._name(loaded, root)
    renderer = hooks / "render/models.py"
    renderer.write_text(renderer.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert rendercache._name(loaded, root) not in (None, original)


def test_only_plain_values_are_saved(root):
    loaded = new_process(root)
    markers.expand(PAGE, loaded, "en")
    memo.per_catalog(lambda catalog: catalog)(loaded)  # an object: kept in memory only
    rendercache.save(loaded, root)
    saved = marshal.loads(saved_copies(root)[0].read_bytes())
    assert saved and all(rendercache.is_plain(key) and isinstance(value, str) for key, value in saved.items())


def test_an_unreadable_copy_is_ignored(root):
    loaded = new_process(root)
    expanded = markers.expand(PAGE, loaded, "en")
    rendercache.save(loaded, root)
    saved_copies(root)[0].write_bytes(b"\x00not marshal")
    assert markers.expand(PAGE, new_process(root), "en") == expanded


def test_a_repeated_build_writes_the_same_site(tmp_path):
    """The second build reads the saved catalog and results; every file it writes is the same."""
    project = copy_project(tmp_path / "project")
    sites, copies = [tmp_path / "first", tmp_path / "second"], []
    for site in sites:
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr[-4000:]
        copies.append([(path.name, path.stat().st_mtime_ns) for path in saved_copies(project)])
    assert len(copies[0]) == 1 and copies[1] == copies[0]  # the second build found every result saved
    compared = filecmp.dircmp(sites[0], sites[1])
    differing = []

    def walk(node, prefix=""):
        differing.extend(prefix + name for name in node.diff_files + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            walk(child, prefix + name + "/")
    walk(compared)
    assert not differing


def test_serve_rebuilds_keep_results_in_memory_only(root):
    loaded = new_process(root)
    markers.expand(PAGE, loaded, "en")
    rendercache.save(loaded, root, serving=True)
    assert not saved_copies(root)
