"""The saved catalog (hooks/catalog/cache.py): reused for the same data and code, never for anything else."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import catalog
from catalog import cache
from conftest import ROOT
from corpus import GROQ_FIXTURE


@pytest.fixture
def root(tmp_path) -> Path:
    """A project folder with the shared data files and Groq only."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (tmp_path / "data/providers").mkdir()
    shutil.copy2(GROQ_FIXTURE, tmp_path / "data/providers/groq.yaml")
    catalog._cache.clear()  # the in-process copy would hide what the saved one does
    yield tmp_path
    catalog._cache.clear()


def fresh_load(root: Path):
    catalog._cache.clear()
    return catalog.load_cached(root / "data", root)


def test_second_load_reads_the_saved_copy(root):
    before = catalog.stats["parses"]
    first = fresh_load(root)
    assert len(list((root / cache.FOLDER).glob("*.pickle"))) == 1
    second = fresh_load(root)
    assert catalog.stats["parses"] == before + 1  # the second load parsed nothing
    assert second == first and second is not first


def test_an_edited_data_file_is_read_again(root):
    fresh_load(root)
    groq = root / "data/providers/groq.yaml"
    groq.write_text(groq.read_text(encoding="utf-8").replace("name: Groq", "name: Groq Cloud", 1), encoding="utf-8")
    assert fresh_load(root).provider("groq").name == "Groq Cloud"


def test_changed_reader_code_gives_another_key(root, tmp_path, monkeypatch):
    code = tmp_path / "code"
    shutil.copytree(cache.CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE", code)
    original = cache.key(root / "data")
    (code / "rules.py").write_text((code / "rules.py").read_text(encoding="utf-8") + "\n# changed\n",
                                   encoding="utf-8")
    assert cache.key(root / "data") not in (None, original)


def test_a_catalog_with_problems_is_never_saved_and_fails_every_time(root):
    groq = root / "data/providers/groq.yaml"
    groq.write_text(groq.read_text(encoding="utf-8").replace("context: ", "context: -", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(catalog.CatalogError):
            fresh_load(root)
    assert not list((root / cache.FOLDER).glob("*.pickle"))


def test_a_link_under_data_is_left_to_the_reader(root):
    fresh_load(root)
    os.symlink(root / "data/providers", root / "data/providers/mirror.yaml")
    assert cache.key(root / "data") is None
    with pytest.raises(catalog.CatalogError, match="mirror.yaml"):
        fresh_load(root)
