"""Shared fixtures: the real site built once per test session, and throwaway copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "data", "schemas")


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """Build `project` with --strict into `site`, the way the README and CI do."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, env=env, cwd=project)


def copy_project(target: Path) -> Path:
    """A copy of the project (config, hooks, docs, data) that a test may change freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict; tests read its files."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    (out.parent / "build.log").write_text(result.stderr, encoding="utf-8")  # test_site reads what it printed
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
